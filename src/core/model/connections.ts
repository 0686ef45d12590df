/**
 * Wiring dependencies. `connect` refuses self-loops, duplicates, unknown
 * tasks and any edge that would close a cycle, and says why (with the cycle
 * path). It derives the next graph index from the current one, so checking
 * and adding one edge on a 10,000-task DAG costs microseconds plus one O(V)
 * array copy, not a rebuild.
 */
import type { TaskResult } from '../argo/depends';
import { error, type Diagnostic } from '../diagnostics';
import {
  ancestorIndices,
  graphIndex,
  pathBetween,
  rememberIndex,
  topologicalRank,
  type GraphIndex,
} from '../graph/graphIndex';
import { taskDependencies } from '../graph/taskDependencies';
import { addDependency, dropDependency } from './operations';
import type { Pipeline, Task } from './types';
import { scopeTasks, withScopeTasks } from './scope';

export interface ConnectResult {
  pipeline: Pipeline;
  /** Empty when the edge was added. */
  diagnostics: Diagnostic[];
  /** When refused for a cycle: the cycle, first task repeated last (`a, b, c, a`). */
  cycle?: string[];
}

/** Why `from -> to` cannot be added, or undefined when it can. */
export function checkConnection(
  p: Pipeline,
  from: string,
  to: string,
): Omit<ConnectResult, 'pipeline'> | undefined {
  const where = { task: to, path: undefined };
  if (from === to) {
    return {
      diagnostics: [error('self-dependency', `a task cannot depend on itself (${from})`, where)],
      cycle: [from, from],
    };
  }
  const index = graphIndex(scopeTasks(p));
  const i = index.pos.get(from);
  const j = index.pos.get(to);
  if (i === undefined)
    return { diagnostics: [error('unknown-task', `there is no task named '${from}'`, where)] };
  if (j === undefined)
    return { diagnostics: [error('unknown-task', `there is no task named '${to}'`, where)] };
  if (index.up[j]!.includes(i) || taskDependencies(scopeTasks(p)[j]!).includes(from)) {
    return {
      diagnostics: [error('duplicate-dependency', `${to} already depends on ${from}`, where)],
    };
  }
  const path = pathBetween(index, j, i);
  if (path) {
    const cycle = [from, ...path.map((k) => index.names[k]!)];
    return {
      diagnostics: [error('cycle', `dependency cycle detected: ${cycle.join(' -> ')}`, where)],
      cycle,
    };
  }
  return undefined;
}

/**
 * Makes `to` depend on `from` (optionally on a specific result, e.g. `Failed`).
 * The dependency is written in the form the DAG already uses: `dependencies`
 * when every existing task uses that list, else an enhanced `depends`
 * expression (Argo rejects the two forms mixed in one DAG).
 */
export function connect(p: Pipeline, from: string, to: string, result?: TaskResult): ConnectResult {
  const refused = checkConnection(p, from, to);
  if (refused) return { pipeline: p, ...refused };
  const index = graphIndex(scopeTasks(p));
  const i = index.pos.get(from)!;
  const j = index.pos.get(to)!;
  const lists = usesDependencyLists(p);
  // A result needs `depends`, and Argo rejects `depends` and `dependencies` in
  // one DAG: rewrite the lists as the equivalent `a && b` (Argo's
  // enhanced-depends-logic.md: `dependencies: [A, B]` is `depends: "A && B"`).
  const tasks =
    lists && result !== undefined ? scopeTasks(p).map(listToDepends) : scopeTasks(p).slice();
  tasks[j] = addDependency(tasks[j]!, from, lists && result === undefined, result);
  rememberIndex(tasks, withEdge(index, i, j));
  return { pipeline: withScopeTasks(p, tasks), diagnostics: [] };
}

/** Removes every dependency of `to` on `from`. */
export function disconnect(p: Pipeline, from: string, to: string): Pipeline {
  const index = graphIndex(scopeTasks(p));
  const i = index.pos.get(from);
  const j = index.pos.get(to);
  if (i === undefined || j === undefined) return p;
  const changed = dropDependency(scopeTasks(p)[j]!, from);
  if (changed === scopeTasks(p)[j]) return p;
  const tasks = scopeTasks(p).slice();
  tasks[j] = changed;
  // A `depends` that does not parse is kept as written, edge included: then
  // the index is rebuilt on demand, or connect would miss a cycle through it.
  if (!taskDependencies(changed).includes(from)) rememberIndex(tasks, withoutEdge(index, i, j));
  return withScopeTasks(p, tasks);
}

/** A task's `dependencies` list as the equivalent `depends` (`[A, B]` is `A && B`). */
export function listToDepends(task: Task): Task {
  if (!Array.isArray(task.dependencies)) return task;
  const { dependencies, ...rest } = task;
  return dependencies.length > 0 ? { ...rest, depends: dependencies.join(' && ') } : rest;
}

function usesDependencyLists(p: Pipeline): boolean {
  let lists = false;
  for (const t of scopeTasks(p)) {
    if (typeof t.depends === 'string') return false;
    if (Array.isArray(t.dependencies)) lists = true;
  }
  return lists;
}

function withEdge(index: GraphIndex, i: number, j: number): GraphIndex {
  const up = index.up.slice();
  const down = index.down.slice();
  up[j] = [...up[j]!, i];
  down[i] = [...down[i]!, j];
  // A rank that already orders i before j stays valid; otherwise re-rank.
  const rank =
    index.rank && index.rank[i]! < index.rank[j]! ? index.rank : topologicalRank(up, down);
  return { names: index.names, pos: index.pos, up, down, rank };
}

function withoutEdge(index: GraphIndex, i: number, j: number): GraphIndex {
  const up = index.up.slice();
  const down = index.down.slice();
  up[j] = up[j]!.filter((k) => k !== i);
  down[i] = down[i]!.filter((k) => k !== j);
  // Removing an edge keeps an acyclic order valid; a cyclic graph may have become acyclic.
  return {
    names: index.names,
    pos: index.pos,
    up,
    down,
    rank: index.rank ?? topologicalRank(up, down),
  };
}

/**
 * Every task that `from` cannot be connected to: itself, its ancestors (the
 * edge would close a cycle) and the tasks that already depend on it. Computed
 * once when a connection starts, so each node only looks itself up.
 */
export function refusedTargets(p: Pipeline, from: string): Set<string> {
  const index = graphIndex(scopeTasks(p));
  const start = index.pos.get(from);
  if (start === undefined) return new Set();
  const refused = new Set([from]);
  for (const i of ancestorIndices(index, start)) refused.add(index.names[i]!);
  for (const i of index.down[start]!) refused.add(index.names[i]!);
  return refused;
}
