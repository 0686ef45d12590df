// Pure graph operations: add, remove, rename, update, move. Each returns a
// new pipeline, keeps untouched tasks as the same objects, and refuses bad
// input with diagnostics instead of throwing.
import { describe, expect, it } from 'vitest';
import {
  addTask,
  connect,
  createPipeline,
  findTask,
  moveTask,
  openDocuments,
  previewDocument,
  removeTask,
  renameTask,
  templates,
  updateTask,
  validate,
  withTemplates,
  type Pipeline,
  type Task,
  type Template,
  type WorkflowKind,
} from '../../src/core';
import { scopeLayout, scopeTasks } from '../../src/core/model/scope';
import { withTasks } from '../support/scope';
import { scopeSteps, withScopeLayout } from '../../src/core/model/scope';

const echo: Template = { name: 'echo', container: { image: 'alpine', command: ['echo'] } };

/** A pipeline whose canvas DAG holds `tasks`, with an `echo` template (plus `extra`). */
function dagOf(tasks: Task[], extra: Template[] = [], kind: WorkflowKind = 'Workflow'): Pipeline {
  const p = createPipeline({ kind, name: 'wf' });
  return withTasks(withTemplates(p, [...templates(p), echo, ...extra]), tasks);
}

const t = (name: string, fields: Partial<Task> = {}): Task => ({
  name,
  template: 'echo',
  ...fields,
});

const names = (p: Pipeline): string[] => scopeTasks(p).map((x) => x.name);
const templateNames = (p: Pipeline): string[] => templates(p).map((x) => x.name);

describe('createPipeline', () => {
  it('makes a Workflow with one empty DAG template as entrypoint', () => {
    const p = createPipeline();
    expect(p).toEqual({
      apiVersion: 'argoproj.io/v1alpha1',
      kind: 'Workflow',
      metadata: { generateName: 'pipeline-' },
      spec: { entrypoint: 'main', templates: [{ name: 'main', dag: { tasks: [] } }] },
      scope: 'main',
      layouts: {},
      extra: {},
    });
    // Argo refuses a DAG without tasks; the editor says so until the first one is added.
    expect(validate(p).map((d) => d.message)).toEqual([
      'templates.main must have at least one task',
    ]);
  });

  it.each([
    [
      { name: 'etl', namespace: 'argo' },
      { name: 'etl', namespace: 'argo' },
    ],
    [{ generateName: 'profile-' }, { generateName: 'profile-' }],
  ])('metadata from %j', (options, metadata) => {
    expect(createPipeline(options).metadata).toEqual(metadata);
  });

  it('nests the workflow spec of a CronWorkflow and gives it a schedule', () => {
    const p = createPipeline({ kind: 'CronWorkflow', name: 'nightly', dagName: 'flow' });
    expect(p.spec).toEqual({
      schedules: ['0 * * * *'],
      workflowSpec: { entrypoint: 'flow', templates: [{ name: 'flow', dag: { tasks: [] } }] },
    });
    expect(p.scope).toBe('flow');
    expect(validate(p).map((d) => d.code)).toEqual(['empty-dag']);
  });
});

