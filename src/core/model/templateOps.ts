/**
 * Operations on the templates of a manifest as a whole: create a DAG or
 * steps template, make one the entrypoint, rename one (every reference
 * follows), delete one nothing uses, convert a steps template into a DAG,
 * wrap a leaf template in a DAG, and move a step. Each returns the new
 * pipeline, or diagnostics and the pipeline as it was.
 */
import { error, type Result } from '../diagnostics';
import { scopeSteps, scopeType, withScopeSteps } from './scope';
import { appendTemplate, mapTemplates, templates, withWorkflowSpec, workflowSpec } from './spec';
import { moveStep, type StepPlace } from './steps';
import { usedTemplateNames } from './templateRefs';
import { taskNameProblem, toK8sName, uniqueName } from './names';
import { isObject, type JsonObject, type Pipeline, type Template } from './types';

/** The names of the manifest's templates. */
export const taken = (p: Pipeline): Set<string> => new Set(templates(p).map((t) => t.name));

/** Adds an empty DAG or steps template (a free name from `wanted`) and shows it. */
export function createTemplate(
  p: Pipeline,
  kind: 'dag' | 'steps',
  wanted = kind === 'dag' ? 'dag' : 'steps',
): { pipeline: Pipeline; name: string } {
  const name = uniqueName(toK8sName(wanted), taken(p));
  const template: Template = kind === 'dag' ? { name, dag: { tasks: [] } } : { name, steps: [] };
  return { pipeline: { ...appendTemplate(p, template), scope: name }, name };
}

/** Makes template `name` the workflow's entrypoint. */
export function setEntrypoint(p: Pipeline, name: string): Pipeline {
  if (!taken(p).has(name) || workflowSpec(p).entrypoint === name) return p;
  return withWorkflowSpec(p, { ...workflowSpec(p), entrypoint: name });
}

/** Keys whose string value names a template of this manifest. */
const NAMING_KEYS = new Set(['template', 'entrypoint', 'onExit']);

/**
 * Renames template `from` and every place that runs it: tasks and steps
 * (`template`), the entrypoint, exit handlers and hooks, `templateRef`s are
 * left alone (they name templates of other WorkflowTemplates), and the
 * canvas positions kept for it.
 */
export function renameTemplate(p: Pipeline, from: string, to: string): Result<Pipeline> {
  if (from === to) return { value: p, diagnostics: [] };
  const names = taken(p);
  if (!names.has(from))
    return {
      value: p,
      diagnostics: [error('unknown-template', `there is no template named '${from}'`)],
    };
  const invalid = taskNameProblem(to);
  if (invalid)
    return { value: p, diagnostics: [error('invalid-name', invalid.replace('task', 'template'))] };
  if (names.has(to))
    return {
      value: p,
      diagnostics: [error('duplicate-template', `a template named '${to}' already exists`)],
    };
  const spec = renameIn(workflowSpec(p), from, to) as JsonObject;
  let next = withWorkflowSpec(p, spec);
  next = mapTemplates(next, (t) => (t.name === from ? { ...t, name: to } : t));
  const layouts = Object.assign(Object.create(null) as Pipeline['layouts'], p.layouts);
  if (Object.hasOwn(layouts, from)) {
    layouts[to] = layouts[from]!;
    delete layouts[from];
  }
  return { value: { ...next, layouts, scope: p.scope === from ? to : p.scope }, diagnostics: [] };
}

/** `value` with every `template`/`entrypoint`/`onExit` string equal to `from` set to `to`, skipping `templateRef`. */
function renameIn(value: unknown, from: string, to: string): unknown {
  if (Array.isArray(value)) {
    let changed = false;
    const next = value.map((v) => {
      const r = renameIn(v, from, to);
      if (r !== v) changed = true;
      return r;
    });
    return changed ? next : value;
  }
  if (!isObject(value)) return value;
  let changed = false;
  const entries = Object.entries(value).map(([k, v]) => {
    let r: unknown = v;
    if (NAMING_KEYS.has(k) && v === from) r = to;
    else if (k !== 'templateRef' && typeof v === 'object') r = renameIn(v, from, to);
    if (r !== v) changed = true;
    return [k, r] as const;
  });
  return changed ? Object.fromEntries(entries) : value;
}

/** Deletes template `name` when nothing runs it (the entrypoint, a task, a step, a handler). */
export function deleteTemplate(p: Pipeline, name: string): Result<Pipeline> {
  if (usedTemplateNames(p).has(name))
    return {
      value: p,
      diagnostics: [
        error('template-in-use', `template ${name} is in use; remove what runs it first`),
      ],
    };
  const list = (workflowSpec(p).templates as unknown[] | undefined) ?? [];
  const kept = list.filter((t) => !(isObject(t) && t.name === name));
  if (kept.length === list.length) return { value: p, diagnostics: [] };
  const next = withWorkflowSpec(p, { ...workflowSpec(p), templates: kept });
  return { value: p.scope === name ? { ...next, scope: undefined } : next, diagnostics: [] };
}

/** Moves a step of the steps template on the canvas (a drag to another group or place). */
export function moveScopeStep(p: Pipeline, name: string, to: StepPlace): Pipeline {
  if (scopeType(p) !== 'steps') return p;
  return withScopeSteps(p, moveStep(scopeSteps(p), name, to));
}
