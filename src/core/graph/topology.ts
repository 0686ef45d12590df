/**
 * Whole-graph questions: topological order, dependency levels (the seed's
 * dependency view), and a cycle path for validation.
 */
import type { Task } from '../model/types';
import { graphIndex } from './graphIndex';

export interface DependencyRow {
  task: string;
  upstream: string[];
  /** 0 for tasks without upstream tasks; otherwise 1 + the deepest upstream level. */
  level: number;
}

/** Task names in an order where every task follows its upstream tasks; undefined on a cycle. */
export function topologicalOrder(tasks: readonly Task[]): string[] | undefined {
  const { names, rank } = graphIndex(tasks);
  if (!rank) return undefined;
  const order = new Array<string>(names.length);
  names.forEach((n, i) => (order[rank[i]!] = n));
  return order;
}

/** The dependency view: each task with its upstream tasks and level, in topological order. */
export function dependencyView(tasks: readonly Task[]): DependencyRow[] | undefined {
  const index = graphIndex(tasks);
  const order = topologicalOrder(tasks);
  if (!order) return undefined;
  const level = new Map<string, number>();
  return order.map((name) => {
    const i = index.pos.get(name)!;
    const upstream = index.up[i]!.map((j) => index.names[j]!);
    // A loop, not Math.max(...list): a task may wait on more tasks than a call takes arguments.
    const l = upstream.reduce((deepest, u) => Math.max(deepest, 1 + level.get(u)!), 0);
    level.set(name, l);
    return { task: name, upstream, level: l };
  });
}

/** One cycle as task names, first repeated last (`a, b, a`); undefined when acyclic. */
export function findCycle(tasks: readonly Task[]): string[] | undefined {
  const index = graphIndex(tasks);
  if (index.rank) return undefined;
  const n = index.names.length;
  const state = new Uint8Array(n); // 0 new, 1 on stack, 2 done
  const parent = new Int32Array(n).fill(-1);
  for (let start = 0; start < n; start++) {
    if (state[start] !== 0) continue;
    // Iterative DFS: recursion would overflow on 10,000-task chains.
    const stack: [number, number][] = [[start, 0]];
    state[start] = 1;
    while (stack.length > 0) {
      const frame = stack[stack.length - 1]!;
      const [i, k] = frame;
      const next = index.down[i]![k];
      if (next === undefined) {
        state[i] = 2;
        stack.pop();
        continue;
      }
      frame[1]++;
      if (state[next] === 1) {
        const path = [next];
        for (let j = i; j !== next; j = parent[j]!) path.push(j);
        path.push(next);
        return path.reverse().map((j) => index.names[j]!);
      }
      if (state[next] === 0) {
        state[next] = 1;
        parent[next] = i;
        stack.push([next, 0]);
      }
    }
  }
  return undefined;
}
