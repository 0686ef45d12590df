/**
 * Edits of the container part of a template (`container` or `script`):
 * environment variables from a value, a Secret key or a ConfigMap key; volume
 * mounts; resource requests and limits. The template is shared by every task
 * that runs it. Refused edits return diagnostics and the pipeline as it was.
 */
import { error, type Result } from '../diagnostics';
import { containerKey } from './fields';
import { envNameProblem, quantityProblem } from './fieldChecks';
import { updateTemplate } from './operations';
import { findTemplate, workflowSpec } from './spec';
import { withKey } from './taskFields';
import { fieldError, refused, templatePath } from './templateFields';
import { isObject, type JsonObject, type Pipeline, type Template } from './types';

export type EnvRefKind = 'secretKeyRef' | 'configMapKeyRef';

/** Where an environment variable's value comes from. */
export type EnvSource =
  | { kind: 'value'; value: string }
  | { kind: EnvRefKind; name: string; key: string }
  /** `fieldRef`, `resourceFieldRef`, ...: kept, edited as YAML. */
  | { kind: 'other' };

export interface EnvRow {
  name: string;
  source: EnvSource;
}

function containerOf(t: Template | undefined): JsonObject | undefined {
  const key = t ? containerKey(t) : undefined;
  return key && t ? (t[key] as JsonObject) : undefined;
}

const listOf = (v: unknown): JsonObject[] =>
  Array.isArray(v) ? (v.filter((x) => isObject(x)) as JsonObject[]) : [];

/** The template's environment variables as the form shows them. */
export function envRows(t: Template | undefined): EnvRow[] {
  return listOf(containerOf(t)?.env).map((e) => ({
    name: String(e.name ?? ''),
    source: envSource(e),
  }));
}

function envSource(e: JsonObject): EnvSource {
  if (!isObject(e.valueFrom))
    return { kind: 'value', value: e.value === undefined ? '' : String(e.value) };
  for (const kind of ['secretKeyRef', 'configMapKeyRef'] as const) {
    const ref = e.valueFrom[kind];
    if (isObject(ref)) return { kind, name: String(ref.name ?? ''), key: String(ref.key ?? '') };
  }
  return { kind: 'other' };
}

/** Why an environment variable cannot be written as given. */
export function envVarProblem(name: string, source: EnvSource): string | undefined {
  const problem = envNameProblem(name);
  if (problem) return problem;
  if (source.kind !== 'secretKeyRef' && source.kind !== 'configMapKeyRef') return undefined;
  const what = source.kind === 'secretKeyRef' ? 'Secret' : 'ConfigMap';
  if (source.name.trim() === '') return `env ${name}: the ${what} name is required`;
  if (source.key.trim() === '') return `env ${name}: the key in the ${what} is required`;
  return undefined;
}

/**
 * Sets one environment variable of the template's container, in place when
 * it exists (under `previous` when renaming), else at the end. `undefined`
 * removes it. A `secretKeyRef` or `configMapKeyRef` keeps its `optional` flag.
 * @example setEnvVar(p, 'load', 'DB_PASSWORD', { kind: 'secretKeyRef', name: 'db', key: 'password' })
 *   // env: [{ name: DB_PASSWORD, valueFrom: { secretKeyRef: { name: db, key: password } } }]
 */
export function setEnvVar(
  p: Pipeline,
  template: string,
  name: string,
  source: EnvSource | undefined,
  previous: string = name,
): Result<Pipeline> {
  const t = findTemplate(p, template);
  const key = t && containerKey(t);
  if (!t || !key) return noContainer(p, template);
  const env = listOf((t[key] as JsonObject).env);
  const at = env.findIndex((e) => e.name === previous);
  if (source === undefined)
    return {
      value: writeEnv(
        p,
        template,
        env.filter((_, i) => i !== at),
      ),
      diagnostics: [],
    };
  const problem = envVarProblem(name, source);
  if (problem) return refused(p, fieldError(p, template, problem, [key, 'env']));
  if (name !== previous && env.some((e) => e.name === name))
    return refused(p, fieldError(p, template, `env: '${name}' is already set`, [key, 'env']));
  if (source.kind === 'other') return { value: p, diagnostics: [] };
  const before = env[at];
  let entry: JsonObject;
  if (source.kind === 'value') entry = { name, value: source.value };
  else {
    const old = isObject(before?.valueFrom) ? before.valueFrom[source.kind] : undefined;
    const optional = isObject(old) && old.optional !== undefined ? { optional: old.optional } : {};
    entry = {
      name,
      valueFrom: {
        [source.kind]: { name: source.name.trim(), key: source.key.trim(), ...optional },
      },
    };
  }
  const next = at >= 0 ? env.map((e, i) => (i === at ? entry : e)) : [...env, entry];
  return { value: writeEnv(p, template, next), diagnostics: [] };
}

