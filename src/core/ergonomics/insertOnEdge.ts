/**
 * Inserting a task on a dependency edge: `from -> to` becomes
 * `from -> new -> to`. The downstream task keeps the form it wrote its
 * dependency in (`depends` with its result, or `dependencies`); only the name
 * changes, so `from.Succeeded` becomes `new.Succeeded`. References to the
 * upstream's outputs (`{{tasks.from...}}`) are left alone: the upstream
 * still ran before.
 */
import { isParseError, mapDependsNames, parseDepends, printDepends } from '../argo/depends';
import { error, type Diagnostic } from '../diagnostics';
import { taskDependencies } from '../graph/taskDependencies';
import { connect } from '../model/connections';
import { addTask, updateTask, type AddTaskOptions } from '../model/operations';
import { scopeTasks, scopeType } from '../model/scope';
import type { Pipeline, Task } from '../model/types';

export interface Inserted {
  pipeline: Pipeline;
  /** The new task's name ('' when refused). */
  name: string;
  diagnostics: Diagnostic[];
}

/** `task` with its dependency on `from` renamed to `to` (other dependencies as they were). */
export function retargetDependency(task: Task, from: string, to: string): Task {
  const next: Task = { ...task };
  if (Array.isArray(task.dependencies))
    next.dependencies = task.dependencies.map((d) => (d === from ? to : d));
  if (typeof task.depends === 'string') {
    const parsed = parseDepends(task.depends);
    if (!isParseError(parsed))
      next.depends = printDepends(mapDependsNames(parsed, (n) => (n === from ? to : n)));
  }
  return next;
}

/**
 * Adds a task (as `addTask` would) between `from` and `to`, which must be an
 * existing dependency of the DAG on the canvas.
 *
 * @example
 * // a -> b  becomes  a -> check -> b
 * insertOnEdge(p, 'a', 'b', { name: 'check', fields: { template: 'check' } })
 */
export function insertOnEdge(
  p: Pipeline,
  from: string,
  to: string,
  options: AddTaskOptions,
): Inserted {
  const refuse = (code: string, message: string): Inserted => ({
    pipeline: p,
    name: '',
    diagnostics: [error(code, message, { task: to })],
  });
  if (scopeType(p) !== 'dag') return refuse('not-dag', 'steps can be inserted on edges of a DAG');
  const target = scopeTasks(p).find((t) => t.name === to);
  if (!target || !taskDependencies(target).includes(from))
    return refuse('unknown-dependency', `${to} does not depend on ${from}`);
  const added = addTask(p, options);
  if (added.refused || !added.name) return refuse('not-added', added.refused ?? 'not added');
  const linked = connect(added.pipeline, from, added.name);
  if (linked.diagnostics.length > 0)
    return { pipeline: p, name: '', diagnostics: linked.diagnostics };
  const rewired = updateTask(linked.pipeline, to, (t) => retargetDependency(t, from, added.name));
  return { pipeline: rewired, name: added.name, diagnostics: [] };
}
