/**
 * The scope: the one template the canvas shows. Its tasks (a DAG), groups of
 * steps (a steps template) or the template itself (a leaf: container,
 * script, ...) are what the editor's operations act on. Reads return the
 * arrays as they sit in the spec, so untouched parts keep their identity and
 * caches keyed by them (the graph index) stay valid; writes copy only the
 * path from the spec down to what changed.
 */
import { emptyLayout } from './layout';
import { stepGroups, type Step, type StepGroups } from './steps';
import { templateType, type TemplateType } from './templateGraph';
import { withWorkflowSpec, workflowSpec } from './spec';
import { isObject, type Layout, type Pipeline, type Task, type Template } from './types';

/** Index of template `name` in `templates` as written (items that are not templates count), or -1. */
export function templateIndex(p: Pipeline, name: string | undefined): number {
  const list = workflowSpec(p).templates;
  if (name === undefined || !Array.isArray(list)) return -1;
  return list.findIndex((t) => isObject(t) && t.name === name);
}

/** The template on the canvas. */
export function scopeTemplate(p: Pipeline): Template | undefined {
  const at = templateIndex(p, p.scope);
  return at < 0 ? undefined : ((workflowSpec(p).templates as unknown[])[at] as Template);
}

/** What the canvas shows: a DAG, steps, one leaf node, or nothing (`unknown`). */
export function scopeType(p: Pipeline): TemplateType {
  return templateType(scopeTemplate(p));
}

const NO_TASKS: Task[] = [];
const namedOnly = new WeakMap<readonly unknown[], Task[]>();

/**
 * The scope's DAG tasks, the array the spec holds. Entries that are not named
 * tasks are left out of this view (validation reports them, and
 * `scopeProblem` says the canvas cannot be edited until they are fixed).
 */
export function scopeTasks(p: Pipeline): Task[] {
  const template = scopeTemplate(p);
  if (!template || !isObject(template.dag)) return NO_TASKS;
  const raw = template.dag.tasks;
  if (!Array.isArray(raw)) return NO_TASKS;
  if (raw.every(isNamed)) return raw as Task[];
  let named = namedOnly.get(raw);
  if (!named) namedOnly.set(raw, (named = raw.filter(isNamed) as Task[]));
  return named;
}

function isNamed(entry: unknown): boolean {
  return isObject(entry) && typeof entry.name === 'string';
}

/**
 * Why the scope cannot be edited on the canvas (tasks or steps that are not
 * named mappings, a `tasks` that is not a list): editing around them would
 * drop them. Undefined when it can.
 */
export function scopeProblem(p: Pipeline): string | undefined {
  const template = scopeTemplate(p);
  if (!template) return undefined;
  if (isObject(template.dag)) {
    const raw = template.dag.tasks;
    if (raw !== undefined && !Array.isArray(raw))
      return `dag.tasks of template ${template.name} is not a list`;
    if (Array.isArray(raw) && !raw.every(isNamed))
      return `template ${template.name} has tasks without a name: fix them in the YAML first`;
  } else if (template.steps !== undefined && template.steps !== null) {
    const raw = template.steps;
    if (!Array.isArray(raw) || !raw.every((g) => Array.isArray(g) && g.every(isNamed)))
      return `the steps of template ${template.name} are not lists of named steps: fix them in the YAML first`;
  }
  return undefined;
}

/** `p` with the scope template replaced by `update(template)`. */
export function withScopeTemplate(p: Pipeline, update: (t: Template) => Template): Pipeline {
  const at = templateIndex(p, p.scope);
  if (at < 0) return p;
  const list = (workflowSpec(p).templates as unknown[]).slice();
  const next = update(list[at] as Template);
  if (next === list[at]) return p;
  list[at] = next;
  return withWorkflowSpec(p, { ...workflowSpec(p), templates: list });
}

/** `p` with the scope DAG's tasks replaced. */
export function withScopeTasks(p: Pipeline, tasks: Task[]): Pipeline {
  if (tasks === scopeTasks(p)) return p;
  return withScopeTemplate(p, (t) => {
    const dag = isObject(t.dag) ? t.dag : {};
    return { ...t, dag: { ...dag, tasks } };
  });
}

/** The scope's tasks, or its steps in group order: what the canvas draws as nodes. */
export function scopeEntries(p: Pipeline): Task[] {
  return scopeType(p) === 'steps' ? (scopeSteps(p).flat() as Task[]) : scopeTasks(p);
}

/** The scope's groups of steps (empty for a scope that is not a steps template). */
export function scopeSteps(p: Pipeline): StepGroups {
  return stepGroups(scopeTemplate(p));
}

/** `p` with the scope's groups of steps replaced. */
export function withScopeSteps(p: Pipeline, groups: Step[][]): Pipeline {
  return withScopeTemplate(p, (t) => ({ ...t, steps: groups }));
}

const NO_LAYOUT: Layout = emptyLayout();

/** Positions of the scope's nodes. */
export function scopeLayout(p: Pipeline): Layout {
  return (
    (p.scope !== undefined && Object.hasOwn(p.layouts, p.scope) && p.layouts[p.scope]) || NO_LAYOUT
  );
}

/** `p` with the scope's positions replaced. */
export function withScopeLayout(p: Pipeline, layout: Layout): Pipeline {
  if (p.scope === undefined || layout === scopeLayout(p)) return p;
  const layouts = Object.assign(Object.create(null) as Pipeline['layouts'], p.layouts);
  layouts[p.scope] = layout;
  return { ...p, layouts };
}

/**
 * The scope a document opens on: its entrypoint when that is a template,
 * else its first DAG, its first steps template, its first template.
 */
export function defaultScope(p: Pipeline): string | undefined {
  const list = workflowSpec(p).templates;
  if (!Array.isArray(list)) return undefined;
  const named = list.filter((t): t is Template => isObject(t) && typeof t.name === 'string');
  const entry = workflowSpec(p).entrypoint;
  const byType = (type: TemplateType) => named.find((t) => templateType(t) === type);
  return (named.find((t) => t.name === entry) ?? byType('dag') ?? byType('steps') ?? named[0])
    ?.name;
}

/** `p` showing template `name` (unchanged when there is no such template). */
export function withScope(p: Pipeline, name: string): Pipeline {
  if (p.scope === name || templateIndex(p, name) < 0) return p;
  return { ...p, scope: name };
}
