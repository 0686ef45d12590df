/**
 * Pure operations on the nodes of the template on the canvas (its scope): the
 * tasks of a DAG or the steps of a steps template. Add, remove, rename,
 * update, move. Each returns a new pipeline and leaves untouched tasks as the
 * same objects. Operations that can be refused return diagnostics and the
 * pipeline as it was.
 */
import {
  andDepends,
  isParseError,
  parseDepends,
  printDepends,
  removeFromDepends,
  mapDependsNames,
} from '../argo/depends';
import { orderTask } from '../argo/keyOrder';
import { error, type Diagnostic, type Result } from '../diagnostics';
import { graphIndex, rememberIndex } from '../graph/graphIndex';
import { taskDependencies } from '../graph/taskDependencies';
import { deepEqual } from '../util/deepEqual';
import { pointAt, withoutPoints, withPoints } from './layout';
import { mapStrings, renameManyInTemplateString, rewriteReferences } from './references';
import {
  scopeLayout,
  scopeSteps,
  scopeTasks,
  scopeType,
  withScopeLayout,
  withScopeSteps,
  withScopeTasks,
  withScopeTemplate,
} from './scope';
import { appendTemplate, mapTemplates, templates, withWorkflowSpec, workflowSpec } from './spec';
import { findStep, insertStep, removeStep, updateStep, type Step, type StepPlace } from './steps';
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
  /** Where a DAG task is drawn. */
  position?: Point;
  /** Where a step goes in a steps template; default a new group at the end (runs last). */
  place?: StepPlace;
}

export interface Added {
  pipeline: Pipeline;
  name: string;
  /** Why nothing was added: the scope is a leaf template, which runs no tasks. */
  refused?: string;
}

/** The names of the scope's tasks or steps. */
export function nodeNames(p: Pipeline): Set<string> {
  if (scopeType(p) === 'steps')
    return new Set(
      scopeSteps(p)
        .flat()
        .map((s) => s.name),
    );
  return new Set(scopeTasks(p).map((t) => t.name));
}

/**
 * Adds a task to the DAG on the canvas, or a step to the steps template on
 * the canvas (its template too). A pipeline without any template gets a
 * `main` DAG as entrypoint first. A leaf template on the canvas runs no
 * tasks: nothing is added, and `refused` says why (wrap it in a DAG first).
 */
export function addTask(p: Pipeline, options: AddTaskOptions): Added {
  let next = ensureCanvas(p);
  const type = scopeType(next);
  if (type !== 'dag' && type !== 'steps')
    return {
      pipeline: p,
      name: '',
      refused: `template ${next.scope ?? ''} is a ${type} template, which runs no tasks: wrap it in a DAG to add tasks`,
    };
  let templateName = options.fields?.template;
  if (options.template) {
    const added = addTemplate(next, options.template);
    next = added.pipeline;
    templateName = added.name;
  }
  const base = toK8sName(options.name ?? templateName ?? 'task');
  const name = uniqueName(base, nodeNames(next));
  const task: Task = {
    name,
    ...(templateName !== undefined ? { template: templateName } : {}),
    ...options.fields,
  };
  task.name = name;
  if (type === 'steps') {
    const groups = scopeSteps(next);
    const at = options.place ?? { newGroup: groups.length };
    return { pipeline: withScopeSteps(next, insertStep(groups, task as Step, at)), name };
  }
  next = withScopeTasks(next, [...scopeTasks(next), task]);
  if (options.position)
    next = withScopeLayout(next, withPoints(scopeLayout(next), [[name, options.position]]));
  return { pipeline: next, name };
}

/** A pipeline with a template on its canvas: one without templates gets a `main` DAG as entrypoint. */
export function ensureCanvas(p: Pipeline): Pipeline {
  if (p.scope !== undefined && templates(p).some((t) => t.name === p.scope)) return p;
  if (templates(p).length > 0) return p;
  const name = 'main';
  const spec = workflowSpec(p);
  const withEntry = typeof spec.entrypoint === 'string' ? spec : { ...spec, entrypoint: name };
  const next = withWorkflowSpec(p, withEntry);
  return { ...appendTemplate(next, { name, dag: { tasks: [] } }), scope: name };
}

/** Adds a template unless an identical one exists; renames it when its name is taken. */
export function addTemplate(p: Pipeline, template: Template): { pipeline: Pipeline; name: string } {
  const list = templates(p);
  const same = list.find((t) => deepEqual({ ...t, name: template.name }, template));
  if (same) return { pipeline: p, name: same.name };
  const name = uniqueName(toK8sName(template.name), new Set(list.map((t) => t.name)));
  return { pipeline: appendTemplate(p, { ...template, name }), name };
}

/**
 * Removes a task (and every dependency on it) or a step, and its template
 * when nothing else uses it. References in other tasks' arguments are left
 * for validation to report: silently deleting text the user wrote would
 * lose work.
 */
export function removeTask(p: Pipeline, name: string): Pipeline {
  let removed: Task | undefined;
  let next: Pipeline;
  if (scopeType(p) === 'steps') {
    const groups = scopeSteps(p);
    const at = findStep(groups, name);
    if (!at) return p;
    removed = groups[at.group]![at.index];
    next = withScopeSteps(p, removeStep(groups, name));
  } else {
    const tasks = scopeTasks(p);
    removed = tasks[graphIndex(tasks).pos.get(name) ?? -1];
    if (!removed) return p;
    next = withScopeTasks(
      p,
      tasks.filter((t) => t !== removed).map((t) => dropDependency(t, name)),
    );
    const layout = scopeLayout(next);
    if (pointAt(layout, name)) next = withScopeLayout(next, withoutPoints(layout, [name]));
  }
  const template = removed?.template;
  if (typeof template === 'string' && isLibraryFree(next) && !usedTemplateNames(next).has(template))
    next = dropTemplate(next, template);
  return next;
}

