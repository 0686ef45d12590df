/**
 * Edits of a resource template (Argo's `resource`: create a Kubernetes object
 * and wait on its status): action, success and failure conditions, owner
 * reference, the raw manifest text, and for a SparkApplication the Spark form.
 * The manifest is a YAML string, read as Argo reads it (placeholders filled,
 * see parseManifestText); text that does not parse to a Kubernetes object is
 * refused with its line. The form rewrites the manifest with js-yaml and keeps
 * every key it does not model. Each Spark task has its own manifest:
 * editTaskResource first gives a task that shares a SparkApplication template
 * its own copy (forkTemplate). Checked operations return diagnostics and the
 * pipeline as it was when they refuse.
 */
import {
  dumpManifest,
  manifestObjectProblem,
  parseManifestText,
  type ManifestObject,
} from '../config/manifestText';
import { RESOURCE_ACTIONS } from '../config/configKeys';
import { error, hasErrors, type Diagnostic, type Result } from '../diagnostics';
import { deepEqual } from '../util/deepEqual';
import { updateTemplate } from './operations';
import { findTask } from './pipeline';
import { conditionProblem } from './resourceConditions';
import { findTemplate } from './spec';
import { patchSparkManifest, sparkPatchProblems, type SparkPatch } from './sparkValues';
import { forkTemplate, refused, templatePath } from './templateFields';
import { isObject, type JsonObject, type Pipeline, type Template } from './types';
import { templateUseCount } from './templateUses';

export { templateUseCount };

export { sparkFields, sparkFieldProblem, type SparkFormValues } from './sparkValues';

export const SPARK_KIND = 'SparkApplication';

/** A resource template as the inspector shows it. */
export interface ResourceView {
  action: string;
  successCondition: string;
  failureCondition: string;
  setOwnerReference: boolean;
  /** The manifest as written ('' when the template reads it from `manifestFrom`). */
  manifest: string;
  /** The manifest object, placeholders as written; undefined while it does not parse. */
  object: ManifestObject | undefined;
  /** Values that are one unquoted `{{...}}` (JSON pointers), kept unquoted on rewrite. */
  plainPlaceholders: string[];
  /** Why the manifest is not a Kubernetes object, with its line and column. */
  diagnostics: Diagnostic[];
}

const views = new WeakMap<object, ResourceView>();

/**
 * The template's resource fields, or undefined when it is not a resource
 * template. Cached per `resource` object: the inspector reads it every render.
 * @example readResource({ name: 'cm', resource: { action: 'create', manifest: 'apiVersion: v1\nkind: ConfigMap\n' } })
 *   // -> { action: 'create', object: { apiVersion: 'v1', kind: 'ConfigMap' }, diagnostics: [], ... }
 */
export function readResource(template: Template): ResourceView | undefined {
  const resource = template.resource;
  if (!isObject(resource)) return undefined;
  const hit = views.get(resource);
  if (hit) return hit;
  const str = (v: unknown): string => (typeof v === 'string' ? v : '');
  const manifest = str(resource.manifest);
  const read =
    manifest === '' && resource.manifest === undefined
      ? { object: undefined, plainPlaceholders: [], diagnostics: [] }
      : readManifestText(manifest);
  const view: ResourceView = {
    action: str(resource.action),
    successCondition: str(resource.successCondition),
    failureCondition: str(resource.failureCondition),
    setOwnerReference: resource.setOwnerReference === true,
    manifest,
    ...read,
  };
  views.set(resource, view);
  return view;
}

/** The object in manifest text, or diagnostics (code `invalid-manifest`) with the line. */
export function readManifestText(
  text: string,
): Pick<ResourceView, 'object' | 'plainPlaceholders' | 'diagnostics'> {
  const fail = (message: string, at: { line?: number; column?: number } = {}) => ({
    object: undefined,
    plainPlaceholders: [],
    diagnostics: [error('invalid-manifest', message, at)],
  });
  if (text.trim() === '') return fail('the manifest is empty', { line: 1, column: 1 });
  const parsed = parseManifestText(text);
  if (!parsed.ok) {
    const at = parsed.line !== undefined ? { line: parsed.line, column: parsed.column } : {};
    const where = parsed.line !== undefined ? ` (line ${parsed.line})` : '';
    return fail(`the manifest is not valid YAML${where}: ${parsed.message}`, at);
  }
  const problem = manifestObjectProblem(parsed.value);
  if (problem) return fail(`the manifest ${problem}`, { line: 1, column: 1 });
  return {
    object: parsed.value as ManifestObject,
    plainPlaceholders: parsed.plainPlaceholders,
    diagnostics: [],
  };
}

/** Whether the template creates a SparkApplication. */
export function isSparkTemplate(template: Template | undefined): boolean {
  return template !== undefined && readResource(template)?.object?.kind === SPARK_KIND;
}

export type ResourceField =
  'action' | 'successCondition' | 'failureCondition' | 'setOwnerReference';

/** Why `value` cannot be written to a resource field, or undefined. */
export function resourceFieldProblem(
  field: ResourceField,
  value: string | boolean,
): string | undefined {
  if (field === 'setOwnerReference') return undefined;
  const v = String(value).trim();
  if (field === 'action')
    return (RESOURCE_ACTIONS as readonly string[]).includes(v)
      ? undefined
      : `action must be one of ${RESOURCE_ACTIONS.join(', ')}, not '${v}'`;
  return conditionProblem(field, v);
}

