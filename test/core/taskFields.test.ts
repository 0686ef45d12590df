// The node inspector's core operations: fields on the DAG task (when, loops,
// continueOn, the task as YAML) and on its template (retry, timeouts,
// scheduling, volumes, env, daemon, HTTP, suspend, the template as YAML).
// Every accepted edit compiles to a manifest Argo's schema accepts and
// survives export -> open unchanged; every refused edit leaves the pipeline
// as it was and names the field.
//
//   a ──> b        both run the shared template `echo`
//   web            runs `call` (http)
//   wait           runs `pause` (suspend)
//   py             runs `py` (script)
import { describe, expect, it } from 'vitest';
import {
  addTask,
  compile,
  connect,
  createPipeline,
  exportDocument,
  findTask,
  findTemplate,
  openDocuments,
  templates,
  type Diagnostic,
  type Pipeline,
  type Result,
  type Template,
} from '../../src/core';
import { setNodeAffinity } from '../../src/core/model/affinity';
import {
  envRows,
  setEnvVar,
  setResource,
  setVolumeMount,
} from '../../src/core/model/containerFields';
import { setHttpField, setHttpHeaders } from '../../src/core/model/httpFields';
import { setTaskYaml, setTemplateYaml, taskYamlText } from '../../src/core/model/nodeYaml';
import {
  itemsText,
  parseItems,
  setContinueOn,
  setLoop,
  setTaskField,
  setWhen,
} from '../../src/core/model/taskFields';
import {
  forkTemplate,
  setDaemon,
  setRetryStrategy,
  setSuspendDuration,
  setTemplateField,
  setTemplateTimeout,
  setTemplateYamlField,
} from '../../src/core/model/templateFields';
import { validateManifest } from '../support/argoSchema';
import { hasShared } from '../support/sharedData';
import { scopeTasks } from '../../src/core/model/scope';
import { tasksOf } from '../support/scope';

const echo: Template = { name: 'echo', container: { image: 'alpine:3.20', command: ['echo'] } };
const call: Template = { name: 'call', http: { url: 'https://example.com/health' } };
const pause: Template = { name: 'pause', suspend: {} };
const py: Template = { name: 'py', script: { image: 'python:3.12', source: 'print(1)\n' } };

function base(): Pipeline {
  let p = createPipeline({ name: 'wf' });
  for (const [name, template] of [
    ['a', echo],
    ['b', echo],
    ['web', call],
    ['wait', pause],
    ['py', py],
  ] as const)
    ({ pipeline: p } = addTask(p, { name, template }));
  return connect(p, 'a', 'b').pipeline;
}

/** An accepted edit: no diagnostics, valid for Argo's schema, unchanged by export -> open. */
function accepted(r: Result<Pipeline> | Pipeline, before?: Pipeline): Pipeline {
  const checked = 'diagnostics' in r;
  if (checked) expect(r.diagnostics).toEqual([]);
  const p = checked ? r.value : r;
  if (before) expect(p).not.toBe(before);
  if (hasShared) expect(validateManifest(compile(p))).toEqual([]);
  const back = openDocuments(exportDocument(p)).documents[0]?.pipeline;
  expect(tasksOf(back)).toEqual(scopeTasks(p));
  expect(back && templates(back)).toEqual(templates(p));
  return p;
}

/** A refused edit: the same pipeline and one diagnostic whose message matches. */
function refused(r: Result<Pipeline>, p: Pipeline, message: RegExp): Diagnostic {
  expect(r.value).toBe(p);
  expect(r.diagnostics.length).toBeGreaterThan(0);
  expect(r.diagnostics.map((d) => d.message).join('\n')).toMatch(message);
  return r.diagnostics[0]!;
}

const task = (p: Pipeline, name: string) => findTask(p, name)!;
const template = (p: Pipeline, name: string) => findTemplate(p, name)!;

