/**
 * A task renamed by editing the YAML text: the document read back has a new
 * name where the old one was, and the editor-only data (its position, its
 * description) and the other tasks' dependencies still name the old one. A
 * rename is recognised per DAG template when the task list keeps its length
 * and the names differ only at positions where the old name is gone and the
 * new one is new; anything else (tasks added, removed or reordered) is left
 * as typed.
 */
import { retargetTask } from '../model/operations';
import { pointAt, withPoints, withoutPoints } from '../model/layout';
import { scopeLayout, scopeTasks, withScopeLayout, withScopeTasks } from '../model/scope';
import { templates } from '../model/spec';
import type { Pipeline, Task } from '../model/types';
import { renameDescription } from './notes';

const dagTasks = (p: Pipeline, template: string): readonly Task[] | undefined => {
  const t = templates(p).find((x) => x.name === template);
  const tasks = (t?.dag as { tasks?: unknown } | undefined)?.tasks;
  return Array.isArray(tasks) ? (tasks as Task[]) : undefined;
};

/** Renamed tasks of one template, old name to new, found by their places in the list. */
export function renamedTasks(before: readonly Task[], after: readonly Task[]): Map<string, string> {
  const renames = new Map<string, string>();
  if (before.length !== after.length) return renames;
  const oldNames = new Set(before.map((t) => t?.name));
  const newNames = new Set(after.map((t) => t?.name));
  for (let i = 0; i < before.length; i++) {
    const from = before[i]?.name;
    const to = after[i]?.name;
    if (typeof from !== 'string' || typeof to !== 'string' || from === to) continue;
    if (newNames.has(from) || oldNames.has(to)) return new Map();
    renames.set(from, to);
  }
  return renames;
}

/**
 * `after` with the positions, descriptions and dependencies of tasks renamed
 * since `before` following their new names.
 */
export function carryYamlRenames(before: Pipeline, after: Pipeline): Pipeline {
  let next = after;
  for (const template of templates(after)) {
    const old = dagTasks(before, template.name);
    const now = dagTasks(after, template.name);
    if (!old || !now) continue;
    const renames = renamedTasks(old, now);
    if (renames.size === 0) continue;
    const scope = next.scope;
    next = { ...next, scope: template.name };
    next = withScopeTasks(
      next,
      scopeTasks(next).map((t) => retargetTask(t, renames)),
    );
    const layout = scopeLayout(next);
    const moved: [string, { x: number; y: number }][] = [];
    for (const [from, to] of renames) {
      const at = pointAt(layout, from);
      if (at && !pointAt(layout, to)) moved.push([to, at]);
      next = renameDescription(next, template.name, from, to);
    }
    if (moved.length > 0)
      next = withScopeLayout(next, withPoints(withoutPoints(layout, renames.keys()), moved));
    next = { ...next, scope };
  }
  return next;
}
