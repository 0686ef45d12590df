/**
 * Edits of the fields that live on a DAG task rather than on its template:
 * `when`, the loop (`withItems` / `withParam` / `withSequence`), `continueOn`
 * and any other task key. Changing them changes this task only. Empty values
 * remove the key. Operations that check their input return diagnostics and
 * the pipeline as it was when they refuse.
 */
import { templateStringProblem, whenProblem } from '../argo/expressions';
import { dumpYaml } from '../argo/yamlText';
import { error, type Result } from '../diagnostics';
import { intProblem, toIntOrString } from './fieldChecks';
import { updateTask } from './operations';
import { taskPath } from './pipeline';
import { isObject, type JsonObject, type Pipeline, type Task } from './types';
import { parseYamlAs } from './yamlFragment';
import { scopeTasks } from './scope';

/** Whether a value is empty: the key is removed rather than written. */
export const isEmptyValue = (v: unknown): boolean =>
  v === undefined ||
  v === null ||
  v === '' ||
  (Array.isArray(v) && v.length === 0) ||
  (isObject(v) && Object.keys(v).length === 0);

/** A copy of `obj` with `key` set, or without it when `value` is empty. */
export function withKey<T extends JsonObject>(obj: T, key: string, value: unknown): T {
  const next: JsonObject = { ...obj };
  if (isEmptyValue(value)) delete next[key];
  else next[key] = value;
  return next as T;
}

/**
 * Sets (or, when empty, removes) one field of a task. The name is not a
 * field here: renameTask rewrites every reference to it.
 */
export function setTaskField(p: Pipeline, task: string, key: string, value: unknown): Pipeline {
  if (key === 'name') return p;
  return updateTask(p, task, (t) => withKey(t, key, value));
}

/** Sets the task's `when` condition after checking that it parses. */
export function setWhen(p: Pipeline, task: string, when: string): Result<Pipeline> {
  const text = when.trim();
  const problem = text === '' ? undefined : whenProblem(text);
  if (problem)
    return refuse(p, 'invalid-when', `when '${text}' does not parse: ${problem}`, task, 'when');
  return { value: setTaskField(p, task, 'when', text), diagnostics: [] };
}

/** `continueOn`: keep going after this task fails or errors. False removes the flag. */
export function setContinueOn(
  p: Pipeline,
  task: string,
  flags: { failed?: boolean; error?: boolean },
): Pipeline {
  return updateTask(p, task, (t) => {
    let continueOn: JsonObject = isObject(t.continueOn) ? t.continueOn : {};
    for (const key of ['failed', 'error'] as const)
      if (key in flags) continueOn = withKey(continueOn, key, flags[key] ? true : undefined);
    return withKey(t, 'continueOn', continueOn);
  });
}

export const LOOP_KINDS = ['withItems', 'withParam', 'withSequence'] as const;
export type LoopKind = 'none' | (typeof LOOP_KINDS)[number];

/** The loop a task uses; the first one when (invalidly) it has several. */
export function loopKind(task: Task): LoopKind {
  return LOOP_KINDS.find((k) => task[k] !== undefined) ?? 'none';
}

/** `withSequence` as the form edits it: numbers as numbers or text. */
export interface SequenceInput {
  count?: string | number;
  start?: string | number;
  end?: string | number;
  format?: string;
}

/** Why a `withSequence` cannot run, following Argo's expandSequence. */
export function sequenceProblem(seq: SequenceInput): string | undefined {
  for (const key of ['count', 'start', 'end'] as const) {
    const v = seq[key];
    const problem =
      v === undefined
        ? undefined
        : intProblem(`withSequence.${key}`, String(v), key === 'count' ? 0 : undefined);
    if (problem) return problem;
  }
  const has = (k: 'count' | 'end') => seq[k] !== undefined && String(seq[k]).trim() !== '';
  if (has('count') && has('end'))
    return 'withSequence: set count or end, not both (Argo: only one of count or end can be defined)';
  if (!has('count') && !has('end')) return 'withSequence needs a count or an end';
  return undefined;
}

/**
 * Sets the task's loop. A task loops one way at a time (Argo: "only one of
 * withItems, withParam, withSequence can be specified"), so the other two
 * are removed. `none`, or an empty value, removes the loop.
 * @example setLoop(p, 'fetch', 'withItems', ['a', 'b'])
 * @example setLoop(p, 'fetch', 'withSequence', { count: '5', format: 'part-%02d' })
 */
export function setLoop(
  p: Pipeline,
  task: string,
  kind: LoopKind,
  value?: unknown[] | string | SequenceInput,
): Result<Pipeline> {
  let written: unknown;
  if (kind === 'withItems') {
    if (value !== undefined && !Array.isArray(value))
      return refuse(p, 'invalid-loop', 'withItems must be a list', task, kind);
    written = value;
  } else if (kind === 'withParam') {
    const text = typeof value === 'string' ? value.trim() : '';
    const problem = text === '' ? undefined : templateStringProblem(text);
    if (problem) return refuse(p, 'invalid-loop', `withParam: ${problem}`, task, kind);
    written = text;
  } else if (kind === 'withSequence') {
    const seq = isObject(value) ? (value as SequenceInput) : {};
    const entries = Object.entries(seq).filter(
      ([, v]) => v !== undefined && String(v).trim() !== '',
    );
    if (entries.length > 0) {
      const problem = sequenceProblem(seq);
      if (problem) return refuse(p, 'invalid-loop', problem, task, kind);
    }
    written = Object.fromEntries(
      entries.map(([k, v]) => [k, k === 'format' ? String(v) : toIntOrString(String(v))]),
    );
  }
  const next = updateTask(p, task, (t) => {
    let out: Task = t;
    for (const k of LOOP_KINDS) out = withKey(out, k, k === kind ? written : undefined);
    return out;
  });
  return { value: next, diagnostics: [] };
}

/**
 * `withItems` from the form's text: one item a line, or a YAML list when the
 * text starts like one (`- ` or `[`), for numbers and objects.
 * @example parseItems('a\nb') // { value: ['a', 'b'], ... }
 * @example parseItems('- {os: linux}\n- {os: windows}') // objects
 */
export function parseItems(text: string): Result<unknown[]> {
  const trimmed = text.trim();
  if (trimmed === '') return { value: [], diagnostics: [] };
  if (/^(-(\s|$)|\[)/.test(trimmed)) {
    const parsed = parseYamlAs(text, 'withItems', 'list');
    return {
      value: (parsed.value as unknown[] | undefined) ?? [],
      diagnostics: parsed.diagnostics,
    };
  }
  const items = trimmed
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '');
  return { value: items, diagnostics: [] };
}

/** The form's text for `withItems`: lines when every item is a plain one-line string. */
export function itemsText(items: unknown): string {
  if (!Array.isArray(items) || items.length === 0) return '';
  const plain = items.every(
    (i) => typeof i === 'string' && i.trim() === i && i !== '' && !/[\n]|^(-(\s|$)|\[)/.test(i),
  );
  return plain ? items.join('\n') : dumpYaml(items);
}

function refuse(
  p: Pipeline,
  code: string,
  message: string,
  task: string,
  field: string,
): Result<Pipeline> {
  const i = scopeTasks(p).findIndex((t) => t.name === task);
  const path = i >= 0 ? taskPath(p, i, field) : undefined;
  return { value: p, diagnostics: [error(code, message, { task, ...(path ? { path } : {}) })] };
}
