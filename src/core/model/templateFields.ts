/**
 * Edits of the fields that live on a task's template: retry strategy,
 * timeouts, scheduling, volumes, `daemon`, HTTP and suspend steps. A template
 * can be shared, and then every task that runs it sees the change; forkTemplate
 * gives one task a copy of its own first. Empty values remove the key, and an
 * object emptied that way goes too (an empty `retryStrategy: {}` would mean
 * "retry until it succeeds"), except an existing `suspend: {}`, which means
 * "suspend until resumed". Checked operations return diagnostics and the
 * pipeline as it was when they refuse.
 */
import { error, type Diagnostic, type Result } from '../diagnostics';
import { durationProblem, intProblem, RETRY_POLICIES, toIntOrString } from './fieldChecks';
import { toK8sName, uniqueName } from './names';
import { updateTask, updateTemplate } from './operations';
import { findTask, workflowSpecPath } from './pipeline';
import { templateFieldProblems } from './shapeChecks';
import { findTemplate, templates, withTemplates } from './spec';
import { withKey } from './taskFields';
import { isObject, type JsonObject, type Pipeline, type Template } from './types';
import { parseYamlAs, type YamlShape } from './yamlFragment';

/** A key, or the keys leading to a nested field: `['retryStrategy', 'backoff', 'duration']`. */
export type FieldPath = string | readonly string[];

/** Path of a template (or one of its fields) inside the compiled manifest. */
export function templatePath(
  p: Pipeline,
  template: string,
  ...field: string[]
): (string | number)[] {
  const i = templates(p).findIndex((t) => t.name === template);
  return [...workflowSpecPath(p), 'templates', i, ...field];
}

/**
 * Sets (or, when empty, removes) a field of a template, creating the objects
 * on the way.
 * @example setTemplateField(p, 'fetch', ['retryStrategy', 'backoff', 'duration'], '10s')
 */
export function setTemplateField(
  p: Pipeline,
  template: string,
  path: FieldPath,
  value: unknown,
): Pipeline {
  const keys = typeof path === 'string' ? [path] : path;
  if (keys.length === 0 || keys[0] === 'name') return p;
  return updateTemplate(p, template, (t) => setIn(t, keys, value, true) as Template);
}

function setIn(obj: JsonObject, keys: readonly string[], value: unknown, top: boolean): JsonObject {
  const [head, ...rest] = keys as [string, ...string[]];
  if (rest.length === 0) return withKey(obj, head, value);
  const child = isObject(obj[head]) ? obj[head] : {};
  const inner = setIn(child, rest, value, false);
  const keep = top && head === 'suspend' && head in obj;
  if (Object.keys(inner).length === 0 && !keep) return withKey(obj, head, undefined);
  return { ...obj, [head]: inner };
}

/**
 * Gives `task` its own copy of the template it runs, named after both
 * (`echo-greet`), placed after the original, so editing it leaves the other
 * tasks alone.
 */
export function forkTemplate(p: Pipeline, task: string): Result<Pipeline> {
  const t = findTask(p, task);
  if (!t) return refused(p, error('unknown-task', `there is no task named '${task}'`, { task }));
  const source = findTemplate(p, t.template);
  if (!source)
    return refused(
      p,
      error(
        'no-template',
        `task ${task} runs no template of this workflow (templateRef or inline): there is nothing to copy`,
        { task },
      ),
    );
  const list = templates(p);
  const base = toK8sName(t.name === source.name ? source.name : `${source.name}-${t.name}`);
  const name = uniqueName(base, new Set(list.map((x) => x.name)));
  const at = list.indexOf(source);
  const next = [...list.slice(0, at + 1), { ...source, name }, ...list.slice(at + 1)];
  const value = updateTask(withTemplates(p, next), task, (x) => ({ ...x, template: name }));
  return { value, diagnostics: [] };
}

/** The retry fields the form edits, as text. */
export interface RetryPatch {
  limit?: string;
  retryPolicy?: string;
  /** `backoff.duration`, `backoff.factor`, `backoff.maxDuration`. */
  duration?: string;
  factor?: string;
  maxDuration?: string;
}
export type RetryField = keyof RetryPatch;

const RETRY_PATHS: Record<RetryField, string[]> = {
  limit: ['retryStrategy', 'limit'],
  retryPolicy: ['retryStrategy', 'retryPolicy'],
  duration: ['retryStrategy', 'backoff', 'duration'],
  factor: ['retryStrategy', 'backoff', 'factor'],
  maxDuration: ['retryStrategy', 'backoff', 'maxDuration'],
};

