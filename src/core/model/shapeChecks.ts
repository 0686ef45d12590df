/**
 * Type checks for tasks and templates written as YAML by hand: the keys a
 * DAG task or a template may have (Argo's own lint decodes strictly and
 * rejects unknown fields) and the types of the fields the inspector knows.
 * The Argo JSON schema is the floor; these catch what a person typing YAML
 * gets wrong most often, with messages that name the field.
 */
import {
  durationProblem,
  envNameProblem,
  intProblem,
  quantityProblem,
  RETRY_POLICIES,
} from './fieldChecks';
import { isObject, type JsonObject } from './types';

/** Fields of `io.argoproj.workflow.v1alpha1.DAGTask`. */
// prettier-ignore
export const DAG_TASK_KEYS = new Set([
  'name', 'template', 'templateRef', 'inline', 'arguments', 'depends', 'dependencies', 'when',
  'withItems', 'withParam', 'withSequence', 'continueOn', 'hooks', 'onExit',
]);

/** Fields of `io.argoproj.workflow.v1alpha1.Template`. */
// prettier-ignore
export const TEMPLATE_KEYS = new Set([
  'name', 'inputs', 'outputs', 'container', 'containerSet', 'dag', 'data', 'http', 'plugin',
  'resource', 'script', 'steps', 'suspend', 'activeDeadlineSeconds', 'affinity', 'annotations',
  'archiveLocation', 'automountServiceAccountToken', 'daemon', 'executor', 'failFast',
  'hostAliases', 'initContainers', 'memoize', 'metadata', 'metrics', 'nodeSelector',
  'parallelism', 'pendingTimeout', 'podResources', 'podSpecPatch', 'priorityClassName',
  'resourceClaims', 'retryStrategy', 'schedulerName', 'securityContext', 'serviceAccountName',
  'sidecars', 'synchronization', 'timeout', 'tolerations', 'volumes',
]);

/** The keys that say what a template does; it has exactly one. */
// prettier-ignore
export const TEMPLATE_TYPES = [
  'container', 'containerSet', 'dag', 'data', 'http', 'plugin', 'resource', 'script', 'steps',
  'suspend',
] as const;

type Check = (field: string, v: unknown) => string[];

const isStr = (v: unknown) => typeof v === 'string';
const scalar = (v: unknown) => typeof v === 'string' || typeof v === 'number';
const is =
  (test: (v: unknown) => boolean, what: string): Check =>
  (field, v) =>
    test(v) ? [] : [`${field} must be ${what}`];
const str = is(isStr, 'a string');
const bool = is((v) => typeof v === 'boolean', 'true or false');
const mapping = is(isObject, 'a mapping');
const int =
  (min?: number): Check =>
  (field, v) =>
    scalar(v) ? optional(intProblem(field, String(v), min)) : [`${field} must be a whole number`];
const duration =
  (bare: boolean): Check =>
  (field, v) =>
    scalar(v) ? optional(durationProblem(field, String(v), bare)) : [`${field} must be a duration`];
const optional = (m: string | undefined): string[] => (m ? [m] : []);

/** A mapping whose listed fields pass their checks. */
const fields =
  (checks: Record<string, Check>): Check =>
  (field, v) => {
    if (!isObject(v)) return [`${field} must be a mapping`];
    return Object.entries(checks).flatMap(([k, check]) =>
      v[k] === undefined ? [] : check(`${field}.${k}`, v[k]),
    );
  };
/** A list whose items pass `item`. */
const list =
  (item?: Check): Check =>
  (field, v) => {
    if (!Array.isArray(v)) return [`${field} must be a list`];
    return item ? v.flatMap((x, i) => item(`${field}[${i}]`, x)) : [];
  };
const named =
  (more: Record<string, Check> = {}): Check =>
  (field, v) =>
    isObject(v) && !isStr(v.name) ? [`${field} needs a name`] : fields(more)(field, v);
const stringMap: Check = (field, v) =>
  isObject(v)
    ? Object.entries(v).flatMap(([k, x]) => (isStr(x) ? [] : [`${field}.${k} must be a string`]))
    : [`${field} must be a mapping`];
