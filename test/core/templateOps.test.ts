// Templates as a whole: create, entrypoint, rename with every reference
// following, delete when unused, convert steps to a DAG, wrap a leaf.
import { describe, expect, it } from 'vitest';
import { openDocuments, previewDocument, validate, type Pipeline } from '../../src/core';
import { scopeSteps, scopeTasks, scopeType, withScope } from '../../src/core/model/scope';
import { templates, workflowSpec } from '../../src/core/model/spec';
import {
  createTemplate,
  deleteTemplate,
  moveScopeStep,
  renameTemplate,
  setEntrypoint,
} from '../../src/core/model/templateOps';
import { convertScopeToDag, wrapScopeInDag } from '../../src/core/model/convert';

const open = (text: string): Pipeline => openDocuments(text).documents[0]!.pipeline!;

//   main (steps):  [gen] -> [a | b]        exit handler: bye
const STEPS = `apiVersion: argoproj.io/v1alpha1
kind: Workflow
metadata: {generateName: s-}
spec:
  entrypoint: main
  onExit: bye
  templates:
  - name: main
    steps:
    - - {name: gen, template: echo}
    - - name: a
        template: echo
        arguments: {parameters: [{name: m, value: "{{steps.gen.outputs.result}}"}]}
      - {name: b, template: echo, hooks: {running: {template: bye, expression: "true"}}}
  - name: echo
    inputs: {parameters: [{name: m, default: x}]}
    container: {image: alpine}
  - {name: bye, container: {image: alpine}}
`;

describe('template operations', () => {
  it('creates a DAG or steps template and shows it', () => {
    const { pipeline, name } = createTemplate(open(STEPS), 'dag', 'Fan Out');
    expect(name).toBe('fan-out');
    expect(pipeline.scope).toBe('fan-out');
    expect(scopeType(pipeline)).toBe('dag');
    expect(createTemplate(pipeline, 'steps').pipeline.scope).toBe('steps');
  });

  it('sets the entrypoint', () => {
    expect(workflowSpec(setEntrypoint(open(STEPS), 'echo')).entrypoint).toBe('echo');
    const p = open(STEPS);
    expect(setEntrypoint(p, 'ghost')).toBe(p);
  });

  it('renames a template and every task, hook and handler that runs it', () => {
    const r = renameTemplate(open(STEPS), 'bye', 'farewell');
    expect(r.diagnostics).toEqual([]);
    const text = previewDocument(r.value);
    expect(text).not.toMatch(/\bbye\b/);
    expect(workflowSpec(r.value).onExit).toBe('farewell');
    expect(text).toContain('template: farewell');
    expect(validate(r.value).filter((d) => d.severity === 'error')).toEqual([]);
    expect(renameTemplate(open(STEPS), 'echo', 'main').diagnostics[0]?.code).toBe(
      'duplicate-template',
    );
    expect(renameTemplate(open(STEPS), 'echo', 'Bad Name').diagnostics[0]?.code).toBe(
      'invalid-name',
    );
  });

  it('deletes only a template nothing runs', () => {
    expect(deleteTemplate(open(STEPS), 'bye').diagnostics[0]?.code).toBe('template-in-use');
    const extra = createTemplate(open(STEPS), 'dag', 'spare').pipeline;
    const r = deleteTemplate(extra, 'spare');
    expect(templates(r.value).map((t) => t.name)).toEqual(['main', 'echo', 'bye']);
    expect(r.value.scope).toBeUndefined();
  });

  it('converts the steps template on the canvas into a DAG in place', () => {
    const r = convertScopeToDag(open(STEPS));
    expect(scopeType(r.value)).toBe('dag');
    expect(scopeTasks(r.value).map((t) => [t.name, t.depends])).toEqual([
      ['gen', undefined],
      ['a', 'gen'],
      ['b', 'gen'],
    ]);
    expect(previewDocument(r.value)).toContain('{{tasks.gen.outputs.result}}');
    expect(validate(r.value).filter((d) => d.severity === 'error')).toEqual([]);
  });

  it('wraps a leaf entrypoint in a DAG that becomes the entrypoint', () => {
    const leaf = withScope(open(STEPS), 'echo');
    const r = wrapScopeInDag(setEntrypoint(leaf, 'echo'));
    expect(r.value.scope).toBe('echo-dag');
    expect(workflowSpec(r.value).entrypoint).toBe('echo-dag');
    expect(scopeTasks(r.value)).toEqual([
      {
        name: 'echo',
        template: 'echo',
        arguments: { parameters: [{ name: 'm', value: '{{inputs.parameters.m}}' }] },
      },
    ]);
    expect(wrapScopeInDag(open(STEPS)).diagnostics[0]?.code).toBe('not-leaf');
  });

  it('moves a step into another group or a new one', () => {
    const p = open(STEPS);
    const names = (q: Pipeline) => scopeSteps(q).map((g) => g.map((s) => s.name));
    expect(names(moveScopeStep(p, 'b', { newGroup: 0 }))).toEqual([['b'], ['gen'], ['a']]);
    expect(names(moveScopeStep(p, 'gen', { group: 1, index: 2 }))).toEqual([['a', 'b', 'gen']]);
  });
});
