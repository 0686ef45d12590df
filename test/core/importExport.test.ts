// Argo YAML text -> pipeline -> text. Import is lossless apart from the
// canvas layout annotation, which exportDocument writes back and
// previewDocument (the live preview and the submitted manifest) leaves out.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  exportDocument,
  LAYOUT_ANNOTATION,
  moveTask,
  openDocuments,
  previewDocument,
  type Pipeline,
} from '../../src/core';
import { loadYamlDocuments } from '../../src/core/argo/yamlText';
import { A_THEN_B, CONFIG_MAP, dagWorkflow } from '../support/fixtures';
import { argoExamplePath, hasShared, listArgoExamples, SKIP_REASON } from '../support/sharedData';
import { TIMEOUT } from '../support/timeouts';
import { scopeLayout, scopeTasks } from '../../src/core/model/scope';

// Read back as the editor reads (YAML 1.1 as Kubernetes does, checked
// against another parser in yaml11.test.ts).
const loadAll = (text: string): unknown[] => loadYamlDocuments(text).value;
const load = (text: string): unknown => loadAll(text)[0];

/** Opens a single-document text and returns its pipeline (and its diagnostics). */
function open1(text: string): { p: Pipeline; diagnostics: ReturnType<typeof openDocuments> } {
  const opened = openDocuments(text, 'wf.yaml');
  expect(opened.diagnostics).toEqual([]);
  expect(opened.documents).toHaveLength(1);
  const p = opened.documents[0]!.pipeline;
  if (!p) throw new Error(`not opened: ${JSON.stringify(opened.documents[0]!.diagnostics)}`);
  return { p, diagnostics: opened };
}

const WORKFLOW = (name: string): string =>
  dagWorkflow({ metadata: `  name: ${name}`, tasks: A_THEN_B });

describe('openDocuments', () => {
  it('reads every document of a multi-document file', () => {
    const text = `${WORKFLOW('first')}---\n${CONFIG_MAP}---\n${WORKFLOW('second')}`;
    const { documents, diagnostics } = openDocuments(text, 'multi.yaml');
    expect(diagnostics).toEqual([]);
    expect(documents.map((d) => d.index)).toEqual([0, 1, 2]);
    const pipelines = documents.flatMap((d) => (d.pipeline ? [d.pipeline] : []));
    expect(pipelines.map((p) => p.metadata.name)).toEqual(['first', 'second']);
    expect(pipelines.map((p) => scopeTasks(p).map((t) => t.name))).toEqual([
      ['a', 'b'],
      ['a', 'b'],
    ]);
    const notArgo = documents.filter((d) => d.diagnostics.some((x) => x.code === 'not-argo'));
    expect(notArgo).toHaveLength(1);
    expect(notArgo[0]!.pipeline).toBeUndefined();
    // 15 lines of the first workflow, `---`, then the ConfigMap's apiVersion
    expect(notArgo[0]!.diagnostics).toEqual([
      expect.objectContaining({
        code: 'not-argo',
        severity: 'error',
        source: 'multi.yaml',
        line: 16,
        message: expect.stringContaining('not an Argo manifest'),
      }),
    ]);
  });

  it.each([
    ['an empty file', '', 'empty'],
    ['only comments', '# nothing\n---\n', 'empty'],
    ['bad indentation', 'a:\n  b: 1\n c: 2\n', 'yaml-syntax'],
    ['a duplicated key', 'a: 1\na: 2\n', 'yaml-syntax'],
  ])('reports %s for the whole file', (_label, text, code) => {
    const { documents, diagnostics } = openDocuments(text, 'x.yaml');
    expect(documents).toEqual([]);
    expect(diagnostics.map((d) => d.code)).toEqual([code]);
    expect(diagnostics[0]!.source).toBe('x.yaml');
  });

  it.each([
    ['a list', '- a\n- b\n', 'not-a-manifest'],
    [
      'an unknown kind',
      'apiVersion: argoproj.io/v1alpha1\nkind: Sensor\nspec: {}\n',
      'unsupported-kind',
    ],
    [
      'a spec that is not a mapping',
      'apiVersion: argoproj.io/v1alpha1\nkind: Workflow\nmetadata: {name: x}\nspec: [a]\n',
      'invalid-spec',
    ],
  ])('does not open %s', (_label, text, code) => {
    const { documents } = openDocuments(text);
    expect(documents).toHaveLength(1);
    expect(documents[0]!.pipeline).toBeUndefined();
    expect(documents[0]!.diagnostics.map((d) => d.code)).toEqual([code]);
  });

  it('reads an old CronWorkflow `schedule` as `schedules`, with a warning', () => {
    const text = `apiVersion: argoproj.io/v1alpha1
kind: CronWorkflow
metadata:
  name: nightly
spec:
  schedule: "0 2 * * *"
  timezone: Europe/Paris
  workflowSpec:
    entrypoint: main
    templates:
    - {name: main, container: {image: alpine}}
`;
    const { documents } = openDocuments(text, 'cron.yaml');
    const p = documents[0]!.pipeline!;
    expect(p.spec.schedules).toEqual(['0 2 * * *']);
    expect(p.spec).not.toHaveProperty('schedule');
    // the list takes the single value's place
    expect(Object.keys(p.spec)).toEqual(['schedules', 'timezone', 'workflowSpec']);
    expect(documents[0]!.diagnostics).toEqual([
      expect.objectContaining({ code: 'schedule-upgraded', severity: 'warning', line: 6 }),
    ]);
    const out = previewDocument(p);
    expect(out).toContain('spec:\n  schedules:\n    - 0 2 * * *\n  timezone: Europe/Paris\n');
    expect(out).not.toMatch(/schedule:/);
  });
});

