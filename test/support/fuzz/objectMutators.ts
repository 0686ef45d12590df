/**
 * Mutations of the parsed document, dumped back to YAML: values of the wrong
 * type at random paths, hostile names and keys, missing parts, huge strings
 * and deep nesting. Each returns YAML text; the text may still be mutated
 * byte by byte afterwards.
 */
import { dumpYamlDocuments } from '../../../src/core/argo/yamlText';
import type { Random } from './random';

type Json = unknown;
type Container = Record<string, Json> | Json[];
/** A place in the document: a value's parent and its key there. */
interface Slot {
  parent: Container;
  key: string | number;
}

/** How big the hostile values get: the full run goes further than the CI sample. */
export interface Limits {
  /** Lengths of huge strings. */
  hugeSizes: readonly number[];
  /** Levels of nesting, in YAML and in expressions. */
  depths: readonly number[];
  /** Lengths of long lists (past about 120,000, `f(...list)` throws). */
  widths: readonly number[];
}

export const FULL_LIMITS: Limits = {
  hugeSizes: [10_000, 100_000, 1_000_000],
  depths: [5, 50, 200, 1_000, 3_000, 10_000, 50_000],
  widths: [100, 5_000, 130_000],
};

export type ObjectMutator = (docs: Json[], r: Random, limits: Limits) => string;

/** Keys that, written carelessly (`obj[k] = v`), reach Object.prototype. */
export const HOSTILE_NAMES = ['constructor', '__proto__', 'toString', 'valueOf', 'hasOwnProperty'];

const isMap = (v: Json): v is Record<string, Json> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** Every value below the roots, parent first; iterative, so a deep document cannot overflow it. */
function slots(roots: Json[]): Slot[] {
  const out: Slot[] = [];
  const stack: Container[] = [roots];
  while (stack.length > 0) {
    const parent = stack.pop()!;
    const keys: (string | number)[] = Array.isArray(parent)
      ? parent.map((_, i) => i)
      : Object.keys(parent);
    for (const key of keys) {
      if (parent === roots) {
        const v = (parent as Json[])[key as number];
        if (Array.isArray(v) || isMap(v)) stack.push(v);
        continue;
      }
      out.push({ parent, key });
      const v = (parent as Record<string, Json>)[key];
      if (Array.isArray(v) || isMap(v)) stack.push(v);
    }
  }
  return out;
}

/** Sets own property `key` (a `__proto__` key stays a key rather than the prototype). */
function put(slot: Slot, value: Json): void {
  if (value === undefined) {
    if (Array.isArray(slot.parent)) slot.parent.splice(slot.key as number, 1);
    else delete slot.parent[slot.key as string];
    return;
  }
  Object.defineProperty(slot.parent, slot.key, {
    value,
    enumerable: true,
    writable: true,
    configurable: true,
  });
}

const get = (slot: Slot): Json => (slot.parent as Record<string, Json>)[slot.key];

function valueOfType(kind: string, r: Random): Json {
  switch (kind) {
    case 'string':
      return r.pick(['', 'x', 'yes', '0755', '{{inputs.parameters.x}}', '{{', 'null', '1e3']);
    case 'number':
      return r.pick([0, -1, 3.5, 1e308, 123456789012, Infinity, NaN]);
    case 'map':
      return r.pick([{}, { a: 1 }, { name: 'x' }, { name: null }]);
    case 'list':
      return r.pick([[], [null], [1, 'a'], [{}], [{ name: 1 }]]);
    case 'bool':
      return r.chance(0.5);
    default:
      return null;
  }
}

const typeOf = (v: Json): string =>
  v === null ? 'null' : Array.isArray(v) ? 'list' : isMap(v) ? 'map' : typeof v;

const dump = (docs: Json[]): string => dumpYamlDocuments(docs);

/** A value of another type (string, number, map, list, null, bool) at 1-3 random paths. */
const typeSwap: ObjectMutator = (docs, r) => {
  const all = slots(docs);
  for (let n = r.between(1, 3); n > 0 && all.length > 0; n--) {
    const slot = r.pick(all);
    const kinds = ['string', 'number', 'map', 'list', 'null', 'bool'].filter(
      (k) => k !== typeOf(get(slot)),
    );
    put(slot, valueOfType(r.pick(kinds), r));
  }
  return dump(docs);
};

const NAME_KEYS = new Set(['name', 'template', 'entrypoint', 'onExit', 'depends', 'generateName']);

