/**
 * Whether a layered layout (dagre) is worth starting, and for how long. dagre
 * grows much faster than the graph: measured in Node on the benchmark's
 * layered DAGs (bench/layout.bench.ts), about 3 s at a layered size of 2,300
 * (1,000 tasks) and 25-30 s at 3,700-5,600, and minutes beyond. The layered
 * size counts the dummy nodes long edges bring, which is what dagre's time
 * follows (a 1,000-task DAG of long edges can be slower than 2,000 short ones).
 */
import type { Task } from '../model/types';
import { taskDependencies } from './taskDependencies';
import { layeredLayoutSize } from './levelLayout';

/** Above this layered size the placement by level stays and dagre is not started. */
export const LAYERED_LAYOUT_LIMIT = 3_000;

/** A running layered layout is stopped after this long and the placement by level kept. */
export const LAYOUT_BUDGET_MS = 20_000;

export interface LayoutPlan {
  /** Tasks plus the dummy nodes of long edges. */
  size: number;
  /** Whether to run the layered layout after the placement by level. */
  layered: boolean;
}

export function planLayout(tasks: readonly Task[], limit = LAYERED_LAYOUT_LIMIT): LayoutPlan {
  // One or two tasks look the same either way: no worker for them.
  if (tasks.length < 3) return { size: tasks.length, layered: false };
  const size = layeredLayoutSize(tasks);
  return { size, layered: size <= limit };
}

/**
 * What the layered layout (`autoLayout`) reads of each task, and no more:
 * its name and upstream tasks. The editor sends this to the layout worker,
 * which gets a copy of every message: arguments and scripts would be copied
 * for nothing.
 */
export function layoutInput(tasks: readonly Task[]): Task[] {
  return tasks.map((t) => ({ name: t.name, dependencies: [...taskDependencies(t)] }));
}
