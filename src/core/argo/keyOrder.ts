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

type Container = unknown[] | Record<string, unknown>;

/** One container being copied: its keys (undefined for a list) and the copies of its values so far. */
interface Frame {
  source: Container;
  keys: string[] | undefined;
  copies: unknown[];
  /** The container is a list item, so its `name` goes first. */
  inList: boolean;
}

/**
 * Results of `nameFirstDeep` per source object (documents are never changed in
 * place, so an object's result stays valid): a compile after a one-task edit
 * walks only the path to that task, and untouched copies keep their identity,
 * which the incremental emitter's cache is keyed on (issue 11).
 */
const doneInList = new WeakMap<object, unknown>();
const doneElsewhere = new WeakMap<object, unknown>();
const doneFor = (inList: boolean) => (inList ? doneInList : doneElsewhere);

const open = (value: unknown, inList: boolean): Frame | undefined =>
  typeof value === 'object' && value !== null
    ? {
        source: value as Container,
        keys: Array.isArray(value) ? undefined : Object.keys(value),
        copies: [],
        inList,
      }
    : undefined;

/**
 * `value` with list items' `name` first, all the way down. Copies only what
 * changes: untouched subtrees keep their identity (and the source spellings
 * recorded against them). A stack of frames rather than recursion: a hostile
 * document can nest deeper than the call stack.
 */
function nameFirstDeep(value: unknown): unknown {
  const root = open(value, false);
  if (!root) return value;
  const stack: Frame[] = [root];
  for (;;) {
    const frame = stack[stack.length - 1]!;
    const { source, keys, copies } = frame;
    const size = keys ? keys.length : (source as unknown[]).length;
    if (copies.length < size) {
      const child = keys
        ? (source as Record<string, unknown>)[keys[copies.length]!]
        : (source as unknown[])[copies.length];
      const inList = keys === undefined;
      const known =
        typeof child === 'object' && child !== null ? doneFor(inList).get(child) : undefined;
      const inner = known === undefined ? open(child, inList) : undefined;
      if (inner) stack.push(inner);
      else copies.push(known ?? child);
      continue;
    }
    stack.pop();
    const same = keys
      ? keys.every((k, i) => copies[i] === (source as Record<string, unknown>)[k])
      : copies.every((v, i) => v === (source as unknown[])[i]);
    const copy = same
      ? source
      : withSpellingsOf(
          source,
          keys ? Object.fromEntries(keys.map((k, i) => [k, copies[i]])) : copies,
        );
    const done = keys && frame.inList ? ordered(copy, NAME_FIRST) : copy;
    const parent = stack[stack.length - 1];
    // The root is the manifest compile made just now: nothing to keep.
    if (!parent) return done;
    doneFor(frame.inList).set(source, done);
    parent.copies.push(done);
  }
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
