/**
 * Per-edge results and how a task composes its upstream edges. An edge
 * `a -> t` waits for one of seven results, each written as a term of `t`'s
 * `depends` (Argo's enhanced-depends-logic.md):
 *
 *   Succeeded  `a`        Argo's default: `a.Succeeded || a.Skipped || a.Daemoned`
 *   Failed     `a.Failed`          Errored  `a.Errored`
 *   Skipped    `a.Skipped`         Daemoned `a.Daemoned`
 *   Completed  `a.Succeeded || a.Failed || a.Errored`
 *              (Argo's NodePhase.Completed(): it ran to an end; skipped is not completed)
 *   Any        `a.Succeeded || a.Failed || a.Errored || a.Skipped || a.Omitted || a.Daemoned`
 *              (Argo's NodeStatus.Fulfilled(): the controller evaluates `depends` only once
 *              every named task is in one of these states, so this term is always true then)
 *
 * Reading goes by the set of results a term accepts, so any order or
 * grouping of those operands reads back as the same result; an explicit
 * `a.Succeeded` (stricter than the default) also reads as Succeeded and is
 * kept as written. Everything else (negation, a task named twice, `.Omitted`
 * alone, `.AnySucceeded`) is `custom` and left alone: only text edits change it.
 * A task's terms are composed with `&&` (the default, as `dependencies` lists are)
 * or `||`; other shapes are `custom`.
 */
import {
  dependsTasks,
  isParseError,
  parseDepends,
  printDepends,
  type DependsExpr,
  type TaskResult,
} from '../argo/depends';
import { error, type Diagnostic, type Result } from '../diagnostics';
import { graphIndex, rememberIndex } from '../graph/graphIndex';
import { taskDependencies } from '../graph/taskDependencies';
import { checkConnection, listToDepends } from './connections';
import type { Pipeline, Task } from './types';
import { scopeTasks, withScopeTasks } from './scope';
import { orderTask } from '../argo/keyOrder';

export const EDGE_RESULTS = [
  'Succeeded',
  'Failed',
  'Errored',
  'Skipped',
  'Completed',
  'Daemoned',
  'Any',
] as const;
export type EdgeResult = (typeof EDGE_RESULTS)[number];
export type DependsMode = 'and' | 'or';

/** The Argo task results each edge result accepts. */
export const EDGE_RESULT_ACCEPTS: Readonly<Record<EdgeResult, readonly TaskResult[]>> = {
  Succeeded: ['Succeeded', 'Skipped', 'Daemoned'],
  Failed: ['Failed'],
  Errored: ['Errored'],
  Skipped: ['Skipped'],
  Completed: ['Succeeded', 'Failed', 'Errored'],
  Daemoned: ['Daemoned'],
  Any: ['Succeeded', 'Failed', 'Errored', 'Skipped', 'Omitted', 'Daemoned'],
};

type Ref = Extract<DependsExpr, { kind: 'ref' }>;

/** Where an expression names one task: refs OR-ed together at one place. */
interface Site {
  refs: Ref[];
  negated: boolean;
}

const isRefTo =
  (task: string) =>
  (e: DependsExpr): e is Ref =>
    e.kind === 'ref' && e.task === task;

/** Every place `task` is named; the direct refs of one `||` count as one place. */
function sites(e: DependsExpr, task: string, negated = false, out: Site[] = []): Site[] {
  if (e.kind === 'ref') {
    if (e.task === task) out.push({ refs: [e], negated });
  } else if (e.kind === 'not') {
    sites(e.expr, task, true, out);
  } else {
    const own = e.kind === 'or' ? e.items.filter(isRefTo(task)) : [];
    if (own.length > 0) out.push({ refs: own, negated });
    for (const item of e.items) if (!own.includes(item as Ref)) sites(item, task, negated, out);
  }
  return out;
}

function readRefs(refs: readonly Ref[]): EdgeResult | 'custom' {
  if (refs.length === 1) {
    const result = refs[0]!.result;
    if (result === undefined) return 'Succeeded';
    return (EDGE_RESULTS as readonly string[]).includes(result) ? (result as EdgeResult) : 'custom';
  }
  const accepted = new Set(
    refs.flatMap((r) => (r.result ? [r.result] : ['Succeeded', 'Skipped', 'Daemoned'])),
  );
  return (
    EDGE_RESULTS.find((result) => {
      const wanted = EDGE_RESULT_ACCEPTS[result];
      return wanted.length === accepted.size && wanted.every((r) => accepted.has(r));
    }) ?? 'custom'
  );
}

function readSites(found: readonly Site[]): EdgeResult | 'custom' | undefined {
  if (found.length === 0) return undefined;
  if (found.length > 1 || found[0]!.negated) return 'custom';
  return readRefs(found[0]!.refs);
}

/** The task's depends as an AST; undefined when it has none, 'invalid' when it does not parse. */
function parsedDepends(task: Task): DependsExpr | 'invalid' | undefined {
  if (typeof task.depends !== 'string' || task.depends.trim() === '') return undefined;
  const parsed = parseDepends(task.depends);
  return isParseError(parsed) ? 'invalid' : parsed;
}

