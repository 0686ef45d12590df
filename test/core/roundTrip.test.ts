// The corpus round trip the product promises: every Argo example opens, and
// every document that becomes a pipeline exports back to the same document
// (deep equality of the documents as read), ignoring only the editor's layout
// annotation. Export is idempotent: exporting what was just exported and
// re-imported gives the same bytes. Run alone:
//   npx vitest run test/core/roundTrip.test.ts
import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import {
  addTask,
  connect,
  createPipeline,
  exportDocument,
  isObject,
  LAYOUT_ANNOTATION,
  openDocuments,
  WORKFLOW_KINDS,
  type Pipeline,
} from '../../src/core';
import { loadYamlDocuments } from '../../src/core/argo/yamlText';
import { SKIP_REASON, argoExamplePath, hasShared, listArgoExamples } from '../support/sharedData';
import { TIMEOUT } from '../support/timeouts';
import { scopeLayout, scopeType } from '../../src/core/model/scope';

/**
 * Example files that cannot round-trip, with the file-level diagnostic they
 * must fail with. When one starts to round-trip (or fails differently), its
 * test fails: update this list and docs/compatibility.md together.
 */
const EXPECTED_FAILURES: Record<
  string,
  { code: string; message: RegExp; lineStartsWith: string; reason: string }
> = {
  'k8s-patch-json-workflow.yaml': {
    code: 'yaml-syntax',
    message: /duplicated mapping key/,
    lineStartsWith: 'annotations:',
    reason:
      'metadata has two `annotations` keys (upstream slip); duplicate keys are an error by design, ' +
      'since which one Kubernetes keeps is not what the author can see',
  },
};

/**
 * Documents compare as the editor reads them (YAML 1.1 as Kubernetes reads
 * it); test/core/yaml11.test.ts checks that reading against another parser.
 */
function loadAll(text: string): unknown[] {
  const loaded = loadYamlDocuments(text);
  expect(loaded.diagnostics).toEqual([]);
  return loaded.value;
}

/** `doc` without the layout annotation, and without `annotations` if that emptied it. */
function withoutLayout(doc: unknown): unknown {
  if (!isObject(doc) || !isObject(doc.metadata)) return doc;
  const annotations = doc.metadata.annotations;
  if (!isObject(annotations) || !Object.hasOwn(annotations, LAYOUT_ANNOTATION)) return doc;
  const { [LAYOUT_ANNOTATION]: _layout, ...rest } = annotations;
  const metadata = { ...doc.metadata, annotations: rest };
  if (Object.keys(rest).length === 0) delete (metadata as { annotations?: unknown }).annotations;
  return { ...doc, metadata };
}

/** Parses YAML text holding exactly one document. */
function parseOne(text: string): unknown {
  const docs = loadAll(text);
  expect(docs).toHaveLength(1);
  return docs[0];
}

/** The pipeline in `text`, which must hold exactly one importable document. */
function importOne(text: string): Pipeline {
  const opened = openDocuments(text);
  expect(opened.diagnostics).toEqual([]);
  expect(opened.documents).toHaveLength(1);
  const pipeline = opened.documents[0]!.pipeline;
  expect(pipeline).toBeDefined();
  return pipeline!;
}

/** Asserts export -> import -> export gives the first export's bytes; returns them. */
function expectIdempotentExport(p: Pipeline, label: string): string {
  const first = exportDocument(p);
  expect(exportDocument(importOne(first)), `${label}: second export`).toBe(first);
  return first;
}

const isArgoWorkflow = (doc: unknown): boolean =>
  isObject(doc) &&
  typeof doc.apiVersion === 'string' &&
  doc.apiVersion.startsWith('argoproj.io/') &&
  (WORKFLOW_KINDS as readonly unknown[]).includes(doc.kind);