describe('layout annotation', () => {
  const text = dagWorkflow({
    metadata: `  name: wf
  annotations:
    owner: data-team
    ${LAYOUT_ANNOTATION}: '{"a":[10,20],"b":[30.4,40.6],"gone":[1,2],"bad":"x"}'`,
    tasks: A_THEN_B,
  });

  it('is read into layout and removed from metadata', () => {
    const { p, diagnostics } = open1(text);
    expect(diagnostics.documents[0]!.diagnostics).toEqual([]);
    expect(scopeLayout(p)).toEqual({
      a: { x: 10, y: 20 },
      b: { x: 30.4, y: 40.6 },
      gone: { x: 1, y: 2 },
    });
    expect(p.metadata).toEqual({ name: 'wf', annotations: { owner: 'data-team' } });
  });

  it('is written back by exportDocument (rounded, only for existing tasks), not by previewDocument', () => {
    const { p } = open1(text);
    const exported = load(exportDocument(p)) as {
      metadata: { annotations: Record<string, string> };
    };
    expect(exported.metadata.annotations).toEqual({
      owner: 'data-team',
      [LAYOUT_ANNOTATION]: '{"main":{"a":[10,20],"b":[30,41]}}',
    });
    const preview = load(previewDocument(p)) as { metadata: unknown };
    expect(preview.metadata).toEqual({ name: 'wf', annotations: { owner: 'data-team' } });
    expect(previewDocument(p)).not.toContain(LAYOUT_ANNOTATION);
    // moving a node changes the saved file, not the preview
    const moved = moveTask(p, 'a', { x: 99, y: 98 });
    expect(previewDocument(moved)).toBe(previewDocument(p));
    expect(exportDocument(moved)).toContain('{\\"a\\":[99,98],\\"b\\":[30,41]}');
  });

  it('drops an annotations mapping that held only the layout, and re-imports the same layout', () => {
    const only = text.replace('    owner: data-team\n', '');
    const { p } = open1(only);
    expect(p.metadata).toEqual({ name: 'wf' });
    expect(previewDocument(p)).not.toContain('annotations');
    const again = open1(exportDocument(p)).p;
    expect(scopeLayout(again)).toEqual({ a: { x: 10, y: 20 }, b: { x: 30, y: 41 } });
    expect(again.metadata).toEqual({ name: 'wf' });
  });

  it.each([
    ['not JSON', "'{a: [1, 2]'"],
    ['a JSON list', "'[[1, 2]]'"],
    ['not a string', '{a: [1, 2]}'],
  ])('gives a warning and no layout when it is %s', (_label, raw) => {
    const damaged = text.replace(
      /studio\.argoflow\.io\/layout: .*/,
      `${LAYOUT_ANNOTATION}: ${raw}`,
    );
    const { p, diagnostics } = open1(damaged);
    expect(scopeLayout(p)).toEqual({});
    expect(p.metadata.annotations).toEqual({ owner: 'data-team' });
    expect(diagnostics.documents[0]!.diagnostics).toEqual([
      expect.objectContaining({ code: 'invalid-layout', severity: 'warning', line: 7 }),
    ]);
  });
});