const quantities: Check = (field, v) =>
  isObject(v)
    ? Object.entries(v).flatMap(([k, x]) =>
        scalar(x)
          ? optional(quantityProblem(`${field}.${k}`, String(x)))
          : [`${field}.${k} must be a quantity`],
      )
    : [`${field} must be a mapping`];
const envVar: Check = (field, v) =>
  isObject(v) && isStr(v.name) ? optional(envNameProblem(v.name)) : [`${field} needs a name`];
const policy: Check = (field, v) =>
  (RETRY_POLICIES as readonly unknown[]).includes(v)
    ? []
    : [`${field} must be one of ${RETRY_POLICIES.join(', ')}`];

const container = (source: boolean): Check =>
  fields({
    image: str,
    ...(source ? { source: str } : {}),
    command: list(str),
    args: list(str),
    env: list(envVar),
    volumeMounts: list(named({ mountPath: str, readOnly: bool })),
    resources: fields({ requests: quantities, limits: quantities }),
  });

const TEMPLATE_CHECKS: Record<string, Check> = {
  retryStrategy: fields({
    limit: int(0),
    retryPolicy: policy,
    expression: str,
    backoff: fields({ duration: duration(true), factor: int(1), maxDuration: duration(true) }),
  }),
  activeDeadlineSeconds: int(1),
  timeout: (field, v) =>
    isStr(v)
      ? optional(durationProblem(field, v, false))
      : [`${field} must be a duration such as 30s`],
  daemon: bool,
  nodeSelector: stringMap,
  tolerations: list(mapping),
  affinity: mapping,
  volumes: list(named()),
  container: container(false),
  script: container(true),
  http: fields({ url: str, method: str, body: str, successCondition: str, headers: list(named()) }),
  suspend: fields({ duration: duration(true) }),
};

/** Problems with one template field's value (for a field edited as YAML). */
export function templateFieldProblems(field: string, value: unknown): string[] {
  return TEMPLATE_CHECKS[field]?.(field, value) ?? [];
}

/** Problems with a whole template: unknown keys, template types, field types. */
export function templateShapeProblems(t: JsonObject): string[] {
  const out = unknownKeys(t, TEMPLATE_KEYS, 'template');
  const types = TEMPLATE_TYPES.filter((k) => t[k] !== undefined);
  if (types.length > 1)
    out.push(
      `template has ${types.join(' and ')}: use exactly one (Argo: multiple template types specified)`,
    );
  if (t.script !== undefined && isObject(t.script) && !isStr(t.script.source))
    out.push('script.source is required');
  if (t.http !== undefined && isObject(t.http) && !isStr(t.http.url))
    out.push('http.url is required');
  for (const [k, check] of Object.entries(TEMPLATE_CHECKS))
    if (t[k] !== undefined) out.push(...check(k, t[k]));
  return out;
}

const TASK_CHECKS: Record<string, Check> = {
  template: str,
  templateRef: mapping,
  inline: mapping,
  depends: str,
  dependencies: list(str),
  when: str,
  withItems: list(),
  withParam: str,
  withSequence: fields({ count: int(0), start: int(), end: int(), format: str }),
  continueOn: fields({ failed: bool, error: bool }),
  arguments: fields({ parameters: list(named()), artifacts: list(named()) }),
  hooks: mapping,
  onExit: str,
};

/** Problems with a whole DAG task: unknown keys, more than one loop, field types. */
export function taskShapeProblems(t: JsonObject): string[] {
  const out = unknownKeys(t, DAG_TASK_KEYS, 'task');
  const loops = ['withItems', 'withParam', 'withSequence'].filter((k) => t[k] !== undefined);
  if (loops.length > 1)
    out.push(
      `only one of withItems, withParam, withSequence can be specified (found ${loops.join(', ')})`,
    );
  for (const [k, check] of Object.entries(TASK_CHECKS))
    if (t[k] !== undefined) out.push(...check(k, t[k]));
  return out;
}

function unknownKeys(obj: JsonObject, known: ReadonlySet<string>, what: string): string[] {
  return Object.keys(obj)
    .filter((k) => !known.has(k))
    .map((k) => `unknown field '${k}': a ${what} has no such field`);
}
