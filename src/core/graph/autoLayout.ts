/**
 * Automatic layout: left to right by dependency level (dagre's layered
 * layout). Pure and synchronous; the editor runs it in a Web Worker because
 * it takes seconds at thousands of tasks.
 */
import dagre from '@dagrejs/dagre';
import type { Layout, Task } from '../model/types';
import { graphIndex } from './graphIndex';

export const NODE_WIDTH = 220;
export const NODE_HEIGHT = 72;

/**
 * Lays tasks out left to right by dependency level. `heights` gives a task's
 * height when it is not NODE_HEIGHT (nodes with data ports are taller).
 */
export function autoLayout(
  tasks: readonly Task[],
  heights: Readonly<Record<string, number>> = {},
): Layout {
  const g = new dagre.graphlib.Graph();
  g.setGraph({ rankdir: 'LR', nodesep: 32, ranksep: 80, marginx: 20, marginy: 20 });
  g.setDefaultEdgeLabel(() => ({}));
  const { names, down } = graphIndex(tasks);
  const height = (name: string) => heights[name] ?? NODE_HEIGHT;
  names.forEach((name) => g.setNode(name, { width: NODE_WIDTH, height: height(name) }));
  down.forEach((targets, i) => targets.forEach((j) => g.setEdge(names[i]!, names[j]!)));
  dagre.layout(g);
  const layout: Layout = {};
  for (const name of names) {
    const node = g.node(name);
    // dagre gives centres; React Flow positions are top-left corners.
    if (node)
      layout[name] = {
        x: Math.round(node.x - NODE_WIDTH / 2),
        y: Math.round(node.y - height(name) / 2),
      };
  }
  return layout;
}
