// Names that are also properties of every JavaScript object (`constructor`,
// `toString`, `valueOf`, ...) are valid Argo task, template and parameter
// names. Every lookup keyed by such a name must find only what the document
// holds: a plain `{}` answers `layout['constructor']` with Object itself.
import { describe, expect, it } from 'vitest';
import {
  addTask,
  compile,
  connect,
  createPipeline,
  exportDocument,
  findTask,
  moveTask,
  openDocuments,
  previewDocument,
  removeTask,
  renameTask,
  validate,
  type Pipeline,
} from '../../src/core';
import { copyTasks, pasteTasks } from '../../src/core/model/clipboard';
import { autoLayout, NODE_HEIGHT } from '../../src/core/graph/autoLayout';
import { levelLayout } from '../../src/core/graph/levelLayout';
import { nodeHeights, wireData } from '../../src/core/model/dataFlow';
import { pointAt } from '../../src/core/model/layout';
import { runState } from '../../src/core/argo/client/runStatus';
import { plain } from '../../src/core/config/yamlNodes';
import { scheduleProblem } from '../../src/core/argo/cron';
import { linesToRecord } from '../../src/ui/inspector/fields';
import { parseDocument } from 'yaml';
import { scopeLayout, scopeTasks } from '../../src/core/model/scope';
import { withTasks } from '../support/scope';
import { withScopeLayout } from '../../src/core/model/scope';

/** Valid Argo task names that every plain object already "has". */
const BUILTIN = ['constructor', 'toString', 'valueOf', 'hasOwnProperty', 'isPrototypeOf'];

/**
 * A chain names[0] -> names[1] -> ..., each task running its own template
 * (the name in lower case, as pod names need) with ports named like built-ins.
 */
function chainYaml(names: readonly string[], layout?: string): string {
  const annotations = layout ? `  annotations:\n    studio.argoflow.io/layout: '${layout}'\n` : '';
  const tasks = names
    .map(
      (n, i) =>
        `      - name: ${n}\n        template: ${n.toLowerCase()}\n` +
        `        arguments: {parameters: [{name: valueOf, value: x}]}\n` +
        (i > 0 ? `        depends: ${names[i - 1]}\n` : ''),
    )
    .join('');
  const templates = names
    .map(
      (n) =>
        `  - name: ${n.toLowerCase()}\n    inputs: {parameters: [{name: valueOf}]}\n` +
        `    outputs: {parameters: [{name: constructor, valueFrom: {path: /tmp/x}}]}\n` +
        `    container: {image: alpine}\n`,
    )
    .join('');
  return (
    `apiVersion: argoproj.io/v1alpha1\nkind: Workflow\nmetadata:\n  name: builtin\n${annotations}` +
    `spec:\n  entrypoint: main\n  templates:\n  - name: main\n    dag:\n      tasks:\n${tasks}${templates}`
  );
}

function open(text: string): Pipeline {
  const opened = openDocuments(text, 'builtin.yaml');
  expect(opened.diagnostics).toEqual([]);
  const p = opened.documents[0]!.pipeline;
  expect(p).toBeDefined();
  return p!;
}

const finite = (p: { x: number; y: number } | undefined): boolean =>
  p !== undefined && Number.isFinite(p.x) && Number.isFinite(p.y);