function writeEnv(p: Pipeline, template: string, env: JsonObject[]): Pipeline {
  return updateContainer(p, template, (c) => withKey(c, 'env', env));
}

function updateContainer(
  p: Pipeline,
  template: string,
  update: (c: JsonObject) => JsonObject,
): Pipeline {
  return updateTemplate(p, template, (t) => {
    const key = containerKey(t);
    return key ? { ...t, [key]: update(t[key] as JsonObject) } : t;
  });
}

function noContainer(p: Pipeline, template: string): Result<Pipeline> {
  return refused(
    p,
    error('no-container', `template ${template} runs no container or script`, {
      path: templatePath(p, template),
    }),
  );
}

export interface VolumeMountInput {
  name: string;
  mountPath: string;
  readOnly?: boolean;
}

/** The template's volume mounts. */
export function volumeMounts(t: Template | undefined): VolumeMountInput[] {
  return listOf(containerOf(t)?.volumeMounts).map((m) => ({
    name: String(m.name ?? ''),
    mountPath: String(m.mountPath ?? ''),
    readOnly: m.readOnly === true,
  }));
}

/** Volumes a mount may name: the template's, the workflow's and its volume claim templates. */
export function declaredVolumes(p: Pipeline, t: Template | undefined): string[] {
  const spec = workflowSpec(p);
  const claims = listOf(spec.volumeClaimTemplates).map((c) =>
    isObject(c.metadata) ? c.metadata.name : undefined,
  );
  const names = [...listOf(t?.volumes), ...listOf(spec.volumes)].map((v) => v.name);
  return [...new Set([...names, ...claims].filter((n): n is string => typeof n === 'string'))];
}

export function volumeMountProblem(m: VolumeMountInput): string | undefined {
  if (m.name.trim() === '') return 'volumeMounts: a mount needs the name of a volume';
  if (m.mountPath.trim() === '') return `volumeMounts.${m.name}: mountPath is required`;
  if (m.mountPath.includes(':')) return `volumeMounts.${m.name}: mountPath must not contain ':'`;
  return undefined;
}

/**
 * Sets the mount at `index` (the end appends); `undefined` removes it. Keys
 * the form does not edit (subPath, ...) are kept; `readOnly: false` is left out.
 */
export function setVolumeMount(
  p: Pipeline,
  template: string,
  index: number,
  mount: VolumeMountInput | undefined,
): Result<Pipeline> {
  const t = findTemplate(p, template);
  const key = t && containerKey(t);
  if (!t || !key) return noContainer(p, template);
  const list = listOf((t[key] as JsonObject).volumeMounts);
  let next: JsonObject[];
  if (mount === undefined) next = list.filter((_, i) => i !== index);
  else {
    const problem = volumeMountProblem(mount);
    if (problem) return refused(p, fieldError(p, template, problem, [key, 'volumeMounts']));
    const entry = withKey(
      { ...list[index], name: mount.name.trim(), mountPath: mount.mountPath.trim() },
      'readOnly',
      mount.readOnly ? true : undefined,
    );
    next = index < list.length ? list.map((m, i) => (i === index ? entry : m)) : [...list, entry];
  }
  return {
    value: updateContainer(p, template, (c) => withKey(c, 'volumeMounts', next)),
    diagnostics: [],
  };
}

/**
 * Sets one resource request or limit (`cpu`, `memory`, ...), written as a
 * string as Kubernetes quantities are. Empty removes it.
 * @example setResource(p, 'train', 'limits', 'memory', '2Gi')
 */
export function setResource(
  p: Pipeline,
  template: string,
  group: 'requests' | 'limits',
  resource: string,
  quantity: string,
): Result<Pipeline> {
  const t = findTemplate(p, template);
  const key = t && containerKey(t);
  if (!t || !key) return noContainer(p, template);
  const problem = quantityProblem(`resources.${group}.${resource}`, quantity);
  if (problem) return refused(p, fieldError(p, template, problem, [key, 'resources', group]));
  const value = updateContainer(p, template, (c) => {
    const resources = isObject(c.resources) ? c.resources : {};
    const values = isObject(resources[group]) ? resources[group] : {};
    const nextGroup = withKey(values, resource, quantity.trim());
    return withKey(c, 'resources', withKey(resources, group, nextGroup));
  });
  return { value, diagnostics: [] };
}
