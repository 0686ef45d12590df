// A document of thousands of tasks, fitted to the view, makes React Flow draw
// every node in one commit: about 17 s before anything shows at 5,000 tasks
// on a loaded 2-core machine. When many new nodes arrive at once (a file
// opened), they are handed to React Flow in growing batches instead, so the
// first part of the graph shows at once and the page answers between batches.
// Edits, drags, layouts (same ids) and small documents pass straight through.
import { useEffect, useMemo, useState } from 'react';
import type { Edge, Node } from '@xyflow/react';

/** More new nodes than this at once are revealed in batches, the first of this size. */
export const REVEAL_BATCH = 200;

export function useProgressiveReveal<N extends Node, E extends Edge>(
  nodes: N[],
  edges: E[],
): { nodes: N[]; edges: E[] } {
  const [known, setKnown] = useState<ReadonlySet<string>>(() => new Set());
  const [limit, setLimit] = useState(Infinity);
  const fresh = useMemo(() => {
    let count = 0;
    for (const n of nodes) if (!known.has(n.id)) count++;
    return count;
  }, [nodes, known]);
  // State adjusted while rendering, as React allows for state that follows props.
  if (fresh > 0) {
    setKnown(new Set(nodes.map((n) => n.id)));
    if (fresh > REVEAL_BATCH) setLimit(REVEAL_BATCH);
  }
  const revealing = limit < nodes.length;
  // Everything shown: back to passing nodes straight through.
  if (!revealing && limit !== Infinity) setLimit(Infinity);
  useEffect(() => {
    if (!revealing) return;
    // Batches double: the first shows soon, and few steps keep the total close to one commit.
    const frame = requestAnimationFrame(() => setLimit((l) => l * 2));
    return () => cancelAnimationFrame(frame);
  }, [revealing, limit]);
  const visible = useMemo(
    () => (revealing ? nodes.slice(0, limit) : nodes),
    [revealing, nodes, limit],
  );
  const visibleEdges = useMemo(() => {
    if (!revealing) return edges;
    const ids = new Set(visible.map((n) => n.id));
    return edges.filter((e) => ids.has(e.source) && ids.has(e.target));
  }, [revealing, edges, visible]);
  return { nodes: visible, edges: visibleEdges };
}
