// A node React Flow has not measured starts with the size measured for a
// node of the same shape (src/ui/canvas/nodeSizes.ts), so it shows in the
// frame that adds it instead of after a measuring round. Edges keep their
// objects (and the array) while an edit does not change what they draw.
import { describe, expect, it } from 'vitest';
import { createPipeline, renameTask, templates, withTemplates, type Task } from '../../src/core';
import { createFlowAdapter, type TaskFlowNode } from '../../src/ui/canvas/flowAdapter';
import { createSizeBook, nodeShape, type NodeLook } from '../../src/ui/canvas/nodeSizes';
import { withTasks } from '../support/scope';

const compact: NodeLook = { detailed: false, runWatched: false };
const detailed: NodeLook = { detailed: true, runWatched: false };
const echo = { name: 'echo', container: { image: 'alpine' } };
const withOutput = {
  name: 'produce',
  container: { image: 'alpine' },
  outputs: { parameters: [{ name: 'out', valueFrom: { path: '/tmp/out' } }] },
};

function dag(tasks: Task[]) {
  const p = createPipeline({ kind: 'Workflow', name: 'wf' });
  return withTasks(withTemplates(p, [...templates(p), echo, withOutput]), tasks);
}
const byId = (nodes: unknown[], id: string) => (nodes as TaskFlowNode[]).find((n) => n.id === id)!;
const NONE = new Set<string>();
const NO_PROBLEMS = new Map();

describe('node size estimates', () => {
  it('gives a renamed node the size measured for its shape', () => {
    const adapter = createFlowAdapter();
    const p = dag([
      { name: 'a', template: 'echo' },
      { name: 'b', template: 'echo', depends: 'a' },
    ]);
    const first = adapter.nodes(p, NONE, NO_PROBLEMS, new Map(), compact);
    expect(byId(first, 'a').measured).toBeUndefined();
    const size = { width: 242, height: 60 };
    const sizes = new Map([
      ['a', size],
      ['b', { width: 242, height: 60 }],
    ]);
    adapter.nodes(p, NONE, NO_PROBLEMS, sizes, compact);
    const renamed = renameTask(p, 'b', 'b2').value;
    const after = adapter.nodes(renamed, NONE, NO_PROBLEMS, sizes, compact);
    expect(byId(after, 'b2').measured).toEqual(size);
    // Unchanged nodes stay the same objects: React Flow re-renders only the new one.
    const again = adapter.nodes(p, NONE, NO_PROBLEMS, sizes, compact);
    expect(byId(after, 'a')).toBe(byId(again, 'a'));
  });

  it('estimates nothing for a shape never measured, and nothing while a run is shown', () => {
    const adapter = createFlowAdapter();
    const p = dag([{ name: 'a', template: 'echo' }]);
    adapter.nodes(p, NONE, NO_PROBLEMS, new Map([['a', { width: 242, height: 96 }]]), detailed);
    const grown = dag([
      { name: 'a', template: 'echo' },
      { name: 'p', template: 'produce' },
      { name: 'e', template: 'echo' },
    ]);
    const nodes = adapter.nodes(
      grown,
      NONE,
      NO_PROBLEMS,
      new Map([['a', { width: 242, height: 96 }]]),
      detailed,
    );
    // `p` draws an output port: another shape, measured by React Flow first.
    expect(byId(nodes, 'p').measured).toBeUndefined();
    expect(byId(nodes, 'e').measured).toEqual({ width: 242, height: 96 });
    const book = createSizeBook();
    const data = byId(nodes, 'e').data;
    book.learn(nodeShape(data, { detailed: true, runWatched: true }), { width: 1, height: 1 });
    expect(book.estimate(nodeShape(data, { detailed: true, runWatched: true }))).toBeUndefined();
  });

  it('keeps the first object for a size measured again, so estimated nodes are not rebuilt', () => {
    const book = createSizeBook();
    const first = { width: 242, height: 60 };
    book.learn('compact', first);
    book.learn('compact', { width: 242, height: 60 });
    expect(book.estimate('compact')).toBe(first);
    book.learn('compact', { width: 242, height: 61 });
    expect(book.estimate('compact')).toEqual({ width: 242, height: 61 });
  });

  it('tells detailed shapes apart by what they draw, and compact ones not at all', () => {
    const adapter = createFlowAdapter();
    const p = dag([
      { name: 'a', template: 'echo' },
      { name: 'p', template: 'produce' },
    ]);
    const nodes = adapter.nodes(p, NONE, NO_PROBLEMS, new Map(), detailed);
    const [a, q] = [byId(nodes, 'a').data, byId(nodes, 'p').data];
    expect(nodeShape(a, detailed)).not.toBe(nodeShape(q, detailed));
    expect(nodeShape(a, compact)).toBe(nodeShape(q, compact));
  });
});

describe('edge array identity', () => {
  it('hands React Flow the same edges when an edit does not change what they draw', () => {
    const adapter = createFlowAdapter();
    const p = dag([
      { name: 'a', template: 'echo' },
      { name: 'b', template: 'echo', depends: 'a' },
    ]);
    const first = adapter.edges(p);
    // A new task without dependencies, and another task object for `b` with the same `depends`.
    const added = dag([
      { name: 'a', template: 'echo' },
      { name: 'b', template: 'produce', depends: 'a' },
      { name: 'c', template: 'echo' },
    ]);
    expect(adapter.edges(added)).toBe(first);
    const linked = dag([
      { name: 'a', template: 'echo' },
      { name: 'b', template: 'produce', depends: 'a' },
      { name: 'c', template: 'echo', depends: 'b' },
    ]);
    const after = adapter.edges(linked);
    expect(after).not.toBe(first);
    expect(after.map((e) => e.id)).toEqual(['a->b', 'b->c']);
    expect(after[0]).toBe(first[0]);
  });
});
