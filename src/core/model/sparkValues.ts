/**
 * The SparkApplication form: the fields of a `sparkoperator.k8s.io/v1beta2`
 * SparkApplication the inspector models, read from and written into the
 * manifest object. Pure data in, data out: `resourceFields` parses and dumps
 * the manifest text. Writing keeps every key the form does not model (labels,
 * coreLimit, monitoring, volumes, ...), and a new key is placed where the
 * operator's examples put it. Checks follow the CRD's openAPIV3Schema (type
 * and mode enums, `cores` and `instances` integers of at least 1, required
 * `type`, `sparkVersion`, `mainApplicationFile`) and what Spark accepts as a
 * memory size (`512m`, `2g`).
 */
import { SPARK_MODES, SPARK_TYPES } from '../config/configKeys';
import { escapePointer } from '../config/manifestText';
import { isEmpty } from './fields';
import { K8S_NAME_PATTERN } from './names';
import { isObject, type JsonObject } from './types';

/** The form's values, as the form shows them (text; `arguments` and `sparkConf` as lists). */
export interface SparkFormValues {
  type: string;
  mode: string;
  image: string;
  mainClass: string;
  mainApplicationFile: string;
  arguments: string[];
  sparkVersion: string;
  sparkConf: Record<string, string>;
  driverCores: string;
  driverMemory: string;
  driverServiceAccount: string;
  executorCores: string;
  executorMemory: string;
  executorInstances: string;
}
export type SparkField = keyof SparkFormValues;
export type SparkTextField = Exclude<SparkField, 'arguments' | 'sparkConf'>;
export type SparkPatch = Partial<SparkFormValues>;

/** Where each form field lives in the manifest. */
export const SPARK_PATHS: Record<SparkField, readonly string[]> = {
  type: ['spec', 'type'],
  mode: ['spec', 'mode'],
  image: ['spec', 'image'],
  mainClass: ['spec', 'mainClass'],
  mainApplicationFile: ['spec', 'mainApplicationFile'],
  arguments: ['spec', 'arguments'],
  sparkVersion: ['spec', 'sparkVersion'],
  sparkConf: ['spec', 'sparkConf'],
  driverCores: ['spec', 'driver', 'cores'],
  driverMemory: ['spec', 'driver', 'memory'],
  driverServiceAccount: ['spec', 'driver', 'serviceAccount'],
  executorCores: ['spec', 'executor', 'cores'],
  executorMemory: ['spec', 'executor', 'memory'],
  executorInstances: ['spec', 'executor', 'instances'],
};

/** Fields the CRD types as integers (minimum 1). */
const INTEGER_FIELDS = new Set<SparkField>(['driverCores', 'executorCores', 'executorInstances']);
/** Fields the CRD requires (`spec.required`). */
const REQUIRED_FIELDS = new Set<SparkField>(['type', 'mainApplicationFile', 'sparkVersion']);

/** Key order of the operator's examples and of `sparkApplicationManifest`, for inserting new keys. */
const KEY_ORDER: Record<string, readonly string[]> = {
  spec: [
    'type',
    'mode',
    'image',
    'imagePullPolicy',
    'mainClass',
    'mainApplicationFile',
    'arguments',
    'sparkVersion',
    'sparkConf',
    'restartPolicy',
    'driver',
    'executor',
  ],
  driver: ['cores', 'coreLimit', 'memory', 'labels', 'serviceAccount'],
  executor: ['cores', 'instances', 'memory', 'labels'],
};

const WHOLE_PLACEHOLDER = /^\{\{[^{}]*\}\}$/;
/** Spark's memory strings (`Utils.byteStringAsBytes`): a number and an optional unit. */
const SPARK_MEMORY = /^\d+(?:b|k|kb|m|mb|g|gb|t|tb|p|pb)?$/i;
const INT32_MAX = 2 ** 31 - 1;

function get(obj: unknown, path: readonly string[]): unknown {
  let v = obj;
  for (const key of path) v = isObject(v) ? v[key] : undefined;
  return v;
}

const text = (v: unknown): string =>
  typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? String(v) : '';

/**
 * The form's values for a SparkApplication object; absent fields are ''.
 * @example sparkFields({ spec: { type: 'Scala', executor: { instances: 2 } } }).executorInstances // '2'
 */
export function sparkFields(manifest: unknown): SparkFormValues {
  const out = {} as Record<SparkField, unknown>;
  for (const [field, path] of Object.entries(SPARK_PATHS) as [SparkField, string[]][]) {
    const v = get(manifest, path);
    if (field === 'arguments') out[field] = Array.isArray(v) ? v.map(text) : [];
    else if (field === 'sparkConf')
      out[field] = isObject(v)
        ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, text(x)]))
        : {};
    else out[field] = text(v);
  }
  return out as SparkFormValues;
}

/** `1200m` -> 1.2, `2` -> 2; undefined for anything else (placeholders included). */
function cpuQuantity(v: unknown): number | undefined {
  const m = /^(\d+(?:\.\d+)?)(m?)$/.exec(text(v).trim());
  if (!m) return undefined;
  return Number(m[1]) / (m[2] ? 1000 : 1);
}

const LABELS: Record<SparkTextField, string> = {
  type: 'type',
  mode: 'mode',
  image: 'image',
  mainClass: 'mainClass',
  mainApplicationFile: 'mainApplicationFile',
  sparkVersion: 'sparkVersion',
  driverCores: 'driver cores',
  driverMemory: 'driver memory',
  driverServiceAccount: 'driver serviceAccount',
  executorCores: 'executor cores',
  executorMemory: 'executor memory',
  executorInstances: 'executor instances',
};

