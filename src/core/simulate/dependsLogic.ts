/**
 * When a DAG task may run: Argo's `depends` logic (workflow/common/ancestry.go
 * and workflow/controller/dag.go `evaluateDependsLogic`), shared by the
 * simulator and the Argo Server test double.
 * - A bare task name means `(A.Succeeded || A.Skipped || A.Daemoned)`, plus
 *   `A.Errored` / `A.Failed` when task A has `continueOn.error` / `.failed`
 *   (`expandDependency`).
 * - Legacy `dependencies: [A, B]` is the conjunction of those expansions.
 * - A task is decided only once every task it names is fulfilled
 *   (Succeeded, Failed, Error, Skipped, Omitted, or a running daemon).
 * - `AnySucceeded` / `AllFailed` read the children of a looped task.
 */
import { dependsTasks, isParseError, parseDepends, type DependsExpr } from '../argo/depends';

/** What a DAG task carries that its dependents' logic reads. */
export interface DependsTask {
  name: string;
  depends?: unknown;
  dependencies?: unknown;
  continueOn?: unknown;
}

/** The results a finished task offers to `depends`. */
export interface TaskResults {
  Succeeded: boolean;
  Failed: boolean;
  Errored: boolean;
  Skipped: boolean;
  Omitted: boolean;
  Daemoned: boolean;
  AnySucceeded: boolean;
  AllFailed: boolean;
}

export const FULFILLED_PHASES = new Set(['Succeeded', 'Failed', 'Error', 'Skipped', 'Omitted']);

/**
 * A task's results from its node phase (and, for a looped task, its
 * children's phases): AllFailed needs at least one child, all Failed.
 */
export function taskResults(
  phase: string,
  options: { daemoned?: boolean; children?: string[] } = {},
): TaskResults {
  const children = options.children ?? [];
  return {
    Succeeded: phase === 'Succeeded',
    Failed: phase === 'Failed',
    Errored: phase === 'Error',
    Skipped: phase === 'Skipped',
    Omitted: phase === 'Omitted',
    Daemoned: (options.daemoned ?? false) && phase !== 'Pending',
    AnySucceeded: children.some((p) => p === 'Succeeded'),
    AllFailed: children.length > 0 && children.every((p) => p === 'Failed'),
  };
}

const ref = (task: string, result: keyof TaskResults): DependsExpr => ({
  kind: 'ref',
  task,
  result,
});

function continueOn(task: DependsTask | undefined): { error: boolean; failed: boolean } {
  const c = task?.continueOn;
  const o = typeof c === 'object' && c !== null ? (c as Record<string, unknown>) : {};
  return { error: o.error === true, failed: o.failed === true };
}

/** `(A.Succeeded || A.Skipped || A.Daemoned [|| A.Errored] [|| A.Failed])` (ancestry.go expandDependency). */
export function expandDependency(name: string, task: DependsTask | undefined): DependsExpr {
  const items = [ref(name, 'Succeeded'), ref(name, 'Skipped'), ref(name, 'Daemoned')];
  const on = continueOn(task);
  if (on.error) items.push(ref(name, 'Errored'));
  if (on.failed) items.push(ref(name, 'Failed'));
  return { kind: 'or', items };
}

function expandBare(
  e: DependsExpr,
  byName: (name: string) => DependsTask | undefined,
): DependsExpr {
  switch (e.kind) {
    case 'ref':
      return e.result ? e : expandDependency(e.task, byName(e.task));
    case 'not':
      return { kind: 'not', expr: expandBare(e.expr, byName) };
    default:
      return { kind: e.kind, items: e.items.map((i) => expandBare(i, byName)) };
  }
}

export type DependsLogic =
  | { kind: 'none' }
  | { kind: 'logic'; expr: DependsExpr; tasks: string[] }
  | { kind: 'invalid'; message: string; tasks: string[] };

/** The resolved logic of a task (ancestry.go GetTaskDependencies): explicit results only. */
export function dependsLogic(
  task: DependsTask,
  byName: (name: string) => DependsTask | undefined,
): DependsLogic {
  if (typeof task.depends === 'string' && task.depends.trim() !== '') {
    const parsed = parseDepends(task.depends);
    if (isParseError(parsed)) {
      const tasks = task.depends.match(/[a-zA-Z0-9][-a-zA-Z0-9]*/g) ?? [];
      return {
        kind: 'invalid',
        message: `unable to evaluate expression '${task.depends}': ${parsed.message}`,
        tasks: [...new Set(tasks)].filter((t) => byName(t) !== undefined),
      };
    }
    return { kind: 'logic', expr: expandBare(parsed, byName), tasks: dependsTasks(parsed) };
  }
  const deps = Array.isArray(task.dependencies) ? task.dependencies.map(String) : [];
  if (deps.length === 0) return { kind: 'none' };
  const items = deps.map((d) => expandDependency(d, byName(d)));
  return {
    kind: 'logic',
    expr: items.length === 1 ? items[0]! : { kind: 'and', items },
    tasks: deps,
  };
}

/** Evaluates resolved logic; a task with no results (unknown name) offers none. */
export function evaluateDepends(
  expr: DependsExpr,
  results: (task: string) => TaskResults | undefined,
): boolean {
  switch (expr.kind) {
    case 'not':
      return !evaluateDepends(expr.expr, results);
    case 'and':
      return expr.items.every((x) => evaluateDepends(x, results));
    case 'or':
      return expr.items.some((x) => evaluateDepends(x, results));
    case 'ref':
      return results(expr.task)?.[expr.result ?? 'Succeeded'] ?? false;
  }
}