function dropTemplate(p: Pipeline, name: string): Pipeline {
  const list = (workflowSpec(p).templates as unknown[]).filter(
    (t) => !(typeof t === 'object' && t !== null && (t as Template).name === name),
  );
  return withWorkflowSpec(p, { ...workflowSpec(p), templates: list });
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
    return orderTask({ ...task, dependencies: [...(task.dependencies ?? []), upstream] });
  }
  const term = parseDepends(result ? `${upstream}.${result}` : upstream);
  if (isParseError(term)) return task;
  const current = task.depends?.trim() ? parseDepends(task.depends) : undefined;
  const joined = current && isParseError(current) ? undefined : andDepends(current, term);
  // An unparsable expression is kept as text rather than overwritten.
  const depends = joined ? printDepends(joined) : `(${task.depends}) && ${printDepends(term)}`;
  return orderTask({ ...task, depends });
}

/**
 * Renames a task or step and rewrites everything that names it. In a DAG:
 * `depends`, `dependencies`, `{{tasks.X...}}` references in every task and
 * in the DAG template (its outputs and `target`), and the layout. In a steps
 * template: `{{steps.X...}}` references in its steps and outputs.
 */
export function renameTask(p: Pipeline, from: string, to: string): Result<Pipeline> {
  if (from === to) return { value: p, diagnostics: [] };
  const problem = renameProblem(p, from, to);
  if (problem) return { value: p, diagnostics: [problem] };
  const names = new Map([[from, to]]);
  if (scopeType(p) === 'steps') {
    const rewrite = (s: string): string => rewriteReferences(s, 'steps', 'steps', names);
    const renamed = withScopeTemplate(p, (t) => {
      const steps = mapStrings(t.steps, rewrite) as Step[][];
      const groups = updateStep(steps, from, (s) => ({ ...s, name: to }));
      return { ...mapStrings(t, rewrite), steps: groups };
    });
    return { value: renamed, diagnostics: [] };
  }
  const rewrite = (s: string): string => renameManyInTemplateString(s, names);
  const tasks = scopeTasks(p).map((t) =>
    retargetTask(t.name === from ? { ...t, name: to } : t, names),
  );
  let next = withScopeTemplate(p, (t) => {
    const { dag, ...rest } = t;
    const renamed = { ...mapStrings(rest, rewrite), dag } as Template;
    const d = dag as { target?: unknown } | undefined;
    if (typeof d?.target !== 'string') return renamed;
    const target = d.target
      .split(/\s+/)
      .map((n) => (n === from ? to : n))
      .join(' ');
    return { ...renamed, dag: { ...d, target } };
  });
  next = withScopeTasks(next, tasks);
  const layout = scopeLayout(next);
  const point = pointAt(layout, from);
  if (point) next = withScopeLayout(next, withPoints(withoutPoints(layout, [from]), [[to, point]]));
  return { value: next, diagnostics: [] };
}

function renameProblem(p: Pipeline, from: string, to: string): Diagnostic | undefined {
  const names = nodeNames(p);
  if (!names.has(from))
    return error('unknown-task', `there is no task named '${from}'`, { task: from });
  const invalid = taskNameProblem(to);
  if (invalid) return error('invalid-name', invalid, { task: from });
  if (names.has(to))
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
 * Replaces a task's or step's fields (not its name: use renameTask). Keeps
 * the graph index when the dependencies did not change, so editing a field on
 * a large pipeline does not rebuild it.
 */
export function updateTask(p: Pipeline, name: string, update: (task: Task) => Task): Pipeline {
  if (scopeType(p) === 'steps') {
    const groups = scopeSteps(p);
    const at = findStep(groups, name);
    if (!at) return p;
    const before = groups[at.group]![at.index]!;
    const after = { ...update(before), name } as Step;
    if (deepEqual(before, after)) return p;
    return withScopeSteps(
      p,
      updateStep(groups, name, () => after),
    );
  }
  const current = scopeTasks(p);
  const i = current.findIndex((t) => t.name === name);
  if (i < 0) return p;
  const before = current[i]!;
  const after = orderTask({ ...update(before), name });
  if (deepEqual(before, after)) return p;
  const tasks = current.slice();
  tasks[i] = after;
  if (deepEqual(taskDependencies(before), taskDependencies(after)))
    rememberIndex(tasks, graphIndex(current));
  return withScopeTasks(p, tasks);
}

export function moveTask(p: Pipeline, name: string, to: Point): Pipeline {
  return moveTasks(p, [[name, to]]);
}

/** Moves many tasks with one copy of the layout (auto-layout of thousands, a group drag). */
export function moveTasks(p: Pipeline, moves: Iterable<readonly [string, Point]>): Pipeline {
  const layout = scopeLayout(p);
  const changed: [string, Point][] = [];
  for (const [name, to] of moves) {
    const at = pointAt(layout, name);
    if (!at || at.x !== to.x || at.y !== to.y) changed.push([name, { x: to.x, y: to.y }]);
  }
  return changed.length === 0 ? p : withScopeLayout(p, withPoints(layout, changed));
}

/** Replaces one template; every task that runs it sees the change. */
export function updateTemplate(
  p: Pipeline,
  name: string,
  update: (template: Template) => Template,
): Pipeline {
  // The first of templates sharing a name is the one Argo runs.
  let done = false;
  return mapTemplates(p, (t) => {
    if (done || t.name !== name) return t;
    done = true;
    const after = { ...update(t), name };
    return deepEqual(t, after) ? t : after;
  });
}
