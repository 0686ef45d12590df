/**
 * The workflow a simulation runs, read from a manifest of any kind: a
 * Workflow, a WorkflowTemplate or ClusterWorkflowTemplate (run as if
 * submitted), a CronWorkflow's `workflowSpec`, or a Workflow that refers to a
 * WorkflowTemplate (`workflowTemplateRef`, its spec under the workflow's own
 * fields). Global names are set as operator.go `setGlobalParameters` does.
 */
import { isObject, type JsonObject } from '../model/types';
import type { TemplateContext } from './context';
import type { SimulationOptions } from './types';

export interface PreparedWorkflow {
  name: string;
  namespace: string;
  entrypoint: string;
  /** `spec.arguments` with the user's values. */
  arguments: JsonObject;
  ctx: TemplateContext;
  globals: Map<string, string>;
  templateDefaults: JsonObject | undefined;
  /** `spec.hooks.exit`, or `spec.onExit` as a hook. */
  exitHook: JsonObject | undefined;
  notes: string[];
  /** Why the workflow cannot start at all. */
  error?: string;
  /** The manifest as given, for the Workflow object. */
  manifest: JsonObject;
}

const asObj = (v: unknown): JsonObject => (isObject(v) ? v : {});
const list = (v: unknown): JsonObject[] => (Array.isArray(v) ? v.filter(isObject) : []);
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

function workflowSpecOf(
  manifest: JsonObject,
  options: SimulationOptions,
  notes: string[],
): JsonObject {
  let spec = asObj(manifest.spec);
  if (manifest.kind === 'CronWorkflow') spec = asObj(spec.workflowSpec);
  const ref = asObj(spec.workflowTemplateRef);
  if (typeof ref.name === 'string') {
    const doc = options.resolveTemplateRef?.(ref.name, ref.clusterScope === true);
    if (!doc) {
      notes.push(
        `workflowTemplateRef ${ref.name} is not known here; only this manifest's own fields run`,
      );
      return spec;
    }
    const { workflowTemplateRef: _ref, ...own } = spec;
    const base = asObj(doc.spec);
    const args = mergeArguments(asObj(base.arguments), asObj(own.arguments));
    return { ...base, ...own, arguments: args };
  }
  return spec;
}

/** Parameters by name: the workflow's own override the template's. */
function mergeArguments(base: JsonObject, own: JsonObject): JsonObject {
  const params = new Map(list(base.parameters).map((p) => [String(p.name), p]));
  for (const p of list(own.parameters))
    params.set(String(p.name), { ...params.get(String(p.name)), ...p });
  return { ...base, ...own, parameters: [...params.values()] };
}

function valueText(v: unknown): string | undefined {
  if (v === undefined || v === null) return undefined;
  return typeof v === 'string' ? v : JSON.stringify(v);
}

export function prepareWorkflow(
  manifest: JsonObject,
  options: SimulationOptions,
): PreparedWorkflow {
  const notes: string[] = [];
  const meta = asObj(manifest.metadata);
  const name =
    options.workflowName ?? str(meta.name) ?? `${str(meta.generateName) ?? 'workflow-'}what-if`;
  const namespace = str(meta.namespace) ?? 'argo';
  const spec = workflowSpecOf(manifest, options, notes);
  const templates = new Map(list(spec.templates).map((t) => [String(t.name), t]));
  const entrypoint = options.entrypoint ?? str(spec.entrypoint) ?? '';
  const globals = new Map<string, string>([
    ['workflow.name', name],
    ['workflow.namespace', namespace],
    ['workflow.mainEntrypoint', entrypoint],
    ['workflow.serviceAccountName', str(spec.serviceAccountName) ?? 'default'],
    ['workflow.uid', 'what-if'],
    ['workflow.duration', '0'],
  ]);
  for (const [k, v] of Object.entries(asObj(meta.labels)))
    globals.set(`workflow.labels.${k}`, String(v));
  for (const [k, v] of Object.entries(asObj(meta.annotations)))
    globals.set(`workflow.annotations.${k}`, String(v));
  const given = options.parameters ?? {};
  const params: JsonObject[] = list(asObj(spec.arguments).parameters).map((p) => {
    const pname = String(p.name);
    const value = Object.hasOwn(given, pname) ? given[pname] : valueText(p.value ?? p.default);
    const allowed = Array.isArray(p.enum) ? p.enum.map(String) : undefined;
    if (value !== undefined && allowed && !allowed.includes(value))
      notes.push(
        `parameter ${pname}: '${value}' is not one of ${allowed.join(', ')}; Argo refuses it at submit`,
      );
    if (value === undefined) notes.push(`workflow parameter ${pname} has no value`);
    else globals.set(`workflow.parameters.${pname}`, value);
    return value === undefined ? { ...p } : { ...p, value };
  });
  for (const [k, v] of Object.entries(given))
    if (!params.some((p) => p.name === k)) {
      params.push({ name: k, value: v });
      globals.set(`workflow.parameters.${k}`, v);
    }
  globals.set('workflow.parameters', JSON.stringify(params));
  const hooks = asObj(spec.hooks);
  const exitHook = isObject(hooks.exit)
    ? hooks.exit
    : str(spec.onExit)
      ? { template: spec.onExit }
      : undefined;
  const prepared: PreparedWorkflow = {
    name,
    namespace,
    entrypoint,
    arguments: { ...asObj(spec.arguments), parameters: params },
    ctx: { templates, scope: `local/${name}` },
    globals,
    templateDefaults: isObject(spec.templateDefaults) ? spec.templateDefaults : undefined,
    exitHook,
    notes,
    manifest,
  };
  if (!entrypoint) prepared.error = 'the workflow has no entrypoint';
  else if (!templates.has(entrypoint) && !isObject(spec.workflowTemplateRef))
    prepared.error = `entrypoint template ${entrypoint} not found`;
  return prepared;
}
