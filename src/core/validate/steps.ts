/**
 * A steps template: Argo's validateSteps (workflow/validate/validate.go).
 * Step names are required, valid and unique in the template; each step's
 * loop, arguments and hooks are checked, its template resolved and given the
 * inputs it needs, and its `{{...}}` references resolved in the scope Argo
 * builds as it goes: the steps before it (in order, its own group included)
 * and their outputs. A step of its own group has not run yet when it starts,
 * so that reference is also a warning.
 */
import { isObject, type JsonObject } from '../model/types';
import { clip } from '../util/describe';
import { checkArguments } from './arguments';
import type { Ctx, Resolved, TemplateEntry } from './context';
import { checkCall, resolveHolder } from './holders';
import { aggregates, checkHooks, checkWhen, hasExitHook, loopScope } from './loops';
import { fieldNameErrors } from './names';
import { under, type At } from './sink';
import { checkVariables, type ItemScope, type NodeInfo, type VarScope } from './variables';

interface Step {
  step: JsonObject;
  group: number;
  name: string;
  at: At;
  prefix: string;
  resolved: Resolved;
}

export type ValidateInline = (entry: TemplateEntry, prefix: string) => void;

/** Checks the steps; returns the scope the template's outputs are resolved in. */
export function checkSteps(
  ctx: Ctx,
  entry: TemplateEntry,
  prefix: string,
  base: VarScope,
  inline: ValidateInline,
): VarScope {
  const groups = Array.isArray(entry.t.steps) ? entry.t.steps : [];
  const steps: Step[] = [];
  const names = new Set<string>();
  groups.forEach((group: unknown, i) => {
    const groupAt = under(entry.at, 'steps', i);
    if (!Array.isArray(group)) {
      ctx.sink.error('invalid-field', `${prefix}.steps[${i}] must be a list of steps`, groupAt);
      return;
    }
    group.forEach((step: unknown, j) => {
      const stepAt = under(groupAt, j);
      if (!isObject(step)) {
        ctx.sink.error(
          'invalid-field',
          `${prefix}.steps[${i}][${j}] must be a step (a mapping)`,
          stepAt,
        );
        return;
      }
      const name = typeof step.name === 'string' ? step.name : '';
      const at = { ...stepAt, ...(name ? { task: name } : {}) };
      if (name === '') {
        ctx.sink.error('missing-name', `${prefix}.steps[${i}].name is required`, at);
        return;
      }
      if (names.has(name))
        ctx.sink.error(
          'duplicate-step',
          `${prefix}.steps[${i}].name '${clip(name)}' is not unique`,
          under(at, 'name'),
        );
      const errs = fieldNameErrors(name);
      if (errs.length > 0)
        ctx.sink.error(
          'invalid-name',
          `${prefix}.steps[${i}].name '${clip(name)}' is invalid: ${errs.join(';')}`,
          under(at, 'name'),
        );
      names.add(name);
      const stepPrefix = `${prefix}.steps[${i}].${clip(name)}`;
      steps.push({
        step,
        group: i,
        name,
        at,
        prefix: stepPrefix,
        resolved: resolveHolder(ctx, step, at, stepPrefix),
      });
    });
  });
  const order = new Map<string, number>();
  steps.forEach((s, k) => {
    if (!order.has(s.name)) order.set(s.name, k);
  });
  let leaked: ItemScope | undefined;
  steps.forEach((s, k) => {
    const own = loopScope(ctx, s.step, s.at, s.prefix);
    if (own) leaked = merge(leaked, own);
    const items = own ?? (leaked && { ...leaked, own: false });
    checkArguments(ctx, s.step, s.at, `${s.prefix}.arguments.`, false);
    checkHooks(ctx, s.step, s.at, s.prefix, true);
    checkWhen(ctx, s.step, s.at, s.prefix);
    let local = base.local;
    if (isObject(s.step.inline)) addInlineInputs((local = new Set(local)), s.step.inline);
    const scope: VarScope = {
      ...base,
      local,
      ...(items ? { items } : {}),
      nodes: {
        root: 'steps',
        owner: prefix,
        get: (name) => visible(steps, order, name, k),
        unknown: (name) =>
          order.has(name)
            ? `step '${clip(name)}' runs after ${clip(s.name)}; a step may read only steps of earlier groups`
            : `there is no step '${clip(name)}' in ${prefix}`,
      },
    };
    checkVariables(ctx, s.step, s.at, scope, { prefix: s.prefix });
    const inlined = checkCall(ctx, s.step, s.at, s.prefix, s.resolved);
    if (inlined) inline(inlined, `${s.prefix}.inline`);
  });
  return {
    ...base,
    ...(leaked ? { items: { ...leaked, own: false } } : {}),
    nodes: {
      root: 'steps',
      owner: prefix,
      get: (name) => visible(steps, order, name, steps.length),
      unknown: (name) => `there is no step '${clip(name)}' in ${prefix}`,
    },
  };
}

/** What step `k` may read of step `name`: the steps before it, and its own status. */
function visible(
  steps: Step[],
  order: Map<string, number>,
  name: string,
  k: number,
): NodeInfo | undefined {
  const at = order.get(name);
  if (at === undefined || at > k) return undefined;
  const s = steps[at]!;
  const self = at === k;
  const template = s.resolved.kind === 'template' ? s.resolved.entry.t : undefined;
  const current = steps[k];
  const later = self
    ? hasExitHook(s.step)
      ? undefined // its exit hook runs after it, and may read its outputs
      : `a step cannot read its own outputs or status`
    : current && s.group === current.group
      ? `step '${clip(name)}' runs in the same group as ${clip(current.name)}, in parallel: read it from a later group`
      : undefined;
  return {
    // Argo puts a step's own outputs in scope only when it has an exit hook.
    template: self && !hasExitHook(s.step) ? {} : template,
    templateName: s.resolved.kind === 'template' ? s.resolved.entry.name : '',
    looped: aggregates(s.step),
    status: true,
    ...(later ? { later } : {}),
    ...(self ? { self } : {}),
  };
}

function merge(a: ItemScope | undefined, b: ItemScope): ItemScope {
  if (!a) return b;
  return { keys: new Set([...a.keys, ...b.keys]), any: a.any || b.any, own: true };
}

/** An inline template's inputs are in scope in the step or task that holds it. */
export function addInlineInputs(local: Set<string>, inline: JsonObject): void {
  const inputs = isObject(inline.inputs) ? inline.inputs : {};
  const params = Array.isArray(inputs.parameters) ? inputs.parameters : [];
  for (const p of params)
    if (isObject(p) && typeof p.name === 'string') local.add(`inputs.parameters.${p.name}`);
}
