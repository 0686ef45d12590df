/**
 * How Kubernetes reads a plain YAML scalar. kubectl, the Argo CLI and the Argo
 * Server parse YAML with sigs.k8s.io/yaml, a fork of go-yaml v2, which keeps
 * YAML 1.1's resolution rules (go-yaml v2 `resolve.go`): `yes`/`on`/`y` are
 * booleans, `0755` is octal, `0x1F` hex, `0b101` binary, underscores are
 * ignored in numbers, and timestamps stay strings once decoded into the
 * untyped maps that become JSON. Base-60 numbers (`1:20`) are not supported
 * by go-yaml and stay strings, as in YAML 1.2.
 *
 * `resolvePlain` answers what a plain (unquoted, untagged) scalar means;
 * `mightNotBeString` answers, for the emitter, whether any YAML 1.1 or 1.2
 * reader (go-yaml v2, the YAML 1.1 spec as PyYAML implements it, YAML 1.2
 * core) could read a plain scalar as something other than that string.
 */

const BOOLEANS = new Map<string, boolean>([
  ...['y', 'Y', 'yes', 'Yes', 'YES', 'true', 'True', 'TRUE', 'on', 'On', 'ON'].map(
    (s) => [s, true] as const,
  ),
  ...['n', 'N', 'no', 'No', 'NO', 'false', 'False', 'FALSE', 'off', 'Off', 'OFF'].map(
    (s) => [s, false] as const,
  ),
]);
const NULLS = new Set(['', '~', 'null', 'Null', 'NULL']);
const SPECIAL_FLOATS = new Map<string, number>([
  ...['.nan', '.NaN', '.NAN'].map((s) => [s, NaN] as const),
  ...['.inf', '.Inf', '.INF', '+.inf', '+.Inf', '+.INF'].map((s) => [s, Infinity] as const),
  ...['-.inf', '-.Inf', '-.INF'].map((s) => [s, -Infinity] as const),
]);

/** Go's `strconv.ParseInt(s, 0, 64)` syntax once underscores are gone (then ParseUint's). */
const GO_INT = /^[-+]?(?:0[xX][0-9a-fA-F]+|0[oO][0-7]+|0[bB][01]+|0[0-7]*|[1-9][0-9]*)$/;
/** go-yaml v2's `yamlStyleFloat`. */
const GO_FLOAT = /^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/;
/** Go's ParseFloat for a scalar that starts with `.`: `.5`, `.5e3`. */
const DOT_FLOAT = /^\.[0-9]+([eE][-+]?[0-9]+)?$/;

export type Scalar = string | number | boolean | null;

/** What go-yaml v2 (and so Kubernetes) reads a plain scalar as. */
export function resolvePlain(text: string): Scalar {
  if (NULLS.has(text)) return null;
  const bool = BOOLEANS.get(text);
  if (bool !== undefined) return bool;
  const special = SPECIAL_FLOATS.get(text);
  if (special !== undefined) return special;
  const first = text.charCodeAt(0);
  const isDigit = first >= 48 && first <= 57;
  if (first === 46 /* . */) return DOT_FLOAT.test(text) ? Number(text) : text;
  if (!isDigit && first !== 43 /* + */ && first !== 45 /* - */) return text;
  const plain = text.includes('_') ? text.replace(/_/g, '') : text;
  if (GO_INT.test(plain)) return parseGoInt(plain);
  if (GO_FLOAT.test(plain)) return Number(plain);
  return text;
}

function parseGoInt(plain: string): number {
  const negative = plain.startsWith('-');
  const body = plain.replace(/^[-+]/, '');
  let value: number;
  if (/^0[xX]/.test(body)) value = parseInt(body.slice(2), 16);
  else if (/^0[oO]/.test(body)) value = parseInt(body.slice(2), 8);
  else if (/^0[bB]/.test(body)) value = parseInt(body.slice(2), 2);
  else if (body.length > 1 && body.startsWith('0')) value = parseInt(body.slice(1), 8);
  else value = parseInt(body, 10);
  return negative ? -value : value;
}

/** Two resolved values mean the same (NaN equals NaN; 0 and -0 are told apart). */
export function sameScalar(a: unknown, b: unknown): boolean {
  return Object.is(a, b);
}

// Patterns of the YAML 1.1 type repository (yaml.org/type, as PyYAML applies
// them) and YAML 1.2 core, beyond what go-yaml reads: a plain scalar matching
// any of them is quoted on output, so no reader takes it for a number, a date
// or a boolean.
const YAML11_INT =
  /^(?:[-+]?0b[0-1_]+|[-+]?0[0-7_]+|[-+]?(?:0|[1-9][0-9_]*)|[-+]?0x[0-9a-fA-F_]+|[-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+)$/;
const YAML11_FLOAT =
  /^(?:[-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+]?[0-9]+)?|\.[0-9_]+(?:[eE][-+]?[0-9]+)?|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/;
/** The YAML 1.1 spec's own float pattern, looser than any parser's (it takes `.` and `1.2.3`). */
const YAML11_SPEC_FLOAT = /^[-+]?(?:[0-9][0-9_]*)?\.[0-9.]*(?:[eE][-+][0-9]+)?$/;
/** The `yaml` package's YAML 1.1 exponent form, whose mantissa is optional (`E0`). */
const LOOSE_EXPONENT = /^[-+]?(?:[0-9][0-9_]*)?(?:\.[0-9_]*)?[eE][-+]?[0-9]+$/;
const YAML12_NUMBER =
  /^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+|[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?)$/;
const TIMESTAMP =
  /^(?:[0-9]{4}-[0-9]{2}-[0-9]{2}|[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}(?:[Tt]|[ \t]+)[0-9]{1,2}:[0-9]{2}:[0-9]{2}(?:\.[0-9]*)?(?:[ \t]*(?:Z|[-+][0-9]{1,2}(?::[0-9]{2})?))?)$/;

/** True when some YAML reader could take the plain scalar `text` for something other than a string. */
export function mightNotBeString(text: string): boolean {
  if (typeof resolvePlain(text) !== 'string') return true;
  return (
    text === '<<' ||
    text === '=' ||
    YAML11_INT.test(text) ||
    YAML11_FLOAT.test(text) ||
    YAML11_SPEC_FLOAT.test(text) ||
    LOOSE_EXPONENT.test(text) ||
    YAML12_NUMBER.test(text) ||
    TIMESTAMP.test(text)
  );
}
