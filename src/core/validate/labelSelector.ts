/**
 * A Kubernetes label selector, as metav1.LabelSelectorAsSelector reads it:
 * `matchLabels` of valid keys and values; `matchExpressions` with the
 * operators In, NotIn (with values), Exists, DoesNotExist (without). Argo's
 * validator checks `podGC.labelSelector` this way ("podGC.labelSelector
 * invalid: ...").
 */
import { isObject } from '../model/types';
import { clip } from '../util/describe';

const NAME = /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/;
const DNS_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

/** Why `key` is not a qualified label key, or undefined. */
function keyProblem(key: string): string | undefined {
  const slash = key.lastIndexOf('/');
  const name = slash < 0 ? key : key.slice(slash + 1);
  const prefix = slash < 0 ? undefined : key.slice(0, slash);
  if (prefix !== undefined && (prefix.length > 253 || !DNS_SUBDOMAIN.test(prefix)))
    return `key '${clip(key)}': the prefix must be a DNS subdomain`;
  if (name.length === 0 || name.length > 63 || !NAME.test(name))
    return `key '${clip(key)}': name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (at most 63)`;
  return undefined;
}

function valueProblem(value: unknown): string | undefined {
  if (typeof value !== 'string') return `value ${JSON.stringify(value)} must be a string`;
  if (value !== '' && (value.length > 63 || !NAME.test(value)))
    return `value '${clip(value)}' must be empty or consist of alphanumeric characters, '-', '_' or '.', starting and ending with one (at most 63)`;
  return undefined;
}

/** What is wrong with the selector; empty when nothing is. */
export function labelSelectorProblems(
  selector: unknown,
): { problem: string; at: (string | number)[] }[] {
  const out: { problem: string; at: (string | number)[] }[] = [];
  if (!isObject(selector)) return [{ problem: 'it must be a mapping', at: [] }];
  if (isObject(selector.matchLabels))
    for (const [k, v] of Object.entries(selector.matchLabels)) {
      const problem = keyProblem(k) ?? valueProblem(v);
      if (problem) out.push({ problem, at: ['matchLabels', k] });
    }
  const exprs = Array.isArray(selector.matchExpressions) ? selector.matchExpressions : [];
  exprs.forEach((e, i) => {
    const at = ['matchExpressions', i];
    if (!isObject(e)) return out.push({ problem: 'a match expression must be a mapping', at });
    const key = typeof e.key === 'string' ? e.key : '';
    const values = Array.isArray(e.values) ? e.values : [];
    const op = e.operator;
    const problem =
      keyProblem(key) ??
      (op === 'In' || op === 'NotIn'
        ? values.length === 0
          ? "values: Invalid value: []string{}: for 'in', 'notin' operators, values set can't be empty"
          : values.map(valueProblem).find(Boolean)
        : op === 'Exists' || op === 'DoesNotExist'
          ? values.length > 0
            ? "values: Invalid value: for 'exists', 'doesnotexist' operators, values set must be empty"
            : undefined
          : `${JSON.stringify(op ?? '')} is not a valid label selector operator`);
    if (problem) out.push({ problem, at });
  });
  return out;
}
