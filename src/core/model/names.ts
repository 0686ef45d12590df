/**
 * Name rules from Argo's validator (workflow/validate/validate.go) and
 * Kubernetes, and helpers that make names valid and unique.
 */
import { clip } from '../util/describe';

/** Task and template names: `^[a-zA-Z0-9][-a-zA-Z0-9]*$`, at most 128 characters. */
export const TASK_NAME_PATTERN = /^[a-zA-Z0-9][-a-zA-Z0-9]*$/;
export const MAX_TASK_NAME_LENGTH = 128;
/** Parameter and artifact names. */
export const PARAM_NAME_PATTERN = /^[-a-zA-Z0-9_]+$/;
/** Kubernetes object names (RFC 1123 subdomain, lowercase). */
export const K8S_NAME_PATTERN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
/** Argo keeps workflow names short enough for pod names: 63, and 52 for CronWorkflows. */
export const MAX_WORKFLOW_NAME_LENGTH = 63;
export const MAX_CRON_WORKFLOW_NAME_LENGTH = 52;

/** Why `name` is not a valid task or template name, or undefined when it is. */
export function taskNameProblem(name: string): string | undefined {
  if (name === '') return 'name is empty';
  if (name.length > MAX_TASK_NAME_LENGTH)
    return `name '${clip(name)}' is longer than ${MAX_TASK_NAME_LENGTH} characters`;
  if (!TASK_NAME_PATTERN.test(name))
    return `name '${clip(name)}' is invalid: it must consist of alpha-numeric characters or '-', and must start with an alpha-numeric character (e.g. My-name1-2, 123-NAME)`;
  return undefined;
}

/**
 * Lowercase RFC 1123 label derived from `name`: lowercase, accents dropped,
 * every run of other characters turned into one `-`, no leading or trailing
 * `-`, at most `maxLength` characters. Returns `''` when nothing usable is
 * left. Since Argo 3.4 pod names embed the template name, so upper case (the
 * seed's `sparkk8sScala`) breaks pods.
 *
 * @example normaliseK8sName('sparkk8sScala') // 'sparkk8sscala'
 * @example normaliseK8sName('My Step_1')     // 'my-step-1'
 */
export function normaliseK8sName(name: string, maxLength = 63): string {
  const ascii = name.normalize('NFKD').replace(/[\u0300-\u036f]/g, '');
  return ascii
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, maxLength)
    .replace(/-+$/, '');
}

/** A valid task or template name from anything a user typed; `step` when nothing is left. */
export function toK8sName(raw: string, maxLength = MAX_TASK_NAME_LENGTH): string {
  return normaliseK8sName(raw, maxLength) || 'step';
}

/** `base`, or `base-2`, `base-3`, ... : the first that `taken` does not hold. */
export function uniqueName(
  base: string,
  taken: ReadonlySet<string> | ((n: string) => boolean),
): string {
  const has = typeof taken === 'function' ? taken : (n: string) => taken.has(n);
  if (!has(base)) return base;
  const stem = base.replace(/-\d+$/, '');
  for (let i = 2; ; i++) {
    const candidate = `${stem}-${i}`;
    if (!has(candidate)) return candidate;
  }
}
