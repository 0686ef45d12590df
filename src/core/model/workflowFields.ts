/**
 * Edits to the workflow spec the workflow inspector makes: plain fields
 * (parallelism, serviceAccountName, nodeSelector, volumes, ...), arguments,
 * the exit handler, pod GC, TTL and the workflow-level retry strategy. They
 * work on the workflow spec whatever the kind (a CronWorkflow's
 * `spec.workflowSpec`), remove a key rather than write an empty value, and
 * keep the keys of an edited object the editor does not model.
 */
import { isEmpty, setOrDelete } from './fields';
import { toK8sName, uniqueName } from './names';
import { templates, withTemplates, withWorkflowSpec, workflowSpec } from './spec';
import { isObject, type JsonObject, type Pipeline, type Template } from './types';

/** Argo's `podGC.strategy` values (validate.go: "podGC.strategy unknown strategy"). */
export const POD_GC_STRATEGIES = [
  'OnPodCompletion',
  'OnPodSuccess',
  'OnWorkflowCompletion',
  'OnWorkflowSuccess',
] as const;
export type PodGCStrategy = (typeof POD_GC_STRATEGIES)[number];

export const TTL_FIELDS = [
  'secondsAfterCompletion',
  'secondsAfterSuccess',
  'secondsAfterFailure',
] as const;
export type TtlField = (typeof TTL_FIELDS)[number];

/** Reads an object field of the workflow spec, `{}` when absent or not an object. */
export function workflowObject(p: Pipeline, key: string): JsonObject {
  const value = workflowSpec(p)[key];
  return isObject(value) ? value : {};
}

/**
 * Sets one field of the workflow spec; an empty value (undefined, '', [], {})
 * removes the key. Returns `p` itself when nothing changes.
 * @example setWorkflowField(p, 'parallelism', 3)
 * @example setWorkflowField(p, 'nodeSelector', { 'kubernetes.io/os': 'linux' })
 */
export function setWorkflowField(p: Pipeline, key: string, value: unknown): Pipeline {
  const spec = workflowSpec(p);
  if (spec[key] === value || (isEmpty(value) && !(key in spec))) return p;
  return withWorkflowSpec(p, setOrDelete(spec, key, value));
}

/** Sets one field of an object field of the workflow spec (podGC.strategy, ttlStrategy.x, ...). */
function setNested(p: Pipeline, key: string, field: string, value: unknown): Pipeline {
  const current = workflowObject(p, key);
  if (current[field] === value || (isEmpty(value) && !(field in current))) return p;
  return setWorkflowField(p, key, setOrDelete(current, field, value));
}

/** One workflow argument parameter as the inspector edits it. */
export interface ArgumentParameter {
  name: string;
  value?: string;
  /** Allowed values; the UI shows them as a select when submitting. */
  enum?: string[];
  description?: string;
}

/**
 * Replaces `spec.arguments.parameters` with `rows`, in order. A row keeps the
 * keys of the parameter of the same name it replaces (valueFrom, globalName,
 * ...); empty value, enum and description are removed.
 * @example setArgumentParameters(p, [{ name: 'env', value: 'dev', enum: ['dev', 'prod'] }])
 */
export function setArgumentParameters(p: Pipeline, rows: ArgumentParameter[]): Pipeline {
  const args = workflowObject(p, 'arguments');
  const before = new Map<unknown, JsonObject>();
  if (Array.isArray(args.parameters))
    for (const b of args.parameters.filter(isObject))
      if (!before.has(b.name)) before.set(b.name, b);
  const parameters = rows.map((row) => {
    let param: JsonObject = { ...before.get(row.name), name: row.name };
    for (const key of ['value', 'enum', 'description'] as const)
      param = setOrDelete(param, key, row[key]);
    return param;
  });
  return setWorkflowField(p, 'arguments', setOrDelete(args, 'parameters', parameters));
}

const rowCache = new WeakMap<JsonObject, ArgumentParameter>();

/**
 * The parameters of an `arguments` object as rows (name, value, enum,
 * description). A parameter object that did not change gives the same row
 * object, so a list of thousands re-renders only the rows that changed.
 */