/**
 * Sets `action`, a condition (empty removes it) or `setOwnerReference`
 * (false removes it).
 * @example setResourceField(p, 'spark', 'successCondition', 'status.applicationState.state == COMPLETED')
 */
export function setResourceField(
  p: Pipeline,
  template: string,
  field: ResourceField,
  value: string | boolean,
): Result<Pipeline> {
  const t = findTemplate(p, template);
  if (!t || !isObject(t.resource)) return refused(p, noResource(template));
  const problem = resourceFieldProblem(field, value);
  if (problem) return refused(p, at(p, template, problem, [field]));
  const v = typeof value === 'string' ? value.trim() : value;
  return {
    value: setResource(p, template, field, v === '' || v === false ? undefined : v),
    diagnostics: [],
  };
}

/**
 * Replaces the manifest with `text`, kept as written (comments, placeholders).
 * Refused when it does not parse or is not a mapping with apiVersion and kind.
 */
export function setManifestText(p: Pipeline, template: string, text: string): Result<Pipeline> {
  const t = findTemplate(p, template);
  if (!t || !isObject(t.resource)) return refused(p, noResource(template));
  const read = readManifestText(text);
  const path = templatePath(p, template, 'resource', 'manifest');
  if (read.diagnostics.length > 0)
    return refused(p, ...read.diagnostics.map((d) => ({ ...d, path })));
  return { value: setResource(p, template, 'manifest', text), diagnostics: [] };
}

/**
 * Writes the Spark form's `patch` into the template's SparkApplication
 * manifest. Refused when the manifest does not parse (fix it in the manifest
 * editor first), is not a SparkApplication, or a value breaks the CRD's rules.
 * @example setSparkFields(p, 'sparkk8sscala', { executorInstances: '3', mainClass: 'org.example.Main' })
 */
export function setSparkFields(p: Pipeline, template: string, patch: SparkPatch): Result<Pipeline> {
  const t = findTemplate(p, template);
  const view = t ? readResource(t) : undefined;
  if (!view) return refused(p, noResource(template));
  const object = view.object;
  if (!object)
    return refused(
      p,
      ...view.diagnostics.map((d) => ({
        ...d,
        message: `${d.message}; fix it in the manifest editor first`,
        path: templatePath(p, template, 'resource', 'manifest'),
      })),
    );
  if (object.kind !== SPARK_KIND)
    return refused(
      p,
      at(p, template, `the manifest creates a ${object.kind}, not a ${SPARK_KIND}`, []),
    );
  const problems = sparkPatchProblems(patch, object);
  if (problems.length > 0)
    return refused(p, ...problems.map((x) => at(p, template, x.message, ['manifest'])));
  const next = patchSparkManifest(object, patch);
  if (deepEqual(next.manifest, object)) return { value: p, diagnostics: [] };
  const text = dumpManifest(next.manifest, [...view.plainPlaceholders, ...next.plainPlaceholders]);
  return { value: setResource(p, template, 'manifest', text), diagnostics: [] };
}

/**
 * Gives `task` a template of its own when it shares one: a copy named after
 * the template and the task (forkTemplate). A no-op when nothing else runs it.
 */
export function ownTemplate(p: Pipeline, task: string): Result<Pipeline> {
  const t = findTask(p, task);
  if (
    t?.template !== undefined &&
    findTemplate(p, t.template) &&
    templateUseCount(p, t.template) <= 1
  )
    return { value: p, diagnostics: [] };
  return forkTemplate(p, task);
}

/** Whether editing `task`'s resource first gives it its own template: it shares a SparkApplication one. */
export function forksOnEdit(p: Pipeline, task: string): boolean {
  const name = findTask(p, task)?.template;
  return (
    name !== undefined && isSparkTemplate(findTemplate(p, name)) && templateUseCount(p, name) > 1
  );
}

/**
 * Applies `edit` to the resource template `task` runs. When the task shares a
 * SparkApplication template, the edit goes to a copy of its own, made only if
 * the edit changes something (each Spark task has its own manifest).
 * @example editTaskResource(p, 'spark-2', (q, t) => setSparkFields(q, t, { executorInstances: '3' }))
 */
export function editTaskResource(
  p: Pipeline,
  task: string,
  edit: (p: Pipeline, template: string) => Result<Pipeline>,
): Result<Pipeline> {
  const name = findTask(p, task)?.template;
  if (name === undefined || !findTemplate(p, name)) return refused(p, noResource(name ?? task));
  if (!forksOnEdit(p, task)) return edit(p, name);
  const owned = ownTemplate(p, task);
  const own = findTask(owned.value, task)?.template;
  if (hasErrors(owned.diagnostics) || own === undefined) return refused(p, ...owned.diagnostics);
  const r = edit(owned.value, own);
  if (hasErrors(r.diagnostics) || r.value === owned.value)
    return { value: p, diagnostics: r.diagnostics };
  return r;
}

function setResource(p: Pipeline, template: string, key: string, value: unknown): Pipeline {
  return updateTemplate(p, template, (t) => {
    const resource: JsonObject = { ...(t.resource as JsonObject) };
    if (value === undefined) delete resource[key];
    else resource[key] = value;
    return { ...t, resource };
  });
}

function noResource(template: string): Diagnostic {
  return error('no-resource', `template '${template}' is not a resource template of this workflow`);
}

function at(p: Pipeline, template: string, message: string, field: string[]): Diagnostic {
  return error('invalid-field', message, { path: templatePath(p, template, 'resource', ...field) });
}
