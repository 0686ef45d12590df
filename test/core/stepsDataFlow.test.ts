// Data ports in a steps template (issue 9): wiring writes
// `{{steps.X.outputs...}}`; the groups give the order, so only a step of an
// earlier group can be read. Argo checks a step's arguments against the
// outputs of the groups before its own: validate.go validateSteps adds each
// group's outputs to the scope only after checking the group.
import { describe, expect, it } from 'vitest';
import { openDocuments, validate } from '../../src/core';
import {
  dataEdgesInto,
  referencesBetween,
  scopeSuggestions,
  unwireData,
  wireData,
  type Port,
} from '../../src/core/model/dataFlow';
import { findTask } from '../../src/core/model/pipeline';
import { scopeSteps } from '../../src/core/model/scope';

const STEPS = `apiVersion: argoproj.io/v1alpha1
kind: Workflow
metadata:
  generateName: steps-data-
spec:
  entrypoint: main
  templates:
    - name: main
      steps:
        - - name: extract
            template: produce
          - name: side
            template: produce
        - - name: load
            template: consume
    - name: produce
      outputs:
        parameters:
          - name: table
            valueFrom:
              path: /tmp/table
        artifacts:
          - name: report
            path: /tmp/report
      container:
        image: alpine:3
    - name: consume
      inputs:
        parameters:
          - name: table
        artifacts:
          - name: data
            path: /in/data
      container:
        image: alpine:3
`;

const out = (kind: Port['kind'], name: string): Port => ({ direction: 'out', kind, name });
const inp = (kind: Port['kind'], name: string): Port => ({ direction: 'in', kind, name });

function steps() {
  const p = openDocuments(STEPS, 'steps.yaml').documents[0]!.pipeline!;
  expect(p.scope).toBe('main');
  return p;
}

describe('data ports in a steps template', () => {
  it('wires an earlier group’s output as {{steps.X.outputs...}}, with no dependency', () => {
    let p = steps();
    const a = wireData(p, 'extract', out('parameter', 'table'), 'load', inp('parameter', 'table'));
    expect(a.diagnostics).toEqual([]);
    p = a.pipeline;
    const b = wireData(p, 'extract', out('artifact', 'report'), 'load', inp('artifact', 'data'));
    p = b.pipeline;
    const load = findTask(p, 'load')!;
    expect(load.arguments).toEqual({
      parameters: [{ name: 'table', value: '{{steps.extract.outputs.parameters.table}}' }],
      artifacts: [{ name: 'data', from: '{{steps.extract.outputs.artifacts.report}}' }],
    });
    expect(load.depends).toBeUndefined();
    expect(scopeSteps(p).map((g) => g.map((s) => s.name))).toEqual([['extract', 'side'], ['load']]);
    // What the canvas draws as wires, and what Argo's rules say of the result.
    expect(dataEdgesInto(load, 'steps').map((e) => `${e.from}.${e.output.name}`)).toEqual([
      'extract.table',
      'extract.report',
    ]);
    expect(dataEdgesInto(load, 'tasks')).toEqual([]);
    expect(referencesBetween(p, 'extract', 'load')).toHaveLength(2);
    expect(validate(p).filter((d) => d.severity === 'error')).toEqual([]);
    const unwired = unwireData(p, 'load', inp('parameter', 'table'));
    expect(findTask(unwired, 'load')!.arguments).toEqual({
      artifacts: [{ name: 'data', from: '{{steps.extract.outputs.artifacts.report}}' }],
    });
  });

  it.each([
    ['a step of the same group', 'side', 'extract', 'in group 1 and side in group 1'],
    ['a later group', 'load', 'extract', 'extract runs in group 1 and load in group 2'],
  ])('refuses to read %s, saying which groups', (_what, from, to, message) => {
    const p = steps();
    const r = wireData(p, from, out('parameter', 'table'), to, inp('parameter', 'table'));
    expect(r.pipeline).toBe(p);
    expect(r.diagnostics[0]!.code).toBe('step-not-earlier');
    expect(r.diagnostics[0]!.message).toContain(message);
  });

  it('refuses an artifact wired to a parameter', () => {
    const p = steps();
    const r = wireData(p, 'extract', out('artifact', 'report'), 'load', inp('parameter', 'table'));
    expect(r.diagnostics[0]!.code).toBe('port-mismatch');
  });

  it('suggests only the outputs of earlier groups, as steps references', () => {
    const p = steps();
    const load = scopeSuggestions(p, 'load');
    expect(load).toContain('{{steps.extract.outputs.parameters.table}}');
    expect(load).toContain('{{steps.side.outputs.artifacts.report}}');
    expect(load.some((r) => r.includes('tasks.'))).toBe(false);
    expect(scopeSuggestions(p, 'extract').some((r) => r.includes('steps.'))).toBe(false);
  });
});
