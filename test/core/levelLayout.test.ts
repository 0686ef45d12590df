// The placement by dependency level shown at once for large graphs, the
// layered size that decides whether dagre runs, and the bounds the view fits.
import { describe, expect, it } from 'vitest';
import type { Task } from '../../src/core';
import { graphIndex } from '../../src/core/graph/graphIndex';
import { LAYOUT_SPACING, NODE_HEIGHT, NODE_WIDTH } from '../../src/core/graph/layoutSpacing';
import { planLayout } from '../../src/core/graph/layoutPlan';
import { dependencyLevels, layeredLayoutSize, levelLayout } from '../../src/core/graph/levelLayout';
import { layoutBounds, pointAt } from '../../src/core/model/layout';
import { adjacentCrossings } from '../../src/core/graph/columnOrder';
import { generateGraph, random } from '../../bench/canvas/generate';

/** The benchmark's seeded layered DAG as tasks with `depends`. */
function generatedTasks(n: number): Task[] {
  const g = generateGraph(n);
  const deps = new Map<string, string[]>();
  for (const e of g.edges) deps.set(e.target, [...(deps.get(e.target) ?? []), e.source]);
  return g.tasks.map((task) => t(task.name, ...(deps.get(task.name) ?? [])));
}

/** The same tasks in a seeded random order. */
function shuffled(tasks: Task[]): Task[] {
  const rand = random(11);
  return tasks
    .map((task) => [rand(), task] as const)
    .sort((a, b) => a[0] - b[0])
    .map(([, task]) => task);
}

const t = (name: string, ...deps: string[]): Task =>
  deps.length > 0 ? { name, depends: deps.join(' && ') } : { name };

const COLUMN = NODE_WIDTH + LAYOUT_SPACING.rankSep;

//   a ──► b ──► d
//    └──► c ──┘     e (alone)
const diamond = [t('a'), t('b', 'a'), t('c', 'a'), t('d', 'b', 'c'), t('e')];

/** Crossings between edges joining adjacent columns, counted pairwise. */
function crossings(tasks: Task[], layout: ReturnType<typeof levelLayout>): number {
  const index = graphIndex(tasks);
  const level = dependencyLevels(index);
  const y = (i: number) => pointAt(layout, index.names[i]!)!.y;
  const edges: [number, number][] = [];
  index.down.forEach((targets, i) => {
    for (const j of targets) if (level[j] === level[i]! + 1) edges.push([i, j]);
  });
  let n = 0;
  for (let e = 0; e < edges.length; e++)
    for (let f = e + 1; f < edges.length; f++) {
      const [a, b] = edges[e]!;
      const [c, d] = edges[f]!;
      if (level[a] !== level[c]) continue;
      if ((y(a) - y(c)) * (y(b) - y(d)) < 0) n++;
    }
  return n;
}

describe('levelLayout', () => {
  it('puts each task in the column of its longest path from a root', () => {
    const layout = levelLayout(diamond);
    const column = (n: string) => (pointAt(layout, n)!.x - LAYOUT_SPACING.margin) / COLUMN;
    expect(['a', 'b', 'c', 'd', 'e'].map(column)).toEqual([0, 1, 1, 2, 0]);
  });

  it('never overlaps two nodes of a column, taller nodes included', () => {
    const heights = new Map([['b', 200]]);
    const layout = levelLayout(diamond, heights);
    const b = pointAt(layout, 'b')!;
    const c = pointAt(layout, 'c')!;
    const [top, bottom] = b.y < c.y ? [b, c] : [c, b];
    const topHeight = top === b ? 200 : NODE_HEIGHT;
    expect(bottom.y - top.y).toBeGreaterThanOrEqual(topHeight + LAYOUT_SPACING.nodeSep);
  });

  it('places every task of a cycle (an invalid document still shows)', () => {
    const tasks = [t('a', 'c'), t('b', 'a'), t('c', 'b'), t('d', 'c')];
    const layout = levelLayout(tasks);
    for (const task of tasks) {
      const at = pointAt(layout, task.name);
      expect(at && Number.isFinite(at.x) && Number.isFinite(at.y), task.name).toBe(true);
    }
    expect(pointAt(layout, 'd')!.x).toBeGreaterThan(pointAt(layout, 'c')!.x);
  });

  it('draws every edge of a 5,000-task DAG left to right', () => {
    const tasks = generatedTasks(5000);
    const layout = levelLayout(tasks);
    const index = graphIndex(tasks);
    let backwards = 0;
    index.down.forEach((targets, i) => {
      const x = pointAt(layout, index.names[i]!)!.x;
      for (const j of targets) if (pointAt(layout, index.names[j]!)!.x <= x) backwards++;
    });
    expect(backwards).toBe(0);
    expect(index.names.every((n) => Number.isFinite(pointAt(layout, n)?.y))).toBe(true);
  });

  it('orders rows to cut crossings, whatever order the file lists tasks in', () => {
    const tasks = shuffled(generatedTasks(600));
    const unswept = crossings(tasks, levelLayout(tasks, new Map(), { sweeps: 0 }));
    const swept = crossings(tasks, levelLayout(tasks));
    // Measured: 4,794 crossings in file order, 213 after the sweeps.
    expect(unswept).toBeGreaterThan(1000);
    expect(swept).toBeLessThan(unswept / 10);
  });

  it('counts crossings between adjacent columns as a pairwise count does', () => {
    const tasks = shuffled(generatedTasks(300));
    const index = graphIndex(tasks);
    const level = dependencyLevels(index);
    const layout = levelLayout(tasks, new Map(), { sweeps: 0 });
    const cols: number[][] = [];
    index.names.forEach((name, i) => (cols[level[i]!] ??= []).push(i));
    for (const col of cols)
      col.sort((a, b) => pointAt(layout, index.names[a]!)!.y - pointAt(layout, index.names[b]!)!.y);
    expect(adjacentCrossings(cols, index, level)).toBe(crossings(tasks, layout));
  });
});

describe('layered size and plan', () => {
  it('counts one dummy node per level an edge skips', () => {
    // a -> b -> c -> d, and a -> d skips two levels.
    const tasks = [t('a'), t('b', 'a'), t('c', 'b'), t('d', 'c', 'a')];
    expect(layeredLayoutSize(tasks)).toBe(4 + 2);
  });

  it('runs the layered layout only up to the limit', () => {
    const tasks = [t('a'), t('b', 'a'), t('c', 'b'), t('d', 'c', 'a')];
    expect(planLayout(tasks, 6)).toEqual({ size: 6, layered: true });
    expect(planLayout(tasks, 5)).toEqual({ size: 6, layered: false });
    expect(planLayout([t('a'), t('b', 'a')], 0).layered).toBe(false);
  });
});

describe('layoutBounds', () => {
  it('is the box around every placed node, taller nodes included', () => {
    const layout = { a: { x: 0, y: 10 }, b: { x: 300, y: -20 } };
    const size = { width: 220, baseHeight: 72, heights: new Map([['a', 100]]) };
    expect(layoutBounds(layout, ['a', 'b', 'missing'], size)).toEqual({
      x: 0,
      y: -20,
      width: 520,
      height: 130,
    });
    expect(layoutBounds({}, ['constructor'], size)).toBeUndefined();
  });
});
