/**
 * Orders keys the way Argo users write them: apiVersion, kind, metadata, spec
 * at the top; `name` first in every list item; a task's name, template and
 * dependencies before the rest. Keys not named here keep their order.
 */

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
  return Object.fromEntries([...present, ...rest].map((k) => [k, value(k)])) as T;
}

/** A copy of `value` with list items' `name` first, all the way down. */
function nameFirstDeep(value: unknown): unknown {
  if (Array.isArray(value)) {
    return value.map((item) => {
      const inner = nameFirstDeep(item);
      return typeof inner === 'object' && inner !== null && !Array.isArray(inner)
        ? ordered(inner, NAME_FIRST)
        : inner;
    });
  }
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, nameFirstDeep(v)]));
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
