// @vitest-environment jsdom
// Many nodes arriving at once (a file opened) reach React Flow in doubling
// batches, one per animation frame; edits, layouts and small documents pass
// straight through. Frames are stepped by hand: nothing here waits on time.
import { act, renderHook } from '@testing-library/react';
import type { Edge, Node } from '@xyflow/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { REVEAL_BATCH, useProgressiveReveal } from '../../src/ui/canvas/useProgressiveReveal';

const node = (id: string, x = 0): Node => ({ id, position: { x, y: 0 }, data: {} });
const chain = (prefix: string, n: number) => {
  const nodes = Array.from({ length: n }, (_, i) => node(`${prefix}${i}`));
  const edges: Edge[] = nodes
    .slice(1)
    .map((t, i) => ({ id: `${i}`, source: nodes[i]!.id, target: t.id }));
  return { nodes, edges };
};

let frames: FrameRequestCallback[] = [];
beforeEach(() => {
  frames = [];
  vi.stubGlobal('requestAnimationFrame', (run: FrameRequestCallback) => frames.push(run));
  vi.stubGlobal('cancelAnimationFrame', () => {});
});
afterEach(() => vi.unstubAllGlobals());

const nextFrame = () =>
  act(() => {
    const due = frames;
    frames = [];
    for (const run of due) run(0);
  });

describe('useProgressiveReveal', () => {
  it('reveals 1,000 new nodes in doubling batches, with only the edges between shown nodes', () => {
    const big = chain('t', 1000);
    const { result } = renderHook(({ nodes, edges }) => useProgressiveReveal(nodes, edges), {
      initialProps: big,
    });
    const sizes = [result.current.nodes.length];
    while (frames.length > 0) {
      nextFrame();
      sizes.push(result.current.nodes.length);
    }
    expect(sizes).toEqual([REVEAL_BATCH, 2 * REVEAL_BATCH, 4 * REVEAL_BATCH, 1000]);
    expect(result.current.nodes).toBe(big.nodes);
    expect(result.current.edges).toBe(big.edges);
  });

  it('cuts edges to the nodes shown while revealing', () => {
    const big = chain('t', 1000);
    const { result } = renderHook(() => useProgressiveReveal(big.nodes, big.edges));
    expect(result.current.nodes.map((n) => n.id)).toEqual(
      big.nodes.slice(0, REVEAL_BATCH).map((n) => n.id),
    );
    expect(result.current.edges).toHaveLength(REVEAL_BATCH - 1);
  });

  it('passes edits, moves of every node and small documents straight through', () => {
    const small = chain('s', REVEAL_BATCH);
    const { result, rerender } = renderHook(
      ({ nodes, edges }) => useProgressiveReveal(nodes, edges),
      { initialProps: small },
    );
    expect(result.current.nodes).toBe(small.nodes);
    // Every node moved (a layout): same ids, nothing to reveal.
    const moved = { nodes: small.nodes.map((n, i) => node(n.id, i * 10)), edges: small.edges };
    rerender(moved);
    expect(result.current.nodes).toBe(moved.nodes);
    // One node added.
    const added = { nodes: [...moved.nodes, node('new')], edges: moved.edges };
    rerender(added);
    expect(result.current.nodes).toBe(added.nodes);
    expect(frames).toHaveLength(0);
  });

  it('a second large document is revealed again from its first batch', () => {
    const first = chain('a', 500);
    const { result, rerender } = renderHook(
      ({ nodes, edges }) => useProgressiveReveal(nodes, edges),
      { initialProps: first },
    );
    while (frames.length > 0) nextFrame();
    expect(result.current.nodes).toBe(first.nodes);
    const second = chain('b', 500);
    rerender(second);
    expect(result.current.nodes).toHaveLength(REVEAL_BATCH);
    while (frames.length > 0) nextFrame();
    expect(result.current.nodes).toBe(second.nodes);
  });
});