describe('round trip', () => {
  const text = `status:
  phase: Succeeded
  nodes: {wf-1: {phase: Succeeded}}
spec:
  podGC: {strategy: OnPodSuccess}
  templates:
  - container: {image: alpine}
    name: echo
    retryStrategy: {limit: "2"}
  - dag:
      failFast: false
      tasks:
      - template: echo
        name: a
        fooBar: {keep: [1, 2]}
      - arguments:
          parameters:
          - value: "2024-01-01"
            name: day
          - {name: unquoted-day, value: 2024-01-01}
          - {name: flag, value: "yes"}
        hooks:
          exit: {template: echo}
        depends: a
        name: b
        template: echo
    name: main
  entrypoint: main
metadata:
  labels: {team: data}
  name: wf
kind: Workflow
apiVersion: argoproj.io/v1alpha1
x-extension: kept
`;

  it('keeps unknown keys everywhere', () => {
    const { p } = open1(text);
    expect(p.extra).toEqual({
      status: { phase: 'Succeeded', nodes: { 'wf-1': { phase: 'Succeeded' } } },
      'x-extension': 'kept',
    });
    expect(load(exportDocument(p))).toEqual(load(text));
    expect(load(previewDocument(p))).toEqual(load(text));
  });

  it('keeps date-like strings as strings (Kubernetes does not read timestamps)', () => {
    const { p } = open1(text);
    const params = scopeTasks(p)[1]!.arguments!.parameters!;
    expect(params.map((x) => x.value)).toEqual(['2024-01-01', '2024-01-01', 'yes']);
    const again = open1(exportDocument(p)).p;
    expect(scopeTasks(again)[1]!.arguments!.parameters).toEqual(params);
  });

  it('writes apiVersion, kind, metadata, spec first and name first in templates and tasks, other keys as written', () => {
    const out = exportDocument(open1(text).p);
    const topKeys = out
      .split('\n')
      .filter((l) => /^[^\s#-][^:]*:/.test(l))
      .map((l) => l.slice(0, l.indexOf(':')));
    expect(topKeys).toEqual(['apiVersion', 'kind', 'metadata', 'spec', 'status', 'x-extension']);
    const doc = load(out) as {
      metadata: object;
      spec: { templates: { dag?: { tasks: object[] } }[] };
    };
    expect(Object.keys(doc.metadata)).toEqual(['name', 'labels']);
    for (const template of doc.spec.templates) expect(Object.keys(template)[0]).toBe('name');
    const tasks = doc.spec.templates[1]!.dag!.tasks;
    expect(tasks.map((t) => Object.keys(t))).toEqual([
      ['name', 'template', 'fooBar'],
      ['name', 'arguments', 'hooks', 'depends', 'template'],
    ]);
    // list items deeper down get `name` first too
    expect(out).toMatch(/- name: day\n\s+value: "2024-01-01"\n/);
  });

  it('writes no anchors or aliases even when the input used them', () => {
    const anchored = dagWorkflow({
      metadata: '  name: anchors',
      tasks: `      - name: a
        template: echo
        arguments: &args
          parameters: [{name: m, value: hi}]
      - name: b
        template: echo
        arguments: *args
      - name: c
        template: echo
        arguments:
          <<: *args`,
      templates: `  - name: echo
    container: &box {image: alpine, command: [echo]}
  - name: echo2
    container: *box`,
    });
    const { p } = open1(anchored);
    for (const out of [exportDocument(p), previewDocument(p)]) {
      expect(out).not.toMatch(/[&*][a-z]/);
      const tasks = (
        load(out) as { spec: { templates: { dag?: { tasks: { arguments: unknown }[] } }[] } }
      ).spec.templates[0]!.dag!.tasks;
      const expected = { parameters: [{ name: 'm', value: 'hi' }] };
      expect(tasks.map((t) => t.arguments)).toEqual([expected, expected, expected]);
    }
  });

  const corpus = `keeps every Argo example as it was${hasShared ? '' : ` (skipped: ${SKIP_REASON})`}`;
  // Every Argo example opened, exported and compared: 0.8 s quiet, 6 s at load 20.
  it.skipIf(!hasShared)(corpus, { timeout: TIMEOUT.cpu }, () => {
    const files = listArgoExamples();
    expect(files.length).toBeGreaterThan(100);
    let opened = 0;
    for (const file of files) {
      const text = readFileSync(argoExamplePath(file), 'utf8');
      const result = openDocuments(text, file);
      if (result.diagnostics.length > 0) continue; // e.g. an upstream duplicated key
      const raw = loadAll(text).filter((d) => d !== null && d !== undefined) as {
        spec?: { schedule?: string; schedules?: string[] };
      }[];
      for (const doc of result.documents) {
        if (!doc.pipeline) continue;
        opened++;
        const original = raw[doc.index]!;
        const spec = original.spec;
        if (doc.pipeline.kind === 'CronWorkflow' && spec?.schedule && !spec.schedules) {
          const { schedule, ...rest } = spec;
          original.spec = { schedules: [schedule], ...rest };
        }
        expect(load(exportDocument(doc.pipeline)), file).toEqual(original);
      }
    }
    expect(opened).toBeGreaterThan(200);
  });
});