describe('addTask', () => {
  it.each([
    // wanted names in order -> names given
    [
      ['jobprofilerclient', 'jobprofilerclient', 'jobprofilerclient'],
      ['jobprofilerclient', 'jobprofilerclient-2', 'jobprofilerclient-3'],
    ],
    [['sparkk8sScala'], ['sparkk8sscala']],
    [
      ['My Step_1', 'my-step-1'],
      ['my-step-1', 'my-step-2'],
    ],
    [
      ['--x--', '!!!'],
      ['x', 'step'],
    ],
    [
      ['a', 'a-2', 'a'],
      ['a', 'a-2', 'a-3'],
    ],
  ])('names %j become %j', (wanted, given) => {
    let p = dagOf([]);
    const got: string[] = [];
    for (const name of wanted) {
      const added = addTask(p, { name, fields: { template: 'echo' } });
      p = added.pipeline;
      got.push(added.name);
    }
    expect(got).toEqual(given);
    expect(names(p)).toEqual(given);
    expect(validate(p)).toEqual([]);
  });

  it('names the task after its template, lower-cased (Argo 3.4+ pod names)', () => {
    const spark: Template = { name: 'sparkk8sScala', resource: { action: 'create' } };
    const { pipeline, name } = addTask(createPipeline(), { template: spark });
    expect(name).toBe('sparkk8sscala');
    expect(findTask(pipeline, name)).toEqual({ name: 'sparkk8sscala', template: 'sparkk8sscala' });
    expect(templateNames(pipeline)).toEqual(['main', 'sparkk8sscala']);
    // A create action needs a manifest: Argo refuses the template without one.
    expect(validate(pipeline).map((d) => d.code)).toEqual(['missing-manifest']);
  });

  it('reuses an identical template and renames a different one with the same name', () => {
    let p = createPipeline();
    const first = addTask(p, { template: echo });
    p = first.pipeline;
    const same = addTask(p, { template: { ...echo, container: { ...echo.container! } } });
    p = same.pipeline;
    const other: Template = { name: 'echo', container: { image: 'busybox' } };
    const different = addTask(p, { template: other });
    p = different.pipeline;
    expect(templateNames(p)).toEqual(['main', 'echo', 'echo-2']);
    expect(scopeTasks(p)).toEqual([
      { name: 'echo', template: 'echo' },
      { name: 'echo-2', template: 'echo' },
      { name: 'echo-3', template: 'echo-2' },
    ]);
    expect(templates(p)[2]).toEqual({ ...other, name: 'echo-2' });
  });

  it('keeps fields and records the position', () => {
    const args = { parameters: [{ name: 'message', value: 'hi' }] };
    const { pipeline } = addTask(dagOf([]), {
      name: 'greet',
      fields: { template: 'echo', arguments: args, when: '{{workflow.name}} != x' },
      position: { x: 10, y: 20 },
    });
    expect(scopeTasks(pipeline)).toEqual([
      { name: 'greet', template: 'echo', arguments: args, when: '{{workflow.name}} != x' },
    ]);
    expect(scopeLayout(pipeline)).toEqual({ greet: { x: 10, y: 20 } });
  });

  it('adds to the steps template on the canvas: a new last group, runs after the others', () => {
    const text = [
      'apiVersion: argoproj.io/v1alpha1',
      'kind: Workflow',
      'metadata: {name: steps}',
      'spec:',
      '  entrypoint: main',
      '  templates:',
      '  - name: main',
      '    steps: [[{name: s, template: echo}]]',
      '  - {name: echo, container: {image: alpine}}',
    ].join('\n');
    const p = openDocuments(text).documents[0]!.pipeline!;
    expect(p.scope).toBe('main');
    const { pipeline } = addTask(p, { name: 'x', fields: { template: 'echo' } });
    expect(pipeline.scope).toBe('main');
    expect(templateNames(pipeline)).toEqual(['main', 'echo']);
    expect(previewDocument(pipeline)).toContain(
      '      steps:\n        - - name: s\n            template: echo\n        - - name: x\n            template: echo\n',
    );
    const beside = addTask(p, {
      name: 'y',
      fields: { template: 'echo' },
      place: { group: 0, index: 1 },
    });
    expect(scopeSteps(beside.pipeline).map((g) => g.map((x) => x.name))).toEqual([['s', 'y']]);
  });

  it('adds nothing to a leaf template on the canvas, and says why', () => {
    const p = openDocuments(
      'apiVersion: argoproj.io/v1alpha1\nkind: Workflow\nmetadata: {name: hello}\nspec:\n  entrypoint: main\n  templates:\n  - {name: main, container: {image: alpine}}\n',
    ).documents[0]!.pipeline!;
    const added = addTask(p, { name: 'x', fields: { template: 'main' } });
    expect(added.pipeline).toBe(p);
    expect(added.refused).toMatch(
      /main is a container template, which runs no tasks: wrap it in a DAG/,
    );
  });
});

describe('removeTask', () => {
  //   a   b
  //   |\ /
  //   | c
  //   d
  const graphs: [string, Task[], Task[]][] = [
    [
      'depends',
      [t('a'), t('b'), t('c', { depends: 'a && b' }), t('d', { depends: 'a' })],
      [t('b'), t('c', { depends: 'b' }), t('d')],
    ],
    [
      'dependencies',
      [t('a'), t('b'), t('c', { dependencies: ['a', 'b'] }), t('d', { dependencies: ['a'] })],
      [t('b'), t('c', { dependencies: ['b'] }), t('d')],
    ],
    [
      'results',
      [t('a'), t('b'), t('c', { depends: '(a.Failed || b) && !a.Errored' }), t('d')],
      [t('b'), t('c', { depends: 'b' }), t('d')],
    ],
  ];
  it.each(graphs)('removes a and every %s on it', (_form, before, after) => {
    const p = withScopeLayout(dagOf(before), { a: { x: 0, y: 0 }, b: { x: 1, y: 1 } });
    const next = removeTask(p, 'a');
    expect(scopeTasks(next)).toEqual(after);
    expect(scopeLayout(next)).toEqual({ b: { x: 1, y: 1 } });
    // tasks that did not depend on `a` are the same objects
    expect(scopeTasks(next)[0]).toBe(scopeTasks(p)[1]);
    expect(validate(next)).toEqual([]);
  });

  it.each([
    // kind, other user of `solo`, template kept?
    ['Workflow', undefined, false],
    ['CronWorkflow', undefined, false],
    ['Workflow', t('b', { template: 'solo' }), true],
    // WorkflowTemplates are libraries: other workflows may call any template
    ['WorkflowTemplate', undefined, true],
    ['ClusterWorkflowTemplate', undefined, true],
  ] as const)(
    'a %s drops the template of the removed task unless used (other user %j)',
    (kind, other, kept) => {
      const solo: Template = { name: 'solo', script: { image: 'python', source: 'print(1)' } };
      const p = dagOf([t('a', { template: 'solo' }), ...(other ? [other] : [])], [solo], kind);
      const next = removeTask(p, 'a');
      expect(names(next)).toEqual(other ? ['b'] : []);
      expect(templateNames(next)).toEqual(kept ? ['main', 'echo', 'solo'] : ['main', 'echo']);
    },
  );

  it('keeps a template still named by onExit', () => {
    const p = dagOf([t('a', { template: 'cleanup' })], [{ name: 'cleanup', container: {} }]);
    const withExit = { ...p, spec: { ...p.spec, onExit: 'cleanup' } };
    expect(templateNames(removeTask(withExit, 'a'))).toContain('cleanup');
  });

  it('returns the same pipeline for an unknown task', () => {
    const p = dagOf([t('a')]);
    expect(removeTask(p, 'nope')).toBe(p);
  });
});

