// Test support: validates objects against Argo's official JSON schema
// (`../shared/argo/schema.json`, upstream `api/jsonschema/schema.json`).
// The schema is read, relaxed in memory (the file is never written) and
// compiled with Ajv's 2020 build into standalone validator code, once per
// change of the schema or of this file, kept in a git-ignored cache
// (./precompiled.ts): compiling takes seconds, loading the cache milliseconds.
// Validators return readable messages `"<instancePath>: <message>"`, [] when
// valid. The schema is a floor: it accepts misspelled keys, so our own
// validator rules (names, depends vs dependencies, ...) are checked elsewhere.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv2020, { type ErrorObject } from 'ajv/dist/2020';
import standaloneCode from 'ajv/dist/standalone';
import { fileText, loadStandalone, type Standalone } from './precompiled';
import { ARGO_DIR } from './sharedData';

const SCHEMA_KEY = 'schema.json';
const V1 = 'io.argoproj.workflow.v1alpha1.';
const MAX_MESSAGES = 20;

/** The five root kinds of the schema's top-level `oneOf`. */
export const ARGO_KINDS = [
  'Workflow',
  'WorkflowTemplate',
  'ClusterWorkflowTemplate',
  'CronWorkflow',
  'WorkflowEventBinding',
] as const;
export type ArgoKind = (typeof ARGO_KINDS)[number];
const isKind = (k: unknown): k is ArgoKind => (ARGO_KINDS as readonly unknown[]).includes(k);

type Definitions = Record<string, Record<string, unknown>>;

/**
 * In-memory relaxations. The schema is generated through Swagger 2.0, which
 * cannot say "integer or string", so Kubernetes' IntOrString comes out as
 * `{"type": "string"}`; Argo and the API server accept both. Upstream's
 * examples/validation_test.go tolerates the integer `httpGet.port` and
 * `podDisruptionBudget.minAvailable` for this reason. IntOrString is the one
 * definition behind every affected field (12 uses at the pinned commit):
 *   RetryStrategy.limit, ContainerSetRetryStrategy.retries, Backoff.factor,
 *   Template.activeDeadlineSeconds, Sequence.count/start/end,
 *   HTTPGetAction.port, TCPSocketAction.port, ServicePort.targetPort,
 *   PodDisruptionBudgetSpec.minAvailable/maxUnavailable.
 * Kubernetes marks it `x-kubernetes-int-or-string`, i.e. integer or string.
 * No other definition is relaxed (Quantity stays string-only: the examples
 * quote their quantities, and a new failure there should be seen, not hidden).
 */
function relax(defs: Definitions): void {
  const ios = 'io.k8s.apimachinery.pkg.util.intstr.IntOrString';
  if (defs[ios]?.type !== 'string') {
    throw new Error(`argoSchema: ${ios} is no longer {type: string}; review relax()`);
  }
  defs[ios] = { ...defs[ios], type: ['integer', 'string'] };
}

/** A standalone Ajv validator: `errors` holds the last call's errors. */
type Validator = ((data: unknown) => boolean) & { errors?: ErrorObject[] | null };
/** Export names of the generated module: the five kinds, then the two parts. */
type Compiled = Record<ArgoKind | 'Template' | 'DAGTask', Validator>;

const SCHEMA_FILE = join(ARGO_DIR, 'schema.json');

/** How the validators are built; its key is the schema text and this file's source. */
export const ARGO_SCHEMA: Standalone = {
  name: 'argo-schema',
  key: () => [fileText(SCHEMA_FILE), fileText(fileURLToPath(import.meta.url))],
  generate() {
    const schema = JSON.parse(readFileSync(SCHEMA_FILE, 'utf8')) as {
      $id?: string;
      definitions: Definitions;
    };
    relax(schema.definitions);
    // strict: false because the schema uses `definitions` and x-* keywords;
    // validateFormats: false because no format plugin is installed (Ajv would
    // otherwise warn once per unknown format such as `date-time` or `byte`).
    const ajv = new Ajv2020({
      strict: false,
      allErrors: true,
      validateFormats: false,
      code: { source: true },
    });
    ajv.addSchema(schema, SCHEMA_KEY);
    // Refs resolve against the schema's own $id when it has one.
    const base = schema.$id ?? SCHEMA_KEY;
    const refs: Record<string, string> = {};
    for (const name of [...ARGO_KINDS, 'Template', 'DAGTask'])
      refs[name] = `${base}#/definitions/${V1}${name}`;
    return standaloneCode(ajv, refs);
  },
};

let compiled: Compiled | undefined;
let loadMs = 0;

function load(): Compiled {
  if (compiled) return compiled;
  const start = performance.now();
  compiled = loadStandalone<Compiled>(ARGO_SCHEMA);
  loadMs = performance.now() - start;
  return compiled;
}

/** Milliseconds this process spent getting the validators (loading, or compiling if uncached). */
export function schemaLoadMs(): number {
  load();
  return loadMs;
}

function format(errors: ErrorObject[] | null | undefined): string[] {
  const seen = new Set<string>();
  for (const e of errors ?? []) {
    let msg = `${e.instancePath || '/'}: ${e.message ?? e.keyword}`;
    if (e.keyword === 'enum') msg += ` ${JSON.stringify(e.params.allowedValues)}`;
    seen.add(msg);
  }
  const all = [...seen];
  if (all.length <= MAX_MESSAGES) return all;
  return [...all.slice(0, MAX_MESSAGES), `... and ${all.length - MAX_MESSAGES} more`];
}

function run(validate: Validator, value: unknown): string[] {
  return validate(value) ? [] : format(validate.errors);
}

/**
 * Validates a whole manifest, choosing the definition by `kind` (not the
 * root `oneOf`, whose failures are noise from the four other kinds).
 * @example validateManifest({ apiVersion: 'argoproj.io/v1alpha1', kind: 'Workflow', spec: { templates: 'x' } })
 *   // -> ['/spec/templates: must be array']
 */
export function validateManifest(obj: unknown): string[] {
  if (typeof obj !== 'object' || obj === null || Array.isArray(obj)) {
    return ['/: must be an object with a kind'];
  }
  const kind = (obj as { kind?: unknown }).kind;
  const validate = isKind(kind) ? load()[kind] : undefined;
  if (!validate) {
    return [
      `/kind: unknown kind ${JSON.stringify(kind)}, expected one of ${ARGO_KINDS.join(', ')}`,
    ];
  }
  return run(validate, obj);
}

/** Validates one `io.argoproj.workflow.v1alpha1.Template`. */
export function validateTemplate(t: unknown): string[] {
  return run(load().Template, t);
}

/** Validates one `io.argoproj.workflow.v1alpha1.DAGTask`. */
export function validateDagTask(t: unknown): string[] {
  return run(load().DAGTask, t);
}