describe.skipIf(!hasShared)(`corpus round trip (skipped when ${SKIP_REASON})`, () => {
  const files = listArgoExamples();
  const tally = { files: 0, documents: 0, notArgo: 0, opensOn: new Map<string, number>() };

  afterAll(() => {
    console.log(
      `round trip: ${tally.files} of ${files.length} example files (${tally.documents} documents) ` +
        `round-trip; ${tally.notArgo} documents not Argo workflows`,
    );
    const opensOn = [...tally.opensOn].map(([type, n]) => `${n} ${type}`).join(', ');
    console.log(`round trip: the documents open on their entrypoint's template: ${opensOn}`);
  });

  it('finds the example corpus', () => {
    expect(files.length).toBeGreaterThan(200);
    for (const name of Object.keys(EXPECTED_FAILURES)) expect(files).toContain(name);
  });

  // One test per Argo example, some large: a limit for that work under load.
  it.each(files)('%s', { timeout: TIMEOUT.cpu }, (rel) => {
    const text = readFileSync(argoExamplePath(rel), 'utf8');
    const opened = openDocuments(text, rel);
    const expected = EXPECTED_FAILURES[rel];
    if (expected) {
      expect(opened.documents).toEqual([]);
      expect(opened.diagnostics).toHaveLength(1);
      const d = opened.diagnostics[0]!;
      expect(d).toMatchObject({ code: expected.code, severity: 'error', source: rel });
      expect(d.message).toMatch(expected.message);
      const line = text.split('\n')[d.line! - 1] ?? '';
      expect(line.trim().startsWith(expected.lineStartsWith), line).toBe(true);
      return;
    }
    expect(opened.diagnostics).toEqual([]);
    // openDocuments skips empty documents, so its indexes count non-empty ones.
    const originals = loadAll(text).filter((d) => d !== null && d !== undefined);
    expect(opened.documents).toHaveLength(originals.length);
    let documents = 0;
    let notArgo = 0;
    for (const { index, pipeline, diagnostics } of opened.documents) {
      const original = originals[index];
      const where = `${rel}#${index}`;
      if (!pipeline) {
        // Only documents that are not Argo workflows may stay unimported.
        expect(isArgoWorkflow(original), `${where}: ${JSON.stringify(diagnostics)}`).toBe(false);
        notArgo++;
        continue;
      }
      const exported = expectIdempotentExport(pipeline, where);
      expect(withoutLayout(parseOne(exported)), where).toStrictEqual(withoutLayout(original));
      documents++;
      const type = pipeline.scope === undefined ? 'no template of its own' : scopeType(pipeline);
      tally.opensOn.set(type, (tally.opensOn.get(type) ?? 0) + 1);
    }
    tally.files++;
    tally.documents += documents;
    tally.notArgo += notArgo;
  });
});

describe('round trip of documents outside the corpus', () => {
  it('writes a CronWorkflow `schedule` as the `schedules` list, in place', () => {
    const text = [
      'apiVersion: argoproj.io/v1alpha1',
      'kind: CronWorkflow',
      'metadata:',
      '  name: nightly',
      'spec:',
      '  schedule: "0 3 * * *"',
      '  timezone: Europe/Paris',
      '  workflowSpec:',
      '    entrypoint: main',
      '    templates:',
      '      - name: main',
      '        container: { image: "alpine:3.20" }',
      '',
    ].join('\n');
    const opened = openDocuments(text, 'nightly.yaml');
    const [doc] = opened.documents;
    expect(doc!.diagnostics).toMatchObject([
      { code: 'schedule-upgraded', severity: 'warning', path: ['spec', 'schedule'], line: 6 },
    ]);
    const exported = expectIdempotentExport(doc!.pipeline!, 'cron');
    const back = parseOne(exported) as { spec: Record<string, unknown> };
    const { schedule, ...rest } = (parseOne(text) as { spec: Record<string, unknown> }).spec;
    expect(back.spec).toStrictEqual({ ...rest, schedules: [schedule] });
    expect(back.spec).not.toHaveProperty('schedule');
    expect(Object.keys(back.spec)).toEqual(['schedules', 'timezone', 'workflowSpec']);
  });

  it('keeps the layout in its annotation and other annotations untouched', () => {
    // a -> b, positions with fractions (exported rounded)
    let p = createPipeline({ name: 'layout' });
    p = { ...p, metadata: { ...p.metadata, annotations: { team: 'data' } } };
    const echo = { name: 'echo', container: { image: 'alpine:3.20' } };
    ({ pipeline: p } = addTask(p, { name: 'a', template: echo, position: { x: 0.4, y: 10.6 } }));
    ({ pipeline: p } = addTask(p, { name: 'b', template: echo, position: { x: 200, y: -5 } }));
    p = connect(p, 'a', 'b').pipeline;
    const exported = expectIdempotentExport(p, 'layout');
    const doc = parseOne(exported) as { metadata: { annotations: Record<string, string> } };
    expect(doc.metadata.annotations).toEqual({
      team: 'data',
      [LAYOUT_ANNOTATION]: '{"main":{"a":[0,11],"b":[200,-5]}}',
    });
    const again = importOne(exported);
    expect(scopeLayout(again)).toEqual({ a: { x: 0, y: 11 }, b: { x: 200, y: -5 } });
    expect(again.metadata.annotations).toEqual({ team: 'data' });
  });

  it('keeps keys named __proto__ (plugin templates hold arbitrary maps)', () => {
    const text = [
      'apiVersion: argoproj.io/v1alpha1',
      'kind: Workflow',
      'metadata: { generateName: plugin- }',
      'spec:',
      '  entrypoint: main',
      '  templates:',
      '    - name: main',
      '      plugin: { any: { __proto__: { kept: true } } }',
      '',
    ].join('\n');
    const exported = expectIdempotentExport(importOne(text), '__proto__');
    expect(parseOne(exported)).toStrictEqual(parseOne(text));
  });
});
