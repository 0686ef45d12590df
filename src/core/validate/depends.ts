/**
 * A DAG task's dependencies, as Argo's ParseDepends reads them
 * (workflow/common/ancestry.go): the task names in `depends` (a bare `task`
 * or `task.Result`), or else the `dependencies` list. ValidateTaskResults
 * refuses an unknown result; the rest of the expression Argo's validator does
 * not parse, and a `depends` or `when` that cannot parse is a warning.
 */
import { isParseError, parseDepends, TASK_RESULTS } from '../argo/depends';
import type { JsonObject } from '../model/types';
import { clip } from '../util/describe';
import type { Ctx } from './context';
import { checkWhen } from './loops';
import { present } from './read';
import { under, type At } from './sink';

/** ParseDepends' task reference pattern: `task.Result` or a bare `task`. */
export const TASK_REF = /([a-zA-Z0-9][-a-zA-Z0-9]*?\.[A-Z][a-zA-Z]+)|([a-zA-Z0-9][-a-zA-Z0-9]*)/g;

/** The dependencies ParseDepends finds in `depends`, or else the `dependencies` list. */
export function dependencies(ctx: Ctx, task: JsonObject, at: At): Map<string, 'task' | 'items'> {
  const deps = new Map<string, 'task' | 'items'>();
  const depends = task.depends;
  if (present(depends) && typeof depends !== 'string')
    ctx.sink.error(
      'invalid-field',
      `depends must be a string expression, such as 'a && b'`,
      under(at, 'depends'),
    );
  if (typeof depends === 'string' && depends !== '') {
    for (const m of depends.matchAll(TASK_REF)) {
      if (m[1]) {
        const [name, result] = m[1].split('.') as [string, string];
        if (result === 'AnySucceeded' || result === 'AllFailed') deps.set(name, 'items');
        else if (!deps.has(name)) deps.set(name, 'task');
      } else if (m[2]) deps.set(m[2], 'task');
    }
    return deps;
  }
  const list = task.dependencies;
  if (present(list) && !(Array.isArray(list) && list.every((d) => typeof d === 'string')))
    ctx.sink.error(
      'invalid-field',
      'dependencies must be a list of task names',
      under(at, 'dependencies'),
    );
  if (Array.isArray(list)) for (const d of list) if (typeof d === 'string') deps.set(d, 'task');
  return deps;
}

/** A task with where it is reported. */
export interface DependsHolder {
  task: JsonObject;
  at: At;
  prefix: string;
}

/**
 * ValidateTaskResults refuses an unknown result (`a.Succeded`); Argo's
 * validator does not parse the rest of the expression, which fails when the
 * DAG runs: a syntax error is a warning, as is a `when` that cannot parse.
 */
export function checkDependsText(ctx: Ctx, n: DependsHolder): void {
  const depends = n.task.depends;
  if (typeof depends === 'string' && depends !== '') {
    let refused = false;
    for (const m of depends.matchAll(TASK_REF)) {
      if (!m[1]) continue;
      const [name, result] = m[1].split('.') as [string, string];
      if ((TASK_RESULTS as readonly string[]).includes(result)) continue;
      refused = true;
      ctx.sink.error(
        'invalid-depends',
        `${n.prefix} task result '${clip(result)}' for task '${clip(name)}' is invalid: use one of ${TASK_RESULTS.join(', ')}`,
        under(n.at, 'depends'),
      );
    }
    const parsed = parseDepends(depends);
    if (!refused && isParseError(parsed))
      ctx.sink.warning(
        'invalid-depends',
        `${n.prefix} depends '${clip(depends)}' does not parse: ${parsed.message} (at character ${parsed.offset + 1}); Argo's validator lets this through, and the DAG fails when it runs`,
        under(n.at, 'depends'),
      );
  }
  checkWhen(ctx, n.task, n.at, n.prefix);
}