/**
 * The result the edge `upstream -> task` waits for; `custom` when its term is
 * not one of the seven; undefined when `task` does not depend on `upstream`.
 * @example edgeResult({ name: 't', depends: 'a.Failed && b' }, 'a') // 'Failed'
 */
export function edgeResult(task: Task, upstream: string): EdgeResult | 'custom' | undefined {
  const expr = parsedDepends(task);
  if (expr === 'invalid') return taskDependencies(task).includes(upstream) ? 'custom' : undefined;
  if (expr) return readSites(sites(expr, upstream));
  return task.dependencies?.includes(upstream) ? 'Succeeded' : undefined;
}

/**
 * Edge labels for the canvas, by upstream name: a single operand's result as
 * written (`a.Omitted` -> Omitted), a recognised expansion's edge result
 * (Completed, Any), `custom` for anything else; none for a bare name (the default).
 */
export function edgeLabels(task: Task): Map<string, string> {
  const out = new Map<string, string>();
  const expr = parsedDepends(task);
  if (expr === undefined || expr === 'invalid') return out;
  for (const upstream of dependsTasks(expr)) {
    const found = sites(expr, upstream);
    const single = found.length === 1 && !found[0]!.negated && found[0]!.refs.length === 1;
    const label = single ? found[0]!.refs[0]!.result : readSites(found);
    if (label) out.set(upstream, label);
  }
  return out;
}

/** The `depends` term for `upstream` waiting for `result`. */
export function edgeTerm(upstream: string, result: EdgeResult): DependsExpr {
  if (result === 'Succeeded') return { kind: 'ref', task: upstream };
  const refs = EDGE_RESULT_ACCEPTS[result].map((r): Ref => ({
    kind: 'ref',
    task: upstream,
    result: r,
  }));
  return refs.length === 1 ? refs[0]! : { kind: 'or', items: refs };
}

/** `e` with the one site naming `task` replaced by `term`. */
function replaceSite(e: DependsExpr, task: string, term: DependsExpr): DependsExpr {
  switch (e.kind) {
    case 'ref':
      return e.task === task ? term : e;
    case 'not':
      return { kind: 'not', expr: replaceSite(e.expr, task, term) };
    case 'and':
      return { kind: 'and', items: e.items.map((i) => replaceSite(i, task, term)) };
    case 'or': {
      const items: DependsExpr[] = [];
      let placed = false;
      for (const item of e.items) {
        if (!isRefTo(task)(item)) items.push(replaceSite(item, task, term));
        else if (!placed) {
          placed = true;
          for (const t of term.kind === 'or' ? term.items : [term]) items.push(t);
        }
      }
      return items.length === 1 ? items[0]! : { kind: 'or', items };
    }
  }
}

/** Whether the task is written with a `dependencies` list (no `depends`). */
const usesList = (task: Task): boolean =>
  Array.isArray(task.dependencies) && !(typeof task.depends === 'string' && task.depends.trim());

/**
 * Replaces task `name` (dependencies changed or not) and keeps the graph
 * index when its upstream names stay the same.
 */
function withTask(p: Pipeline, tasks: readonly Task[], name: string, task: Task): Pipeline {
  const next = tasks.map((t) => (t.name === name ? orderTask(task) : t));
  const before = scopeTasks(p).find((t) => t.name === name);
  const same = before && taskDependencies(before).join('\n') === taskDependencies(task).join('\n');
  if (same) rememberIndex(next, graphIndex(scopeTasks(p)));
  return withScopeTasks(p, next);
}

/**
 * Makes the edge `from -> to` wait for `result`, rewriting only that term.
 * A custom term, or an edge that does not exist, leaves the pipeline as it
 * was. A non-default result on a `dependencies` list converts the DAG's lists
 * to `depends` (Argo rejects the two forms mixed in one DAG).
 * @example setEdgeResult(p, 'a', 't', 'Completed') // t: `a && b` -> `(a.Succeeded || a.Failed || a.Errored) && b`
 */
export function setEdgeResult(p: Pipeline, from: string, to: string, result: EdgeResult): Pipeline {
  const task = scopeTasks(p).find((t) => t.name === to);
  if (!task) return p;
  const current = edgeResult(task, from);
  if (current === undefined || current === 'custom' || current === result) return p;
  const tasks = usesList(task) ? scopeTasks(p).map(listToDepends) : scopeTasks(p);
  const target = tasks.find((t) => t.name === to)!;
  const expr = parsedDepends(target) as DependsExpr;
  const depends = printDepends(replaceSite(expr, from, edgeTerm(from, result)));
  return withTask(p, tasks, to, { ...target, depends });
}

