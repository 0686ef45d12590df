/**
 * The cluster as a library: WorkflowTemplates and ClusterWorkflowTemplates,
 * as the palette lists them (each with its templates' inputs and outputs),
 * and the task a dropped template becomes: one that calls it by
 * `templateRef: {name, template, clusterScope}` with an argument for every
 * input parameter that has no default (those with one may be left out).
 */
import type { PaletteParameter } from '../config/paletteTypes';
import { isObject, type JsonObject, type Task, type Template } from '../model/types';

/** One template of a WorkflowTemplate, as a palette entry. */
export interface LibraryTemplate {
  /** `ref:<cluster|ns>:<WorkflowTemplate>:<template>`, unique in the palette. */
  id: string;
  workflowTemplate: string;
  clusterScope: boolean;
  name: string;
  /** container, script, dag, steps, resource, http, suspend, ... */
  kind: string;
  inputs: PaletteParameter[];
  inputArtifacts: string[];
  outputs: string[];
  template: Template;
}

/** A WorkflowTemplate (or ClusterWorkflowTemplate) and its templates. */
export interface LibraryGroup {
  name: string;
  clusterScope: boolean;
  description?: string;
  templates: LibraryTemplate[];
  /** The object as the server answered it, for the inspector and the simulator. */
  manifest: JsonObject;
}

const KINDS = [
  'container',
  'script',
  'dag',
  'steps',
  'resource',
  'http',
  'suspend',
  'containerSet',
  'data',
  'plugin',
];
const list = (v: unknown): JsonObject[] => (Array.isArray(v) ? v.filter(isObject) : []);
const text = (v: unknown): string | undefined =>
  v === undefined || v === null ? undefined : typeof v === 'string' ? v : JSON.stringify(v);

function parameter(p: JsonObject): PaletteParameter {
  const out: PaletteParameter = { name: String(p.name) };
  const d = text(p.default ?? p.value);
  if (d !== undefined) out.default = d;
  if (typeof p.description === 'string') out.description = p.description;
  if (Array.isArray(p.enum)) out.enum = p.enum.map(String);
  return out;
}

export function libraryTemplate(
  workflowTemplate: string,
  clusterScope: boolean,
  t: JsonObject,
): LibraryTemplate {
  const inputs = isObject(t.inputs) ? t.inputs : {};
  const outputs = isObject(t.outputs) ? t.outputs : {};
  const name = String(t.name);
  return {
    id: `ref:${clusterScope ? 'cluster' : 'ns'}:${workflowTemplate}:${name}`,
    workflowTemplate,
    clusterScope,
    name,
    kind: KINDS.find((k) => k in t) ?? 'template',
    inputs: list(inputs.parameters).map(parameter),
    inputArtifacts: list(inputs.artifacts).map((a) => String(a.name)),
    outputs: [...list(outputs.parameters), ...list(outputs.artifacts)].map((o) => String(o.name)),
    template: t as Template,
  };
}

/** The palette groups for WorkflowTemplate objects from the server, by name. */
export function libraryGroups(objects: JsonObject[], clusterScope: boolean): LibraryGroup[] {
  return objects
    .filter((o) => isObject(o.metadata) && typeof o.metadata.name === 'string')
    .map((o) => {
      const meta = o.metadata as JsonObject;
      const name = String(meta.name);
      const annotations = isObject(meta.annotations) ? meta.annotations : {};
      const spec = isObject(o.spec) ? o.spec : {};
      const group: LibraryGroup = {
        name,
        clusterScope,
        templates: list(spec.templates).map((t) => libraryTemplate(name, clusterScope, t)),
        manifest: o,
      };
      const description = annotations['workflows.argoproj.io/description'];
      if (typeof description === 'string') group.description = description;
      return group;
    })
    .sort((a, b) => a.name.localeCompare(b.name));
}

/** Whether a group or one of its templates matches a search (names, inputs, description). */
export function matchesQuery(group: LibraryGroup, t: LibraryTemplate, query: string): boolean {
  const q = query.trim().toLowerCase();
  if (!q) return true;
  return [
    group.name,
    group.description,
    t.name,
    t.kind,
    ...t.inputs.map((i) => i.name),
    ...t.outputs,
  ].some((f) => f?.toLowerCase().includes(q));
}

/** The task a dropped library template becomes. */
export function templateRefTask(t: LibraryTemplate): { name: string; fields: Partial<Task> } {
  const templateRef: JsonObject = { name: t.workflowTemplate, template: t.name };
  if (t.clusterScope) templateRef.clusterScope = true;
  const required = t.inputs.filter((p) => p.default === undefined);
  const fields: Partial<Task> = { templateRef };
  if (required.length > 0)
    fields.arguments = {
      parameters: required.map((p) => ({ name: p.name, value: p.enum?.[0] ?? '' })),
    };
  return { name: t.name, fields };
}
