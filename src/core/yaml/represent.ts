/**
 * How the emitter writes a null, a boolean or a number: the one form every
 * YAML reader (1.1 and 1.2) reads back as the same value.
 */

export function representNumber(value: number): string {
  if (Number.isNaN(value)) return '.nan';
  if (value === Infinity) return '.inf';
  if (value === -Infinity) return '-.inf';
  if (Object.is(value, -0)) return '-0.0';
  const text = String(value);
  // 1e+21 is an integer to JS but a string to a YAML 1.1 reader: give it a dot.
  return /^[-+]?[0-9]+e/.test(text) ? text.replace('e', '.e') : text;
}

/** The canonical text of a scalar value that is not a string. */
export function representScalar(value: unknown): string | undefined {
  if (value === null) return 'null';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'number') return representNumber(value);
  return undefined;
}