/** A task's terms, one per upstream task, and how they are composed; undefined when custom. */
function decompose(task: Task): { mode: DependsMode; terms: DependsExpr[] } | undefined {
  const expr = parsedDepends(task);
  if (expr === 'invalid') return undefined;
  if (!expr) {
    const list = Array.isArray(task.dependencies) ? task.dependencies : [];
    return { mode: 'and', terms: list.map((name): Ref => ({ kind: 'ref', task: name })) };
  }
  const leaves = (e: DependsExpr): Ref[] | undefined => {
    if (e.kind === 'ref') return [e];
    if (e.kind !== 'or') return undefined;
    const all = e.items.map(leaves);
    return all.every((l) => l !== undefined) ? all.flat() : undefined;
  };
  const group = (refs: Ref[]): DependsExpr[] =>
    [...new Set(refs.map((r) => r.task))].map((name) => {
      const own = refs.filter((r) => r.task === name);
      return own.length === 1 ? own[0]! : { kind: 'or', items: own };
    });
  const refs = leaves(expr);
  if (refs) {
    const terms = group(refs);
    return { mode: terms.length === 1 ? 'and' : 'or', terms };
  }
  if (expr.kind !== 'and') return undefined;
  const items = expr.items.map(leaves);
  if (items.some((l) => l === undefined || group(l).length !== 1)) return undefined;
  const terms = (items as Ref[][]).map((l) => group(l)[0]!);
  const names = (items as Ref[][]).map((l) => l[0]!.task);
  return new Set(names).size === names.length ? { mode: 'and', terms } : undefined;
}

/**
 * How the task composes its upstream terms: `and` (also for zero or one
 * upstream, and for `dependencies` lists), `or`, or `custom` for any other
 * expression (`!`, mixed `&&`/`||` across tasks, text that does not parse).
 */
export function dependsMode(task: Task): DependsMode | 'custom' {
  return decompose(task)?.mode ?? 'custom';
}

/**
 * Re-composes the task's terms with `&&` or `||`, each term kept as it is.
 * Custom expressions and tasks with fewer than two upstream are left alone.
 * @example setDependsMode(p, 't', 'or') // t: `a.Failed && b` -> `a.Failed || b`
 */
export function setDependsMode(p: Pipeline, name: string, mode: DependsMode): Pipeline {
  const task = scopeTasks(p).find((t) => t.name === name);
  const parts = task && decompose(task);
  if (!task || !parts || parts.mode === mode || parts.terms.length < 2) return p;
  const tasks = usesList(task) ? scopeTasks(p).map(listToDepends) : scopeTasks(p);
  const target = tasks.find((t) => t.name === name)!;
  const expr: DependsExpr =
    mode === 'and'
      ? { kind: 'and', items: parts.terms }
      : { kind: 'or', items: parts.terms.flatMap((t) => (t.kind === 'or' ? t.items : [t])) };
  return withTask(p, tasks, name, { ...target, depends: printDepends(expr) });
}

/** The task's dependencies as `depends` text (a `dependencies` list as `a && b`). */
export function dependsText(task: Task): string {
  if (typeof task.depends === 'string') return task.depends;
  return Array.isArray(task.dependencies) ? task.dependencies.join(' && ') : '';
}

/**
 * Sets a task's `depends` to `text` (trimmed, kept as written), refusing text
 * that does not parse, names an unknown task or the task itself, or closes a
 * cycle (checked as `connect` does, for each newly named task). Empty text
 * removes every dependency. Lists elsewhere in the DAG become `depends`.
 */
export function setDependsText(p: Pipeline, name: string, text: string): Result<Pipeline> {
  const refuse = (...diagnostics: Diagnostic[]): Result<Pipeline> => ({ value: p, diagnostics });
  const task = scopeTasks(p).find((t) => t.name === name);
  if (!task) return refuse(error('unknown-task', `there is no task named '${name}'`));
  const where = { task: name };
  const wanted = text.trim();
  if (wanted === dependsText(task).trim()) return { value: p, diagnostics: [] };
  const { depends: _depends, dependencies: _dependencies, ...rest } = task;
  if (wanted === '') return { value: withTask(p, scopeTasks(p), name, rest), diagnostics: [] };
  const parsed = parseDepends(wanted);
  if (isParseError(parsed)) {
    const at = `(at character ${parsed.offset + 1})`;
    return refuse(error('invalid-depends', `${parsed.message} ${at}`, where));
  }
  const known = new Set(scopeTasks(p).map((t) => t.name));
  const before = taskDependencies(task);
  const problems = dependsTasks(parsed).flatMap((up): Diagnostic[] => {
    if (!known.has(up))
      return [error('unknown-dependency', `there is no task named '${up}'`, where)];
    if (before.includes(up)) return [];
    return checkConnection(p, up, name)?.diagnostics ?? [];
  });
  if (problems.length > 0) return refuse(...problems);
  const tasks = scopeTasks(p).some(usesList) ? scopeTasks(p).map(listToDepends) : scopeTasks(p);
  return { value: withTask(p, tasks, name, { ...rest, depends: wanted }), diagnostics: [] };
}
