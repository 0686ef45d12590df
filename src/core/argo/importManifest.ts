/**
 * Argo manifest object -> pipeline. Lossless: everything except the canvas
 * DAG's tasks and the layout annotation stays where it was, untouched, so
 * compile(importManifest(doc)) deep-equals doc without that annotation.
 */
import { error, warning, type Diagnostic, type Result } from '../diagnostics';
import { emptyLayout } from '../model/layout';
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
  type Task,
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
    tasks: [],
    layout,
    extra,
  };
  return { value: liftDag(base, diagnostics), diagnostics };
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
): { metadata: Metadata; layout: Layout } {
  const annotations = metadata.annotations;
  if (!isObject(annotations) || !(LAYOUT_ANNOTATION in annotations))
    return { metadata, layout: {} };
  const { [LAYOUT_ANNOTATION]: raw, ...rest } = annotations as Record<string, unknown>;
  const next: Metadata = { ...metadata, annotations: rest as Record<string, string> };
  if (Object.keys(rest).length === 0) delete next.annotations;
  // Metadata that held only the layout was the editor's: a file saved without
  // metadata reopens without it.
  const kept = Object.keys(next).length === 0 ? standIn() : next;
  return { metadata: kept, layout: parseLayout(raw, diagnostics) };
}

/** The layout annotation is JSON `{"task": [x, y], ...}`; a damaged one is dropped with a warning. */
export function parseLayout(raw: unknown, diagnostics: Diagnostic[]): Layout {
  // Built from entries: a task named `__proto__` stays a key, not the prototype.
  const entries: [string, { x: number; y: number }][] = [];
  try {
    const parsed: unknown = typeof raw === 'string' ? JSON.parse(raw) : undefined;
    if (!isObject(parsed)) throw new Error('not an object');
    for (const [name, point] of Object.entries(parsed)) {
      if (
        Array.isArray(point) &&
        point.length === 2 &&
        point.every((n) => typeof n === 'number' && Number.isFinite(n))
      ) {
        entries.push([name, { x: point[0] as number, y: point[1] as number }]);
      }
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
  // Null prototype: a task named `constructor` reads as no position, not Object's.
  return Object.assign(emptyLayout(), Object.fromEntries(entries));
}

/**
 * Chooses the canvas DAG (the entrypoint when it is a DAG, else the first DAG
 * template) and lifts its tasks out of the spec.
 */
function liftDag(p: Pipeline, diagnostics: Diagnostic[]): Pipeline {
  const cron = p.kind === 'CronWorkflow';
  const wfSpec: unknown = cron ? p.spec.workflowSpec : p.spec;
  if (!isObject(wfSpec) || !Array.isArray(wfSpec.templates)) return p;
  const list = wfSpec.templates as unknown[];
  const isDag = (t: unknown): t is JsonObject & { name: string; dag: JsonObject } =>
    isObject(t) && typeof t.name === 'string' && isObject(t.dag);
  const index = list.findIndex((t) => isDag(t) && t.name === wfSpec.entrypoint);
  const at = index >= 0 ? index : list.findIndex(isDag);
  const template = list[at];
  if (!isDag(template)) return p;
  const tasksPath = [
    ...(cron ? ['spec', 'workflowSpec'] : ['spec']),
    'templates',
    at,
    'dag',
    'tasks',
  ];
  const where = `templates.${clip(template.name)}.dag.tasks`;
  const rawTasks = template.dag.tasks;
  if (rawTasks !== undefined && !Array.isArray(rawTasks)) {
    diagnostics.push(
      error('invalid-tasks', `${where} is ${typeName(rawTasks)}, not a list of tasks`, {
        path: tasksPath,
      }),
    );
    return p;
  }
  const tasks = (rawTasks ?? []) as unknown[];
  const bad = tasks.findIndex((t) => !isObject(t) || typeof t.name !== 'string');
  if (bad >= 0) {
    const task = tasks[bad];
    const problem = !isObject(task)
      ? `[${bad}] is ${typeName(task)}, not a task`
      : task.name === undefined
        ? `[${bad}].name is required`
        : `[${bad}].name must be a string, not ${typeName(task.name)}`;
    diagnostics.push(
      error(
        'unnamed-task',
        `${where}${problem}; the DAG is kept as YAML and not shown on the canvas`,
        { path: isObject(task) ? [...tasksPath, bad, 'name'] : [...tasksPath, bad] },
      ),
    );
    return p;
  }
  // A DAG written without a `tasks` key keeps that form until a task is added.
  const dag = rawTasks === undefined ? template.dag : { ...template.dag, tasks: [] };
  const templates = list.slice();
  templates[at] = { ...template, dag };
  const nextWf = { ...wfSpec, templates };
  const spec = cron ? { ...p.spec, workflowSpec: nextWf } : nextWf;
  return { ...p, spec, dag: template.name, tasks: tasks as Task[] };
}
