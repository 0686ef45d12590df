/**
 * The common node-affinity case as a form: the match expressions of the
 * first required node selector term
 * (`affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution
 * .nodeSelectorTerms[0].matchExpressions`). Everything else in `affinity`
 * (other terms, preferred terms, pod affinity) is kept and edited as YAML.
 */
import type { Result } from '../diagnostics';
import { NODE_OPERATORS } from './fieldChecks';
import { findTemplate } from './spec';
import { withKey } from './taskFields';
import { fieldError, refused, setTemplateField } from './templateFields';
import { isObject, type JsonObject, type Pipeline, type Template } from './types';

const REQUIRED = ['affinity', 'nodeAffinity', 'requiredDuringSchedulingIgnoredDuringExecution'];

/** One `matchExpressions` entry. */
export interface NodeRequirement {
  key: string;
  operator: string;
  values: string[];
}

function terms(t: Template | undefined): JsonObject[] {
  let at: unknown = t;
  for (const k of REQUIRED) at = isObject(at) ? at[k] : undefined;
  const list = isObject(at) ? at.nodeSelectorTerms : undefined;
  return Array.isArray(list) ? (list as unknown[]).map((x) => (isObject(x) ? x : {})) : [];
}

/** The requirements the form shows: those of the first required term. */
export function nodeAffinityRequirements(t: Template | undefined): NodeRequirement[] {
  const exprs = terms(t)[0]?.matchExpressions;
  if (!Array.isArray(exprs)) return [];
  return exprs.filter(isObject).map((e) => ({
    key: String(e.key ?? ''),
    operator: String(e.operator ?? ''),
    values: Array.isArray(e.values) ? e.values.map(String) : [],
  }));
}

/** Why a requirement is not one Kubernetes accepts (its NodeSelectorRequirement rules). */
export function nodeRequirementProblem(r: NodeRequirement): string | undefined {
  const field = `node affinity ${r.key || '(no key)'}`;
  if (r.key.trim() === '') return 'node affinity: a requirement needs a label key';
  if (!(NODE_OPERATORS as readonly string[]).includes(r.operator))
    return `${field}: operator must be one of ${NODE_OPERATORS.join(', ')}`;
  const n = r.values.length;
  if ((r.operator === 'In' || r.operator === 'NotIn') && n === 0)
    return `${field}: ${r.operator} needs at least one value`;
  if ((r.operator === 'Exists' || r.operator === 'DoesNotExist') && n > 0)
    return `${field}: ${r.operator} takes no values`;
  if ((r.operator === 'Gt' || r.operator === 'Lt') && (n !== 1 || !/^-?\d+$/.test(r.values[0]!)))
    return `${field}: ${r.operator} takes exactly one whole number`;
  return undefined;
}

/**
 * Sets the match expressions of the first required node selector term. An
 * empty list removes that term (and `affinity` when nothing else is left).
 * @example setNodeAffinity(p, 'train', [{ key: 'gpu', operator: 'In', values: ['a100'] }])
 */
export function setNodeAffinity(
  p: Pipeline,
  template: string,
  requirements: NodeRequirement[],
): Result<Pipeline> {
  const t = findTemplate(p, template);
  if (!t) return refused(p);
  const problems = requirements.flatMap((r) => {
    const problem = nodeRequirementProblem(r);
    return problem ? [fieldError(p, template, problem, [...REQUIRED, 'nodeSelectorTerms'])] : [];
  });
  if (problems.length > 0) return refused(p, ...problems);
  const exprs = requirements.map((r) => ({
    key: r.key.trim(),
    operator: r.operator,
    ...(r.values.length > 0 ? { values: r.values } : {}),
  }));
  const [first = {}, ...rest] = terms(t);
  const term = withKey(first, 'matchExpressions', exprs);
  const list = Object.keys(term).length > 0 ? [term, ...rest] : rest;
  return {
    value: setTemplateField(p, template, [...REQUIRED, 'nodeSelectorTerms'], list),
    diagnostics: [],
  };
}