/** Why `text` cannot be written to a retry field. */
export function retryFieldProblem(field: RetryField, text: string): string | undefined {
  const name = RETRY_PATHS[field].join('.');
  switch (field) {
    case 'limit':
      return intProblem(name, text, 0);
    case 'factor':
      return intProblem(name, text, 1);
    case 'retryPolicy':
      return text === '' || (RETRY_POLICIES as readonly string[]).includes(text)
        ? undefined
        : `${name} must be one of ${RETRY_POLICIES.join(', ')}, not '${text}'`;
    default:
      return durationProblem(name, text, true);
  }
}

/**
 * Sets the fields of the template's `retryStrategy` named in `patch`; an
 * empty text removes one. Other retry keys (`expression`, `affinity`,
 * `backoff.cap`) are kept.
 * @example setRetryStrategy(p, 'fetch', { limit: '3', retryPolicy: 'OnError', duration: '10s', factor: '2' })
 */
export function setRetryStrategy(
  p: Pipeline,
  template: string,
  patch: RetryPatch,
): Result<Pipeline> {
  const fields = Object.keys(patch) as RetryField[];
  const problems = fields.flatMap((f) => {
    const problem = retryFieldProblem(f, patch[f] ?? '');
    return problem ? [fieldError(p, template, problem, RETRY_PATHS[f])] : [];
  });
  if (problems.length > 0) return refused(p, ...problems);
  let next = p;
  for (const f of fields) {
    const text = (patch[f] ?? '').trim();
    const value = f === 'limit' || f === 'factor' ? toIntOrString(text) : text;
    next = setTemplateField(next, template, RETRY_PATHS[f], value);
  }
  return { value: next, diagnostics: [] };
}

export type TimeoutField = 'activeDeadlineSeconds' | 'timeout';

/** Why `text` cannot be the template's `activeDeadlineSeconds` (whole seconds) or `timeout` (a duration). */
export function timeoutProblem(field: TimeoutField, text: string): string | undefined {
  return field === 'activeDeadlineSeconds'
    ? intProblem(field, text, 1)
    : durationProblem(field, text, false);
}

/** Sets `activeDeadlineSeconds` (written as a number) or `timeout` (a duration). */
export function setTemplateTimeout(
  p: Pipeline,
  template: string,
  field: TimeoutField,
  text: string,
): Result<Pipeline> {
  const problem = timeoutProblem(field, text);
  if (problem) return refused(p, fieldError(p, template, problem, [field]));
  const v = text.trim();
  const value = field === 'activeDeadlineSeconds' ? toIntOrString(v) : v;
  return { value: setTemplateField(p, template, field, value), diagnostics: [] };
}

/** `daemon: true` keeps the step running while the DAG goes on; false removes the key. */
export function setDaemon(p: Pipeline, template: string, daemon: boolean): Pipeline {
  return setTemplateField(p, template, 'daemon', daemon ? true : undefined);
}

/**
 * Sets a template field from YAML text (tolerations, volumes, affinity, ...),
 * after checking that it parses to `shape` and that its content has the
 * types Argo reads. Empty text removes the field.
 */
export function setTemplateYamlField(
  p: Pipeline,
  template: string,
  field: string,
  text: string,
  shape: YamlShape,
): Result<Pipeline> {
  const parsed = parseYamlAs(text, field, shape);
  const where = { path: templatePath(p, template, field) };
  if (parsed.diagnostics.length > 0)
    return refused(p, ...parsed.diagnostics.map((d) => ({ ...d, ...where })));
  const problems = parsed.value === undefined ? [] : templateFieldProblems(field, parsed.value);
  if (problems.length > 0)
    return refused(p, ...problems.map((m) => error('invalid-field', m, where)));
  return { value: setTemplateField(p, template, field, parsed.value), diagnostics: [] };
}

/** Sets how long a suspend step waits (`suspend.duration`); empty waits until resumed. */
export function setSuspendDuration(p: Pipeline, template: string, text: string): Result<Pipeline> {
  const problem = durationProblem('suspend.duration', text, true);
  if (problem) return refused(p, fieldError(p, template, problem, ['suspend', 'duration']));
  return {
    value: setTemplateField(p, template, ['suspend', 'duration'], text.trim()),
    diagnostics: [],
  };
}

export function fieldError(
  p: Pipeline,
  template: string,
  message: string,
  field: string[],
): Diagnostic {
  return error('invalid-field', message, { path: templatePath(p, template, ...field) });
}

export function refused(p: Pipeline, ...diagnostics: Diagnostic[]): Result<Pipeline> {
  return { value: p, diagnostics };
}
