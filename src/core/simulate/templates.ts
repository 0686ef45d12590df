/**
 * Which template a call runs (executeTemplate's template resolution) and the
 * inputs it sees (common.ProcessArgs): a task's `template:` resolves in the
 * template context of its caller (the manifest's templates, or those of the
 * WorkflowTemplate a `templateRef` brought in), an `inline` template is its
 * own, a `templateRef` is looked up in the WorkflowTemplates the editor knows.
 */
import { isObject, type JsonObject } from '../model/types';
import type { Call, TemplateContext } from './context';
import type { SimulationOptions } from './types';

const asObj = (v: unknown): JsonObject => (isObject(v) ? v : {});
const list = (v: unknown): JsonObject[] => (Array.isArray(v) ? v.filter(isObject) : []);

/** The template a task, step or hook calls, and the context its own `template:` names resolve in. */
export function resolveCall(
  call: Call,
  resolveTemplateRef: SimulationOptions['resolveTemplateRef'],
): { tmpl: JsonObject; ctx: TemplateContext } | { error: string } {
  const h = call.holder;
  if (isObject(h.inline)) return { tmpl: { name: call.displayName, ...h.inline }, ctx: call.ctx };
  if (typeof h.template === 'string') {
    const tmpl = call.ctx.templates.get(h.template);
    return tmpl ? { tmpl, ctx: call.ctx } : { error: `template ${h.template} not found` };
  }
  if (isObject(h.templateRef)) {
    const ref = h.templateRef;
    const name = String(ref.name ?? '');
    const cluster = ref.clusterScope === true;
    const kind = cluster ? 'ClusterWorkflowTemplate' : 'WorkflowTemplate';
    const doc = resolveTemplateRef?.(name, cluster);
    if (!doc)
      return { error: `${kind} ${name} is not known here (connect to the server, or open it)` };
    const spec = asObj(doc.spec);
    const templates = new Map(list(spec.templates).map((t) => [String(t.name), t]));
    const tmpl = templates.get(String(ref.template ?? ''));
    if (!tmpl) return { error: `template ${String(ref.template)} not found in ${kind} ${name}` };
    return {
      tmpl,
      ctx: { templates, scope: `${cluster ? 'cluster' : 'namespaced'}/${name}` },
    };
  }
  return { error: 'no template, templateRef or inline template to run' };
}

/** Inputs as the template sees them (common.ProcessArgs): arguments over defaults; or why one is missing. */
export function templateInputs(
  tmpl: JsonObject,
  args: JsonObject,
  globals: ReadonlyMap<string, string>,
): Map<string, string> | string {
  const given = new Map(list(args.parameters).map((p) => [String(p.name), p.value] as const));
  const scope = new Map(globals);
  for (const p of list(asObj(tmpl.inputs).parameters)) {
    const name = String(p.name);
    const value = given.get(name) ?? p.default ?? p.value;
    if (value === undefined || value === null) return `inputs.parameters.${name} was not supplied`;
    scope.set(
      `inputs.parameters.${name}`,
      typeof value === 'string' ? value : JSON.stringify(value),
    );
  }
  for (const a of list(asObj(tmpl.inputs).artifacts))
    scope.set(`inputs.artifacts.${String(a.name)}.path`, String(a.path ?? ''));
  return scope;
}
