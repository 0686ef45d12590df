/**
 * Automatic layout: left to right by dependency level (dagre's layered
 * layout). Pure and synchronous; the editor runs it in a Web Worker because
 * it takes seconds at a thousand tasks and minutes at a few thousand (see
 * `levelLayout` for the placement shown meanwhile).
 */
import dagre from '@dagrejs/dagre';
import { layoutOf } from '../model/layout';
import type { Layout, Point, Task } from '../model/types';
import { graphIndex } from './graphIndex';
import { LAYOUT_SPACING, NODE_HEIGHT, NODE_WIDTH } from './layoutSpacing';

export { NODE_HEIGHT, NODE_WIDTH } from './layoutSpacing';

/**
 * Lays tasks out left to right by dependency level. `heights` gives a task's
 * height when it is not NODE_HEIGHT (nodes with data ports are taller).
 */
export function autoLayout(
  tasks: readonly Task[],
  heights: ReadonlyMap<string, number> = new Map(),
): Layout {
  const g = new dagre.graphlib.Graph();
  const { nodeSep, rankSep, margin } = LAYOUT_SPACING;
  g.setGraph({
    rankdir: 'LR',
    nodesep: nodeSep,
    ranksep: rankSep,
    marginx: margin,
    marginy: margin,
  });
  g.setDefaultEdgeLabel(() => ({}));
  const { names, down } = graphIndex(tasks);
  // dagre keys its graph by node id in plain objects: a task named
  // `constructor` or `__proto__` would break it, so it sees indices only.
  const height = (i: number) => heights.get(names[i]!) ?? NODE_HEIGHT;
  names.forEach((_, i) => g.setNode(String(i), { width: NODE_WIDTH, height: height(i) }));
  down.forEach((targets, i) => targets.forEach((j) => g.setEdge(String(i), String(j))));
  dagre.layout(g);
  const points: [string, Point][] = [];
  names.forEach((name, i) => {
    const node = g.node(String(i));
    // dagre gives centres; React Flow positions are top-left corners.
    if (node && Number.isFinite(node.x) && Number.isFinite(node.y))
      points.push([
        name,
        { x: Math.round(node.x - NODE_WIDTH / 2), y: Math.round(node.y - height(i) / 2) },
      ]);
  });
  return layoutOf(points);
}
