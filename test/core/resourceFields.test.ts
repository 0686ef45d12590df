// Resource templates in the inspector: the SparkApplication form (read, set,
// read back), the raw manifest editor (refused with a line while invalid),
// action and conditions, and "each Spark task has its own manifest" (a task
// sharing its Spark template gets a copy on its first edit). The form's
// manifest is checked against the operator's CRD and the workflow against
// Argo's schema when ../shared is present.
import { readFileSync } from 'node:fs';
import { load } from 'js-yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseConfig, type PaletteEntry } from '../../src/core/config';
import { parseManifestText } from '../../src/core/config/manifestText';
import {
  addTask,
  compile,
  createPipeline,
  findTask,
  findTemplate,
  templates,
  validate,
  type Pipeline,
  type Template,
} from '../../src/core';
import {
  editTaskResource,
  forksOnEdit,
  readResource,
  setManifestText,
  setResourceField,
  setSparkFields,
  sparkFieldProblem,
  sparkFields,
  type SparkFormValues,
} from '../../src/core/model/resourceFields';
import { conditionProblem } from '../../src/core/model/resourceConditions';
import type { JsonObject } from '../../src/core/model/types';
import { validateManifest } from '../support/argoSchema';
import { hasShared, SKIP_REASON } from '../support/sharedData';
import { sparkApplicationValidator, type Validator } from '../support/sparkSchema';
import { scopeTasks } from '../../src/core/model/scope';

const config = readFileSync(new URL('../../public/config.yaml', import.meta.url), 'utf8');
const entries = parseConfig(config).value;
const entry = (id: string): PaletteEntry => {
  const e = entries.find((x) => x.id === id);
  if (!e) throw new Error(`no palette entry ${id}`);
  return e;
};

/** The palette flow: each id dropped once, in order (the same id twice gives two tasks). */
function dropped(...ids: string[]): Pipeline {
  let p = createPipeline({ generateName: 'spark-' });
  for (const id of ids) {
    const e = entry(id);
    p = addTask(p, { name: e.name, template: e.template }).pipeline;
  }
  return p;
}

const templateOf = (p: Pipeline, task: string): Template => {
  const t = findTemplate(p, findTask(p, task)?.template);
  if (!t) throw new Error(`task ${task} runs no template`);
  return t;
};
const manifestOf = (p: Pipeline, task: string): JsonObject => {
  const object = readResource(templateOf(p, task))?.object;
  if (!object) throw new Error(`task ${task} has no manifest object`);
  return object;
};
const ok = <T>(r: { value: T; diagnostics: unknown[] }): T => {
  expect(r.diagnostics).toEqual([]);
  return r.value;
};

/** Every form field, changed from the palette's values. */
const FORM: SparkFormValues = {
  type: 'Java',
  mode: 'client',
  image: 'registry.example/spark:3.5.1',
  mainClass: 'org.example.Etl',
  mainApplicationFile: 'local:///opt/app/etl.jar',
  arguments: ['--date', '2024-01-01', '1000'],
  sparkVersion: '3.5.1',
  sparkConf: { 'spark.sql.shuffle.partitions': '64', 'spark.eventLog.enabled': 'true' },
  driverCores: '1',
  driverMemory: '1g',
  driverServiceAccount: 'spark-driver',
  executorCores: '2',
  executorMemory: '2048m',
  executorInstances: '3',
};

