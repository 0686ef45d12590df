/**
 * Field edits the inspector makes: task argument values, a template's
 * container fields, workflow metadata and arguments. Empty values remove the
 * key rather than writing `""`, so the YAML stays what a person would write.
 */
import { updateTask, updateTemplate } from './operations';
import { withWorkflowSpec, workflowSpec } from './spec';
import { isObject, type JsonObject, type Parameter, type Pipeline, type Template } from './types';

/** Whether a field value is empty: the key is removed rather than written. */
export const isEmpty = (v: unknown): boolean =>
  v === undefined ||
  v === '' ||
  (Array.isArray(v) && v.length === 0) ||
  (isObject(v) && Object.keys(v).length === 0);

/** A copy of `obj` with `key` set to `value`, or without `key` when `value` is empty. */
export function setOrDelete<T extends JsonObject>(obj: T, key: string, value: unknown): T {
  const next = { ...obj } as JsonObject;
  if (isEmpty(value)) delete next[key];
  else next[key] = value;
  return next as T;
}

/** Sets (or clears) the value a task passes for one input parameter. */
export function setTaskParameter(
  p: Pipeline,
  task: string,
  name: string,
  value: string | undefined,
): Pipeline {
  return updateTask(p, task, (t) => {
    const params: Parameter[] = (t.arguments?.parameters ?? []).filter((x) => x.name !== name);
    const before = t.arguments?.parameters ?? [];
    const at = before.findIndex((x) => x.name === name);
    if (value !== undefined && value !== '') {
      const entry = { ...(at >= 0 ? before[at] : {}), name, value };
      params.splice(at >= 0 ? at : params.length, 0, entry);
    }
    const args = setOrDelete(t.arguments ?? {}, 'parameters', params);
    return setOrDelete(t, 'arguments', args);
  });
}

/** The part of a template that runs a container: `container` or `script`. */
export function containerKey(template: Template): 'container' | 'script' | undefined {
  if (isObject(template.container)) return 'container';
  if (isObject(template.script)) return 'script';
  return undefined;
}

/** Sets one field of a template's container (image, command, args, env, resources, source). */
export function setContainerField(
  p: Pipeline,
  template: string,
  field: string,
  value: unknown,
): Pipeline {
  return updateTemplate(p, template, (t) => {
    const key = containerKey(t);
    if (!key) return t;
    return { ...t, [key]: setOrDelete(t[key] as JsonObject, field, value) };
  });
}

/** Sets one metadata field (name, generateName, namespace, labels, annotations). */
export function setMetadataField(p: Pipeline, field: string, value: unknown): Pipeline {
  const metadata = setOrDelete(p.metadata, field, value);
  return { ...p, metadata };
}

/** Sets the workflow arguments' parameters. */
export function setWorkflowParameters(p: Pipeline, parameters: Parameter[]): Pipeline {
  const spec = workflowSpec(p);
  const args = setOrDelete(
    isObject(spec.arguments) ? spec.arguments : {},
    'parameters',
    parameters,
  );
  return withWorkflowSpec(p, setOrDelete(spec, 'arguments', args));
}

/** Sets a top-level spec field of a CronWorkflow (schedules, timezone, ...). */
export function setCronField(p: Pipeline, field: string, value: unknown): Pipeline {
  if (p.kind !== 'CronWorkflow') return p;
  return { ...p, spec: setOrDelete(p.spec, field, value) };
}
