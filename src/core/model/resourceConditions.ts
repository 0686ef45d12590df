/**
 * Checks a resource template's `successCondition` / `failureCondition`. Argo
 * reads them with Kubernetes' label-selector parser
 * (`labels.ParseToRequirements`, workflow/executor/resource.go) and looks each
 * key up as a JSON path in the created object: a comma-separated list of
 * requirements `key == value`, `key != value`, `key in (a, b)`,
 * `key notin (a, b)`, `key > 1`, `key < 1`, `key` (exists) or `!key`. Keys
 * must be qualified names and values label values; a text that breaks these
 * rules fails the step at run time, so the inspector says so while typing.
 */
import { isExpression } from './fieldChecks';

const WORD = '[^\\s!=<>(),]+';
const EXISTS = new RegExp(`^(!?)\\s*(${WORD})$`);
const COMPARE = new RegExp(`^(${WORD})\\s*(==|=|!=|>|<)\\s*(${WORD})?$`);
const SET = new RegExp(`^(${WORD})\\s+(in|notin)\\s*\\(([^()]*)\\)$`);
const NAME = /^[A-Za-z0-9](?:[-A-Za-z0-9_.]*[A-Za-z0-9])?$/;
const DNS_SUBDOMAIN = /^[a-z0-9](?:[-a-z0-9]*[a-z0-9])?(?:\.[a-z0-9](?:[-a-z0-9]*[a-z0-9])?)*$/;

/** Requirements split at the commas outside parentheses. */
function requirements(text: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (c === ',' && depth === 0) {
      out.push(text.slice(start, i));
      start = i + 1;
    }
  }
  out.push(text.slice(start));
  return out.map((r) => r.trim());
}

function keyProblem(key: string): string | undefined {
  const slash = key.lastIndexOf('/');
  const name = slash >= 0 ? key.slice(slash + 1) : key;
  const prefix = slash >= 0 ? key.slice(0, slash) : undefined;
  if (prefix !== undefined && (!DNS_SUBDOMAIN.test(prefix) || prefix.length > 253))
    return `'${prefix}' is not a DNS subdomain prefix`;
  if (!NAME.test(name) || name.length > 63)
    return `key '${key}' must be at most 63 letters, digits, '-', '_' or '.', starting and ending with a letter or digit`;
  return undefined;
}

function valueProblem(value: string): string | undefined {
  if (value === '' || (NAME.test(value) && value.length <= 63)) return undefined;
  return `value '${value}' must be at most 63 letters, digits, '-', '_' or '.', starting and ending with a letter or digit`;
}

function requirementProblem(r: string): string | undefined {
  if (r === '') return 'a requirement is empty (a stray comma?)';
  let m = EXISTS.exec(r);
  if (m) return keyProblem(m[2]!);
  m = COMPARE.exec(r);
  if (m) {
    const [, key, op, value = ''] = m;
    if ((op === '>' || op === '<') && !/^-?\d+$/.test(value))
      return `'${r}': ${op} needs a whole number`;
    return keyProblem(key!) ?? valueProblem(value);
  }
  m = SET.exec(r);
  if (m) {
    const values = m[3]!.split(',').map((v) => v.trim());
    if (values.every((v) => v === '')) return `'${r}': ${m[2]} needs at least one value`;
    return keyProblem(m[1]!) ?? values.map(valueProblem).find(Boolean);
  }
  return `'${r}' is not a requirement Argo reads (key == value, key != value, key in (a, b), key > 0, ...)`;
}

/**
 * Why `text` is not a condition Argo can read, or undefined (also for empty
 * text and for text with `{{...}}`, which Argo substitutes first).
 * @example conditionProblem('successCondition', 'status.phase = Running, status.ready > 0') // undefined
 * @example conditionProblem('failureCondition', 'status.state in (FAILED') // "failureCondition: 'status.state in (FAILED' is not ..."
 */
export function conditionProblem(field: string, text: string): string | undefined {
  const v = text.trim();
  if (v === '' || isExpression(v)) return undefined;
  for (const r of requirements(v)) {
    const problem = requirementProblem(r);
    if (problem) return `${field}: ${problem}`;
  }
  return undefined;
}