describe('the Spark form', () => {
  it('reads the palette entry: conditions prefilled, the shorthand values', () => {
    const p = dropped('sparkk8sScala');
    const view = readResource(templateOf(p, 'sparkk8sscala'))!;
    expect(view).toMatchObject({
      action: 'create',
      successCondition: 'status.applicationState.state == COMPLETED',
      failureCondition: 'status.applicationState.state in (FAILED, SUBMISSION_FAILED, UNKNOWN)',
      diagnostics: [],
    });
    expect(sparkFields(view.object)).toEqual({
      type: 'Scala',
      mode: 'cluster',
      image: 'docker.io/apache/spark:4.0.4',
      mainClass: 'org.apache.spark.examples.SparkPi',
      mainApplicationFile: 'local:///opt/spark/examples/jars/spark-examples.jar',
      arguments: ['1000'],
      sparkVersion: '4.0.4',
      sparkConf: {},
      driverCores: '1',
      driverMemory: '512m',
      driverServiceAccount: 'spark-operator-spark',
      executorCores: '1',
      executorMemory: '512m',
      executorInstances: '1',
    });
  });

  it('round-trips every field: read -> set -> read', () => {
    const p = dropped('sparkk8sScala');
    const next = ok(setSparkFields(p, 'sparkk8sscala', FORM));
    expect(sparkFields(manifestOf(next, 'sparkk8sscala'))).toEqual(FORM);
    const spec = manifestOf(next, 'sparkk8sscala').spec as JsonObject;
    // Typed as the CRD wants: integers, and strings for arguments and sparkConf.
    expect(spec.executor).toMatchObject({ cores: 2, instances: 3, memory: '2048m' });
    expect(spec.arguments).toEqual(['--date', '2024-01-01', '1000']);
    // Setting the same values again changes nothing (no undo step, no rewrite).
    expect(ok(setSparkFields(next, 'sparkk8sscala', FORM))).toBe(next);
  });

  it('keeps every manifest key the form does not model, and removes emptied ones', () => {
    const p = dropped('sparkk8sScala');
    const before = manifestOf(p, 'sparkk8sscala');
    const next = ok(
      setSparkFields(p, 'sparkk8sscala', { executorInstances: '3', mainClass: '', sparkConf: {} }),
    );
    const after = manifestOf(next, 'sparkk8sscala');
    const { mainClass: _gone, ...spec } = before.spec as JsonObject;
    expect(after).toEqual({
      ...before,
      spec: { ...spec, executor: { ...(spec.executor as JsonObject), instances: 3 } },
    });
    // monitoring, imagePullPolicy, restartPolicy, labels, coreLimit, generateName: untouched.
    expect(after.spec).toMatchObject({
      imagePullPolicy: 'Always',
      restartPolicy: { type: 'Never' },
      monitoring: { exposeDriverMetrics: true },
      driver: { coreLimit: '1200m', labels: { version: '4.0.4' } },
    });
  });

  it('keeps unknown keys of a hand-written manifest and puts new keys where the examples do', () => {
    const manifest = `apiVersion: sparkoperator.k8s.io/v1beta2
kind: SparkApplication
metadata:
  name: etl
  labels: {team: data}
spec:
  type: Python
  mainApplicationFile: local:///app.py
  sparkVersion: 3.5.1
  deps: {pyFiles: [local:///deps.zip]}
  driver: {cores: 1, env: [{name: A, value: "1"}]}
  executor: {memory: 1g}
  timeToLiveSeconds: 3600
`;
    let p = dropped('sparkk8sScala');
    p = ok(setManifestText(p, 'sparkk8sscala', manifest));
    const next = ok(
      setSparkFields(p, 'sparkk8sscala', { mode: 'cluster', executorInstances: '2' }),
    );
    const spec = manifestOf(next, 'sparkk8sscala').spec as JsonObject;
    expect(Object.keys(spec)).toEqual([
      'type',
      'mode',
      'mainApplicationFile',
      'sparkVersion',
      'deps',
      'driver',
      'executor',
      'timeToLiveSeconds',
    ]);
    expect(spec.deps).toEqual({ pyFiles: ['local:///deps.zip'] });
    expect(spec.driver).toEqual({ cores: 1, env: [{ name: 'A', value: '1' }] });
    expect(spec.executor).toEqual({ instances: 2, memory: '1g' });
    expect(manifestOf(next, 'sparkk8sscala').metadata).toEqual({
      name: 'etl',
      labels: { team: 'data' },
    });
  });

  it('writes placeholders back as they were: quoted stays quoted, a bare one stays bare', () => {
    const manifest = `apiVersion: sparkoperator.k8s.io/v1beta2
kind: SparkApplication
metadata:
  generateName: {{inputs.parameters.prefix}}-
spec:
  type: Scala
  mainApplicationFile: "{{inputs.parameters.file}}"
  sparkVersion: 3.5.1
  driver: {cores: 1}
  executor:
    cores: {{inputs.parameters.cores}}
`;
    let p = dropped('sparkk8sScala');
    p = ok(setManifestText(p, 'sparkk8sscala', manifest));
    p = ok(
      setSparkFields(p, 'sparkk8sscala', {
        image: 'spark:3.5.1',
        executorInstances: '{{inputs.parameters.n}}',
      }),
    );
    const text = readResource(templateOf(p, 'sparkk8sscala'))!.manifest;
    expect(text).toContain('    cores: {{inputs.parameters.cores}}\n');
    expect(text).toContain('    instances: {{inputs.parameters.n}}\n');
    expect(text).toMatch(/mainApplicationFile: '\{\{inputs\.parameters\.file\}\}'/);
    expect(text).toContain("generateName: '{{inputs.parameters.prefix}}-'");
    // As Argo runs it: placeholders substituted, then parsed.
    const run = load(
      text.replace(/\{\{inputs\.parameters\.(\w+)\}\}/g, (_m, n: string) =>
        n === 'cores' || n === 'n' ? '2' : n,
      ),
    ) as JsonObject;
    expect((run.spec as JsonObject).executor).toEqual({ cores: 2, instances: 2 });
  });

  it.each<[keyof SparkFormValues, string, RegExp]>([
    ['executorMemory', '2 GB', /size like 512m or 2g/],
    ['driverMemory', '1Gi', /size like 512m or 2g/],
    ['executorCores', '0', /at least 1/],
    ['executorInstances', '1.5', /at least 1/],
    ['driverCores', '2', /exceed driver\.coreLimit 1200m/],
    ['type', 'scala', /one of Scala, Java, Python, R/],
    ['mode', 'local', /one of cluster, client/],
    ['sparkVersion', '', /required/],
    ['mainApplicationFile', ' ', /required/],
    ['driverServiceAccount', 'Spark_SA', /Kubernetes name/],
  ])('refuses %s = %j and leaves the pipeline as it was', (field, value, message) => {
    const p = dropped('sparkk8sScala');
    const r = setSparkFields(p, 'sparkk8sscala', { [field]: value });
    expect(r.value).toBe(p);
    expect(r.diagnostics).toHaveLength(1);
    expect(r.diagnostics[0]!.message).toMatch(message);
    expect(r.diagnostics[0]!.path).toEqual(['spec', 'templates', 1, 'resource', 'manifest']);
  });

  it.each([
    ['executorMemory', '512m'],
    ['executorMemory', '2g'],
    ['driverMemory', '4096'],
    ['executorMemory', '{{inputs.parameters.memory}}'],
    ['executorCores', '4'],
    ['executorInstances', '{{inputs.parameters.n}}'],
  ] as const)('accepts %s = %j', (field, value) => {
    expect(sparkFieldProblem(field, value)).toBeUndefined();
  });

  it('refuses the form on a manifest that is not a SparkApplication', () => {
    let p = dropped('sparkk8sScala');
    p = ok(setManifestText(p, 'sparkk8sscala', 'apiVersion: v1\nkind: ConfigMap\n'));
    const r = setSparkFields(p, 'sparkk8sscala', { image: 'x' });
    expect(r.value).toBe(p);
    expect(r.diagnostics[0]!.message).toMatch(/creates a ConfigMap, not a SparkApplication/);
  });
});

