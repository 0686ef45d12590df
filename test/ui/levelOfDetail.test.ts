import { describe, expect, it } from 'vitest';
import { compactEdge } from '../../src/ui/canvas/levelOfDetail';
import type { DependencyEdge } from '../../src/ui/canvas/flowAdapter';

describe('compactEdge (zoomed out, a data wire ends on the nodes’ own handles)', () => {
  const wire = {
    id: 'data:a:out:parameter:x->b:in:parameter:x',
    source: 'a',
    target: 'b',
    sourceHandle: 'out:parameter:x',
    targetHandle: 'in:parameter:x',
  } as DependencyEdge;

  it('drops the port handles and keeps everything else', () => {
    const compact = compactEdge(wire);
    expect(compact).toMatchObject({ id: wire.id, source: 'a', target: 'b' });
    expect(compact.sourceHandle).toBeNull();
    expect(compact.targetHandle).toBeNull();
    expect(wire.sourceHandle).toBe('out:parameter:x'); // the original is not touched
  });

  it('gives the same object for the same edge, so React Flow sees no change on re-render', () => {
    expect(compactEdge(wire)).toBe(compactEdge(wire));
  });

  it('leaves a dependency edge (no handles) as it is', () => {
    const dependency = { id: 'a->b', source: 'a', target: 'b' } as DependencyEdge;
    expect(compactEdge(dependency)).toBe(dependency);
  });
});
