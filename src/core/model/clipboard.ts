/**
 * Copy and paste of tasks: the copied tasks with their templates and
 * positions. Pasting gives them unique names, keeps the dependencies between
 * pasted tasks and drops those on tasks that were not copied.
 */
import { taskDependencies } from '../graph/taskDependencies';
import { emptyLayout, pointAt, withPoints } from './layout';
import { uniqueName } from './names';
import { addTemplate, dropDependency, ensureCanvas, nodeNames, retargetTask } from './operations';
import {
  scopeEntries,
  scopeLayout,
  scopeSteps,
  scopeTasks,
  scopeType,
  withScopeLayout,
  withScopeSteps,
  withScopeTasks,
} from './scope';
import { findTemplate } from './spec';
import type { Step } from './steps';
import type { Layout, Pipeline, Point, Task, Template } from './types';

export interface Clip {
  tasks: Task[];
  templates: Template[];
  layout: Layout;
}

export function copyTasks(p: Pipeline, names: readonly string[]): Clip {
  const wanted = new Set(names);
  const tasks = scopeEntries(p).filter((t) => wanted.has(t.name));
  const templates = [...new Set(tasks.map((t) => t.template))]
    .map((name) => findTemplate(p, name))
    .filter((t): t is Template => t !== undefined);
  const layout = emptyLayout();
  for (const t of tasks) {
    const at = pointAt(scopeLayout(p), t.name);
    if (at) layout[t.name] = at;
  }
  return { tasks, templates, layout };
}

/**
 * Pastes a clip into the scope, offset from where it was copied: into a DAG
 * as tasks, into a steps template as one new group at the end (the pasted
 * steps run together). Returns the pasted names (none into a leaf template).
 */
export function pasteTasks(
  p: Pipeline,
  clip: Clip,
  offset: Point = { x: 40, y: 40 },
): { pipeline: Pipeline; names: string[] } {
  let next = ensureCanvas(p);
  const type = scopeType(next);
  if (type !== 'dag' && type !== 'steps') return { pipeline: p, names: [] };
  const templateNames = new Map<string, string>();
  for (const t of clip.templates) {
    const added = addTemplate(next, t);
    next = added.pipeline;
    templateNames.set(t.name, added.name);
  }
  const copied = new Set(clip.tasks.map((t) => t.name));
  const taken = nodeNames(next);
  const names = new Map<string, string>();
  for (const t of clip.tasks) {
    const name = uniqueName(t.name, taken);
    taken.add(name);
    names.set(t.name, name);
  }
  const placed: [string, Point][] = [];
  const pasted = clip.tasks.map((t) => {
    let task = t;
    for (const dep of taskDependencies(t)) if (!copied.has(dep)) task = dropDependency(task, dep);
    task = { ...retargetTask(task, names), name: names.get(t.name)! };
    if (t.template && templateNames.has(t.template)) task.template = templateNames.get(t.template)!;
    const at = pointAt(clip.layout, t.name);
    if (at) placed.push([task.name, { x: at.x + offset.x, y: at.y + offset.y }]);
    return task;
  });
  if (pasted.length === 0) return { pipeline: p, names: [] };
  if (type === 'steps') {
    const groups = [...(scopeSteps(next) as Step[][]), pasted as Step[]];
    return { pipeline: withScopeSteps(next, groups), names: [...names.values()] };
  }
  next = withScopeTasks(next, [...scopeTasks(next), ...pasted]);
  next = withScopeLayout(next, withPoints(scopeLayout(next), placed));
  return { pipeline: next, names: [...names.values()] };
}
