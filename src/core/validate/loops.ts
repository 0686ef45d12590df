/**
 * Loops and hooks of a step or DAG task. Argo's addItemsToScope
 * (workflow/validate/validate.go): one of `withItems`, `withParam`,
 * `withSequence`; a sequence has `count` or `end`, not both; the items set
 * `{{item}}` or, for mappings, `{{item.<key>}}` (`withParam`: any key, known
 * only at run time). validateHooks: every hook but `exit` needs an expression.
 */
import { whenProblem } from '../argo/expressions';
import { isObject, type JsonObject } from '../model/types';
import { clip } from '../util/describe';
import type { Ctx } from './context';
import { present } from './read';
import { under, type At } from './sink';
import type { ItemScope } from './variables';

export function loopScope(
  ctx: Ctx,
  holder: JsonObject,
  at: At,
  prefix: string,
): ItemScope | undefined {
  const items = holder.withItems;
  const param = holder.withParam;
  const sequence = holder.withSequence;
  const withItems = Array.isArray(items) && items.length > 0;
  const withParam = typeof param === 'string' && param !== '';
  const withSequence = present(sequence);
  if (present(items) && !Array.isArray(items))
    ctx.sink.error('invalid-field', `${prefix}.withItems must be a list`, under(at, 'withItems'));
  if (present(param) && typeof param !== 'string')
    ctx.sink.error(
      'invalid-field',
      `${prefix}.withParam must be a string, such as a JSON list or a {{...}} reference`,
      under(at, 'withParam'),
    );
  if (present(sequence) && !isObject(sequence))
    ctx.sink.error(
      'invalid-field',
      `${prefix}.withSequence must be a mapping of count or start and end`,
      under(at, 'withSequence'),
    );
  for (const [field, expect] of [
    ['when', 'string'],
    ['continueOn', 'mapping'],
  ] as const) {
    const v = holder[field];
    if (present(v) && (expect === 'string' ? typeof v !== 'string' : !isObject(v)))
      ctx.sink.error('invalid-field', `${prefix}.${field} must be a ${expect}`, under(at, field));
  }
  if ([withItems, withParam, withSequence].filter(Boolean).length > 1)
    ctx.sink.error(
      'invalid-loop',
      `${prefix} only one of withItems, withParam, withSequence can be specified`,
      under(at, withParam ? 'withParam' : 'withSequence'),
    );
  const keys = new Set<string>();
  if (withItems) {
    (items as unknown[]).forEach((v, i) => {
      if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean')
        keys.add('item');
      else if (Array.isArray(v)) v.forEach((_, j) => keys.add(`item.[${j}]`));
      else if (isObject(v)) for (const k of Object.keys(v)) keys.add(`item.${k}`);
      else
        ctx.sink.error(
          'invalid-loop',
          `${prefix} unsupported withItems type: null`,
          under(at, 'withItems', i),
        );
    });
    return { keys, any: false, own: true };
  }
  if (withParam) return { keys: new Set(['item']), any: true, own: true };
  if (withSequence) {
    if (isObject(sequence) && present(sequence.count) && present(sequence.end))
      ctx.sink.error(
        'invalid-loop',
        `${prefix} only one of count or end can be defined in withSequence`,
        under(at, 'withSequence'),
      );
    return { keys: new Set(['item']), any: false, own: true };
  }
  return undefined;
}

/** Whether the holder loops with withItems or withParam (its outputs are aggregated). */
export function aggregates(holder: JsonObject): boolean {
  return (
    (Array.isArray(holder.withItems) && holder.withItems.length > 0) ||
    (typeof holder.withParam === 'string' && holder.withParam !== '')
  );
}

/**
 * validateHooks. `refused`: Argo's validator checks this holder's hooks (the
 * workflow's and steps'); for DAG tasks it does not, and a hook without an
 * expression then never runs: a warning.
 */
export function checkHooks(
  ctx: Ctx,
  holder: JsonObject,
  at: At,
  prefix: string,
  refused: boolean,
): void {
  const hooks = holder.hooks;
  if (!present(hooks)) return;
  if (!isObject(hooks)) {
    ctx.sink.error(
      'invalid-field',
      `${prefix}.hooks must be a mapping of hook names to hooks`,
      under(at, 'hooks'),
    );
    return;
  }
  for (const [name, hook] of Object.entries(hooks)) {
    if (name === 'exit') continue;
    const expression = isObject(hook) ? hook.expression : undefined;
    if (typeof expression === 'string' && expression !== '') continue;
    const message = `${prefix}.${clip(name)} Expression required`;
    if (refused) ctx.sink.error('missing-hook-expression', message, under(at, 'hooks', name));
    else
      ctx.sink.warning(
        'missing-hook-expression',
        `${message}: a hook other than 'exit' runs only when its expression is true`,
        under(at, 'hooks', name),
      );
  }
}

/** Whether the holder has an exit hook (HasExitHook). */
export function hasExitHook(holder: JsonObject): boolean {
  return (isObject(holder.hooks) && present(holder.hooks.exit)) || present(holder.onExit);
}

/**
 * A `when` that cannot parse. Argo evaluates it only when the step or task is
 * due (govaluate), so its validator accepts it: a warning. An unclosed `{{`,
 * which Argo refuses, the variable check reports.
 */
export function checkWhen(ctx: Ctx, holder: JsonObject, at: At, prefix: string): void {
  const when = holder.when;
  if (typeof when !== 'string') return;
  const problem = whenProblem(when);
  if (problem && !problem.includes("'{{'"))
    ctx.sink.warning(
      'invalid-when',
      `${prefix} when '${clip(when)}' does not parse: ${problem}; Argo evaluates it only when the step or task is due`,
      under(at, 'when'),
    );
}
