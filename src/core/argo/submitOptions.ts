/**
 * What a submit may change on the manifest it sends, as `argo submit`'s
 * options do (workflow/util ApplySubmitOpts): parameter values
 * (`-p name=value`), the entrypoint (`--entrypoint`), labels
 * (`-l k=v,k2=v2`). The document itself is never changed: these apply to the
 * copy that is submitted. Values are checked as Argo's validator checks them
 * (an `enum` holds the value; a label is a valid Kubernetes label).
 */
import { isObject, type JsonObject, type Parameter } from '../model/types';

// The pipeline label lives apart, so the editor's store can name it without this module.
export { PIPELINE_LABEL, pipelineLabelValue } from './pipelineLabel';

export interface SubmitOptions {
  /** Parameter values by name; an unknown name is added, as `argo submit -p` does. */
  parameters?: Record<string, string>;
  entrypoint?: string;
  labels?: Record<string, string>;
}

/** A workflow argument as the submit form shows it. */
export interface ArgumentField {
  name: string;
  value: string;
  enum?: string[];
  description?: string;
  /** No value and no default: Argo refuses the submit until one is given. */
  required: boolean;
}

const LABEL_VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;
const LABEL_NAME = /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/;
const DNS_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

/** Why a label value is not valid in Kubernetes (validation.IsValidLabelValue), or undefined. */
export function labelValueProblem(value: string): string | undefined {
  if (value.length > 63) return `label value '${value}' is longer than 63 characters`;
  if (!LABEL_VALUE.test(value))
    return `label value '${value}' must be empty or start and end with a letter or digit, with only letters, digits, '-', '_' and '.' between`;
  return undefined;
}

/** Why a label key is not valid (validation.IsQualifiedName), or undefined. */
export function labelKeyProblem(key: string): string | undefined {
  const slash = key.lastIndexOf('/');
  const [prefix, name] = slash >= 0 ? [key.slice(0, slash), key.slice(slash + 1)] : ['', key];
  if (slash >= 0 && (prefix.length === 0 || prefix.length > 253 || !DNS_SUBDOMAIN.test(prefix)))
    return `label key '${key}': the prefix must be a DNS subdomain (lowercase, at most 253 characters)`;
  if (name.length === 0 || name.length > 63 || !LABEL_NAME.test(name))
    return `label key '${key}': the name must be 1 to 63 letters, digits, '-', '_' or '.', starting and ending with a letter or digit`;
  return undefined;
}

function specOf(manifest: JsonObject): JsonObject {
  const spec = isObject(manifest.spec) ? manifest.spec : {};
  return manifest.kind === 'CronWorkflow' && isObject(spec.workflowSpec) ? spec.workflowSpec : spec;
}

/** The workflow's arguments as form fields (values as text). */
export function argumentFields(manifest: JsonObject): ArgumentField[] {
  const args = specOf(manifest).arguments;
  const params = isObject(args) && Array.isArray(args.parameters) ? args.parameters : [];
  return params.filter(isObject).map((p) => {
    const raw = p.value ?? p.default;
    const value =
      raw === undefined || raw === null ? '' : typeof raw === 'string' ? raw : JSON.stringify(raw);
    const field: ArgumentField = {
      name: String(p.name),
      value,
      required: raw === undefined || raw === null,
    };
    if (Array.isArray(p.enum)) field.enum = p.enum.map(String);
    if (typeof p.description === 'string') field.description = p.description;
    return field;
  });
}

/** Names of the templates a workflow may start from (its entrypoint choices). */
export function templateNames(manifest: JsonObject): string[] {
  const templates = specOf(manifest).templates;
  return Array.isArray(templates) ? templates.filter(isObject).map((t) => String(t.name)) : [];
}

/** Problems with the options for this manifest; empty when Argo would accept them. */
export function submitOptionProblems(manifest: JsonObject, options: SubmitOptions): string[] {
  const problems: string[] = [];
  const fields = new Map(argumentFields(manifest).map((f) => [f.name, f]));
  const given = options.parameters ?? {};
  for (const f of fields.values()) {
    const value = Object.hasOwn(given, f.name) ? given[f.name]! : f.value;
    if (f.required && !Object.hasOwn(given, f.name))
      problems.push(`parameter ${f.name} needs a value`);
    else if (f.enum && !f.enum.includes(value))
      problems.push(`parameter ${f.name}: '${value}' is not one of ${f.enum.join(', ')}`);
  }
  if (options.entrypoint !== undefined && !templateNames(manifest).includes(options.entrypoint))
    problems.push(`entrypoint ${options.entrypoint} is not a template of this workflow`);
  for (const [k, v] of Object.entries(options.labels ?? {})) {
    const p = labelKeyProblem(k) ?? labelValueProblem(v);
    if (p) problems.push(p);
  }
  return problems;
}

/**
 * The manifest to submit: parameter values set in place (other fields kept;
 * unknown names appended), the entrypoint and labels applied. `manifest` is
 * not modified.
 */
export function applySubmitOptions(manifest: JsonObject, options: SubmitOptions): JsonObject {
  const out = structuredClone(manifest);
  const spec = specOf(out);
  const given = Object.entries(options.parameters ?? {});
  if (given.length > 0) {
    const args = isObject(spec.arguments) ? spec.arguments : {};
    const params = (Array.isArray(args.parameters) ? args.parameters : []) as Parameter[];
    for (const [name, value] of given) {
      const hit = params.find((p) => isObject(p) && p.name === name);
      if (hit) hit.value = value;
      else params.push({ name, value });
    }
    spec.arguments = { ...args, parameters: params };
  }
  if (options.entrypoint) spec.entrypoint = options.entrypoint;
  const labels = Object.entries(options.labels ?? {});
  if (labels.length > 0) {
    const meta = isObject(out.metadata) ? out.metadata : {};
    meta.labels = { ...(isObject(meta.labels) ? meta.labels : {}), ...Object.fromEntries(labels) };
    out.metadata = meta;
  }
  return out;
}

/**
 * `name=value` pairs (`-p` values, `--label` values, or one comma-separated
 * `-l` list): parsed, or the first malformed one in Argo's words.
 */
export function parsePairs(
  items: string[],
  what: 'parameter' | 'label',
): { values: Record<string, string> } | { error: string } {
  // Names are data: a parameter may be called `__proto__`.
  const values = Object.create(null) as Record<string, string>;
  const parts = what === 'label' ? items.flatMap((i) => i.split(',')) : items;
  for (const raw of parts) {
    const at = raw.indexOf('=');
    if (at < 1)
      return {
        error:
          what === 'parameter'
            ? `expected parameter of the form: NAME=VALUE. Received: ${raw}`
            : `expected labels of the form: NAME1=VALUE2,NAME2=VALUE2. Received: ${raw}`,
      };
    values[raw.slice(0, at).trim()] =
      what === 'label' ? raw.slice(at + 1).trim() : raw.slice(at + 1);
  }
  return { values };
}
