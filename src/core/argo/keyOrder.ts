/**
 * Orders keys the way Argo users write them: apiVersion, kind, metadata, spec
 * at the top; `name` first in every list item; a task's name, template and
 * dependencies before the rest. Keys not named here keep their order.
 */

import { carrySpellings } from '../yaml/spelling';

const TOP = ['apiVersion', 'kind', 'metadata', 'spec', 'status'];
const METADATA = ['name', 'generateName', 'namespace', 'labels', 'annotations'];
const TASK = ['name', 'template', 'templateRef', 'inline', 'depends', 'dependencies', 'arguments'];
const TEMPLATE = ['name', 'inputs', 'outputs'];
const NAME_FIRST = ['name'];

// Objects are built with Object.fromEntries, not `out[k] = v`: assignment to a
// `__proto__` key (which js-yaml loads as an ordinary own key) would set the
// prototype and silently drop the key from the output.
function ordered<T extends object>(obj: T, first: readonly string[]): T {
  const keys = Object.keys(obj);
  const present = first.filter((k) => Object.hasOwn(obj, k));
  if (present.every((k, i) => keys[i] === k)) return obj;
  const rest = keys.filter((k) => !present.includes(k));
  const value = (k: string): unknown => (obj as Record<string, unknown>)[k];
  return withSpellingsOf(
    obj,
    Object.fromEntries([...present, ...rest].map((k) => [k, value(k)])) as T,
  );
}

/** `copy`, carrying the source spellings recorded for `original` (same keys). */
function withSpellingsOf<T extends object>(original: object, copy: T): T {
  carrySpellings(original, copy);
  return copy;
}

/**
 * `value` with list items' `name` first, all the way down. Copies only what
 * changes: untouched subtrees keep their identity (and the source spellings
 * recorded against them).
 */
function nameFirstDeep(value: unknown): unknown {
  if (Array.isArray(value)) {
    let changed = false;
    const items = value.map((item) => {
      const inner = nameFirstDeep(item);
      const next =
        typeof inner === 'object' && inner !== null && !Array.isArray(inner)
          ? ordered(inner, NAME_FIRST)
          : inner;
      if (next !== item) changed = true;
      return next;
    });
    return changed ? withSpellingsOf(value, items) : value;
  }
  if (typeof value === 'object' && value !== null) {
    let changed = false;
    const entries = Object.entries(value).map(([k, v]) => {
      const next = nameFirstDeep(v);
      if (next !== v) changed = true;
      return [k, next] as const;
    });
    return changed ? withSpellingsOf(value, Object.fromEntries(entries)) : value;
  }
  return value;
}

export function orderTask<T extends object>(task: T): T {
  return ordered(task, TASK);
}

export function orderTemplate<T extends object>(template: T): T {
  return ordered(template, TEMPLATE);
}

/** The manifest with Argo's customary key order. */
export function orderManifest(manifest: Record<string, unknown>): Record<string, unknown> {
  const top = nameFirstDeep(manifest) as Record<string, unknown>;
  const out = ordered(top, TOP);
  if (typeof out.metadata === 'object' && out.metadata !== null) {
    out.metadata = ordered(out.metadata as object, METADATA);
  }
  return out;
}