describe('renameTask', () => {
  //   a    a-b
  //    \   /
  //      c        (c reads a's outputs; main's outputs and target name a)
  const ref = (text: string): Task =>
    t('c', { depends: 'a', arguments: { parameters: [{ name: 'p', value: text }] } });
  const value = (p: Pipeline): unknown => findTask(p, 'c')?.arguments?.parameters?.[0]?.value;

  it.each([
    ['{{tasks.a.outputs.parameters.x}}', '{{tasks.z.outputs.parameters.x}}'],
    ["{{=tasks['a'].outputs.result}}", "{{=tasks['z'].outputs.result}}"],
    ['{{= tasks["a"].outputs.result }}', '{{= tasks["z"].outputs.result }}'],
    ['{{tasks.a.outputs.result}}-{{tasks.a.id}}', '{{tasks.z.outputs.result}}-{{tasks.z.id}}'],
    // a different task whose name starts with `a`
    ['{{tasks.a-b.outputs.result}}', '{{tasks.a-b.outputs.result}}'],
    ["{{=tasks['a-b'].outputs.result}}", "{{=tasks['a-b'].outputs.result}}"],
    ['{{tasks.ab.outputs.result}}', '{{tasks.ab.outputs.result}}'],
    // outside {{ }} the text is the user's own
    ['tasks.a.outputs.result', 'tasks.a.outputs.result'],
  ])('rewrites %s to %s', (before, after) => {
    const p = dagOf([t('a'), t('a-b'), t('ab'), ref(before)]);
    const { value: next, diagnostics } = renameTask(p, 'a', 'z');
    expect(diagnostics).toEqual([]);
    expect(value(next)).toBe(after);
    expect(names(next)).toEqual(['z', 'a-b', 'ab', 'c']);
  });

  it.each([
    [{ depends: 'a.Failed || b' }, { depends: 'z.Failed || b' }],
    [{ depends: 'a && a-b' }, { depends: 'z && a-b' }],
    [{ depends: '!(a.Errored) && b' }, { depends: '!z.Errored && b' }],
    [{ dependencies: ['b', 'a'] }, { dependencies: ['b', 'z'] }],
    [{ dependencies: ['a-b'] }, { dependencies: ['a-b'] }],
    [
      { when: '{{tasks.a.outputs.result}} == heads' },
      { when: '{{tasks.z.outputs.result}} == heads' },
    ],
    // an unparsable expression is still renamed, word by word
    [{ depends: 'a &&& b' }, { depends: 'z &&& b' }],
  ])('rewrites %j to %j', (before, after) => {
    const p = dagOf([t('a'), t('a-b'), t('b'), t('c', before)]);
    const next = renameTask(p, 'a', 'z').value;
    expect(findTask(next, 'c')).toEqual(t('c', after));
  });

  it('rewrites the DAG template outputs, dag.target and the layout', () => {
    const p = dagOf([t('a', { depends: 'b' }), t('b'), t('c')]);
    const main: Template = {
      name: 'main',
      outputs: {
        parameters: [{ name: 'o', valueFrom: { parameter: '{{tasks.a.outputs.result}}' } }],
      },
      dag: { target: 'a c', tasks: [] },
    };
    const before: Pipeline = withScopeLayout(
      withTasks(withTemplates(p, [main, ...templates(p).slice(1)]), scopeTasks(p)),
      { a: { x: 1, y: 2 }, b: { x: 3, y: 4 } },
    );
    const next = renameTask(before, 'a', 'z').value;
    expect(templates(next)[0]).toEqual({
      name: 'main',
      outputs: {
        parameters: [{ name: 'o', valueFrom: { parameter: '{{tasks.z.outputs.result}}' } }],
      },
      dag: { target: 'z c', tasks: scopeTasks(next) },
    });
    expect(scopeTasks(next).map((x) => [x.name, x.depends])).toEqual([
      ['z', 'b'],
      ['b', undefined],
      ['c', undefined],
    ]);
    expect(scopeLayout(next)).toEqual({ z: { x: 1, y: 2 }, b: { x: 3, y: 4 } });
    // other templates are untouched objects
    expect(templates(next)[1]).toBe(templates(before)[1]);
    expect(validate(next)).toEqual([]);
  });

  it('changes nothing when renaming to the same name', () => {
    const p = dagOf([t('a')]);
    expect(renameTask(p, 'a', 'a')).toEqual({ value: p, diagnostics: [] });
  });

  it.each([
    ['a', 'bad_name', 'invalid-name', 'a'],
    ['a', '', 'invalid-name', 'a'],
    ['a', '-lead', 'invalid-name', 'a'],
    ['a', 'x'.repeat(129), 'invalid-name', 'a'],
    ['a', 'b', 'duplicate-task', 'a'],
    ['nope', 'z', 'unknown-task', 'nope'],
  ])('refuses %s -> %j with %s', (from, to, code, task) => {
    const p = dagOf([t('a'), t('b', { depends: 'a' })]);
    const { value: next, diagnostics } = renameTask(p, from, to);
    expect(next).toBe(p);
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({ code, severity: 'error', task });
  });
});

