/**
 * What a step, a DAG task, the entrypoint or the exit handler runs: Argo's
 * validateTemplateHolder (workflow/validate/validate.go) resolving `template`,
 * `templateRef` or `inline` (workflow/templateresolution), and ProcessArgs
 * (workflow/common/util.go) checking that the caller supplies every input the
 * template declares without a value or default: "inputs.parameters.X was not
 * supplied".
 */
import { isObject, type JsonObject } from '../model/types';
import { clip } from '../util/describe';
import { argumentNamed } from './arguments';
import { hasLocationOrKey } from './artifactLocation';
import type { Ctx, Resolved, TemplateEntry } from './context';
import { anyString, present, readBool, readMap, readString } from './read';
import { under, type At } from './sink';

/**
 * Resolves the template a holder names. `prefix` is Argo's for the holder
 * (`templates.main.tasks.a`). Problems are reported here; the result says
 * whether there is a template to check further.
 */
export function resolveHolder(ctx: Ctx, holder: JsonObject, at: At, prefix: string): Resolved {
  const name = readString(ctx.sink, holder, 'template', at);
  const ref = readMap(ctx.sink, holder, 'templateRef', at);
  const inline = readMap(ctx.sink, holder, 'inline', at);
  if (ref) {
    if (name)
      ctx.sink.error(
        'multiple-templates',
        `${prefix} template name cannot be specified with templateRef`,
        under(at, 'template'),
      );
    return resolveRef(ctx, ref, under(at, 'templateRef'), prefix);
  }
  if (name) {
    if (inline)
      ctx.sink.warning(
        'multiple-templates',
        `${prefix} has both template and inline; Argo runs the inline template and ignores template '${clip(name)}'`,
        under(at, 'inline'),
      );
    else {
      const entry = ctx.local.get(name);
      if (entry) return { kind: 'template', entry };
      ctx.sink.error(
        'unknown-template',
        `${prefix} template name '${clip(name)}' undefined`,
        under(at, 'template'),
      );
      return { kind: 'missing' };
    }
  }
  if (inline)
    return {
      kind: 'template',
      entry: { t: inline, name: '', at: under(at, 'inline'), defaults: defaultsOf(ctx.spec) },
    };
  ctx.sink.error(
    'missing-template',
    `${prefix} must have one of template, templateRef or inline`,
    at,
  );
  return { kind: 'missing' };
}

function resolveRef(ctx: Ctx, ref: JsonObject, at: At, prefix: string): Resolved {
  const name = readString(ctx.sink, ref, 'name', at);
  const template = readString(ctx.sink, ref, 'template', at);
  const cluster = readBool(ctx.sink, ref, 'clusterScope', at) === true;
  if (!name) ctx.sink.error('invalid-template-ref', `${prefix} resource name is required`, at);
  if (!template) ctx.sink.error('invalid-template-ref', `${prefix} template name is required`, at);
  if (!name || !template) return { kind: 'missing' };
  // Argo skips references it cannot resolve before run time (VerifyResolvedVariables).
  if (name.includes('{{') || template.includes('{{')) return { kind: 'unknown' };
  const entry = lookupTemplate(ctx, name, template, cluster, at, prefix);
  return entry
    ? { kind: 'template', entry }
    : entry === null
      ? { kind: 'missing' }
      : { kind: 'unknown' };
}

/**
 * A template of a WorkflowTemplate: the entry, null when the WorkflowTemplate
 * has no such template (reported), undefined when it could not be looked up.
 */
export function lookupTemplate(
  ctx: Ctx,
  name: string,
  template: string,
  cluster: boolean,
  at: At,
  prefix: string,
): TemplateEntry | null | undefined {
  if (!libraryHas(ctx, cluster)) {
    ctx.unchecked.push({ text: `${cluster ? 'cluster ' : ''}${name}.${template}`, at });
    return undefined;
  }
  const found = findExternal(ctx, name, template, cluster);
  if (found === 'absent') {
    const size = cluster ? ctx.library!.size.cluster : ctx.library!.size.namespaced;
    const kind = cluster ? 'ClusterWorkflowTemplate' : 'WorkflowTemplate';
    ctx.sink.warning(
      'unknown-workflow-template',
      `${prefix} template reference ${clip(name)}.${clip(template)} could not be checked: no ${kind} named '${clip(name)}' among the ${size} given; Argo refuses the workflow if the cluster has none either`,
      at,
    );
    return undefined;
  }
  if (found === 'missing') {
    ctx.sink.error(
      'unknown-template',
      `${prefix} template reference ${clip(name)}.${clip(template)} not found`,
      at,
    );
    return null;
  }
  return { ...found, at };
}

