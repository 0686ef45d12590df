/**
 * YAML for one field or one object of a node (tolerations, volumes, a whole
 * task): read with the core's guarded loader, checked for the expected shape,
 * and written back without anchors. Empty text means "no value": the field is
 * removed.
 */
import { error, type Result } from '../diagnostics';
import { dumpYaml, loadYamlDocuments } from '../argo/yamlText';
import { isObject, type JsonObject } from './types';

export type YamlShape = 'list' | 'mapping';

/**
 * The one YAML value in `text`, or undefined for empty text. Diagnostics name
 * `field` and carry the line and column of a syntax error.
 */
export function parseYamlValue(text: string, field: string): Result<unknown> {
  if (text.trim() === '') return { value: undefined, diagnostics: [] };
  const loaded = loadYamlDocuments(text);
  if (loaded.diagnostics.length > 0)
    return {
      value: undefined,
      diagnostics: loaded.diagnostics.map((d) => ({ ...d, message: `${field}: ${d.message}` })),
    };
  if (loaded.value.length > 1)
    return {
      value: undefined,
      diagnostics: [
        error('yaml-shape', `${field}: expected one YAML document, found ${loaded.value.length}`),
      ],
    };
  return { value: loaded.value[0], diagnostics: [] };
}

/**
 * Like parseYamlValue, and the value must be a list or a mapping.
 * @example parseYamlAs('- key: gpu\n  operator: Exists', 'tolerations', 'list')
 *   // -> { value: [{ key: 'gpu', operator: 'Exists' }], diagnostics: [] }
 */
export function parseYamlAs(
  text: string,
  field: string,
  shape: YamlShape,
): Result<unknown[] | JsonObject | undefined> {
  const parsed = parseYamlValue(text, field);
  const v = parsed.value;
  if (parsed.diagnostics.length > 0 || v === undefined)
    return { value: undefined, diagnostics: parsed.diagnostics };
  const ok = shape === 'list' ? Array.isArray(v) : isObject(v);
  if (ok) return { value: v as unknown[] | JsonObject, diagnostics: [] };
  const wanted = shape === 'list' ? 'a YAML list (lines starting with -)' : 'a YAML mapping';
  return { value: undefined, diagnostics: [error('yaml-shape', `${field} must be ${wanted}`)] };
}

/** The first problem with `text` as YAML of `shape`, for a form's as-you-type check. */
export function yamlProblem(text: string, field: string, shape: YamlShape): string | undefined {
  const d = parseYamlAs(text, field, shape).diagnostics[0];
  if (!d) return undefined;
  return d.line !== undefined ? `${d.message} (line ${d.line})` : d.message;
}

/** YAML text for a value; '' when there is none. */
export function toYamlText(value: unknown): string {
  if (value === undefined || (Array.isArray(value) && value.length === 0)) return '';
  if (isObject(value) && Object.keys(value).length === 0) return '';
  return dumpYaml(value);
}