describe('updateTask', () => {
  it('replaces fields but never the name', () => {
    const p = dagOf([t('a'), t('b')]);
    const next = updateTask(p, 'a', (x) => ({ ...x, name: 'hijack', when: '1 == 1' }));
    expect(scopeTasks(next)).toEqual([t('a', { when: '1 == 1' }), t('b')]);
    expect(scopeTasks(next)[1]).toBe(scopeTasks(p)[1]);
  });

  it.each([
    ['an unknown task', 'nope', (x: Task) => ({ ...x, when: 'x' })],
    ['an update that changes nothing', 'a', (x: Task) => ({ ...x })],
  ])('returns the same pipeline for %s', (_label, name, update) => {
    const p = dagOf([t('a')]);
    expect(updateTask(p, name, update)).toBe(p);
  });

  it('re-reads dependencies changed by an update', () => {
    // a   b  ->  a -> b
    const p = dagOf([t('a'), t('b')]);
    const next = updateTask(p, 'b', (x) => ({ ...x, depends: 'a' }));
    expect(connect(next, 'b', 'a').diagnostics[0]?.code).toBe('cycle');
  });
});

describe('moveTask', () => {
  it('records the position and keeps the others', () => {
    const p = withScopeLayout(dagOf([t('a'), t('b')]), { b: { x: 5, y: 5 } });
    const next = moveTask(p, 'a', { x: 10, y: 20 });
    expect(scopeLayout(next)).toEqual({ a: { x: 10, y: 20 }, b: { x: 5, y: 5 } });
    expect(scopeTasks(next)).toBe(scopeTasks(p));
    expect(next.spec).toBe(p.spec);
    expect(moveTask(next, 'a', { x: 10, y: 20 })).toBe(next);
  });

  it('does not change the compiled manifest', () => {
    const p = dagOf([t('a')]);
    expect(previewDocument(moveTask(p, 'a', { x: 1, y: 2 }))).toBe(previewDocument(p));
  });
});

describe('structural sharing', () => {
  //   a -> b    c    d
  const base = (): Pipeline => dagOf([t('a'), t('b', { depends: 'a' }), t('c'), t('d')]);
  it.each<[string, (p: Pipeline) => Pipeline, string[]]>([
    ['connect c -> d', (p) => connect(p, 'c', 'd').pipeline, ['d']],
    ['rename a -> z', (p) => renameTask(p, 'a', 'z').value, ['a', 'b']],
    ['update c', (p) => updateTask(p, 'c', (x) => ({ ...x, when: 'true' })), ['c']],
    ['remove d', (p) => removeTask(p, 'd'), ['d']],
  ])('%s keeps untouched tasks as the same objects', (_label, op, changed) => {
    const p = base();
    const next = op(p);
    expect(next).not.toBe(p);
    for (const [i, before] of scopeTasks(p).entries()) {
      const after = scopeTasks(next).find((x) => x === before);
      if (changed.includes(before.name)) expect(after, before.name).toBeUndefined();
      else expect(scopeTasks(next)[i], before.name).toBe(before);
    }
  });
});
