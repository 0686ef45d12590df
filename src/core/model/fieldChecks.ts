/**
 * Checks for the typed fields the node inspector edits: whole numbers
 * (retry limits, seconds, sequence bounds), durations, Kubernetes quantities
 * and environment variable names. Each check returns a message naming the
 * field, or undefined when the text is acceptable; the forms show the message
 * as you type and the core operations refuse the same text with it.
 *
 * Argo substitutes `{{...}}` before it reads these fields, so a value made of
 * an expression (`{{inputs.parameters.limit}}`) is accepted wherever a number
 * or a duration is.
 */
import { templateStringProblem } from '../argo/expressions';

/** Whether `text` holds a `{{...}}` expression with balanced braces. */
export function isExpression(text: string): boolean {
  return text.includes('{{') && templateStringProblem(text) === undefined;
}

/**
 * Why `text` is not a whole number of at least `min` (nor an expression).
 * @example intProblem('retryStrategy.limit', '-1', 0) // 'retryStrategy.limit must be at least 0'
 */
export function intProblem(field: string, text: string, min?: number): string | undefined {
  const v = text.trim();
  if (v === '' || isExpression(v)) return undefined;
  if (!/^-?\d+$/.test(v))
    return `${field} must be a whole number or a {{...}} expression, not '${text}'`;
  if (min !== undefined && Number(v) < min) return `${field} must be at least ${min}`;
  if (!Number.isSafeInteger(Number(v))) return `${field} is too large`;
  return undefined;
}

/**
 * The value to write for an IntOrString field: a number for digits (Argo's
 * own examples write `limit: 10`), the text for an expression, undefined when
 * empty. Call only after `intProblem` accepted the text.
 */
export function toIntOrString(text: string): number | string | undefined {
  const v = text.trim();
  if (v === '') return undefined;
  return /^-?\d+$/.test(v) ? Number(v) : v;
}

/** Text for a form field from an IntOrString (or any scalar) value. */
export const scalarText = (value: unknown): string =>
  value === undefined || value === null ? '' : String(value);

const GO_DURATION = /^[-+]?(?:(?:\d+(?:\.\d*)?|\.\d+)(?:ns|us|µs|μs|ms|s|m|h))+$/;

/**
 * Why `text` is not a duration. Go durations (`30s`, `1h30m`) always pass.
 * `bareSeconds` also accepts a plain number of seconds, as Argo's
 * `backoff.duration`, `backoff.maxDuration` and `suspend.duration` do; a
 * template's `timeout` does not (Argo: "has invalid duration format in
 * timeout" for a whole number).
 */
export function durationProblem(
  field: string,
  text: string,
  bareSeconds: boolean,
): string | undefined {
  const v = text.trim();
  if (v === '' || isExpression(v) || GO_DURATION.test(v)) return undefined;
  if (bareSeconds && /^\d+$/.test(v)) return undefined;
  const example = bareSeconds ? '30 (seconds), 30s, 5m or 1h30m' : '30s, 5m or 1h30m';
  return `${field} must be a duration such as ${example}, not '${text}'`;
}

const QUANTITY = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[KMGTPE]i|[numkMGTPE]|[eE][+-]?\d+)?$/;

/** Why `text` is not a Kubernetes quantity (`500m`, `1`, `512Mi`, `2Gi`). */
export function quantityProblem(field: string, text: string): string | undefined {
  const v = text.trim();
  if (v === '' || isExpression(v) || QUANTITY.test(v)) return undefined;
  return `${field} must be a quantity such as 500m, 1, 512Mi or 2Gi, not '${text}'`;
}

/** Kubernetes' rule for environment variable names (a C identifier plus `-` and `.`). */
const ENV_NAME = /^[-._a-zA-Z][-._a-zA-Z0-9]*$/;

export function envNameProblem(name: string): string | undefined {
  if (name.trim() === '') return 'env: a variable needs a name';
  if (!ENV_NAME.test(name))
    return `env: '${name}' must consist of letters, digits, '_', '-' or '.', and must not start with a digit`;
  return undefined;
}

/** `retryStrategy.retryPolicy` values Argo accepts. */
export const RETRY_POLICIES = ['Always', 'OnFailure', 'OnError', 'OnTransientError'] as const;

/** Operators of a node selector requirement. */
export const NODE_OPERATORS = ['In', 'NotIn', 'Exists', 'DoesNotExist', 'Gt', 'Lt'] as const;
