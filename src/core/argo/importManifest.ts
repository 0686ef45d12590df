/**
 * Argo manifest object -> pipeline. Lossless: everything but the layout
 * annotation stays where it was, untouched, so compile(importManifest(doc))
 * deep-equals doc without that annotation. The canvas opens on the
 * entrypoint (`defaultScope`).
 */
import { error, warning, type Diagnostic, type Result } from '../diagnostics';
import { emptyLayout } from '../model/layout';
import { defaultScope, scopeTemplate, templateIndex } from '../model/scope';
import { workflowSpecPath } from '../model/pipeline';
import { workflowSpec } from '../model/spec';
import { standIn } from '../model/standIns';
import { clip, shown, typeName } from '../util/describe';
import {
  isObject,
  LAYOUT_ANNOTATION,
  WORKFLOW_KINDS,
  type JsonObject,
  type Layout,
  type Metadata,
  type Pipeline,
  type Template,
  type WorkflowKind,
} from '../model/types';

/** What a workflow of each kind needs in its spec, for the message when there is none. */
const SPEC_NEEDS: Record<WorkflowKind, string> = {
  Workflow: 'spec.entrypoint and spec.templates',
  WorkflowTemplate: 'spec.templates',
  ClusterWorkflowTemplate: 'spec.templates',
  CronWorkflow: 'spec.schedules and spec.workflowSpec',
};

/**
 * Reads one manifest; the value is undefined when it is not an Argo workflow
 * kind or a part cannot be kept as written. A manifest without `metadata` or
 * `spec` still opens (with an error for the missing spec), and exports
 * without them.
 */
export function importManifest(doc: unknown): Result<Pipeline | undefined> {
  if (!isObject(doc))
    return fail(
      'not-a-manifest',
      `the document is ${typeName(doc)}, not a mapping of keys to values`,
      [],
    );
  const { apiVersion, kind, metadata, spec, ...extra } = doc;
  if (typeof apiVersion !== 'string' || !apiVersion.startsWith('argoproj.io/')) {
    const is = apiVersion === undefined ? 'missing' : shown(apiVersion, '"');
    return fail(
      'not-argo',
      `apiVersion is ${is}, not argoproj.io/...: this is not an Argo manifest`,
      ['apiVersion'],
    );
  }
  if (!(WORKFLOW_KINDS as readonly unknown[]).includes(kind)) {
    const which = kind === undefined ? 'is missing; it must be' : `${shown(kind, '"')} is not`;
    return fail('unsupported-kind', `kind ${which} one of ${WORKFLOW_KINDS.join(', ')}`, ['kind']);
  }
  const workflowKind = kind as WorkflowKind;
  if (metadata !== undefined && !isObject(metadata))
    return fail('invalid-metadata', `metadata is ${typeName(metadata)}, not a mapping`, [
      'metadata',
    ]);
  if (spec !== undefined && !isObject(spec))
    return fail('invalid-spec', `spec is ${typeName(spec)}, not a mapping`, ['spec']);
  const diagnostics: Diagnostic[] = [];
  if (spec === undefined)
    diagnostics.push(
      error(
        'missing-spec',
        `the manifest has no spec: a ${workflowKind} needs ${SPEC_NEEDS[workflowKind]}`,
        { path: ['spec'] },
      ),
    );
  const specObject = spec ?? standIn();
  const cronSpec =
    workflowKind === 'CronWorkflow' ? upgradeSchedule(specObject, diagnostics) : specObject;
  const { metadata: meta, layout } = splitLayout(
    (metadata as Metadata | undefined) ?? standIn(),
    diagnostics,
  );
  const base: Pipeline = {
    apiVersion,
    kind: workflowKind,
    metadata: meta,
    spec: cronSpec,
    layouts: Object.create(null) as Pipeline['layouts'],
    extra,
  };
  const p: Pipeline = { ...base, scope: defaultScope(base) };
  checkCanvasTasks(p, diagnostics);
  return { value: { ...p, layouts: layoutsOf(p, layout) }, diagnostics };
}

/**
 * Positions by template. The annotation holds `{"template": {"task": [x, y]}}`;
 * files saved before the editor showed every template hold `{"task": [x, y]}`
 * for the one DAG it showed then (the entrypoint's, else the first).
 */
function layoutsOf(
  p: Pipeline,
  raw: Record<string, Layout | [number, number]>,
): Pipeline['layouts'] {
  const layouts = Object.create(null) as Pipeline['layouts'];
  const flat = Object.values(raw).some((v) => Array.isArray(v));
  if (!flat) {
    for (const [template, layout] of Object.entries(raw)) layouts[template] = layout as Layout;
    return layouts;
  }
  const dags = (workflowSpec(p).templates as unknown[] | undefined) ?? [];
  const isDag = (t: unknown): t is Template => isObject(t) && isObject(t.dag);
  const entry = workflowSpec(p).entrypoint;
  const old = dags.find((t) => isDag(t) && t.name === entry) ?? dags.find(isDag);
  if (!isDag(old)) return layouts;
  const layout = emptyLayout();
  for (const [name, point] of Object.entries(raw))
    if (Array.isArray(point)) layout[name] = { x: point[0], y: point[1] };
  layouts[old.name] = layout;
  return layouts;
}

