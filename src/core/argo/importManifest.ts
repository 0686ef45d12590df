/**
 * Argo manifest object -> pipeline. Lossless: everything except the canvas
 * DAG's tasks and the layout annotation stays where it was, untouched, so
 * compile(importManifest(doc)) deep-equals doc without that annotation.
 */
import { error, warning, type Diagnostic, type Result } from '../diagnostics';
import { emptyLayout } from '../model/layout';
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

/** Reads one manifest; the value is undefined when it is not an Argo workflow kind. */
export function importManifest(doc: unknown): Result<Pipeline | undefined> {
  if (!isObject(doc)) return fail('not-a-manifest', 'document is not a mapping of keys to values');
  const { apiVersion, kind, metadata, spec, ...extra } = doc;
  if (typeof apiVersion !== 'string' || !apiVersion.startsWith('argoproj.io/')) {
    return fail(
      'not-argo',
      `apiVersion is ${JSON.stringify(apiVersion)}, not argoproj.io/...: this is not an Argo manifest`,
      ['apiVersion'],
    );
  }
  if (!(WORKFLOW_KINDS as readonly unknown[]).includes(kind)) {
    return fail(
      'unsupported-kind',
      `kind ${JSON.stringify(kind)} is not one of ${WORKFLOW_KINDS.join(', ')}`,
      ['kind'],
    );
  }
  if (!isObject(spec)) return fail('missing-spec', 'the manifest has no spec mapping', ['spec']);
  const diagnostics: Diagnostic[] = [];
  const cronSpec = kind === 'CronWorkflow' ? upgradeSchedule(spec, diagnostics) : spec;
  const { metadata: meta, layout } = splitLayout(
    isObject(metadata) ? (metadata as Metadata) : {},
    diagnostics,
  );
  const base: Pipeline = {
    apiVersion,
    kind: kind as WorkflowKind,
    metadata: meta,
    spec: cronSpec,
    tasks: [],
    layout,
    extra,
  };
  if (metadata !== undefined && !isObject(metadata)) {
    return fail('invalid-metadata', 'metadata is not a mapping', ['metadata']);
  }
  return { value: liftDag(base, diagnostics), diagnostics };
}

/** Argo 3.6 replaced `schedule` with the `schedules` list; Argo 4 reads only the list. */
function upgradeSchedule(spec: JsonObject, diagnostics: Diagnostic[]): JsonObject {
  if (typeof spec.schedule !== 'string' || spec.schedules !== undefined) return spec;
  const schedule = spec.schedule;
  diagnostics.push(
    warning(
      'schedule-upgraded',
      `spec.schedule '${schedule}' is written as spec.schedules, the list Argo 3.6+ reads`,
      {
        path: ['spec', 'schedule'],
      },
    ),
  );
  const next: JsonObject = {};
  // Keep the list where the single value was.
  for (const [k, v] of Object.entries(spec)) {
    if (k === 'schedule') next.schedules = [schedule];
    else next[k] = v;
  }
  return next;
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
  return { metadata: next, layout: parseLayout(raw, diagnostics) };
}

/** The layout annotation is JSON `{"task": [x, y], ...}`; a damaged one is dropped with a warning. */
export function parseLayout(raw: unknown, diagnostics: Diagnostic[]): Layout {
  // Null prototype: a task named `__proto__` is a key like any other.
  const layout = emptyLayout();
  try {
    const parsed: unknown = typeof raw === 'string' ? JSON.parse(raw) : undefined;
    if (!isObject(parsed)) throw new Error('not an object');
    for (const [name, point] of Object.entries(parsed)) {
      if (
        Array.isArray(point) &&
        point.length === 2 &&
        point.every((n) => typeof n === 'number' && Number.isFinite(n))
      ) {
        layout[name] = { x: point[0] as number, y: point[1] as number };
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
  return layout;
}

/**
 * Chooses the canvas DAG (the entrypoint when it is a DAG, else the first DAG
 * template) and lifts its tasks out of the spec.
 */
function liftDag(p: Pipeline, diagnostics: Diagnostic[]): Pipeline {
  const wfSpec: unknown = p.kind === 'CronWorkflow' ? p.spec.workflowSpec : p.spec;
  if (!isObject(wfSpec) || !Array.isArray(wfSpec.templates)) return p;
  const list = wfSpec.templates as unknown[];
  const isDag = (t: unknown): t is JsonObject & { name: string; dag: JsonObject } =>
    isObject(t) && typeof t.name === 'string' && isObject(t.dag);
  const index = list.findIndex((t) => isDag(t) && t.name === wfSpec.entrypoint);
  const at = index >= 0 ? index : list.findIndex(isDag);
  const template = list[at];
  if (!isDag(template)) return p;
  const rawTasks = template.dag.tasks;
  if (rawTasks !== undefined && !Array.isArray(rawTasks)) return p;
  const tasks = (rawTasks ?? []) as unknown[];
  if (!tasks.every((t) => isObject(t) && typeof t.name === 'string')) {
    diagnostics.push(
      warning(
        'unnamed-task',
        `DAG template ${template.name} has tasks without a name; it is kept as YAML and not shown on the canvas`,
      ),
    );
    return p;
  }
  const templates = list.slice();
  templates[at] = { ...template, dag: { ...template.dag, tasks: [] } };
  const nextWf = { ...wfSpec, templates };
  const spec = p.kind === 'CronWorkflow' ? { ...p.spec, workflowSpec: nextWf } : nextWf;
  return { ...p, spec, dag: template.name, tasks: tasks as Task[] };
}
