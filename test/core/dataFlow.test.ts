import { load } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import {
  addTask,
  connect,
  createPipeline,
  disconnect,
  exportDocument,
  openDocuments,
  previewDocument,
  validate,
  type Pipeline,
  type Template,
} from '../../src/core';
import {
  dataEdgesInto,
  parsePortHandle,
  portHandleId,
  referencesBetween,
  removeReferences,
  renameOutput,
  scopeSuggestions,
  templatePorts,
  unwireData,
  wireData,
  type Port,
} from '../../src/core/model/dataFlow';
import { renameTask } from '../../src/core/model/operations';
import { findTask } from '../../src/core/model/pipeline';
import { validateManifest } from '../support/argoSchema';
import { hasShared } from '../support/sharedData';
import { scopeTasks } from '../../src/core/model/scope';

const producer: Template = {
  name: 'produce',
  outputs: {
    parameters: [{ name: 'table', valueFrom: { path: '/tmp/table' } }],
    artifacts: [{ name: 'report', path: '/tmp/report' }],
  },
  container: {
    image: 'alpine:3',
    command: ['sh', '-c', 'echo t > /tmp/table; echo r > /tmp/report'],
  },
};
const consumer: Template = {
  name: 'consume',
  inputs: { parameters: [{ name: 'table' }], artifacts: [{ name: 'data', path: '/in/data' }] },
  container: { image: 'alpine:3', args: ['{{inputs.parameters.table}}'] },
};

const out = (kind: Port['kind'], name: string): Port => ({ direction: 'out', kind, name });
const inp = (kind: Port['kind'], name: string): Port => ({ direction: 'in', kind, name });

//   extract (produce) ──► load (consume)
function twoTasks(): Pipeline {
  let p = createPipeline({ generateName: 'flow-' });
  p = addTask(p, { name: 'extract', template: producer }).pipeline;
  p = addTask(p, { name: 'load', template: consumer }).pipeline;
  return p;
}

describe('ports', () => {
  it('lists inputs, outputs and result from the template', () => {
    expect(templatePorts(producer)).toEqual({
      inputs: [],
      outputs: [out('parameter', 'table'), out('artifact', 'report'), out('result', 'result')],
    });
    expect(templatePorts(consumer).inputs).toEqual([
      inp('parameter', 'table'),
      inp('artifact', 'data'),
    ]);
    expect(templatePorts({ name: 'd', dag: { tasks: [] } }).outputs).toEqual([]);
  });

  it('round-trips handle ids', () => {
    for (const port of [out('parameter', 'a-b_c'), inp('artifact', 'x'), out('result', 'result')])
      expect(parsePortHandle(portHandleId(port))).toEqual(port);
    expect(parsePortHandle(null)).toBeUndefined();
    expect(parsePortHandle('nonsense')).toBeUndefined();
  });
});

