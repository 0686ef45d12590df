/**
 * Reading manifest fields with the types Argo's Go structs give them. Argo
 * decodes a manifest strictly: a number where a string belongs fails with
 * "cannot unmarshal number into Go struct field" before any rule runs. Each
 * reader reports a wrong type at the field (once, as an error) and returns
 * undefined, so the rules that follow skip the field instead of assuming its
 * shape. `null` reads as absent, as Go's decoder leaves the field unset.
 */
import { isObject, type JsonObject } from '../model/types';
import { clip, typeName } from '../util/describe';
import { fieldName, under, type At, type Sink } from './sink';

function wrong(sink: Sink, at: At, expected: string, value: unknown): undefined {
  sink.error(
    'invalid-field',
    `${fieldName(at.path)} must be ${expected}, not ${typeName(value)}`,
    at,
  );
  return undefined;
}

/** A string field; an empty string reads as "" (Go cannot tell it from unset either). */
export function readString(sink: Sink, obj: JsonObject, key: string, at: At): string | undefined {
  const v = obj[key];
  if (v === undefined || v === null) return undefined;
  return typeof v === 'string' ? v : wrong(sink, under(at, key), 'a string', v);
}

export function readList(sink: Sink, obj: JsonObject, key: string, at: At): unknown[] | undefined {
  const v = obj[key];
  if (v === undefined || v === null) return undefined;
  return Array.isArray(v) ? v : wrong(sink, under(at, key), 'a list', v);
}

export function readMap(sink: Sink, obj: JsonObject, key: string, at: At): JsonObject | undefined {
  const v = obj[key];
  if (v === undefined || v === null) return undefined;
  return isObject(v) ? v : wrong(sink, under(at, key), 'a mapping', v);
}

export function readBool(sink: Sink, obj: JsonObject, key: string, at: At): boolean | undefined {
  const v = obj[key];
  if (v === undefined || v === null) return undefined;
  return typeof v === 'boolean' ? v : wrong(sink, under(at, key), 'true or false', v);
}

/** A list of strings; the items of other types are reported and left out. */
export function readStrings(
  sink: Sink,
  obj: JsonObject,
  key: string,
  at: At,
): string[] | undefined {
  const list = readList(sink, obj, key, at);
  if (!list) return undefined;
  const out: string[] = [];
  list.forEach((v, i) => {
    if (typeof v === 'string') out.push(v);
    else wrong(sink, under(at, key, i), 'a string', v);
  });
  return out;
}

/** The mapping items of a list field, with their index; the others are reported. */
export function readMaps(
  sink: Sink,
  obj: JsonObject,
  key: string,
  at: At,
): { item: JsonObject; index: number; at: At }[] {
  const list = readList(sink, obj, key, at);
  if (!list) return [];
  const out: { item: JsonObject; index: number; at: At }[] = [];
  list.forEach((v, index) => {
    const itemAt = under(at, key, index);
    if (isObject(v)) out.push({ item: v, index, at: itemAt });
    else wrong(sink, itemAt, 'a mapping', v);
  });
  return out;
}

/**
 * Argo's AnyString (parameter values, defaults, enum items): a string, a
 * number or a boolean, read as its text. `value: 0755` is read by Kubernetes
 * as the number 493 and Argo takes it as "493". Undefined when unset or null.
 */
export function anyString(v: unknown): string | undefined {
  if (v === undefined || v === null) return undefined;
  if (typeof v === 'string') return v;
  if (typeof v === 'boolean') return String(v);
  if (typeof v === 'number') return goNumber(v);
  // Go's AnyString decoder ignores any other JSON value and leaves "".
  return '';
}

/** A number as Go's strconv.FormatFloat(v, 'f', -1, 64) writes it: never in exponent form. */
function goNumber(v: number): string {
  if (!Number.isFinite(v)) return String(v);
  const text = String(v);
  if (!/e/i.test(text)) return text;
  return Number.isInteger(v) ? BigInt(v).toString() : v.toFixed(20).replace(/\.?0+$/, '');
}

/** A name for a message: the string, or `[i]` when the item has none. */
export function itemName(name: unknown, index: number): string {
  return typeof name === 'string' && name !== '' ? clip(name) : `[${index}]`;
}

/** Whether a Go pointer or slice field is set: present and not null. */
export const present = (v: unknown): boolean => v !== undefined && v !== null;