describe('the manifest editor', () => {
  it.each([
    ['unclosed flow sequence', 'apiVersion: v1\nkind: ConfigMap\ndata:\n  a: [1\n\n', 4],
    ['bad indentation', 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n   x: 1\n', 4],
    ['duplicate key', 'apiVersion: v1\nkind: A\nkind: B\n', 3],
    [
      'error after placeholders',
      'apiVersion: v1\nkind: {{inputs.parameters.kind}}\nmetadata: {name: {{x}}-a}\ndata: {a\n',
      4,
    ],
  ])('refuses invalid YAML (%s) with its line', (_name, text, line) => {
    const p = dropped('sparkk8sScala');
    const r = setManifestText(p, 'sparkk8sscala', text);
    expect(r.value).toBe(p);
    expect(r.diagnostics).toMatchObject([
      {
        code: 'invalid-manifest',
        severity: 'error',
        line,
        message: expect.stringMatching(`line ${line}`),
      },
    ]);
  });

  it.each([
    ['a list', '- a\n- b\n', /a Kubernetes object \(a mapping\)/],
    ['no kind', 'apiVersion: v1\nmetadata: {}\n', /apiVersion. and .kind/],
    ['empty', '  \n', /empty/],
    ['an alias', 'apiVersion: v1\nkind: A\nx: &a [1]\ny: *a\n', /aliases/],
  ])('refuses a manifest that is %s', (_name, text, message) => {
    const p = dropped('sparkk8sScala');
    const r = setManifestText(p, 'sparkk8sscala', text);
    expect(r.value).toBe(p);
    expect(r.diagnostics[0]!.message).toMatch(message);
  });

  it('keeps the text as written: comments and bare placeholders', () => {
    const text =
      '# made by hand\napiVersion: batch/v1\nkind: Job\nmetadata:\n  generateName: {{inputs.parameters.p}}-\n';
    const p = ok(setManifestText(dropped('sparkk8sScala'), 'sparkk8sscala', text));
    const view = readResource(templateOf(p, 'sparkk8sscala'))!;
    expect(view.manifest).toBe(text);
    expect(view.object).toEqual({
      apiVersion: 'batch/v1',
      kind: 'Job',
      metadata: { generateName: '{{inputs.parameters.p}}-' },
    });
  });

  it('locates errors in the text as written, not in the filled text', () => {
    // The placeholder is longer than the token that stands for it while parsing.
    const r = parseManifestText('kind: A\nm: {n: {{inputs.parameters.long}}, x: ]}\n');
    expect(r).toMatchObject({ ok: false, reason: 'syntax', line: 2, column: 39 });
    // An unclosed quote is reported on its line, not past the end of the text.
    expect(parseManifestText('a: 1\nb: "x\n\n')).toMatchObject({ ok: false, line: 2 });
  });
});

describe('action and conditions', () => {
  it('sets, checks and removes them', () => {
    const p = dropped('sparkk8sScala');
    let next = ok(setResourceField(p, 'sparkk8sscala', 'action', 'apply'));
    next = ok(setResourceField(next, 'sparkk8sscala', 'successCondition', ''));
    next = ok(setResourceField(next, 'sparkk8sscala', 'setOwnerReference', true));
    expect(readResource(templateOf(next, 'sparkk8sscala'))).toMatchObject({
      action: 'apply',
      successCondition: '',
      setOwnerReference: true,
    });
    expect(templateOf(next, 'sparkk8sscala').resource).not.toHaveProperty('successCondition');
    const bad = setResourceField(p, 'sparkk8sscala', 'action', 'make');
    expect(bad.value).toBe(p);
    expect(bad.diagnostics[0]!.message).toMatch(/one of get, create, apply/);
  });

  it.each([
    ['status.applicationState.state == COMPLETED', undefined],
    ['status.applicationState.state in (FAILED, SUBMISSION_FAILED, UNKNOWN)', undefined],
    ['status.succeeded > 0, status.phase != Failed', undefined],
    ['status.ready, !status.error', undefined],
    ['{{inputs.parameters.condition}}', undefined],
    ['status.state in (FAILED', /not a requirement/],
    ['status.succeeded > many', /whole number/],
    ['status.phase == Running now', /not a requirement/],
    ['status.phase == Running,', /empty/],
    ['status.phase notin ()', /at least one value/],
  ])('condition %j', (text, expected) => {
    const problem = conditionProblem('successCondition', text);
    if (expected === undefined) expect(problem).toBeUndefined();
    else expect(problem).toMatch(expected);
  });
});

describe('each Spark task has its own manifest', () => {
  it('two drops of the Spark entry share a template until one is edited', () => {
    const p = dropped('sparkk8sScala', 'sparkk8sScala');
    expect(scopeTasks(p).map((t) => [t.name, t.template])).toEqual([
      ['sparkk8sscala', 'sparkk8sscala'],
      ['sparkk8sscala-2', 'sparkk8sscala'],
    ]);
    expect(forksOnEdit(p, 'sparkk8sscala-2')).toBe(true);
    const edit = (q: Pipeline, t: string) =>
      setSparkFields(q, t, { executorInstances: '3', mainClass: 'org.example.Other' });
    const next = ok(editTaskResource(p, 'sparkk8sscala-2', edit));
    const second = findTask(next, 'sparkk8sscala-2')!.template!;
    expect(second).not.toBe('sparkk8sscala');
    expect(findTask(next, 'sparkk8sscala')!.template).toBe('sparkk8sscala');
    expect(sparkFields(manifestOf(next, 'sparkk8sscala'))).toMatchObject({
      executorInstances: '1',
      mainClass: 'org.apache.spark.examples.SparkPi',
    });
    expect(sparkFields(manifestOf(next, 'sparkk8sscala-2'))).toMatchObject({
      executorInstances: '3',
      mainClass: 'org.example.Other',
    });
    // The copy keeps the conditions; now owned, a second edit does not copy again.
    expect(templateOf(next, 'sparkk8sscala-2').resource).toMatchObject({
      successCondition: 'status.applicationState.state == COMPLETED',
    });
    expect(forksOnEdit(next, 'sparkk8sscala-2')).toBe(false);
    const again = ok(
      editTaskResource(next, 'sparkk8sscala-2', (q, t) =>
        setSparkFields(q, t, { executorInstances: '4' }),
      ),
    );
    expect(templates(again)).toHaveLength(templates(next).length);
    expect(validate(again).filter((d) => d.severity === 'error')).toEqual([]);
  });

  it('does not copy for an edit that is refused or changes nothing', () => {
    const p = dropped('sparkk8sScala', 'sparkk8sScala');
    const refused = editTaskResource(p, 'sparkk8sscala-2', (q, t) =>
      setSparkFields(q, t, { executorMemory: 'lots' }),
    );
    expect(refused.value).toBe(p);
    expect(refused.diagnostics).toHaveLength(1);
    const same = editTaskResource(p, 'sparkk8sscala-2', (q, t) =>
      setSparkFields(q, t, { executorInstances: '1' }),
    );
    expect(same).toEqual({ value: p, diagnostics: [] });
  });

  it('edits a shared template of another kind for every task that runs it', () => {
    let p = dropped('sparkk8sScala', 'sparkk8sScala');
    p = ok(setManifestText(p, 'sparkk8sscala', 'apiVersion: v1\nkind: ConfigMap\n'));
    expect(forksOnEdit(p, 'sparkk8sscala-2')).toBe(false);
    const next = ok(
      editTaskResource(p, 'sparkk8sscala-2', (q, t) =>
        setManifestText(q, t, 'apiVersion: v1\nkind: Secret\n'),
      ),
    );
    expect(templates(next)).toHaveLength(templates(p).length);
    expect(manifestOf(next, 'sparkk8sscala').kind).toBe('Secret');
  });
});

describe.skipIf(!hasShared)(
  `against the schemas (${hasShared ? 'CRD and Argo' : SKIP_REASON})`,
  () => {
    let sparkApplication: Validator;
    beforeAll(() => {
      // Compiled once into a cache the test files share (test/support/sparkSchema.ts).
      sparkApplication = sparkApplicationValidator();
    });
    const crdErrors = (object: unknown) =>
      sparkApplication(object)
        ? []
        : (sparkApplication.errors ?? []).map((e) => `${e.instancePath} ${e.message}`);

    it('the form writes a manifest the SparkApplication CRD accepts', () => {
      const p = ok(setSparkFields(dropped('sparkk8sScala'), 'sparkk8sscala', FORM));
      expect(crdErrors(manifestOf(p, 'sparkk8sscala'))).toEqual([]);
      // And a form that empties the optional fields.
      const bare = ok(
        setSparkFields(p, 'sparkk8sscala', {
          mode: '',
          image: '',
          mainClass: '',
          arguments: [],
          sparkConf: {},
          driverCores: '',
          driverMemory: '',
          driverServiceAccount: '',
          executorCores: '',
          executorMemory: '',
          executorInstances: '',
        }),
      );
      expect(crdErrors(manifestOf(bare, 'sparkk8sscala'))).toEqual([]);
    });

    it("the compiled workflow with two diverged Spark tasks passes Argo's schema", () => {
      let p = dropped('sparkk8sScala', 'sparkk8sScala');
      p = ok(editTaskResource(p, 'sparkk8sscala-2', (q, t) => setSparkFields(q, t, FORM)));
      p = ok(
        editTaskResource(p, 'sparkk8sscala', (q, t) =>
          setResourceField(q, t, 'failureCondition', 'status.applicationState.state == FAILED'),
        ),
      );
      const manifest = compile(p);
      expect(validateManifest(manifest)).toEqual([]);
      expect(validate(p).filter((d) => d.severity === 'error')).toEqual([]);
      for (const task of ['sparkk8sscala', 'sparkk8sscala-2'])
        expect([task, crdErrors(manifestOf(p, task))]).toEqual([task, []]);
    });
  },
);