describe('wiring', () => {
  it('writes the parameter reference and adds the dependency', () => {
    const { pipeline, diagnostics } = wireData(
      twoTasks(),
      'extract',
      out('parameter', 'table'),
      'load',
      inp('parameter', 'table'),
    );
    expect(diagnostics).toEqual([]);
    const load = findTask(pipeline, 'load')!;
    expect(load.depends).toBe('extract');
    expect(load.arguments?.parameters).toEqual([
      { name: 'table', value: '{{tasks.extract.outputs.parameters.table}}' },
    ]);
    // Only the artifact input, left unwired here, is missing.
    expect(
      validate(pipeline)
        .filter((d) => d.severity === 'error')
        .map((d) => d.message),
    ).toEqual([
      'templates.main.tasks.load templates.consume inputs.artifacts.data was not supplied',
    ]);
  });

  it('writes an artifact `from` and reads the wires back', () => {
    const p = wireData(
      twoTasks(),
      'extract',
      out('artifact', 'report'),
      'load',
      inp('artifact', 'data'),
    ).pipeline;
    const load = findTask(p, 'load')!;
    expect(load.arguments?.artifacts).toEqual([
      { name: 'data', from: '{{tasks.extract.outputs.artifacts.report}}' },
    ]);
    expect(dataEdgesInto(load)).toEqual([
      {
        from: 'extract',
        output: out('artifact', 'report'),
        to: 'load',
        input: inp('artifact', 'data'),
      },
    ]);
  });

  it('wires `result` into a parameter and keeps an existing dependency as it is', () => {
    let p = connect(twoTasks(), 'extract', 'load', 'Succeeded').pipeline;
    p = wireData(p, 'extract', out('result', 'result'), 'load', inp('parameter', 'table')).pipeline;
    const load = findTask(p, 'load')!;
    expect(load.depends).toBe('extract.Succeeded');
    expect(load.arguments?.parameters?.[0]?.value).toBe('{{tasks.extract.outputs.result}}');
  });

  it('refuses a parameter into an artifact, and a wire that closes a cycle, changing nothing', () => {
    const p = twoTasks();
    const mismatch = wireData(
      p,
      'extract',
      out('parameter', 'table'),
      'load',
      inp('artifact', 'data'),
    );
    expect(mismatch.pipeline).toBe(p);
    expect(mismatch.diagnostics[0]?.code).toBe('port-mismatch');
    const wired = connect(p, 'extract', 'load').pipeline;
    const cycle = wireData(
      wired,
      'load',
      out('result', 'result'),
      'extract',
      inp('parameter', 'table'),
    );
    expect(cycle.pipeline).toBe(wired);
    expect(cycle.cycle).toEqual(['load', 'extract', 'load']);
  });

  it('knows which references a dependency carries, and removes them on request', () => {
    const p = wireData(
      twoTasks(),
      'extract',
      out('parameter', 'table'),
      'load',
      inp('parameter', 'table'),
    ).pipeline;
    expect(referencesBetween(p, 'extract', 'load')).toHaveLength(1);
    const cleared = disconnect(removeReferences(p, 'extract', 'load'), 'extract', 'load');
    const load = findTask(cleared, 'load')!;
    expect(load.arguments).toBeUndefined();
    expect(load.depends).toBeUndefined();
    // Unwiring one input keeps the dependency.
    const unwired = unwireData(p, 'load', inp('parameter', 'table'));
    expect(findTask(unwired, 'load')!.depends).toBe('extract');
  });

  it('follows renames of the task and of the output', () => {
    let p = wireData(
      twoTasks(),
      'extract',
      out('parameter', 'table'),
      'load',
      inp('parameter', 'table'),
    ).pipeline;
    p = renameTask(p, 'extract', 'pull').value;
    expect(findTask(p, 'load')!.arguments?.parameters?.[0]?.value).toBe(
      '{{tasks.pull.outputs.parameters.table}}',
    );
    p = renameOutput(p, 'produce', 'parameter', 'table', 'rows').pipeline;
    expect(findTask(p, 'load')!.arguments?.parameters?.[0]?.value).toBe(
      '{{tasks.pull.outputs.parameters.rows}}',
    );
    expect(
      validate(p)
        .filter((d) => d.severity === 'error')
        .map((d) => d.code),
    ).toEqual([
      'missing-input', // the artifact input, left unwired here
    ]);
    expect(renameOutput(p, 'produce', 'parameter', 'rows', 'bad name').diagnostics[0]?.code).toBe(
      'invalid-name',
    );
  });

  it('suggests what is in scope: own inputs, upstream outputs, workflow parameters', () => {
    const p = wireData(
      twoTasks(),
      'extract',
      out('parameter', 'table'),
      'load',
      inp('parameter', 'table'),
    ).pipeline;
    expect(scopeSuggestions(p, 'load')).toEqual([
      '{{inputs.parameters.table}}',
      '{{inputs.artifacts.data}}',
      '{{tasks.extract.outputs.parameters.table}}',
      '{{tasks.extract.outputs.artifacts.report}}',
      '{{tasks.extract.outputs.result}}',
    ]);
    expect(scopeSuggestions(p, 'extract')).toEqual([]);
  });
});

describe.skipIf(!hasShared)('wired pipelines as Argo manifests (reference data ../shared)', () => {
  it('validate against the schema and round-trip', () => {
    let p = wireData(
      twoTasks(),
      'extract',
      out('parameter', 'table'),
      'load',
      inp('parameter', 'table'),
    ).pipeline;
    p = wireData(p, 'extract', out('artifact', 'report'), 'load', inp('artifact', 'data')).pipeline;
    expect(validateManifest(load(previewDocument(p)))).toEqual([]);
    const back = openDocuments(exportDocument(p)).documents[0]!.pipeline!;
    expect(scopeTasks(back)).toEqual(scopeTasks(p));
    expect(previewDocument(back)).toBe(previewDocument(p));
  });
});

describe('expression forms', () => {
  it('uses bracket members for names with hyphens and dots otherwise', async () => {
    const { toExpressionForm } = await import('../../src/core/model/dataFlow');
    expect(toExpressionForm('{{tasks.load-data.outputs.parameters.row_count}}')).toBe(
      "{{=tasks['load-data'].outputs.parameters.row_count}}",
    );
    expect(toExpressionForm('{{tasks.extract.outputs.result}}')).toBe(
      '{{=tasks.extract.outputs.result}}',
    );
    expect(toExpressionForm('{{inputs.parameters.my-param}}')).toBe(
      "{{=inputs.parameters['my-param']}}",
    );
    expect(toExpressionForm('plain text')).toBe('plain text');
  });

  it('offers quoted references and expression forms for conditions', async () => {
    const { conditionSuggestions } = await import('../../src/core/model/dataFlow');
    const p = wireData(
      twoTasks(),
      'extract',
      out('parameter', 'table'),
      'load',
      inp('parameter', 'table'),
    ).pipeline;
    const suggestions = conditionSuggestions(p, 'load');
    expect(suggestions).toContain("'{{tasks.extract.outputs.result}}' == ''");
    expect(suggestions).toContain('{{=tasks.extract.outputs.result}}');
  });
});
