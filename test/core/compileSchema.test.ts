// What the compiler writes is valid Argo: pipelines built in code and every
// corpus example after the round trip validate against Argo's JSON schema
// (test/support/argoSchema.ts, IntOrString relaxed), and the exact YAML of a
// few built pipelines is pinned in golden files under test/golden/, so a
// change to the output format shows up in review. After an intended change,
// regenerate them with
//   UPDATE_GOLDEN=1 npx vitest run test/core/compileSchema.test.ts
// and read the diff.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadAll } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import {
  addTask,
  compile,
  connect,
  createPipeline,
  exportDocument,
  isObject,
  openDocuments,
  previewDocument,
  validate,
  type Pipeline,
  type TaskResult,
  type Template,
} from '../../src/core';
import { validateManifest } from '../support/argoSchema';
import { SKIP_REASON, argoExamplePath, hasShared, listArgoExamples } from '../support/sharedData';
import { TIMEOUT } from '../support/timeouts';
import { scopeTasks } from '../../src/core/model/scope';
import { withScopeLayout, withScopeTasks } from '../../src/core/model/scope';

const GOLDEN_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', 'golden');
// Unreadable by design (duplicate `annotations` key); see roundTrip.test.ts.
const UNREADABLE = new Set(['k8s-patch-json-workflow.yaml']);

const IMAGE = 'alpine:3.20';
const echo: Template = {
  name: 'echo',
  inputs: { parameters: [{ name: 'message' }] },
  container: { image: IMAGE, command: ['echo', '{{inputs.parameters.message}}'] },
};

/** `from -> to`, which must be accepted. */
function link(p: Pipeline, from: string, to: string, result?: TaskResult): Pipeline {
  const r = connect(p, from, to, result);
  expect(r.diagnostics).toEqual([]);
  return r.pipeline;
}

/** Adds `echo` tasks printing their own names, laid out in a column. */
function echoTasks(p: Pipeline, names: string[]): Pipeline {
  let next = p;
  names.forEach((name, i) => {
    ({ pipeline: next } = addTask(next, {
      name,
      template: echo,
      fields: { arguments: { parameters: [{ name: 'message', value: name }] } },
      position: { x: 0, y: i * 120 },
    }));
  });
  return next;
}

/**
 *      a
 *     / \
 *    b   c        depends: `a`, `a`, `b && c`
 *     \ /
 *      d
 */
function diamond(): Pipeline {
  let p = echoTasks(createPipeline({ generateName: 'diamond-' }), ['a', 'b', 'c', 'd']);
  const layout = { a: { x: 100, y: 0 }, b: { x: 0, y: 120 }, c: { x: 200, y: 120 } };
  p = withScopeLayout(p, { ...layout, d: { x: 100, y: 240 } });
  for (const [from, to] of [
    ['a', 'b'],
    ['a', 'c'],
    ['b', 'd'],
    ['c', 'd'],
  ] as const)
    p = link(p, from, to);
  return p;
}

/**
 *   fetch  lint
 *      \   /         the DAG uses `dependencies` lists, so connect() keeps that form
 *      build
 *        |
 *      test
 */
function dependenciesList(): Pipeline {
  let p = echoTasks(createPipeline({ generateName: 'ci-' }), ['fetch', 'lint']);
  ({ pipeline: p } = addTask(p, {
    name: 'build',
    template: echo,
    fields: { arguments: { parameters: [{ name: 'message', value: 'build' }] } },
  }));
  p = withScopeTasks(
    p,
    scopeTasks(p).map((t) => (t.name === 'build' ? { ...t, dependencies: ['fetch'] } : t)),
  );
  p = link(p, 'lint', 'build');
  p = echoTasks(p, ['test']);
  return link(p, 'build', 'test');
}

/**
 *        train
 *   .Succeeded \ .Failed      per-edge results: `train.Succeeded`, `train.Failed`
 *    publish    alert
 */
function edgeResults(): Pipeline {
  let p = echoTasks(createPipeline({ name: 'train-model' }), ['train']);
  // One arguments object shared by two tasks: the YAML must not use anchors.
  const model = { parameters: [{ name: 'message', value: 'model {{workflow.name}}' }] };
  ({ pipeline: p } = addTask(p, {
    name: 'publish',
    fields: { template: 'echo', arguments: model },
  }));
  ({ pipeline: p } = addTask(p, { name: 'alert', fields: { template: 'echo', arguments: model } }));
  p = link(p, 'train', 'publish', 'Succeeded');
  return link(p, 'train', 'alert', 'Failed');
}

/** extract -> load at 03:00 UTC; saved with its layout. */
function nightlyCron(): Pipeline {
  let p = createPipeline({ kind: 'CronWorkflow', name: 'nightly' });
  p = { ...p, spec: { ...p.spec, schedules: ['0 3 * * *'], timezone: 'UTC' } };
  return link(echoTasks(p, ['extract', 'load']), 'extract', 'load');
}

