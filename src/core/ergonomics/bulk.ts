/**
 * Actions on several selected tasks at once: set one field on all of them,
 * or move them into a new DAG template called by one task in their place.
 */
import { error, info, type Result } from '../diagnostics';
import { findCycle } from '../graph/topology';
import { taskDependencies } from '../graph/taskDependencies';
import { referencesBetween } from '../model/dataFlow';
import { emptyLayout, pointAt, withPoints } from '../model/layout';
import { uniqueName } from '../model/names';
import { addDependency, dropDependency, nodeNames, updateTask } from '../model/operations';
import {
  scopeEntries,
  scopeLayout,
  scopeTasks,
  scopeType,
  withScopeLayout,
  withScopeTasks,
} from '../model/scope';
import { appendTemplate, mapTemplates, templates } from '../model/spec';
import type { Pipeline, Point, Task } from '../model/types';

/** Fields of a DAG task (or step) that the bulk form sets. */
export const BULK_TASK_FIELDS = ['when', 'continueOn'] as const;
/**
 * Fields Argo has on the template, not on the task (`retryStrategy`,
 * `nodeSelector`, ...: `io.argoproj.workflow.v1alpha1.Template`): set on the
 * template each selected task runs, so other tasks running it change too.
 */
export const BULK_TEMPLATE_FIELDS = [
  'retryStrategy',
  'nodeSelector',
  'tolerations',
  'activeDeadlineSeconds',
  'timeout',
] as const;
export type BulkField = (typeof BULK_TASK_FIELDS)[number] | (typeof BULK_TEMPLATE_FIELDS)[number];

const withField = <T extends object>(o: T, field: string, value: unknown): T => {
  const { [field]: _old, ...rest } = o as Record<string, unknown>;
  return (value === undefined ? rest : { ...rest, [field]: value }) as T;
};

/**
 * `p` with `field` set to `value` on every named task or step, or on the
 * templates they run (`undefined` removes it). For a template field, says
 * which tasks that were not selected run one of those templates too.
 */
export function setFieldOnTasks(
  p: Pipeline,
  names: readonly string[],
  field: BulkField,
  value: unknown,
): Result<Pipeline> {
  if ((BULK_TASK_FIELDS as readonly string[]).includes(field))
    return {
      value: names.reduce((next, n) => updateTask(next, n, (t) => withField(t, field, value)), p),
      diagnostics: [],
    };
  const selected = new Set(names);
  const entries = scopeEntries(p);
  const runs = new Set(
    entries
      .filter((t) => selected.has(t.name) && typeof t.template === 'string')
      .map((t) => t.template!),
  );
  if (runs.size === 0)
    return {
      value: p,
      diagnostics: [error('no-template', `none of these tasks runs a template of this file`)],
    };
  const value2 = mapTemplates(p, (t) => (runs.has(t.name) ? withField(t, field, value) : t));
  const others = entries.filter((t) => !selected.has(t.name) && runs.has(t.template ?? ''));
  const diagnostics = others.length
    ? [
        info(
          'shared-template',
          `${field} is a template field: ${others.map((t) => t.name).join(', ')} run the same template and changed too`,
        ),
      ]
    : [];
  return { value: value2, diagnostics };
}

/**
 * Moves the named tasks of the DAG on the canvas into a new DAG template,
 * called by one new task where they were. Dependencies among them stay
 * inside; the new task depends on what they depended on outside, and tasks
 * that depended on any of them depend on the new task (by name: a result
 * such as `a.Failed` on a moved task becomes a plain dependency, since the
 * new task succeeds or fails as a whole). Refused when an outside task reads
 * a moved task's outputs (or the reverse), or when it would close a cycle.
 */
export function moveIntoNewDag(
  p: Pipeline,
  names: readonly string[],
  wanted = 'group',
): Result<Pipeline> & { task?: string; template?: string } {
  const refuse = (code: string, message: string) => ({
    value: p,
    diagnostics: [error(code, message)],
  });
  if (scopeType(p) !== 'dag') return refuse('not-dag', 'only tasks of a DAG can be moved');
  const moved = new Set(names);
  const tasks = scopeTasks(p);
  const inner = tasks.filter((t) => moved.has(t.name));
  if (inner.length === 0) return refuse('empty', 'no tasks selected');
  const outer = tasks.filter((t) => !moved.has(t.name));
  for (const t of tasks)
    for (const d of taskDependencies(t))
      if (moved.has(d) !== moved.has(t.name) && referencesBetween(p, d, t.name).length > 0)
        return refuse(
          'crossing-reference',
          `${t.name} reads outputs of ${d}: move both, or remove the reference first`,
        );
  const template = uniqueName(wanted, new Set(templates(p).map((t) => t.name)));
  const task = uniqueName(wanted, new Set([...nodeNames(p)].filter((n) => !moved.has(n))));
  const upstream = new Set<string>();
  const innerTasks = inner.map((t) => {
    let next = t;
    for (const d of taskDependencies(t))
      if (!moved.has(d)) {
        upstream.add(d);
        next = dropDependency(next, d);
      }
    return next;
  });
  const lists = tasks.some((t) => Array.isArray(t.dependencies) && t.depends === undefined);
  let caller: Task = { name: task, template };
  for (const u of upstream) caller = addDependency(caller, u, lists);
  const outerTasks = outer.map((t) => {
    const on = taskDependencies(t).filter((d) => moved.has(d));
    if (on.length === 0) return t;
    const dropped = on.reduce(dropDependency, t);
    return addDependency(dropped, task, lists);
  });
  const nextTasks = [...outerTasks, caller];
  const cycle = findCycle(nextTasks);
  if (cycle)
    return refuse(
      'cycle',
      `moving these tasks would close a dependency cycle: ${cycle.join(' → ')}`,
    );
  const layout = scopeLayout(p);
  const points = inner.map((t) => pointAt(layout, t.name)).filter((x): x is Point => !!x);
  const innerLayout = emptyLayout();
  for (const t of inner) {
    const at = pointAt(layout, t.name);
    if (at) innerLayout[t.name] = at;
  }
  let next = appendTemplate(p, { name: template, dag: { tasks: innerTasks } });
  next = withScopeTasks(next, nextTasks);
  const centre = points.length
    ? {
        x: points.reduce((s, q) => s + q.x, 0) / points.length,
        y: points.reduce((s, q) => s + q.y, 0) / points.length,
      }
    : { x: 0, y: 0 };
  const kept = Object.entries(layout).filter(([n]) => !moved.has(n));
  next = withScopeLayout(next, withPoints(emptyLayout(), [...kept, [task, centre]]));
  const layouts = Object.assign(Object.create(null) as Pipeline['layouts'], next.layouts);
  layouts[template] = innerLayout;
  next = { ...next, layouts };
  return { value: next, diagnostics: [], task, template };
}