describe('task fields', () => {
  it('sets and removes a field; the name is not a field', () => {
    const p = base();
    const q = accepted(setTaskField(p, 'b', 'when', '{{tasks.a.status}} == Succeeded'), p);
    expect(task(q, 'b').when).toBe('{{tasks.a.status}} == Succeeded');
    expect(task(setTaskField(q, 'b', 'when', ''), 'b')).not.toHaveProperty('when');
    expect(setTaskField(p, 'b', 'name', 'c')).toBe(p);
  });

  it('checks `when` before writing it', () => {
    const p = base();
    const q = accepted(setWhen(p, 'b', ' {{tasks.a.outputs.result}} == "yes" '), p);
    expect(task(q, 'b').when).toBe('{{tasks.a.outputs.result}} == "yes"');
    const d = refused(setWhen(p, 'b', '{{tasks.a.status == x'), p, /when .* does not parse/);
    expect(d.task).toBe('b');
    expect(d.path?.slice(-1)).toEqual(['when']);
    expect(task(accepted(setWhen(q, 'b', '')), 'b')).not.toHaveProperty('when');
  });

  it('keeps one loop kind at a time', () => {
    let p = base();
    p = accepted(setLoop(p, 'a', 'withItems', ['x', 'y']));
    expect(task(p, 'a').withItems).toEqual(['x', 'y']);
    p = accepted(setLoop(p, 'a', 'withParam', '{{workflow.parameters.list}}'));
    expect(task(p, 'a')).toMatchObject({ withParam: '{{workflow.parameters.list}}' });
    expect(task(p, 'a')).not.toHaveProperty('withItems');
    p = accepted(setLoop(p, 'a', 'withSequence', { count: '5', start: '1', format: 'n%02d' }));
    expect(task(p, 'a').withSequence).toEqual({ count: 5, start: 1, format: 'n%02d' });
    expect(task(p, 'a')).not.toHaveProperty('withParam');
    p = accepted(setLoop(p, 'a', 'withSequence', { end: '{{inputs.parameters.n}}' }));
    expect(task(p, 'a').withSequence).toEqual({ end: '{{inputs.parameters.n}}' });
    p = accepted(setLoop(p, 'a', 'none'));
    expect(Object.keys(task(p, 'a')).sort()).toEqual(['name', 'template']);
  });

  it.each([
    ['withSequence', { count: '3', end: '9' }, /count or end, not both/],
    ['withSequence', { start: '1' }, /needs a count or an end/],
    ['withSequence', { count: '-1' }, /withSequence.count must be at least 0/],
    ['withSequence', { count: 'many' }, /withSequence.count must be a whole number/],
    ['withParam', '{{tasks.a.outputs.result', /withParam: '\{\{' is never closed/],
    ['withItems', 'not a list', /withItems must be a list/],
  ] as const)('refuses %s %j', (kind, value, message) => {
    const p = base();
    refused(setLoop(p, 'a', kind, value as never), p, message);
  });

  it.each([
    ['a\n b \n\nc', ['a', 'b', 'c']],
    ['- 1\n- 2', [1, 2]],
    ['[{os: linux}, {os: windows}]', [{ os: 'linux' }, { os: 'windows' }]],
    ['', []],
  ])('reads withItems %j', (text, items) => {
    expect(parseItems(text)).toEqual({ value: items, diagnostics: [] });
    // and writes them back as text that reads the same
    expect(parseItems(itemsText(items)).value).toEqual(items);
  });

  it('reports a YAML list that does not parse', () => {
    expect(parseItems('- [a').diagnostics[0]?.message).toMatch(/^withItems: /);
  });

  it('sets continueOn flags and removes it when both are off', () => {
    const p = base();
    let q = accepted(setContinueOn(p, 'a', { failed: true }), p);
    expect(task(q, 'a').continueOn).toEqual({ failed: true });
    q = accepted(setContinueOn(q, 'a', { error: true }));
    expect(task(q, 'a').continueOn).toEqual({ failed: true, error: true });
    q = accepted(setContinueOn(q, 'a', { failed: false, error: false }));
    expect(task(q, 'a')).not.toHaveProperty('continueOn');
  });
});

