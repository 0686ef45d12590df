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

/** The templates list as written, items that are not templates included. */
export function rawTemplates(p: Pipeline): readonly unknown[] {
  const list = workflowSpec(p).templates;
  return Array.isArray(list) ? list : [];
}

export function withTemplates(p: Pipeline, next: readonly unknown[]): Pipeline {
  return withWorkflowSpec(p, { ...workflowSpec(p), templates: next });
}

/** `p` with `template` added at the end of the templates list (as written). */
export function appendTemplate(p: Pipeline, template: Template): Pipeline {
  return withTemplates(p, [...rawTemplates(p), template]);
}

/** `p` with each template (as written) replaced by `update(template)`; others kept. */
export function mapTemplates(p: Pipeline, update: (t: Template) => Template): Pipeline {
  let changed = false;
  const list = rawTemplates(p).map((t) => {
    if (!isObject(t) || typeof t.name !== 'string') return t;
    const next = update(t as Template);
    if (next !== t) changed = true;
    return next;
  });
  return changed ? withTemplates(p, list) : p;
}
