/**
 * Upstream and downstream of tasks in the DAG on the canvas: every task a
 * selection waits for, or that waits for it (transitively). Walks with an
 * explicit stack (task names are user data; graphs can be 10,000 tasks deep).
 */
import { taskDependencies } from '../graph/taskDependencies';
import { scopeEntries } from '../model/scope';
import type { Pipeline } from '../model/types';

function walk(start: readonly string[], next: (name: string) => readonly string[]): string[] {
  const seen = new Set<string>();
  const stack = [...start];
  while (stack.length > 0) {
    for (const n of next(stack.pop()!)) {
      if (seen.has(n)) continue;
      seen.add(n);
      stack.push(n);
    }
  }
  for (const s of start) seen.delete(s);
  return [...seen];
}

/** Tasks `names` depend on, directly or not (not `names` themselves). */
export function upstreamOf(p: Pipeline, names: readonly string[]): string[] {
  const deps = new Map(scopeEntries(p).map((t) => [t.name, taskDependencies(t)]));
  return walk(names, (n) => deps.get(n) ?? []);
}

/** Tasks that depend on `names`, directly or not (not `names` themselves). */
export function downstreamOf(p: Pipeline, names: readonly string[]): string[] {
  const children = new Map<string, string[]>();
  for (const t of scopeEntries(p))
    for (const d of taskDependencies(t)) children.set(d, [...(children.get(d) ?? []), t.name]);
  return walk(names, (n) => children.get(n) ?? []);
}
