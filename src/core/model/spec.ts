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

export function findTemplate(p: Pipeline, name: string | undefined): Template | undefined {
  if (name === undefined) return undefined;
  return templates(p).find((t) => t.name === name);
}

export function withTemplates(p: Pipeline, next: Template[]): Pipeline {
  return withWorkflowSpec(p, { ...workflowSpec(p), templates: next });
}
