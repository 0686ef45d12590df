/**
 * Layout timings (`npx tsx bench/layout.bench.ts`, about 1-2 minutes): the
 * placement by level and the layered size at 1,000 to 10,000 tasks, and dagre
 * (the layered layout the worker runs) up to the size limit, on the canvas
 * benchmark's seeded layered DAGs (bench/canvas/generate.ts). One run per
 * row after a warm-up: these are seconds-long, machine-load-sensitive figures
 * that decide LAYERED_LAYOUT_LIMIT and LAYOUT_BUDGET_MS, not fine timings.
 */
import { availableParallelism, loadavg } from 'node:os';
import type { Task } from '../src/core';
import { autoLayout } from '../src/core/graph/autoLayout';
import { LAYERED_LAYOUT_LIMIT } from '../src/core/graph/layoutPlan';
import { layeredLayoutSize, levelLayout } from '../src/core/graph/levelLayout';
import { generateGraph } from './canvas/generate';

/** The benchmark graph as tasks with `depends` (fresh objects: nothing cached). */
function tasksOf(n: number): Task[] {
  const g = generateGraph(n);
  const deps = new Map<string, string[]>();
  for (const e of g.edges) deps.set(e.target, [...(deps.get(e.target) ?? []), e.source]);
  return g.tasks.map((t) => {
    const d = deps.get(t.name);
    return d ? { name: t.name, depends: d.join(' && ') } : { name: t.name };
  });
}

function time(run: () => unknown): number {
  const t0 = performance.now();
  run();
  return performance.now() - t0;
}

const rows: string[][] = [];
const ms = (x: number) => (x < 1000 ? `${x.toFixed(0)} ms` : `${(x / 1000).toFixed(1)} s`);

time(() => levelLayout(tasksOf(500))); // warm-up
for (const n of [1000, 2000, 5000, 10000]) {
  const size = layeredLayoutSize(tasksOf(n));
  rows.push([`${n}`, `${size}`, ms(time(() => levelLayout(tasksOf(n)))), '']);
}
time(() => autoLayout(tasksOf(100))); // warm-up
for (const n of [250, 500, 750, 1000, 1250]) {
  const tasks = tasksOf(n);
  const size = layeredLayoutSize(tasks);
  const dagre = size <= LAYERED_LAYOUT_LIMIT ? ms(time(() => autoLayout(tasks))) : 'over the limit';
  rows.push([`${n}`, `${size}`, ms(time(() => levelLayout(tasksOf(n)))), dagre]);
}

console.log(
  `Node ${process.version}, ${availableParallelism()} CPUs, load ${loadavg()[0]!.toFixed(1)}; limit ${LAYERED_LAYOUT_LIMIT}\n`,
);
console.log('| Tasks | Layered size | By level | dagre |');
console.log('| ----: | -----------: | -------: | ----: |');
for (const r of rows) console.log(`| ${r.join(' | ')} |`);