describe('forking a shared template', () => {
  it('copies the template for one task only', () => {
    const p = base();
    const q = accepted(forkTemplate(p, 'b'), p);
    expect(task(q, 'b').template).toBe('echo-b');
    expect(task(q, 'a').template).toBe('echo');
    expect(template(q, 'echo-b')).toEqual({ ...echo, name: 'echo-b' });
    const names = templates(q).map((t) => t.name);
    expect(names.indexOf('echo-b')).toBe(names.indexOf('echo') + 1);
    // Editing the copy leaves the other task's template alone.
    const r = accepted(setDaemon(q, 'echo-b', true));
    expect(template(r, 'echo')).toEqual(echo);
    // Forking again picks a free name.
    const s = accepted(forkTemplate(setTaskField(q, 'b', 'template', 'echo'), 'b'));
    expect(task(s, 'b').template).toBe('echo-b-2');
  });

  it('refuses a task without a template of this workflow', () => {
    const p = setTaskField(base(), 'a', 'template', undefined);
    const q = setTaskField(p, 'a', 'templateRef', { name: 'lib', template: 'x' });
    refused(forkTemplate(q, 'a'), q, /nothing to copy/);
    refused(forkTemplate(q, 'zzz'), q, /no task named 'zzz'/);
  });
});

describe('retry and timeouts', () => {
  it('writes numbers as numbers and keeps what the form does not edit', () => {
    let p = setTemplateField(
      base(),
      'echo',
      ['retryStrategy', 'expression'],
      'lastRetry.exitCode > 1',
    );
    p = accepted(
      setRetryStrategy(p, 'echo', {
        limit: '3',
        retryPolicy: 'OnTransientError',
        duration: '10s',
        factor: '2',
        maxDuration: '5m',
      }),
    );
    expect(template(p, 'echo').retryStrategy).toEqual({
      expression: 'lastRetry.exitCode > 1',
      limit: 3,
      retryPolicy: 'OnTransientError',
      backoff: { duration: '10s', factor: 2, maxDuration: '5m' },
    });
    p = accepted(setRetryStrategy(p, 'echo', { limit: '{{inputs.parameters.tries}}' }));
    expect(template(p, 'echo').retryStrategy).toMatchObject({
      limit: '{{inputs.parameters.tries}}',
    });
    p = accepted(
      setRetryStrategy(p, 'echo', { duration: '', factor: '', maxDuration: '', retryPolicy: '' }),
    );
    expect(template(p, 'echo').retryStrategy).not.toHaveProperty('backoff');
  });

  it('removes the strategy with its last field (retryStrategy: {} retries forever)', () => {
    const p = accepted(setRetryStrategy(base(), 'echo', { limit: '2' }));
    const q = accepted(setRetryStrategy(p, 'echo', { limit: '' }));
    expect(template(q, 'echo')).toEqual(echo);
  });

  it.each([
    [{ limit: '-1' }, /retryStrategy.limit must be at least 0/],
    [{ limit: 'three' }, /retryStrategy.limit must be a whole number/],
    [{ retryPolicy: 'Sometimes' }, /retryStrategy.retryPolicy must be one of Always, OnFailure/],
    [{ duration: 'soon' }, /retryStrategy.backoff.duration must be a duration/],
    [{ factor: '0' }, /retryStrategy.backoff.factor must be at least 1/],
  ])('refuses %j', (patch, message) => {
    const p = base();
    const d = refused(setRetryStrategy(p, 'echo', patch), p, message);
    expect(d.path?.[2]).toBe(templates(p).findIndex((t) => t.name === 'echo'));
  });

  it('sets activeDeadlineSeconds and timeout', () => {
    let p = accepted(setTemplateTimeout(base(), 'echo', 'activeDeadlineSeconds', '300'));
    p = accepted(setTemplateTimeout(p, 'echo', 'timeout', '1h30m'));
    expect(template(p, 'echo')).toMatchObject({ activeDeadlineSeconds: 300, timeout: '1h30m' });
    refused(
      setTemplateTimeout(p, 'echo', 'activeDeadlineSeconds', '0'),
      p,
      /activeDeadlineSeconds must be at least 1/,
    );
    refused(
      setTemplateTimeout(p, 'echo', 'timeout', '30'),
      p,
      /timeout must be a duration such as 30s/,
    );
    p = accepted(setTemplateTimeout(p, 'echo', 'timeout', ''));
    expect(template(p, 'echo')).not.toHaveProperty('timeout');
  });
});

