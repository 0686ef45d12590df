/**
 * User values as messages show them. A message built with `${value}` prints
 * `undefined` for a missing field and `[object Object]` for a mapping, and a
 * 1 MB string makes a 1 MB message: these say what the value is instead.
 */

/** At most this many characters of a user's string go into a message. */
const MAX_SHOWN = 80;

/** `text` cut to `max` characters, with an ellipsis when cut. */
export function clip(text: string, max = MAX_SHOWN): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}

/** What kind of YAML value `v` is: "a list", "a mapping", "a number", ... */
export function typeName(v: unknown): string {
  if (v === undefined) return 'missing';
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'a mapping';
  if (typeof v === 'boolean') return 'a boolean';
  return `a ${typeof v}`;
}

/**
 * `v` for a message: a string in `quote`s (and clipped), a number or boolean
 * as written, anything else by its kind in parentheses: `(a mapping)`.
 */
export function shown(v: unknown, quote = "'"): string {
  if (typeof v === 'string') return `${quote}${clip(v)}${quote}`;
  // YAML's spelling of the numbers JavaScript calls NaN and Infinity.
  if (typeof v === 'number' && !Number.isFinite(v))
    return Number.isNaN(v) ? '.nan' : v > 0 ? '.inf' : '-.inf';
  if (typeof v === 'number' || typeof v === 'boolean' || v === null) return String(v);
  return `(${typeName(v)})`;
}