export function parameterRows(args: unknown): ArgumentParameter[] {
  const list = isObject(args) && Array.isArray(args.parameters) ? args.parameters : [];
  return list.filter(isObject).map((param) => {
    let row = rowCache.get(param);
    if (!row) {
      row = {
        name: String(param.name ?? ''),
        ...(param.value !== undefined ? { value: String(param.value) } : {}),
        ...(Array.isArray(param.enum) ? { enum: param.enum.map(String) } : {}),
        ...(param.description !== undefined ? { description: String(param.description) } : {}),
      };
      rowCache.set(param, row);
    }
    return row;
  });
}

/** The workflow's argument parameters as rows. */
export function argumentParameters(p: Pipeline): ArgumentParameter[] {
  return parameterRows(workflowSpec(p).arguments);
}

/**
 * Changes the parameter at `index` (a rename too), keeping its other keys;
 * `patch` fields set to undefined or empty are removed.
 */
export function updateArgumentParameter(
  p: Pipeline,
  index: number,
  patch: Partial<ArgumentParameter>,
): Pipeline {
  const args = workflowObject(p, 'arguments');
  const list = Array.isArray(args.parameters) ? args.parameters.slice() : [];
  const current = list[index];
  if (!isObject(current)) return p;
  let next: JsonObject = current;
  for (const [key, value] of Object.entries(patch)) next = setOrDelete(next, key, value);
  list[index] = next;
  return setWorkflowField(p, 'arguments', { ...args, parameters: list });
}

/** Removes the parameter at `index`. */
export function removeArgumentParameter(p: Pipeline, index: number): Pipeline {
  const args = workflowObject(p, 'arguments');
  if (!Array.isArray(args.parameters) || index >= args.parameters.length) return p;
  const list = args.parameters.filter((_, i) => i !== index);
  return setWorkflowField(p, 'arguments', setOrDelete(args, 'parameters', list));
}

/** Replaces `spec.arguments.artifacts` (each `{name, from | s3 | http | ...}`). */
export function setArgumentArtifacts(p: Pipeline, artifacts: JsonObject[]): Pipeline {
  const args = workflowObject(p, 'arguments');
  return setWorkflowField(p, 'arguments', setOrDelete(args, 'artifacts', artifacts));
}

/** Sets `onExit` to a template name; undefined or '' removes it. */
export function setOnExit(p: Pipeline, template: string | undefined): Pipeline {
  return setWorkflowField(p, 'onExit', template);
}

/**
 * The template `createExitHandler` adds: a small container that reports how
 * the workflow ended (`{{workflow.status}}` is Succeeded, Failed or Error).
 */
export function exitHandlerTemplate(name = 'exit-handler'): Template {
  return {
    name,
    container: {
      image: 'alpine:3.20',
      command: ['sh', '-c'],
      args: ['echo "workflow {{workflow.name}} finished: {{workflow.status}}"'],
    },
  };
}

/**
 * Adds an exit-handler template under a name no template has yet
 * (`exit-handler`, `exit-handler-2`, ...) and points `onExit` at it.
 */
export function createExitHandler(
  p: Pipeline,
  wanted = 'exit-handler',
): { pipeline: Pipeline; name: string } {
  const list = templates(p);
  const name = uniqueName(toK8sName(wanted), new Set(list.map((t) => t.name)));
  const withTemplate = withTemplates(p, [...list, exitHandlerTemplate(name)]);
  return { pipeline: setOnExit(withTemplate, name), name };
}

/** Sets `podGC.strategy`, keeping `labelSelector` and `deleteDelayDuration`; undefined clears it. */
export function setPodGC(p: Pipeline, strategy: PodGCStrategy | undefined): Pipeline {
  return setNested(p, 'podGC', 'strategy', strategy);
}

/** Sets one `ttlStrategy` field in seconds; undefined clears it. */
export function setTtl(p: Pipeline, field: TtlField, seconds: number | undefined): Pipeline {
  return setNested(p, 'ttlStrategy', field, seconds);
}

/**
 * Sets the workflow-level `retryStrategy` limit and policy, keeping its other
 * keys (backoff, affinity, expression). `limit` may be a number or a string
 * (IntOrString, e.g. an expression `"{{workflow.parameters.retries}}"`).
 */
export function setRetryStrategy(
  p: Pipeline,
  field: 'limit' | 'retryPolicy',
  value: number | string | undefined,
): Pipeline {
  return setNested(p, 'retryStrategy', field, value);
}
