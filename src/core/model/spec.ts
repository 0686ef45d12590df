/**
 * Accessors for the parts of a pipeline's spec that differ by kind: a
 * CronWorkflow nests the workflow spec under `spec.workflowSpec`.
 */
import { isObject, type JsonObject, type Pipeline, type Template } from './types';

/** The workflow spec (templates, entrypoint, arguments, ...) whatever the kind. */
export function workflowSpec(p: Pipeline): JsonObject {
  if (p.kind === 'CronWorkflow') {
    const nested = p.spec.workflowSpec;
    return isObject(nested) ? nested : {};
  }
  return p.spec;
}

/** Returns a pipeline whose workflow spec is `next`, copying only what changes. */
export function withWorkflowSpec(p: Pipeline, next: JsonObject): Pipeline {
  if (p.kind === 'CronWorkflow') return { ...p, spec: { ...p.spec, workflowSpec: next } };
  return { ...p, spec: next };
}

export function templates(p: Pipeline): Template[] {
  const list = workflowSpec(p).templates;
  return Array.isArray(list) ? (list.filter((t) => isObject(t)) as Template[]) : [];
}

const templateMaps = new WeakMap<object, Map<string, Template>>();

/** Templates by name, cached per templates array: tasks look theirs up on every render. */
function templateMap(p: Pipeline): Map<string, Template> {
  const list = workflowSpec(p).templates;
  const key = Array.isArray(list) ? list : p;
  let map = templateMaps.get(key);
  if (!map) {
    map = new Map();
    // The first of duplicate names wins, as in Argo's lookup.
    for (const t of templates(p)) if (!map.has(t.name)) map.set(t.name, t);
    templateMaps.set(key, map);
  }
  return map;
}

export function findTemplate(p: Pipeline, name: string | undefined): Template | undefined {
  if (name === undefined) return undefined;
  return templateMap(p).get(name);
}

export function withTemplates(p: Pipeline, next: Template[]): Pipeline {
  return withWorkflowSpec(p, { ...workflowSpec(p), templates: next });
}