/** A library of one DAG that other workflows call. */
function workflowTemplate(kind: 'WorkflowTemplate' | 'ClusterWorkflowTemplate'): Pipeline {
  const p = echoTasks(createPipeline({ kind, name: 'etl' }), ['extract', 'transform']);
  return link(p, 'extract', 'transform');
}

const BUILT: [string, () => Pipeline][] = [
  ['an empty pipeline', () => createPipeline()],
  ['a diamond', diamond],
  ['a DAG with dependencies lists', dependenciesList],
  ['per-edge results', edgeResults],
  ['a CronWorkflow', nightlyCron],
  ['a WorkflowTemplate', () => workflowTemplate('WorkflowTemplate')],
  ['a ClusterWorkflowTemplate', () => workflowTemplate('ClusterWorkflowTemplate')],
];

// Compiles and validates every built pipeline and every Argo example after its
// round trip, some of them large: a limit for that work under load.
describe.skipIf(!hasShared)(
  `compiled manifests and Argo's schema (skipped when ${SKIP_REASON})`,
  { timeout: TIMEOUT.cpu },
  () => {
    it.each(BUILT)('%s validates, with and without layout', (_label, build) => {
      const p = build();
      const errors = validate(p).filter((d) => d.severity === 'error');
      // Argo refuses a DAG without tasks, as the editor's new document has.
      const expected = build === BUILT[0]![1] ? ['empty-dag'] : [];
      expect(errors.map((d) => d.code)).toEqual(expected);
      expect(validateManifest(compile(p, { layout: true }))).toEqual([]);
      expect(validateManifest(compile(p))).toEqual([]);
      // What is read back from the saved text validates too.
      expect(validateManifest(loadAll(exportDocument(p))[0])).toEqual([]);
    });

    it('the built pipelines use the dependency forms they claim', () => {
      const byName = (p: Pipeline) => Object.fromEntries(scopeTasks(p).map((t) => [t.name, t]));
      expect(byName(diamond()).d).toMatchObject({ depends: 'b && c' });
      const ci = byName(dependenciesList());
      expect(ci.build).toMatchObject({ dependencies: ['fetch', 'lint'] });
      expect(ci.test).toMatchObject({ dependencies: ['build'] });
      expect(Object.values(ci).some((t) => 'depends' in t)).toBe(false);
      expect(byName(edgeResults()).alert).toMatchObject({ depends: 'train.Failed' });
    });

    const files = listArgoExamples().filter((rel) => !UNREADABLE.has(rel));

    it.each(files)('%s still validates after the round trip', (rel) => {
      const opened = openDocuments(readFileSync(argoExamplePath(rel), 'utf8'), rel);
      expect(opened.diagnostics).toEqual([]);
      for (const { index, pipeline } of opened.documents) {
        if (!pipeline) continue;
        const back = loadAll(exportDocument(pipeline))[0];
        expect(validateManifest(back), `${rel}#${index}`).toEqual([]);
      }
    });
  },
);

/** Every list item with a `name` has it first, all the way down. */
function nameFirstEverywhere(value: unknown, path = ''): string[] {
  const out: string[] = [];
  if (Array.isArray(value)) {
    value.forEach((item, i) => {
      if (isObject(item) && 'name' in item && Object.keys(item)[0] !== 'name')
        out.push(`${path}/${i}`);
      out.push(...nameFirstEverywhere(item, `${path}/${i}`));
    });
  } else if (isObject(value)) {
    for (const [k, v] of Object.entries(value)) out.push(...nameFirstEverywhere(v, `${path}/${k}`));
  }
  return out;
}

const GOLDEN: [file: string, render: () => string][] = [
  ['diamond.yaml', () => previewDocument(diamond())],
  ['edge-results.yaml', () => previewDocument(edgeResults())],
  ['nightly-cron.yaml', () => exportDocument(nightlyCron())],
];

describe('golden YAML', () => {
  it.each(GOLDEN)('%s is exactly what the compiler writes', (file, render) => {
    const path = join(GOLDEN_DIR, file);
    const text = render();
    if (process.env.UPDATE_GOLDEN) writeFileSync(path, text);
    expect(text).toBe(readFileSync(path, 'utf8'));
  });

  it.each(GOLDEN)('%s reads like YAML an Argo user writes', (_file, render) => {
    const text = render();
    const docs = loadAll(text);
    expect(docs).toHaveLength(1);
    const doc = docs[0] as Record<string, unknown>;
    expect(Object.keys(doc)).toEqual(['apiVersion', 'kind', 'metadata', 'spec']);
    expect(text).toMatch(
      /^apiVersion: argoproj\.io\/v1alpha1\nkind: \w+\nmetadata:\n {2}(generate)?[nN]ame: /,
    );
    expect(nameFirstEverywhere(doc)).toEqual([]);
    // No anchors or aliases (js-yaml writes them as &ref_N / *ref_N without noRefs).
    expect(text).not.toMatch(/(?:^|[\s:-])[&*][\w-]+\s*$/m);
    // Block style: no flow collections except empty ones (`[]`, `{}`).
    expect(text).not.toMatch(/(?::|-) +[[{](?! *[\]}])/);
  });
});
