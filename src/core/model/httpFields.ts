/**
 * Edits of an HTTP template (`http`: url, method, headers, body,
 * successCondition, timeoutSeconds). Only templates that already have `http`
 * are changed; the template is shared by every task that runs it.
 */
import type { Result } from '../diagnostics';
import { findTemplate } from './spec';
import { fieldError, refused, setTemplateField } from './templateFields';
import { isObject, type JsonObject, type Pipeline } from './types';

export type HttpField = 'url' | 'method' | 'body' | 'successCondition' | 'timeoutSeconds';

/** Why `text` cannot be written to `http.<field>`. */
export function httpFieldProblem(field: HttpField, text: string): string | undefined {
  const v = text.trim();
  if (field === 'url' && v === '') return 'http.url is required';
  if (field === 'method' && v !== '' && !/^[A-Za-z]+$/.test(v))
    return `http.method must be a word such as GET or POST, not '${text}'`;
  // The schema types timeoutSeconds as a plain integer: no expression here.
  if (field === 'timeoutSeconds' && v !== '' && !/^\d+$/.test(v))
    return `http.timeoutSeconds must be a whole number of seconds, not '${text}'`;
  return undefined;
}

/** Sets one field of the template's `http`; empty removes it (the url is required). */
export function setHttpField(
  p: Pipeline,
  template: string,
  field: HttpField,
  text: string,
): Result<Pipeline> {
  if (!isObject(findTemplate(p, template)?.http)) return refused(p);
  const problem = httpFieldProblem(field, text);
  if (problem) return refused(p, fieldError(p, template, problem, ['http', field]));
  const v = field === 'body' ? text : text.trim();
  const value =
    field === 'timeoutSeconds' && v !== '' ? Number(v) : field === 'method' ? v.toUpperCase() : v;
  return { value: setTemplateField(p, template, ['http', field], value), diagnostics: [] };
}

/** `Name: value` lines for the headers with a plain value. */
export function httpHeaderLines(headers: unknown): string {
  if (!Array.isArray(headers)) return '';
  return headers
    .filter((h): h is JsonObject => isObject(h) && h.valueFrom === undefined)
    .map((h) => `${String(h.name)}: ${String(h.value ?? '')}`)
    .join('\n');
}

/** Why `Name: value` lines are malformed. */
export function httpHeaderProblem(text: string): string | undefined {
  const bad = text
    .split('\n')
    .map((l) => l.trim())
    .find((l) => l !== '' && !/^[^:\s]+\s*:/.test(l));
  return bad ? `http.headers: '${bad}' is not Name: value` : undefined;
}

/**
 * Sets the headers with a plain value from `Name: value` lines; headers
 * whose value comes from a Secret (`valueFrom`) are kept after them.
 */
export function setHttpHeaders(p: Pipeline, template: string, text: string): Result<Pipeline> {
  const http = findTemplate(p, template)?.http;
  if (!isObject(http)) return refused(p);
  const problem = httpHeaderProblem(text);
  if (problem) return refused(p, fieldError(p, template, problem, ['http', 'headers']));
  const plain = text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '')
    .map((l) => {
      const at = l.indexOf(':');
      return { name: l.slice(0, at).trim(), value: l.slice(at + 1).trim() };
    });
  const fromSecrets = Array.isArray(http.headers)
    ? http.headers.filter((h) => isObject(h) && h.valueFrom !== undefined)
    : [];
  return {
    value: setTemplateField(p, template, ['http', 'headers'], [...plain, ...fromSecrets]),
    diagnostics: [],
  };
}
