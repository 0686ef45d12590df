/**
 * Copy and paste of tasks: the copied tasks with their templates and
 * positions. Pasting gives them unique names, keeps the dependencies between
 * pasted tasks and drops those on tasks that were not copied.
 */
import { taskDependencies } from '../graph/taskDependencies';
import { ensureDag } from './ensureDag';
import { emptyLayout, pointAt, withPoints } from './layout';
import { uniqueName } from './names';
import { addTemplate, dropDependency, retargetTask } from './operations';
import { taskNames } from './pipeline';
import { findTemplate } from './spec';
import type { Layout, Pipeline, Point, Task, Template } from './types';

export interface Clip {
  tasks: Task[];
  templates: Template[];
  layout: Layout;
}

export function copyTasks(p: Pipeline, names: readonly string[]): Clip {
  const wanted = new Set(names);
  const tasks = p.tasks.filter((t) => wanted.has(t.name));
  const templates = [...new Set(tasks.map((t) => t.template))]
    .map((name) => findTemplate(p, name))
    .filter((t): t is Template => t !== undefined);
  const layout = emptyLayout();
  for (const t of tasks) {
    const at = pointAt(p.layout, t.name);
    if (at) layout[t.name] = at;
  }
  return { tasks, templates, layout };
}

/** Pastes a clip, offset from where it was copied. Returns the pasted task names. */
export function pasteTasks(
  p: Pipeline,
  clip: Clip,
  offset: Point = { x: 40, y: 40 },
): { pipeline: Pipeline; names: string[] } {
  let next = ensureDag(p);
  const templateNames = new Map<string, string>();
  for (const t of clip.templates) {
    const added = addTemplate(next, t);
    next = added.pipeline;
    templateNames.set(t.name, added.name);
  }
  const copied = new Set(clip.tasks.map((t) => t.name));
  const taken = taskNames(next);
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
  return {
    pipeline: {
      ...next,
      tasks: [...next.tasks, ...pasted],
      layout: withPoints(next.layout, placed),
    },
    names: [...names.values()],
  };
}