/** Names that are numbers, null, missing, empty, long or built-in property names. */
const names: ObjectMutator = (docs, r) => {
  const targets = slots(docs).filter((s) => NAME_KEYS.has(String(s.key)));
  for (let n = r.between(1, 3); n > 0 && targets.length > 0; n--) {
    const slot = r.pick(targets);
    put(
      slot,
      r.pick<Json>([
        42,
        0,
        1.5,
        null,
        undefined,
        '',
        true,
        [],
        {},
        'x'.repeat(200),
        'Upper',
        'a b',
        ...HOSTILE_NAMES,
      ]),
    );
  }
  return dump(docs);
};

/** `__proto__`, `constructor` and `toString` as keys of random mappings. */
const hostileKeys: ObjectMutator = (docs, r) => {
  const maps = slots(docs).filter((s) => isMap(get(s)));
  for (let n = r.between(1, 3); n > 0 && maps.length > 0; n--) {
    const target = get(r.pick(maps)) as Record<string, Json>;
    put(
      { parent: target, key: r.pick(HOSTILE_NAMES) },
      valueOfType(r.pick(['map', 'string', 'list', 'null']), r),
    );
  }
  return dump(docs);
};

/** A huge string (10 kB to 1 MB) where a name, expression or value was. */
const hugeString: ObjectMutator = (docs, r, limits) => {
  const all = slots(docs);
  if (all.length === 0) return dump(docs);
  const unit = r.pick(['a', 'ab-', '{{', 'x && ', '(', ' ', 'é', '\n']);
  const size = r.pick(limits.hugeSizes);
  put(r.pick(all), unit.repeat(Math.ceil(size / unit.length)));
  return dump(docs);
};

function isSmall(v: Json): boolean {
  try {
    return v !== undefined && JSON.stringify(v).length < 500;
  } catch {
    return false; // nested deeper than JSON.stringify recurses
  }
}

/** A list made long: its first item (or null) repeated thousands of times. */
const wideList: ObjectMutator = (docs, r, limits) => {
  const lists = slots(docs).filter((s) => Array.isArray(get(s)));
  if (lists.length === 0) return dump(docs);
  const slot = r.pick(lists);
  const first = (get(slot) as Json[])[0];
  // Repeat only small items: a huge or deep one repeated would make gigabytes.
  const item = r.chance(0.5) && isSmall(first) ? first : null;
  put(slot, new Array<Json>(r.pick(limits.widths)).fill(item));
  return dump(docs);
};

/** Argo-specific holes: no metadata, no spec, parameters as a map, null items. */
const structure: ObjectMutator = (docs, r) => {
  const maps = docs.filter(isMap);
  const all = slots(docs);
  const doc = maps.length > 0 ? r.pick(maps) : undefined;
  switch (r.int(6)) {
    case 0:
      if (doc) delete doc.metadata;
      break;
    case 1:
      if (doc) delete doc.spec;
      break;
    case 2:
      if (doc)
        for (const k of Object.keys(doc))
          if (!['apiVersion', 'kind', 'metadata'].includes(k)) delete doc[k];
      break;
    case 3: {
      // A list of {name, value} written as a mapping.
      const lists = all.filter(
        (s) =>
          ['parameters', 'artifacts', 'tasks', 'templates', 'steps'].includes(String(s.key)) &&
          Array.isArray(get(s)),
      );
      if (lists.length > 0) {
        const slot = r.pick(lists);
        const entries = (get(slot) as Json[]).map((item, i) => [
          isMap(item) && typeof item.name === 'string' ? item.name : `k${i}`,
          isMap(item) ? (item.value ?? item) : item,
        ]);
        put(slot, Object.fromEntries(entries));
      }
      break;
    }
    case 4: {
      const lists = all.filter((s) => Array.isArray(get(s)));
      if (lists.length > 0)
        (get(r.pick(lists)) as Json[]).splice(r.int(3), 0, r.pick([null, '', 0, []]));
      break;
    }
    default: {
      const items = all.filter((s) => isMap(get(s)) && 'name' in (get(s) as object));
      if (items.length > 0) delete (get(r.pick(items)) as Record<string, Json>).name;
    }
  }
  return dump(docs);
};

export const OBJECT_MUTATORS: Record<string, ObjectMutator> = {
  typeSwap,
  names,
  hostileKeys,
  hugeString,
  wideList,
  structure,
};

export { slots, put, get, isMap, dump, type Slot, type Json };
