/**
 * The upstream task names of one DAG task, from `depends` or `dependencies`.
 * Cached per task object: tasks are immutable, and graph operations ask the
 * same question of the same task many times.
 */
import { dependsTasks, isParseError, parseDepends } from '../argo/depends';
import type { Task } from '../model/types';

const cache = new WeakMap<Task, readonly string[]>();

export function taskDependencies(task: Task): readonly string[] {
  let deps = cache.get(task);
  if (deps === undefined) {
    deps = computeDependencies(task);
    cache.set(task, deps);
  }
  return deps;
}

function computeDependencies(task: Task): string[] {
  const names = new Set<string>();
  if (Array.isArray(task.dependencies)) {
    for (const d of task.dependencies) if (typeof d === 'string') names.add(d);
  }
  if (typeof task.depends === 'string' && task.depends.trim() !== '') {
    const parsed = parseDepends(task.depends);
    // A malformed expression is reported by validation; the graph still shows
    // the tasks it names so the canvas does not lose its edges while typing.
    // The lookbehind skips results: `a.Failed` names task `a`, not a task `Failed`.
    const found = isParseError(parsed)
      ? (task.depends.match(/(?<![-.a-zA-Z0-9])[a-zA-Z0-9][-a-zA-Z0-9]*(?=\.[A-Za-z]+|\b)/g) ?? [])
      : dependsTasks(parsed);
    for (const n of found) names.add(n);
  }
  return [...names];
}