describe('scheduling and volumes', () => {
  it('sets a node selector, tolerations and volumes from YAML', () => {
    let p = accepted(setTemplateField(base(), 'echo', 'nodeSelector', { disk: 'ssd' }));
    p = accepted(
      setTemplateYamlField(
        p,
        'echo',
        'tolerations',
        '- key: gpu\n  operator: Exists\n  effect: NoSchedule\n',
        'list',
      ),
    );
    p = accepted(
      setTemplateYamlField(p, 'echo', 'volumes', '- name: work\n  emptyDir: {}\n', 'list'),
    );
    expect(template(p, 'echo')).toMatchObject({
      nodeSelector: { disk: 'ssd' },
      tolerations: [{ key: 'gpu', operator: 'Exists', effect: 'NoSchedule' }],
      volumes: [{ name: 'work', emptyDir: {} }],
    });
    p = accepted(setTemplateYamlField(p, 'echo', 'tolerations', '', 'list'));
    expect(template(p, 'echo')).not.toHaveProperty('tolerations');
  });

  it.each([
    ['tolerations', '- key: [gpu', /^tolerations: /],
    ['tolerations', 'key: gpu', /tolerations must be a YAML list/],
    ['volumes', '- emptyDir: {}', /volumes\[0\] needs a name/],
    ['affinity', '- a', /affinity must be a YAML mapping/],
  ])('refuses %s %j', (field, text, message) => {
    const p = base();
    const shape = field === 'affinity' ? 'mapping' : 'list';
    refused(setTemplateYamlField(p, 'echo', field, text, shape), p, message);
  });

  it('gives a syntax error its line', () => {
    const p = base();
    const d = refused(
      setTemplateYamlField(p, 'echo', 'volumes', '- name: a\n  name: b\n', 'list'),
      p,
      /volumes: duplicated mapping key 'name'/,
    );
    expect(d.line).toBe(2);
  });

  it('edits the first required node selector term and keeps the rest of affinity', () => {
    const preferred = {
      preferredDuringSchedulingIgnoredDuringExecution: [
        {
          weight: 1,
          preference: { matchExpressions: [{ key: 'zone', operator: 'In', values: ['a'] }] },
        },
      ],
    };
    let p = setTemplateField(base(), 'echo', ['affinity', 'nodeAffinity'], preferred);
    p = accepted(
      setNodeAffinity(p, 'echo', [
        { key: 'gpu', operator: 'In', values: ['a100', 'h100'] },
        { key: 'spot', operator: 'DoesNotExist', values: [] },
      ]),
    );
    expect(template(p, 'echo').affinity).toEqual({
      nodeAffinity: {
        ...preferred,
        requiredDuringSchedulingIgnoredDuringExecution: {
          nodeSelectorTerms: [
            {
              matchExpressions: [
                { key: 'gpu', operator: 'In', values: ['a100', 'h100'] },
                { key: 'spot', operator: 'DoesNotExist' },
              ],
            },
          ],
        },
      },
    });
    p = accepted(setNodeAffinity(p, 'echo', []));
    expect(template(p, 'echo').affinity).toEqual({ nodeAffinity: preferred });
    p = accepted(setTemplateField(p, 'echo', 'affinity', undefined));
    expect(template(p, 'echo')).toEqual(echo);
  });

  it.each([
    [{ key: '', operator: 'In', values: ['x'] }, /needs a label key/],
    [{ key: 'gpu', operator: 'In', values: [] }, /In needs at least one value/],
    [{ key: 'gpu', operator: 'Exists', values: ['x'] }, /Exists takes no values/],
    [{ key: 'cores', operator: 'Gt', values: ['many'] }, /Gt takes exactly one whole number/],
    [{ key: 'gpu', operator: 'Has', values: [] }, /operator must be one of/],
  ])('refuses the requirement %j', (req, message) => {
    const p = base();
    refused(setNodeAffinity(p, 'echo', [req]), p, message);
  });

  it('adds, edits and removes volume mounts', () => {
    let p = accepted(
      setTemplateYamlField(base(), 'echo', 'volumes', '- name: work\n  emptyDir: {}', 'list'),
    );
    p = accepted(setVolumeMount(p, 'echo', 0, { name: 'work', mountPath: '/work' }));
    p = accepted(setVolumeMount(p, 'echo', 1, { name: 'work', mountPath: '/ro', readOnly: true }));
    expect(template(p, 'echo').container).toMatchObject({
      volumeMounts: [
        { name: 'work', mountPath: '/work' },
        { name: 'work', mountPath: '/ro', readOnly: true },
      ],
    });
    p = accepted(setVolumeMount(p, 'echo', 1, { name: 'work', mountPath: '/ro', readOnly: false }));
    expect((template(p, 'echo').container as { volumeMounts: unknown[] }).volumeMounts[1]).toEqual({
      name: 'work',
      mountPath: '/ro',
    });
    p = accepted(setVolumeMount(p, 'echo', 0, undefined));
    p = accepted(setVolumeMount(p, 'echo', 0, undefined));
    expect(template(p, 'echo').container).not.toHaveProperty('volumeMounts');
    refused(
      setVolumeMount(p, 'echo', 0, { name: 'work', mountPath: '' }),
      p,
      /mountPath is required/,
    );
    refused(
      setVolumeMount(p, 'call', 0, { name: 'work', mountPath: '/w' }),
      p,
      /runs no container/,
    );
  });

  it('sets resource requests and limits as quantities', () => {
    let p = accepted(setResource(base(), 'echo', 'requests', 'cpu', '500m'));
    p = accepted(setResource(p, 'echo', 'limits', 'memory', '2Gi'));
    expect(template(p, 'echo').container).toMatchObject({
      resources: { requests: { cpu: '500m' }, limits: { memory: '2Gi' } },
    });
    refused(
      setResource(p, 'echo', 'limits', 'memory', '2 GB'),
      p,
      /resources.limits.memory must be a quantity/,
    );
    p = accepted(setResource(p, 'echo', 'requests', 'cpu', ''));
    expect(template(p, 'echo').container).toMatchObject({
      resources: { limits: { memory: '2Gi' } },
    });
  });

  it('sets daemon and removes it when off', () => {
    const p = accepted(setDaemon(base(), 'echo', true));
    expect(template(p, 'echo').daemon).toBe(true);
    expect(template(accepted(setDaemon(p, 'echo', false)), 'echo')).toEqual(echo);
  });
});

