/**
 * An adjacency index over a task list: positions by name, upstream and
 * downstream neighbours, and a topological rank. Built once per task array
 * (cached by identity) in O(V+E); `connect` derives the next index from the
 * previous one in O(V) pointer copies instead of rebuilding it.
 * Dependencies on unknown tasks are left out here; validation reports them.
 */
import type { Task } from '../model/types';
import { taskDependencies } from './taskDependencies';

export interface GraphIndex {
  names: readonly string[];
  pos: ReadonlyMap<string, number>;
  up: readonly (readonly number[])[];
  down: readonly (readonly number[])[];
  /**
   * rank[i] < rank[j] for every edge i -> j when the graph is acyclic;
   * undefined when the graph has a cycle.
   */
  rank: Int32Array | undefined;
}

const cache = new WeakMap<readonly Task[], GraphIndex>();

export function graphIndex(tasks: readonly Task[]): GraphIndex {
  let index = cache.get(tasks);
  if (!index) {
    index = buildIndex(tasks);
    cache.set(tasks, index);
  }
  return index;
}

/** Records `index` as the index of `tasks` (used by operations that derive it incrementally). */
export function rememberIndex(tasks: readonly Task[], index: GraphIndex): void {
  cache.set(tasks, index);
}

function buildIndex(tasks: readonly Task[]): GraphIndex {
  const names = tasks.map((t) => t.name);
  const pos = new Map<string, number>();
  names.forEach((n, i) => {
    if (!pos.has(n)) pos.set(n, i);
  });
  const up: number[][] = tasks.map(() => []);
  const down: number[][] = tasks.map(() => []);
  tasks.forEach((task, i) => {
    for (const dep of taskDependencies(task)) {
      const j = pos.get(dep);
      if (j === undefined) continue;
      up[i]!.push(j);
      down[j]!.push(i);
    }
  });
  return { names, pos, up, down, rank: topologicalRank(up, down) };
}

/** Kahn's algorithm over indices; undefined when some node is on a cycle. */
export function topologicalRank(
  up: readonly (readonly number[])[],
  down: readonly (readonly number[])[],
): Int32Array | undefined {
  const n = up.length;
  const indegree = new Int32Array(n);
  for (let i = 0; i < n; i++) indegree[i] = up[i]!.length;
  const queue: number[] = [];
  for (let i = 0; i < n; i++) if (indegree[i] === 0) queue.push(i);
  const rank = new Int32Array(n);
  let next = 0;
  for (let head = 0; head < queue.length; head++) {
    const i = queue[head]!;
    rank[i] = next++;
    for (const j of down[i]!) {
      indegree[j] = indegree[j]! - 1;
      if (indegree[j] === 0) queue.push(j);
    }
  }
  return next === n ? rank : undefined;
}

/**
 * The path `to -> ... -> from` along existing edges, if any: adding the edge
 * `from -> to` would then close a cycle. With a valid rank, only nodes ranked
 * at most rank[from] can lie on such a path (Pearce & Kelly's bound), so the
 * common left-to-right connection costs O(1).
 */
export function pathBetween(index: GraphIndex, to: number, from: number): number[] | undefined {
  if (to === from) return [to];
  const { rank, down } = index;
  if (rank && rank[to]! > rank[from]!) return undefined;
  const limit = rank ? rank[from]! : Infinity;
  const ranked = (j: number): number => (rank ? rank[j]! : 0);
  const parent = new Map<number, number>([[to, -1]]);
  const stack = [to];
  while (stack.length > 0) {
    const i = stack.pop()!;
    for (const j of down[i]!) {
      if (parent.has(j) || ranked(j) > limit) continue;
      parent.set(j, i);
      if (j === from) {
        const path = [j];
        for (let k = i; k !== -1; k = parent.get(k)!) path.push(k);
        return path.reverse();
      }
      stack.push(j);
    }
  }
  return undefined;
}

/** Positions of every task upstream of `start`, transitively. */
export function ancestorIndices(index: GraphIndex, start: number): Set<number> {
  const seen = new Set<number>();
  const stack = [...index.up[start]!];
  while (stack.length > 0) {
    const i = stack.pop()!;
    if (seen.has(i)) continue;
    seen.add(i);
    for (const j of index.up[i]!) stack.push(j);
  }
  return seen;
}