describe('task names that are built-in object properties', () => {
  it('import without positions gives no position to any of them, and export writes none', () => {
    const p = open(chainYaml(BUILTIN));
    for (const name of BUILTIN) expect(pointAt(scopeLayout(p), name)).toBeUndefined();
    expect(exportDocument(p)).not.toContain('studio.argoflow.io/layout');
    expect(validate(p)).toEqual([]);
  });

  it('reads positions of such names from the layout annotation, without touching prototypes', () => {
    const p = open(chainYaml(BUILTIN, '{"constructor":[1,2],"toString":[3,4],"__proto__":[5,6]}'));
    expect(pointAt(scopeLayout(p), 'constructor')).toEqual({ x: 1, y: 2 });
    expect(pointAt(scopeLayout(p), 'toString')).toEqual({ x: 3, y: 4 });
    expect(pointAt(scopeLayout(p), '__proto__')).toEqual({ x: 5, y: 6 });
    expect(pointAt(scopeLayout(p), 'valueOf')).toBeUndefined();
    // `__proto__` is a name like any other: no object gained a prototype from it.
    expect(({} as { x?: unknown }).x).toBeUndefined();
    expect(
      Object.getPrototypeOf(scopeLayout(p)) === null ||
        Object.getPrototypeOf(scopeLayout(p)) === Object.prototype,
    ).toBe(true);
  });

  it('lays them out at finite positions, both by level and with dagre', () => {
    const p = open(chainYaml(BUILTIN));
    const heights = nodeHeights(p, NODE_HEIGHT);
    for (const layout of [
      levelLayout(scopeTasks(p), heights),
      autoLayout(scopeTasks(p), heights),
    ]) {
      for (const name of BUILTIN) expect(finite(pointAt(layout, name)), name).toBe(true);
      const xs = BUILTIN.map((n) => pointAt(layout, n)!.x);
      expect(xs).toEqual([...xs].sort((a, b) => a - b));
    }
  });

  it('round-trips positions through export and import', () => {
    let p = open(chainYaml(BUILTIN));
    p = withScopeLayout(p, levelLayout(scopeTasks(p), nodeHeights(p, NODE_HEIGHT)));
    const again = open(exportDocument(p));
    for (const name of BUILTIN)
      expect(pointAt(scopeLayout(again), name)).toEqual(pointAt(scopeLayout(p), name));
    expect(previewDocument(again)).toBe(previewDocument(p));
  });

  it('adds, connects, moves, renames, copies and removes them', () => {
    let p = createPipeline();
    const added = addTask(p, { name: 'constructor', fields: { template: 'main' } });
    expect(added.name).toBe('constructor');
    p = added.pipeline;
    p = addTask(p, { name: 'b', position: { x: 5, y: 5 } }).pipeline;
    expect(pointAt(scopeLayout(p), 'constructor')).toBeUndefined();
    p = moveTask(p, 'constructor', { x: 10, y: 20 });
    expect(pointAt(scopeLayout(p), 'constructor')).toEqual({ x: 10, y: 20 });
    const renamed = renameTask(p, 'b', 'toString');
    expect(renamed.diagnostics).toEqual([]);
    p = renamed.value;
    expect(pointAt(scopeLayout(p), 'toString')).toEqual({ x: 5, y: 5 });
    const connected = connect(p, 'constructor', 'toString');
    expect(connected.diagnostics).toEqual([]);
    p = connected.pipeline;
    expect(findTask(p, 'toString')?.depends).toBe('constructor');
    // A backward edge closes the cycle and says so.
    expect(connect(p, 'toString', 'constructor').cycle).toEqual([
      'toString',
      'constructor',
      'toString',
    ]);
    const pasted = pasteTasks(p, copyTasks(p, ['constructor', 'toString']));
    expect(pasted.names).toEqual(['constructor-2', 'toString-2']);
    expect(pointAt(scopeLayout(pasted.pipeline), 'constructor-2')).toEqual({ x: 50, y: 60 });
    const renamedBack = renameTask(p, 'constructor', 'valueOf').value;
    expect(pointAt(scopeLayout(renamedBack), 'valueOf')).toEqual({ x: 10, y: 20 });
    expect(pointAt(scopeLayout(renamedBack), 'constructor')).toBeUndefined();
    p = removeTask(renamedBack, 'valueOf');
    expect(pointAt(scopeLayout(p), 'valueOf')).toBeUndefined();
    expect(findTask(p, 'toString')?.depends).toBeUndefined();
  });

  it('wires data between ports named like built-ins', () => {
    const p = open(chainYaml(['constructor', 'toString']));
    const wired = wireData(
      p,
      'constructor',
      { direction: 'out', kind: 'parameter', name: 'constructor' },
      'toString',
      { direction: 'in', kind: 'parameter', name: 'valueOf' },
    );
    expect(wired.diagnostics).toEqual([]);
    expect(findTask(wired.pipeline, 'toString')?.arguments?.parameters).toEqual([
      { name: 'valueOf', value: '{{tasks.constructor.outputs.parameters.constructor}}' },
    ]);
    expect(validate(wired.pipeline)).toEqual([]);
  });

  it('gives node heights only to tasks with ports', () => {
    const p: Pipeline = withTasks(createPipeline(), [{ name: 'constructor' }]);
    expect(nodeHeights(p, NODE_HEIGHT).get('constructor')).toBeUndefined();
  });

  it('compiles a layout of only such names to the exact annotation', () => {
    const p = open(chainYaml(['constructor']));
    const manifest = compile(withScopeLayout(p, { constructor: { x: 1, y: 2 } }), { layout: true });
    const annotations = (manifest.metadata as { annotations: Record<string, string> }).annotations;
    expect(annotations['studio.argoflow.io/layout']).toBe('{"main":{"constructor":[1,2]}}');
  });

  it('reads the run status of a task named constructor', () => {
    const state = runState({
      metadata: { name: 'wf' },
      status: {
        phase: 'Running',
        nodes: {
          wf: { id: 'wf', displayName: 'wf', type: 'DAG' },
          'wf-1': {
            id: 'wf-1',
            displayName: 'constructor',
            type: 'Pod',
            boundaryID: 'wf',
            phase: 'Succeeded',
            templateName: 'constructor',
          },
        },
      },
    });
    expect(state.tasks.get('constructor')?.phase).toBe('Succeeded');
    expect(state.tasks.get('toString')).toBeUndefined();
  });
});

describe('keys named like built-ins in text the user types', () => {
  it("a cron '@every' with a unit named like a built-in is refused, not NaN", () => {
    expect(scheduleProblem('@every 1constructor')).toBe(
      "schedule '@every 1constructor' is not a valid cron expression: '@every' needs a Go duration such as 1h30m or 90s",
    );
    expect(scheduleProblem('@every 90s')).toBeUndefined();
  });

  it('KEY=value lines keep a __proto__ or constructor key as data', () => {
    const record = linesToRecord('__proto__=x\nconstructor=y');
    expect(Object.getPrototypeOf(record)).toBe(Object.prototype);
    expect(Object.entries(record)).toEqual([
      ['__proto__', 'x'],
      ['constructor', 'y'],
    ]);
  });

  it('a YAML mapping read for the palette keeps a __proto__ key as data', () => {
    const doc = parseDocument('__proto__: {polluted: true}\nconstructor: 1\n');
    const value = plain(doc.contents as Parameters<typeof plain>[0]) as Record<string, unknown>;
    expect(Object.keys(value)).toEqual(['__proto__', 'constructor']);
    expect((value as { polluted?: unknown }).polluted).toBeUndefined();
    expect(Object.hasOwn(value, '__proto__')).toBe(true);
  });
});
