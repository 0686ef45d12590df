// The incremental emitter (src/core/argo/incrementalYaml.ts) writes exactly
// what one js-yaml dump of the whole manifest writes, after any sequence of
// edits: checked with fast-check over random edit sequences on documents with
// the scalars YAML 1.1 makes tricky (kept spellings like 0755 and yes,
// multi-line strings with blank lines, leading spaces, quotes), several DAG
// templates, steps, and names such as __proto__.
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { compile } from '../../src/core/argo/compile';
import { exportDocument, openDocuments, previewDocument } from '../../src/core/argo/document';
import { emitYaml } from '../../src/core/argo/incrementalYaml';
import { dumpYaml } from '../../src/core/argo/yamlText';
import { connect } from '../../src/core/model/connections';
import {
  addTask,
  removeTask,
  renameTask,
  updateTask,
  updateTemplate,
} from '../../src/core/model/operations';
import { scopeTasks } from '../../src/core/model/scope';
import type { Pipeline, Task } from '../../src/core/model/types';
import { TIMEOUT } from '../support/timeouts';

// The property run emits hundreds of documents twice: CPU-bound, it overran
// Vitest's 5 s at load 12 (scripts/test-under-load.sh).
vi.setConfig({ testTimeout: TIMEOUT.cpu });

const START = `apiVersion: argoproj.io/v1alpha1
kind: Workflow
metadata:
  generateName: tricky-
  annotations:
    note: "yes"
spec:
  entrypoint: main
  arguments:
    parameters:
      - name: flag
        value: yes
      - name: mode
        value: 0755
  templates:
    - name: main
      dag:
        tasks:
          - name: a
            template: echo
            arguments:
              parameters:
                - name: msg
                  value: ~
          - template: echo
            name: b
            depends: a
          - name: __proto__
            template: script
            depends: a && b
    - name: other
      dag:
        tasks:
          - name: x
            template: echo
    - name: steps
      steps:
        - - name: s1
            template: echo
        - - name: s2
            template: echo
          - name: s3
            template: script
    - name: echo
      inputs:
        parameters:
          - name: msg
            default: "on"
      container:
        image: alpine:3.20
        command: [sh, -c]
        args: ["echo {{inputs.parameters.msg}}"]
        volumeMounts:
          - name: v
            mountPath: /v
            readOnly: true
      volumes: []
    - name: script
      script:
        image: python:3.12
        source: |
          import sys

            indented = 1
          print("done")
`;

const TRICKY = [
  'yes',
  'no',
  'on',
  '0755',
  '1_000',
  '~',
  'null',
  '- x',
  'a: b',
  '#c',
  ' leading',
  'trailing ',
  'multi\nline\n',
  'blank\n\nlines\n',
  '  indented\nblock\n',
  'no newline at end\nsecond',
  '\n',
  '',
  '"quoted"',
  "'single'",
  '{{tasks.a.outputs.result}}',
  '1e3',
  'é ü 中',
  'tab\there',
  '__proto__',
];

const scalar = fc.oneof(fc.constantFrom(...TRICKY), fc.string({ maxLength: 12 }), fc.integer());
const name = fc.constantFrom('a', 'b', 'c', 'x', 'new', '__proto__', 'constructor', 'toString');

type Edit = (p: Pipeline) => Pipeline;

const taskAt = (p: Pipeline, i: number): Task | undefined => {
  const tasks = scopeTasks(p);
  return tasks.length > 0 ? tasks[i % tasks.length] : undefined;
};

const edit: fc.Arbitrary<Edit> = fc.oneof(
  fc.tuple(name, fc.constantFrom('echo', 'script'), scalar).map(
    ([n, template, value]): Edit =>
      (p) =>
        addTask(p, {
          name: n,
          fields: { template, arguments: { parameters: [{ name: 'msg', value: String(value) }] } },
        }).pipeline,
  ),
  fc.nat().map((i): Edit => (p) => {
    const t = taskAt(p, i);
    return t ? removeTask(p, t.name) : p;
  }),
  fc.tuple(fc.nat(), name).map(([i, to]): Edit => (p) => {
    const t = taskAt(p, i);
    return t ? renameTask(p, t.name, to).value : p;
  }),
  fc.tuple(fc.nat(), fc.nat()).map(([i, j]): Edit => (p) => {
    const a = taskAt(p, i);
    const b = taskAt(p, j);
    return a && b ? connect(p, a.name, b.name).pipeline : p;
  }),
  fc.tuple(fc.nat(), scalar).map(([i, value]): Edit => (p) => {
    const t = taskAt(p, i);
    return t ? updateTask(p, t.name, (task) => ({ ...task, when: String(value) })) : p;
  }),
  scalar.map(
    (source): Edit =>
      (p) =>
        updateTemplate(p, 'script', (t) => ({
          ...t,
          script: { image: 'python:3.12', source: String(source) },
        })),
  ),
  scalar.map((value): Edit => (p) => ({
    ...p,
    metadata: { ...p.metadata, labels: { team: String(value) } },
  })),
  fc.constantFrom('main', 'other', 'steps').map((scope): Edit => (p) => ({ ...p, scope })),
);

function opened(): Pipeline {
  const p = openDocuments(START).documents[0]?.pipeline;
  if (!p) throw new Error('the start document did not open');
  return p;
}

describe('incremental YAML emission', () => {
  it('writes the start document as one dump does, kept spellings included', () => {
    const p = opened();
    const text = previewDocument(p);
    expect(text).toBe(dumpYaml(compile(p)));
    expect(text).toContain('value: 0755');
    expect(text).toContain('value: yes');
    expect(text).toContain('\n\n            indented = 1\n');
    expect(exportDocument(p)).toBe(dumpYaml(compile(p, { layout: true })));
  });

  it('equals a whole dump after every edit of random edit sequences', () => {
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 25 }), (edits) => {
        let p = opened();
        previewDocument(p);
        for (const e of edits) {
          p = e(p);
          expect(previewDocument(p)).toBe(dumpYaml(compile(p)));
          expect(exportDocument(p)).toBe(dumpYaml(compile(p, { layout: true })));
        }
      }),
      { numRuns: 150, seed: 11 },
    );
  });

  it('reuses the text of what an edit left alone, and writes what it changed', () => {
    const p = opened();
    const before = previewDocument(p);
    const q = updateTask(p, 'b', (t) => ({ ...t, when: 'changed' }));
    const after = previewDocument(q);
    expect(after).toBe(dumpYaml(compile(q)));
    expect(after).not.toBe(before);
    expect(after.replace('            when: changed\n', '')).toBe(before);
  });

  it('writes values that are not manifests as js-yaml does', () => {
    for (const v of [null, 3, 'yes', [], [{}], { tasks: [] }, { tasks: [{}, { a: 1 }] }])
      expect(emitYaml(v)).toBe(dumpYaml(v));
  });
});
