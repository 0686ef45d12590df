/**
 * Spellings kept from the source. `mode: 0755` loads as the number 493, which
 * is what Kubernetes reads; written back as `493` it would mean the same to
 * kubectl but no longer look like what the user wrote. The loader records the
 * source text of every scalar whose canonical form differs (octal, `yes`,
 * `~`, `1_000`, ...) against the map or list that holds it; the emitter writes
 * that text again for as long as the value is unchanged.
 *
 * The record lives beside the document (a WeakMap keyed by the holding
 * object), so documents stay plain JSON values; objects the editor rebuilds
 * lose their records unless `carrySpellings` passes them on, and then the
 * value is simply written in canonical form, with the same meaning.
 */
import { resolvePlain, sameScalar } from './resolve11';

/** A scalar to be written exactly as `text`. */
export class KeptSpelling {
  constructor(readonly text: string) {}
}

const kept = new WeakMap<object, Map<string, string>>();

/** Records that `holder[key]` was written `text` in the source. */
export function keepSpelling(holder: object, key: string, text: string): void {
  let map = kept.get(holder);
  if (!map) kept.set(holder, (map = new Map()));
  map.set(key, text);
}

/** Gives `to` the spellings recorded for `from` (a copy with the same keys). */
export function carrySpellings(from: object, to: object): void {
  const map = kept.get(from);
  if (map && from !== to) kept.set(to, map);
}

/** The source text of `holder[key]`, when it was recorded and still means `value`. */
export function keptSpelling(holder: object, key: string, value: unknown): string | undefined {
  const text = kept.get(holder)?.get(key);
  return text !== undefined && sameScalar(resolvePlain(text), value) ? text : undefined;
}

/** js-yaml `replacer`: swaps an unchanged value for its kept spelling. */
export function spellingReplacer(this: unknown, key: string, value: unknown): unknown {
  if (value === null || typeof value !== 'object') {
    if (typeof this === 'object' && this !== null && kept.has(this)) {
      const text = keptSpelling(this, key, value);
      if (text !== undefined) return new KeptSpelling(text);
    }
  }
  return value;
}