describe('env', () => {
  it('writes a value, a secretKeyRef and a configMapKeyRef', () => {
    let p = accepted(setEnvVar(base(), 'echo', 'MODE', { kind: 'value', value: 'fast' }));
    p = accepted(
      setEnvVar(p, 'echo', 'PASSWORD', { kind: 'secretKeyRef', name: 'db', key: 'password' }),
    );
    p = accepted(
      setEnvVar(p, 'echo', 'REGION', { kind: 'configMapKeyRef', name: 'cfg', key: 'region' }),
    );
    expect((template(p, 'echo').container as { env: unknown }).env).toEqual([
      { name: 'MODE', value: 'fast' },
      { name: 'PASSWORD', valueFrom: { secretKeyRef: { name: 'db', key: 'password' } } },
      { name: 'REGION', valueFrom: { configMapKeyRef: { name: 'cfg', key: 'region' } } },
    ]);
    expect(envRows(template(p, 'echo')).map((r) => r.source.kind)).toEqual([
      'value',
      'secretKeyRef',
      'configMapKeyRef',
    ]);
  });

  it('renames in place, keeps optional, refuses duplicates and bad input, removes', () => {
    let p = setContainerEnv(base(), [
      { name: 'A', value: '1' },
      { name: 'S', valueFrom: { secretKeyRef: { name: 's', key: 'k', optional: true } } },
    ]);
    p = accepted(setEnvVar(p, 'echo', 'B', { kind: 'value', value: '1' }, 'A'));
    p = accepted(setEnvVar(p, 'echo', 'S', { kind: 'secretKeyRef', name: 's2', key: 'k' }));
    expect((template(p, 'echo').container as { env: unknown }).env).toEqual([
      { name: 'B', value: '1' },
      { name: 'S', valueFrom: { secretKeyRef: { name: 's2', key: 'k', optional: true } } },
    ]);
    refused(setEnvVar(p, 'echo', 'S', { kind: 'value', value: '' }, 'B'), p, /'S' is already set/);
    refused(
      setEnvVar(p, 'echo', '1X', { kind: 'value', value: '' }),
      p,
      /must not start with a digit/,
    );
    refused(
      setEnvVar(p, 'echo', 'T', { kind: 'secretKeyRef', name: 'db', key: ' ' }),
      p,
      /key in the Secret is required/,
    );
    refused(
      setEnvVar(p, 'echo', 'T', { kind: 'configMapKeyRef', name: '', key: 'k' }),
      p,
      /ConfigMap name is required/,
    );
    p = accepted(setEnvVar(p, 'echo', 'B', undefined));
    expect(envRows(template(p, 'echo')).map((r) => r.name)).toEqual(['S']);
    refused(
      setEnvVar(p, 'pause', 'X', { kind: 'value', value: '' }),
      p,
      /runs no container or script/,
    );
  });
});

