/**
 * Readers for the parts shared by several entry kinds: the common fields
 * (name, description, category, parameters), Kubernetes-style name/value
 * lists (`env`, http `headers`) and resource requirements. Each returns
 * undefined after reporting when the value is unusable.
 */
import type { JsonObject } from '../model/types';
import { NESTED_KEYS } from './configKeys';
import { normaliseK8sName } from './k8sName';
import type { PaletteParameter } from './paletteTypes';
import { plain, type Field } from './yamlNodes';
import type { Reader } from './yamlReader';

/** Fields every entry has. */
export interface CommonFields {
  name: string;
  description?: string;
  category?: string;
  parameters: PaletteParameter[];
}

/** Argo's parameter name rule (validation of `inputs.parameters[].name`). */
const PARAMETER_NAME = /^[a-zA-Z0-9_-]+$/;

/** Name, description, category and parameters of an entry; undefined when the name is unusable. */
export function readCommon(
  r: Reader,
  fields: Map<string, Field>,
  entry: Field,
): CommonFields | undefined {
  const nameField = fields.get('name');
  if (!nameField) {
    r.error('missing-name', 'entry has no `name`', entry);
    return undefined;
  }
  const name = r.string(nameField);
  if (name === undefined) return undefined;
  if (normaliseK8sName(name) === '') {
    r.error(
      'invalid-name',
      `entry name \`${name}\` has no letters or digits to make a template name from`,
      nameField,
    );
    return undefined;
  }
  const common: CommonFields = {
    name,
    parameters: readParameters(r, fields.get('parameters')) ?? [],
  };
  const description = r.string(fields.get('description'));
  const category = r.string(fields.get('category'));
  if (description !== undefined) common.description = description;
  if (category !== undefined) common.category = category;
  return common;
}

/** `parameters: [{name, default?, description?, enum?}]`; `value` is the seed's word for `default`. */
export function readParameters(r: Reader, f: Field | undefined): PaletteParameter[] | undefined {
  const items = r.list(f, 'a list of parameters');
  if (!items) return undefined;
  const out: PaletteParameter[] = [];
  const seen = new Set<string>();
  for (const item of items) {
    const map = r.map(item);
    if (!map) continue;
    const fields = r.fields(map, item.path, NESTED_KEYS.parameter);
    const nameField = fields.get('name');
    const name = r.string(nameField);
    if (!nameField) r.error('missing-name', 'parameter has no `name`', item);
    if (name === undefined) continue;
    if (!PARAMETER_NAME.test(name)) {
      r.error(
        'invalid-parameter-name',
        `parameter name \`${name}\` may only use letters, digits, \`_\` and \`-\``,
        nameField,
      );
      continue;
    }
    if (seen.has(name)) {
      r.error('duplicate-parameter', `parameter \`${name}\` is declared twice`, nameField);
      continue;
    }
    seen.add(name);
    const p: PaletteParameter = { name };
    const def = r.text(fields.get('default'));
    const value = r.text(fields.get('value'));
    if (def !== undefined && value !== undefined) {
      r.error(
        'conflicting-keys',
        `parameter \`${name}\` has both \`default\` and \`value\`; keep one`,
        fields.get('value'),
      );
    }
    if ((def ?? value) !== undefined) p.default = def ?? value;
    const description = r.string(fields.get('description'));
    if (description !== undefined) p.description = description;
    const allowed = r.stringList(fields.get('enum'));
    if (allowed) {
      p.enum = allowed;
      // Argo rejects a workflow whose parameter value is outside its enum.
      if (p.default !== undefined && !allowed.includes(p.default)) {
        r.error(
          'invalid-value',
          `default \`${p.default}\` of parameter \`${name}\` is not in its enum`,
          fields.get('default') ?? fields.get('value'),
        );
      }
    }
    out.push(p);
  }
  return out;
}

/** `[{name, value}]` or `[{name, valueFrom}]`, as Kubernetes writes `env` and Argo http `headers`. */
export function readNameValues(r: Reader, f: Field | undefined): JsonObject[] | undefined {
  const items = r.list(f, 'a list of {name, value} items');
  if (!items) return undefined;
  const before = r.errors;
  const out: JsonObject[] = [];
  for (const item of items) {
    const map = r.map(item);
    if (!map) continue;
    const fields = r.fields(map, item.path, NESTED_KEYS.nameValue);
    const name = r.string(fields.get('name'));
    if (!fields.get('name')) r.error('missing-name', 'item has no `name`', item);
    const value = r.text(fields.get('value'));
    const from = r.map(fields.get('valueFrom'));
    if (value !== undefined && from) {
      r.error(
        'conflicting-keys',
        `\`${name ?? ''}\` has both \`value\` and \`valueFrom\`; keep one`,
        fields.get('valueFrom'),
      );
    }
    if (name === undefined) continue;
    const entry: JsonObject = { name };
    if (value !== undefined) entry.value = value;
    if (from) entry.valueFrom = plain(from);
    out.push(entry);
  }
  return r.errors === before ? out : undefined;
}

/** Kubernetes `resources`: `{requests?, limits?}`, each a map of quantities (`cpu: 500m`, `memory: 1Gi`). */
export function readResourceRequirements(r: Reader, f: Field | undefined): JsonObject | undefined {
  const map = r.map(f);
  if (!map || !f) return undefined;
  const before = r.errors;
  const out: JsonObject = {};
  for (const [key, field] of r.fields(map, f.path, NESTED_KEYS.resources)) {
    const quantities = r.map(field);
    if (!quantities) continue;
    const values: [string, string][] = [];
    for (const [resource, q] of r.fields(quantities, field.path)) {
      values.push([resource, r.text(q) ?? '']);
    }
    out[key] = Object.fromEntries(values);
  }
  return r.errors === before ? out : undefined;
}