/**
 * Why `value` cannot be written to `field`, or undefined. `manifest`, when
 * given, lets cores be checked against the pod's `coreLimit`: Kubernetes
 * rejects a pod whose CPU request (the cores) exceeds its limit.
 * @example sparkFieldProblem('executorMemory', '2 GB') // "executor memory must be a size like 512m or 2g, not '2 GB'"
 */
export function sparkFieldProblem(
  field: SparkTextField,
  value: string,
  manifest?: unknown,
): string | undefined {
  const v = value.trim();
  const label = LABELS[field];
  if (v === '') return REQUIRED_FIELDS.has(field) ? `${label} is required` : undefined;
  const placeholder = WHOLE_PLACEHOLDER.test(v);
  switch (field) {
    case 'type':
      return oneOf(label, v, SPARK_TYPES);
    case 'mode':
      return oneOf(label, v, SPARK_MODES);
    case 'driverMemory':
    case 'executorMemory':
      return v.includes('{{') || SPARK_MEMORY.test(v)
        ? undefined
        : `${label} must be a size like 512m or 2g, not '${value}'`;
    case 'driverServiceAccount':
      return v.includes('{{') || (K8S_NAME_PATTERN.test(v) && v.length <= 253)
        ? undefined
        : `${label} must be a Kubernetes name (lowercase letters, digits, '-' and '.'), not '${value}'`;
    case 'image':
      return /\s/.test(v) ? `${label} may not contain spaces` : undefined;
    default:
      break;
  }
  if (!INTEGER_FIELDS.has(field) || placeholder) return undefined;
  if (!/^\d+$/.test(v) || Number(v) < 1)
    return `${label} must be a whole number of at least 1 (or one {{...}} placeholder), not '${value}'`;
  if (Number(v) > INT32_MAX) return `${label} is too large`;
  if (field === 'executorInstances') return undefined;
  const role = field === 'driverCores' ? 'driver' : 'executor';
  const limit = get(manifest, ['spec', role, 'coreLimit']);
  const max = cpuQuantity(limit);
  return max !== undefined && Number(v) > max
    ? `${label} ${v} exceed ${role}.coreLimit ${text(limit)}: Kubernetes rejects a pod that requests more CPU than its limit; raise coreLimit in the manifest`
    : undefined;
}

function oneOf(label: string, v: string, allowed: readonly string[]): string | undefined {
  return allowed.includes(v)
    ? undefined
    : `${label} must be one of ${allowed.join(', ')}, not '${v}'`;
}

/** Every problem of `patch` against `manifest`, by field. */
export function sparkPatchProblems(
  patch: SparkPatch,
  manifest: unknown,
): { field: SparkField; message: string }[] {
  const out: { field: SparkField; message: string }[] = [];
  for (const field of Object.keys(patch) as SparkField[]) {
    const value = patch[field];
    if (field === 'arguments' || field === 'sparkConf') {
      if (
        field === 'sparkConf' &&
        isObject(value) &&
        Object.keys(value).some((k) => k.trim() === '')
      )
        out.push({ field, message: 'sparkConf keys may not be empty' });
      continue;
    }
    const message = sparkFieldProblem(field, typeof value === 'string' ? value : '', manifest);
    if (message) out.push({ field, message });
  }
  return out;
}

/**
 * `manifest` with the fields of `patch` written; empty values remove their
 * key. Cores and instances are written as numbers; a placeholder there is
 * returned in `plainPlaceholders` so it is dumped unquoted. Call after
 * `sparkPatchProblems` found nothing.
 */
export function patchSparkManifest(
  manifest: JsonObject,
  patch: SparkPatch,
): { manifest: JsonObject; plainPlaceholders: string[] } {
  let next = manifest;
  const plainPlaceholders: string[] = [];
  for (const field of Object.keys(patch) as SparkField[]) {
    const raw = patch[field];
    let value: unknown = typeof raw === 'string' ? raw.trim() : raw;
    if (field === 'arguments' && Array.isArray(raw)) value = [...raw];
    if (field === 'sparkConf' && isObject(raw)) value = { ...raw };
    const path = SPARK_PATHS[field];
    if (INTEGER_FIELDS.has(field) && typeof value === 'string' && value !== '') {
      if (/^\d+$/.test(value)) value = Number(value);
      else plainPlaceholders.push(`/${path.map(escapePointer).join('/')}`);
    }
    next = setPath(next, path, value);
  }
  return { manifest: next, plainPlaceholders };
}

/** A copy of `obj` with `path` set (or removed when `value` is empty), creating mappings on the way. */
function setPath(
  obj: JsonObject,
  path: readonly string[],
  value: unknown,
  parent = '',
): JsonObject {
  const [head, ...rest] = path as [string, ...string[]];
  const order = KEY_ORDER[parent] ?? [];
  if (rest.length === 0) {
    if (!isEmpty(value)) return insert(obj, head, value, order);
    if (!(head in obj)) return obj;
    const { [head]: _gone, ...others } = obj;
    return others;
  }
  const child = isObject(obj[head]) ? obj[head] : undefined;
  if (!child && isEmpty(value)) return obj;
  return insert(obj, head, setPath(child ?? {}, rest, value, head), order);
}

/**
 * `obj` with `key` set. An existing key keeps its place; a new one goes
 * before the first key that `order` puts after it (at the end otherwise).
 */
function insert(
  obj: JsonObject,
  key: string,
  value: unknown,
  order: readonly string[],
): JsonObject {
  if (key in obj || !order.includes(key)) return { ...obj, [key]: value };
  const rank = order.indexOf(key);
  const entries = Object.entries(obj);
  const at = entries.findIndex(([k]) => order.includes(k) && order.indexOf(k) > rank);
  if (at < 0) return { ...obj, [key]: value };
  entries.splice(at, 0, [key, value]);
  return Object.fromEntries(entries);
}