type External = Omit<TemplateEntry, 'at'> | 'absent' | 'missing';

function findExternal(ctx: Ctx, name: string, template: string, cluster: boolean): External {
  const key = `${cluster}:${name}/${template}`;
  const cached = ctx.external.get(key);
  if (cached) return cached;
  const doc = ctx.library?.find(name, cluster);
  let found: External = 'absent';
  if (doc) {
    const spec = isObject(doc.spec) ? doc.spec : {};
    const list = Array.isArray(spec.templates) ? spec.templates : [];
    const t = list.find((x): x is JsonObject => isObject(x) && x.name === template);
    found = t
      ? {
          t,
          name: template,
          defaults: cluster ? undefined : defaultsOf(spec),
          ref: `${name}.${template}`,
        }
      : 'missing';
  }
  ctx.external.set(key, found);
  return found;
}

/** Whether any WorkflowTemplate (`cluster`: ClusterWorkflowTemplate) was given to look in. */
export function libraryHas(ctx: Ctx, cluster: boolean): boolean {
  const size = ctx.library?.size;
  return size !== undefined && (cluster ? size.cluster : size.namespaced) > 0;
}

export function defaultsOf(spec: JsonObject): JsonObject | undefined {
  return isObject(spec.templateDefaults) ? spec.templateDefaults : undefined;
}

/**
 * ProcessArgs: each input parameter takes the caller's argument, else its own
 * value or default; an argument without a value clears both. One with a
 * `configMapKeyRef` is looked up at run time. An input artifact without a
 * location must be passed unless it is optional. `args` is the caller's
 * `arguments` mapping; `fake` (a WorkflowTemplate's entrypoint) supplies all.
 */
export function checkSupplied(
  ctx: Ctx,
  entry: TemplateEntry,
  args: unknown,
  at: At,
  prefix: string,
): void {
  const inputs = isObject(entry.t.inputs) ? entry.t.inputs : {};
  const who = entry.ref
    ? `template reference ${clip(entry.ref)}`
    : entry.name
      ? `templates.${clip(entry.name)}`
      : 'the inline template';
  const params = Array.isArray(inputs.parameters) ? inputs.parameters : [];
  for (const p of params) {
    if (!isObject(p) || typeof p.name !== 'string') continue;
    let value = anyString(p.value) ?? anyString(p.default);
    let valueFrom = p.valueFrom;
    const arg = argumentNamed(args, 'parameters', p.name);
    if (arg) {
      value = anyString(arg.value);
      valueFrom = value === undefined ? arg.valueFrom : undefined;
    }
    if (isObject(valueFrom) && present(valueFrom.configMapKeyRef)) continue;
    if (value === undefined)
      ctx.sink.error(
        'missing-input',
        `${prefix} ${who} inputs.parameters.${clip(p.name)} was not supplied${arg ? ': its argument has no value' : ''}`,
        at,
      );
  }
  const artifacts = Array.isArray(inputs.artifacts) ? inputs.artifacts : [];
  for (const a of artifacts) {
    if (!isObject(a) || typeof a.name !== 'string') continue;
    if (a.optional === true || hasLocationOrKey(a)) continue;
    if (!argumentNamed(args, 'artifacts', a.name))
      ctx.sink.error(
        'missing-input',
        `${prefix} ${who} inputs.artifacts.${clip(a.name)} was not supplied`,
        at,
      );
  }
}

/**
 * A step's or task's call: the inputs it must supply to the template it runs
 * (common/util.go ProcessArgs). Returns its inline template, which the caller
 * validates in its own scope.
 */
export function checkCall(
  ctx: Ctx,
  holder: JsonObject,
  at: At,
  prefix: string,
  resolved: Resolved,
): TemplateEntry | undefined {
  if (resolved.kind !== 'template') return undefined;
  const args = holder.arguments;
  checkSupplied(ctx, resolved.entry, args, isObject(args) ? under(at, 'arguments') : at, prefix);
  return resolved.entry.name === '' && !resolved.entry.ref ? resolved.entry : undefined;
}