function setContainerEnv(p: Pipeline, env: unknown[]): Pipeline {
  return setTemplateField(p, 'echo', ['container', 'env'], env);
}

describe('script, HTTP and suspend steps', () => {
  it('edits an HTTP step', () => {
    let p = accepted(setHttpField(base(), 'call', 'method', 'post'));
    p = accepted(setHttpField(p, 'call', 'body', '{"ok": true}'));
    p = accepted(setHttpField(p, 'call', 'successCondition', 'response.statusCode == 201'));
    p = accepted(setHttpField(p, 'call', 'timeoutSeconds', '20'));
    p = accepted(
      setHttpHeaders(
        p,
        'call',
        'Content-Type: application/json\nX-Token: {{workflow.parameters.t}}',
      ),
    );
    expect(template(p, 'call').http).toEqual({
      url: 'https://example.com/health',
      method: 'POST',
      body: '{"ok": true}',
      successCondition: 'response.statusCode == 201',
      timeoutSeconds: 20,
      headers: [
        { name: 'Content-Type', value: 'application/json' },
        { name: 'X-Token', value: '{{workflow.parameters.t}}' },
      ],
    });
    refused(setHttpField(p, 'call', 'url', ' '), p, /http.url is required/);
    refused(setHttpHeaders(p, 'call', 'no colon here'), p, /is not Name: value/);
    expect(setHttpField(p, 'echo', 'url', 'x').value).toBe(p); // not an HTTP template
  });

  it('keeps suspend: {} when the duration is cleared', () => {
    let p = accepted(setSuspendDuration(base(), 'pause', '10m'));
    expect(template(p, 'pause').suspend).toEqual({ duration: '10m' });
    p = accepted(setSuspendDuration(p, 'pause', ''));
    expect(template(p, 'pause').suspend).toEqual({});
    refused(setSuspendDuration(p, 'pause', 'later'), p, /suspend.duration must be a duration/);
  });

  it('edits a script source', () => {
    const p = accepted(setTemplateField(base(), 'py', ['script', 'source'], 'print("hi")\n'));
    expect(template(p, 'py').script).toEqual({ image: 'python:3.12', source: 'print("hi")\n' });
  });
});

