/**
 * Pure operations on a pipeline's tasks: add, remove, rename, update, move.
 * Each returns a new pipeline and leaves untouched tasks as the same objects.
 * Operations that can be refused return diagnostics and the pipeline as it was.
 */
import {
  andDepends,
  isParseError,
  parseDepends,
  printDepends,
  removeFromDepends,
  mapDependsNames,
} from '../argo/depends';
import { error, type Diagnostic, type Result } from '../diagnostics';
import { graphIndex, rememberIndex } from '../graph/graphIndex';
import { taskDependencies } from '../graph/taskDependencies';
import { deepEqual } from '../util/deepEqual';
import { ensureDag } from './ensureDag';
import { pointAt, withoutPoints, withPoints } from './layout';
import { findTask, taskNames } from './pipeline';
import { mapStrings, renameManyInTemplateString } from './references';
import { templates, withTemplates } from './spec';
import { usedTemplateNames } from './templateRefs';
import { taskNameProblem, toK8sName, uniqueName } from './names';
import type { Pipeline, Point, Task, Template } from './types';

export interface AddTaskOptions {
  /** Wanted task name; made valid and unique. Defaults to the template's name. */
  name?: string;
  /** A template to add with the task; an identical existing template is reused. */
  template?: Template;
  /** Other task fields (arguments, when, ...). */
  fields?: Partial<Task>;
  position?: Point;
}

/** Adds a task (and its template). Returns the new pipeline and the name the task got. */
export function addTask(
  p: Pipeline,
  options: AddTaskOptions,
): { pipeline: Pipeline; name: string } {
  let next = ensureDag(p);
  let templateName = options.fields?.template;
  if (options.template) {
    const added = addTemplate(next, options.template);
    next = added.pipeline;
    templateName = added.name;
  }
  const base = toK8sName(options.name ?? templateName ?? 'task');
  const name = uniqueName(base, taskNames(next));
  const task: Task = {
    name,
    ...(templateName !== undefined ? { template: templateName } : {}),
    ...options.fields,
  };
  task.name = name;
  const layout = options.position
    ? withPoints(next.layout, [[name, options.position]])
    : next.layout;
  return { pipeline: { ...next, tasks: [...next.tasks, task], layout }, name };
}

/** Adds a template unless an identical one exists; renames it when its name is taken. */
export function addTemplate(p: Pipeline, template: Template): { pipeline: Pipeline; name: string } {
  const list = templates(p);
  const same = list.find((t) => deepEqual({ ...t, name: template.name }, template));
  if (same) return { pipeline: p, name: same.name };
  const name = uniqueName(toK8sName(template.name), new Set(list.map((t) => t.name)));
  return { pipeline: withTemplates(p, [...list, { ...template, name }]), name };
}

/**
 * Removes a task, every dependency on it, and its template when nothing else
 * uses it. References in other tasks' arguments are left for validation to
 * report: silently deleting text the user wrote would lose work.
 */
export function removeTask(p: Pipeline, name: string): Pipeline {
  const removed = findTask(p, name);
  if (!removed) return p;
  const tasks = p.tasks.filter((t) => t !== removed).map((t) => dropDependency(t, name));
  const layout = pointAt(p.layout, name) ? withoutPoints(p.layout, [name]) : p.layout;
  let next: Pipeline = { ...p, tasks, layout };
  if (removed.template && isLibraryFree(next) && !usedTemplateNames(next).has(removed.template)) {
    next = withTemplates(
      next,
      templates(next).filter((t) => t.name !== removed.template),
    );
  }
  return next;
}

/** WorkflowTemplates are libraries: other workflows may call any of their templates. */
function isLibraryFree(p: Pipeline): boolean {
  return p.kind === 'Workflow' || p.kind === 'CronWorkflow';
}

/** A task without any dependency on `upstream` (both `depends` and `dependencies`). */
export function dropDependency(task: Task, upstream: string): Task {
  if (!taskDependencies(task).includes(upstream)) return task;
  const next: Task = { ...task };
  if (Array.isArray(task.dependencies)) {
    const deps = task.dependencies.filter((d) => d !== upstream);
    if (deps.length > 0) next.dependencies = deps;
    else delete next.dependencies;
  }
  if (typeof task.depends === 'string') {
    const parsed = parseDepends(task.depends);
    const rest = isParseError(parsed) ? parsed : removeFromDepends(parsed, upstream);
    if (rest === undefined) delete next.depends;
    else if (!isParseError(rest)) next.depends = printDepends(rest);
  }
  return next;
}

/** Adds `upstream` to a task's dependencies, in the form the task (or its DAG) already uses. */
export function addDependency(
  task: Task,
  upstream: string,
  useDependencies: boolean,
  result?: string,
): Task {
  if (useDependencies && result === undefined && task.depends === undefined) {
    return { ...task, dependencies: [...(task.dependencies ?? []), upstream] };
  }
  const term = parseDepends(result ? `${upstream}.${result}` : upstream);
  if (isParseError(term)) return task;
  const current = task.depends?.trim() ? parseDepends(task.depends) : undefined;
  const joined = current && isParseError(current) ? undefined : andDepends(current, term);
  // An unparsable expression is kept as text rather than overwritten.
  const depends = joined ? printDepends(joined) : `(${task.depends}) && ${printDepends(term)}`;
  return { ...task, depends };
}

