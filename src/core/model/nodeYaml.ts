/**
 * "Edit as YAML" for one node: the task, or the template it runs, replaced
 * from text. The text is read with the guarded YAML loader, must be one
 * mapping with the same `name`, must pass the shape checks, and must not
 * bring new validation errors to this task (or, for a template, to the tasks
 * that run it). Otherwise nothing changes and the diagnostics say why.
 */
import { validate } from '../argo/validate';
import { error, type Diagnostic, type Result } from '../diagnostics';
import { updateTask, updateTemplate } from './operations';
import { findTask, taskPath } from './pipeline';
import { taskShapeProblems, templateShapeProblems } from './shapeChecks';
import { findTemplate } from './spec';
import { templatePath } from './templateFields';
import type { JsonObject, Pipeline, Task, Template } from './types';
import { parseYamlAs } from './yamlFragment';
import { scopeTasks } from './scope';
import { taskYamlText, templateYamlText } from './nodeYamlText';

export { taskYamlText, templateYamlText };

/** Errors that concern the whole DAG, whichever task they are pinned to. */
const GRAPH_CODES = new Set(['cycle', 'mixed-depends']);

/**
 * Replaces task `name` with the task written in `text`.
 * @example setTaskYaml(p, 'fetch', 'name: fetch\ntemplate: curl\nwhen: "{{workflow.parameters.go}} == yes"\n')
 */
export function setTaskYaml(p: Pipeline, name: string, text: string): Result<Pipeline> {
  const i = scopeTasks(p).findIndex((t) => t.name === name);
  if (i < 0 || !findTask(p, name))
    return { value: p, diagnostics: [error('unknown-task', `there is no task named '${name}'`)] };
  const base = taskPath(p, i);
  const read = readNode(text, 'task', name, base, taskShapeProblems);
  if (!read.value) return { value: p, diagnostics: read.diagnostics };
  const obj = read.value;
  const next = updateTask(p, name, () => obj as Task);
  const concerns = (d: Diagnostic) => d.task === name || GRAPH_CODES.has(d.code) || within(d, base);
  return checked(p, next, concerns);
}

/** Replaces template `name` with the template written in `text`. Every task that runs it changes. */
export function setTemplateYaml(p: Pipeline, name: string, text: string): Result<Pipeline> {
  if (!findTemplate(p, name))
    return {
      value: p,
      diagnostics: [error('unknown-template', `there is no template named '${name}'`)],
    };
  const base = templatePath(p, name);
  const read = readNode(text, 'template', name, base, templateShapeProblems);
  if (!read.value) return { value: p, diagnostics: read.diagnostics };
  const obj = read.value;
  const next = updateTemplate(p, name, () => obj as Template);
  const users = new Set(
    scopeTasks(p)
      .filter((t) => t.template === name)
      .map((t) => t.name),
  );
  const concerns = (d: Diagnostic) =>
    (d.task !== undefined && users.has(d.task)) || within(d, base);
  return checked(p, next, concerns);
}

/** The mapping in `text`, checked for its name and shape. */
function readNode(
  text: string,
  what: 'task' | 'template',
  name: string,
  base: (string | number)[],
  shape: (obj: JsonObject) => string[],
): Result<JsonObject | undefined> {
  const parsed = parseYamlAs(text, what, 'mapping');
  if (parsed.diagnostics.length > 0) return { value: undefined, diagnostics: parsed.diagnostics };
  const obj = parsed.value as JsonObject | undefined;
  const where = { path: base, ...(what === 'task' ? { task: name } : {}) };
  if (!obj)
    return { value: undefined, diagnostics: [error('yaml-shape', `the ${what} is empty`, where)] };
  if (obj.name !== name) {
    const how =
      what === 'task' ? 'rename the task in its Name field' : 'copy the template to rename it';
    return {
      value: undefined,
      diagnostics: [
        error('name-changed', `the ${what}'s name must stay '${name}' (${how})`, where),
      ],
    };
  }
  const problems = shape(obj).map((m) => error('invalid-field', `${what} ${name}: ${m}`, where));
  return problems.length > 0
    ? { value: undefined, diagnostics: problems }
    : { value: obj, diagnostics: [] };
}

/** `next`, unless it has errors that `p` did not have and that concern the edited node. */
function checked(
  p: Pipeline,
  next: Pipeline,
  concerns: (d: Diagnostic) => boolean,
): Result<Pipeline> {
  if (next === p) return { value: p, diagnostics: [] };
  const before = new Map<string, number>();
  for (const d of validate(p)) before.set(key(d), (before.get(key(d)) ?? 0) + 1);
  const fresh = validate(next).filter((d) => {
    const k = key(d);
    const left = before.get(k) ?? 0;
    if (left > 0) {
      before.set(k, left - 1);
      return false;
    }
    return d.severity === 'error' && concerns(d);
  });
  return fresh.length > 0 ? { value: p, diagnostics: fresh } : { value: next, diagnostics: [] };
}

const key = (d: Diagnostic): string => JSON.stringify([d.code, d.message, d.task, d.path]);

function within(d: Diagnostic, base: (string | number)[]): boolean {
  return d.path !== undefined && base.every((part, i) => d.path![i] === part);
}