describe('edit as YAML', () => {
  it('shows the task in Argo order and applies a valid edit', () => {
    const p = base();
    expect(taskYamlText(task(p, 'b'))).toBe('name: b\ntemplate: echo\ndepends: a\n');
    const text =
      'name: b\ntemplate: echo\ndepends: a\nwhen: "{{tasks.a.status}} == Succeeded"\nwithItems:\n- 1\n- 2\n';
    const q = accepted(setTaskYaml(p, 'b', text), p);
    expect(task(q, 'b')).toEqual({
      name: 'b',
      template: 'echo',
      depends: 'a',
      when: '{{tasks.a.status}} == Succeeded',
      withItems: [1, 2],
    });
    expect(setTaskYaml(q, 'b', taskYamlText(task(q, 'b'))).value).toBe(q);
  });

  it.each([
    ['name: b\ntemplate: [echo', /task: .*/, 'yaml-syntax'],
    ['- name: b', /task must be a YAML mapping/, 'yaml-shape'],
    ['', /the task is empty/, 'yaml-shape'],
    ['name: c\ntemplate: echo', /name must stay 'b'/, 'name-changed'],
    ['name: b\ntemplate: echo\nwhenn: x', /unknown field 'whenn'/, 'invalid-field'],
    [
      'name: b\ntemplate: echo\nwithItems: [1]\nwithParam: x',
      /only one of withItems/,
      'invalid-field',
    ],
    [
      'name: b\ntemplate: echo\nwithSequence: {count: lots}',
      /withSequence.count must be a whole number/,
      'invalid-field',
    ],
    ['name: b\ntemplate: nope', /template name 'nope' undefined/, 'unknown-template'],
    ['name: b\ntemplate: echo\nwhen: "{{x"', /is never closed/, 'unclosed-tag'],
  ])('refuses task YAML %j', (text, message, code) => {
    const p = base();
    const d = refused(setTaskYaml(p, 'b', text), p, message);
    expect(d.code).toBe(code);
  });

  it('refuses a dependency cycle pinned to another task', () => {
    // a -> b, and a now depends on b: a -> b -> a
    const p = base();
    refused(setTaskYaml(p, 'a', 'name: a\ntemplate: echo\ndepends: b'), p, /cycle/);
  });

  it('does not block on errors the task already had', () => {
    const p = setTaskField(base(), 'b', 'template', 'nope');
    const r = setTaskYaml(p, 'b', 'name: b\ntemplate: nope\nwhen: "1 == 1"');
    expect(r.diagnostics).toEqual([]);
    expect(task(r.value, 'b').when).toBe('1 == 1');
  });

  it('replaces a template for every task that runs it', () => {
    const p = base();
    const text = 'name: echo\ncontainer:\n  image: busybox:1.36\nretryStrategy:\n  limit: 2\n';
    const q = accepted(setTemplateYaml(p, 'echo', text), p);
    expect(template(q, 'echo')).toEqual({
      name: 'echo',
      container: { image: 'busybox:1.36' },
      retryStrategy: { limit: 2 },
    });
  });

  it.each([
    ['name: echo\ncontainer: {image: a}\nscript: {image: a, source: x}', /multiple template types/],
    [
      'name: echo\ncontainer: {image: a}\nretryStrategy: {limit: -2}',
      /retryStrategy.limit must be at least 0/,
    ],
    ['name: echo\ncontainer: {image: a}\ntimeout: 30', /timeout must be a duration/],
    ['name: echo\ncontainer: {image: a, env: [{value: x}]}', /container.env\[0\] needs a name/],
    [
      'name: echo\ncontainer: {image: a}\nnodeSelector: {disk: [ssd]}',
      /nodeSelector.disk must be a string/,
    ],
    ['name: other\ncontainer: {image: a}', /name must stay 'echo'/],
    // A required input nobody supplies: a new error on tasks a and b.
    [
      'name: echo\ninputs: {parameters: [{name: msg}]}\ncontainer: {image: a}',
      /inputs.parameters.msg was not supplied/,
    ],
  ])('refuses template YAML %j', (text, message) => {
    const p = base();
    refused(setTemplateYaml(p, 'echo', text), p, message);
  });

  it('edits the DAG template on the canvas as YAML too: its tasks are in it', () => {
    const p = base();
    const tasks = scopeTasks(p);
    // Argo refuses a DAG without tasks (validate.go validateDAG), so one task stays.
    const yaml = 'name: main\nparallelism: 2\ndag: {tasks: [{name: a, template: echo}]}';
    const next = setTemplateYaml(p, 'main', yaml).value;
    expect(scopeTasks(next)).toEqual([{ name: 'a', template: 'echo' }]);
    expect(tasks.length).toBeGreaterThan(1);
    expect(findTemplate(next, 'main')).toEqual({
      name: 'main',
      parallelism: 2,
      dag: { tasks: [{ name: 'a', template: 'echo' }] },
    });
  });
});