/** Argo 3.6 replaced `schedule` with the `schedules` list; Argo 4 reads only the list. */
function upgradeSchedule(spec: JsonObject, diagnostics: Diagnostic[]): JsonObject {
  if (typeof spec.schedule !== 'string' || spec.schedules !== undefined) return spec;
  const schedule = spec.schedule;
  diagnostics.push(
    warning(
      'schedule-upgraded',
      `spec.schedule ${shown(schedule)} is written as spec.schedules, the list Argo 3.6+ reads`,
      {
        path: ['spec', 'schedule'],
      },
    ),
  );
  // Keep the list where the single value was.
  return Object.fromEntries(
    Object.entries(spec).map(([k, v]) => (k === 'schedule' ? ['schedules', [schedule]] : [k, v])),
  );
}

function fail(code: string, message: string, path?: string[]): Result<undefined> {
  return { value: undefined, diagnostics: [error(code, message, path ? { path } : {})] };
}

function splitLayout(
  metadata: Metadata,
  diagnostics: Diagnostic[],
): { metadata: Metadata; layout: Record<string, Layout | [number, number]> } {
  const annotations = metadata.annotations;
  if (!isObject(annotations) || !(LAYOUT_ANNOTATION in annotations))
    return { metadata, layout: Object.create(null) as Record<string, Layout> };
  const { [LAYOUT_ANNOTATION]: raw, ...rest } = annotations as Record<string, unknown>;
  const next: Metadata = { ...metadata, annotations: rest as Record<string, string> };
  if (Object.keys(rest).length === 0) delete next.annotations;
  // Metadata that held only the layout was the editor's: a file saved without
  // metadata reopens without it.
  const kept = Object.keys(next).length === 0 ? standIn() : next;
  return { metadata: kept, layout: parseLayout(raw, diagnostics) };
}

/**
 * The layout annotation: JSON `{"template": {"task": [x, y]}}`, or the older
 * `{"task": [x, y]}`; a damaged one is dropped with a warning. Each layout
 * read has a null prototype, so a task named `constructor` reads as no
 * position, not Object's.
 */
export function parseLayout(
  raw: unknown,
  diagnostics: Diagnostic[],
): Record<string, Layout | [number, number]> {
  const out = Object.create(null) as Record<string, Layout | [number, number]>;
  try {
    const parsed: unknown = typeof raw === 'string' ? JSON.parse(raw) : undefined;
    if (!isObject(parsed)) throw new Error('not an object');
    for (const [name, value] of Object.entries(parsed)) {
      if (isPoint(value)) out[name] = value;
      else if (isObject(value)) out[name] = pointsOf(value);
    }
  } catch {
    diagnostics.push(
      warning(
        'invalid-layout',
        `annotation ${LAYOUT_ANNOTATION} is not valid layout JSON; positions will be laid out anew`,
        {
          path: ['metadata', 'annotations', LAYOUT_ANNOTATION],
        },
      ),
    );
  }
  return out;
}

function isPoint(value: unknown): value is [number, number] {
  return (
    Array.isArray(value) &&
    value.length === 2 &&
    value.every((n) => typeof n === 'number' && Number.isFinite(n))
  );
}

function pointsOf(value: Record<string, unknown>): Layout {
  const layout = emptyLayout();
  for (const [name, point] of Object.entries(value))
    if (isPoint(point)) layout[name] = { x: point[0], y: point[1] };
  return layout;
}

/**
 * A DAG on the canvas whose tasks are not all named mappings cannot be edited
 * there (editing around them would drop them): say where, at its line.
 */
function checkCanvasTasks(p: Pipeline, diagnostics: Diagnostic[]): void {
  const template = scopeTemplate(p);
  if (!template || !isObject(template.dag)) return;
  const at = templateIndex(p, p.scope);
  const tasksPath = [...workflowSpecPath(p), 'templates', at, 'dag', 'tasks'];
  const where = `templates.${clip(template.name)}.dag.tasks`;
  const rawTasks = template.dag.tasks;
  if (rawTasks !== undefined && !Array.isArray(rawTasks)) {
    diagnostics.push(
      error('invalid-tasks', `${where} is ${typeName(rawTasks)}, not a list of tasks`, {
        path: tasksPath,
      }),
    );
    return;
  }
  const tasks = (rawTasks ?? []) as unknown[];
  const bad = tasks.findIndex((t) => !isObject(t) || typeof t.name !== 'string');
  if (bad < 0) return;
  const task = tasks[bad];
  const problem = !isObject(task)
    ? `[${bad}] is ${typeName(task)}, not a task`
    : task.name === undefined
      ? `[${bad}].name is required`
      : `[${bad}].name must be a string, not ${typeName(task.name)}`;
  diagnostics.push(
    error(
      'unnamed-task',
      `${where}${problem}; the DAG is kept as YAML and cannot be edited on the canvas until it is fixed`,
      { path: isObject(task) ? [...tasksPath, bad, 'name'] : [...tasksPath, bad] },
    ),
  );
}