/**
 * Renames a task and rewrites everything that names it: `depends`,
 * `dependencies`, `{{tasks.X...}}` references in every task and in the DAG
 * template (its outputs and `target`), and the layout.
 */
export function renameTask(p: Pipeline, from: string, to: string): Result<Pipeline> {
  if (from === to) return { value: p, diagnostics: [] };
  const problem = renameProblem(p, from, to);
  if (problem) return { value: p, diagnostics: [problem] };
  const names = new Map([[from, to]]);
  const rewrite = (s: string): string => renameManyInTemplateString(s, names);
  const tasks = p.tasks.map((t) => retargetTask(t.name === from ? { ...t, name: to } : t, names));
  const list = templates(p).map((t) => {
    if (t.name !== p.dag) return t;
    const renamed = mapStrings(t, rewrite);
    const dag = renamed.dag as { target?: unknown } | undefined;
    if (typeof dag?.target !== 'string') return renamed;
    const target = dag.target
      .split(/\s+/)
      .map((n) => (n === from ? to : n))
      .join(' ');
    return { ...renamed, dag: { ...dag, target } };
  });
  const point = pointAt(p.layout, from);
  const layout = point ? withPoints(withoutPoints(p.layout, [from]), [[to, point]]) : p.layout;
  const next = withTemplates({ ...p, tasks, layout }, list);
  return { value: next, diagnostics: [] };
}

function renameProblem(p: Pipeline, from: string, to: string): Diagnostic | undefined {
  if (!findTask(p, from))
    return error('unknown-task', `there is no task named '${from}'`, { task: from });
  const invalid = taskNameProblem(to);
  if (invalid) return error('invalid-name', invalid, { task: from });
  if (findTask(p, to))
    return error('duplicate-task', `a task named '${to}' already exists`, { task: from });
  return undefined;
}

/**
 * A task with every reference to the tasks in `names` (old -> new) rewritten:
 * `depends`, `dependencies` and `{{tasks.X...}}` strings, all in one pass.
 */
export function retargetTask(task: Task, names: ReadonlyMap<string, string>): Task {
  let next = mapStrings(task, (s) => renameManyInTemplateString(s, names));
  if (!taskDependencies(task).some((d) => names.has(d))) return next;
  next = { ...next };
  const rename = (n: string): string => names.get(n) ?? n;
  if (Array.isArray(task.dependencies)) next.dependencies = task.dependencies.map(rename);
  if (typeof task.depends === 'string') {
    const parsed = parseDepends(task.depends);
    next.depends = isParseError(parsed)
      ? task.depends.replace(/[a-zA-Z0-9][-a-zA-Z0-9]*/g, (word, offset: number, whole: string) =>
          whole[offset - 1] === '.' ? word : rename(word),
        )
      : printDepends(mapDependsNames(parsed, rename));
  }
  return next;
}

/**
 * Replaces a task's fields (not its name: use renameTask). Keeps the graph
 * index when the dependencies did not change, so editing a field on a large
 * pipeline does not rebuild it.
 */
export function updateTask(p: Pipeline, name: string, update: (task: Task) => Task): Pipeline {
  const i = p.tasks.findIndex((t) => t.name === name);
  if (i < 0) return p;
  const before = p.tasks[i]!;
  const after = { ...update(before), name };
  if (deepEqual(before, after)) return p;
  const tasks = p.tasks.slice();
  tasks[i] = after;
  if (deepEqual(taskDependencies(before), taskDependencies(after)))
    rememberIndex(tasks, graphIndex(p.tasks));
  return { ...p, tasks };
}

export function moveTask(p: Pipeline, name: string, to: Point): Pipeline {
  return moveTasks(p, [[name, to]]);
}

/** Moves many tasks with one copy of the layout (auto-layout of thousands, a group drag). */
export function moveTasks(p: Pipeline, moves: Iterable<readonly [string, Point]>): Pipeline {
  const changed: [string, Point][] = [];
  for (const [name, to] of moves) {
    const at = pointAt(p.layout, name);
    if (!at || at.x !== to.x || at.y !== to.y) changed.push([name, { x: to.x, y: to.y }]);
  }
  return changed.length === 0 ? p : { ...p, layout: withPoints(p.layout, changed) };
}

/** Replaces one template; every task that runs it sees the change. */
export function updateTemplate(
  p: Pipeline,
  name: string,
  update: (template: Template) => Template,
): Pipeline {
  const list = templates(p);
  const i = list.findIndex((t) => t.name === name);
  if (i < 0) return p;
  const after = { ...update(list[i]!), name };
  if (deepEqual(list[i], after)) return p;
  const next = list.slice();
  next[i] = after;
  return withTemplates(p, next);
}
