/**
 * Creating pipelines and reading their canvas DAG.
 */
import { graphIndex } from '../graph/graphIndex';
import { findTemplate, workflowSpec } from './spec';
import {
  ARGO_API_VERSION,
  isObject,
  type JsonObject,
  type Pipeline,
  type Task,
  type Template,
  type WorkflowKind,
} from './types';

export interface NewPipelineOptions {
  kind?: WorkflowKind;
  /** Defaults to generateName `pipeline-` so repeated submits do not collide. */
  name?: string;
  generateName?: string;
  namespace?: string;
  /** Name of the DAG template that holds the tasks; default `main`. */
  dagName?: string;
}

/** An empty pipeline: one DAG template as entrypoint and no tasks. */
export function createPipeline(options: NewPipelineOptions = {}): Pipeline {
  const dagName = options.dagName ?? 'main';
  const metadata: JsonObject =
    options.name !== undefined
      ? { name: options.name }
      : { generateName: options.generateName ?? 'pipeline-' };
  if (options.namespace) metadata.namespace = options.namespace;
  const wfSpec: JsonObject = {
    entrypoint: dagName,
    templates: [{ name: dagName, dag: { tasks: [] } }],
  };
  const kind = options.kind ?? 'Workflow';
  return {
    apiVersion: ARGO_API_VERSION,
    kind,
    metadata,
    spec: kind === 'CronWorkflow' ? { schedules: ['0 * * * *'], workflowSpec: wfSpec } : wfSpec,
    dag: dagName,
    tasks: [],
    layout: {},
    extra: {},
  };
}

/** The task named `name`; O(1) through the cached graph index. */
export function findTask(p: Pipeline, name: string): Task | undefined {
  const at = graphIndex(p.tasks).pos.get(name);
  return at === undefined ? undefined : p.tasks[at];
}

export function taskNames(p: Pipeline): Set<string> {
  return new Set(p.tasks.map((t) => t.name));
}

/** The template a task runs, when it is defined in this manifest. */
export function taskTemplate(p: Pipeline, task: Task): Template | undefined {
  return findTemplate(p, task.template);
}

/** The template that holds the canvas DAG. */
export function dagTemplate(p: Pipeline): Template | undefined {
  return findTemplate(p, p.dag);
}

/**
 * Index of the canvas DAG template in `templates` as written (items that are
 * not templates count), or -1. Of templates sharing the name, the first with
 * a `dag` is the one the importer lifted.
 */
export function dagTemplateIndex(p: Pipeline): number {
  const list = workflowSpec(p).templates;
  if (p.dag === undefined || !Array.isArray(list)) return -1;
  const named = (t: unknown): t is Template => isTemplate(t) && t.name === p.dag;
  const dag = list.findIndex((t) => named(t) && isObject(t.dag));
  return dag >= 0 ? dag : list.findIndex(named);
}

/** Path of the workflow spec inside the manifest. */
export function workflowSpecPath(p: Pipeline): string[] {
  return p.kind === 'CronWorkflow' ? ['spec', 'workflowSpec'] : ['spec'];
}

/** Path of a task (or one of its fields) inside the compiled manifest. */
export function taskPath(
  p: Pipeline,
  taskIndex: number,
  ...field: (string | number)[]
): (string | number)[] {
  return [
    ...workflowSpecPath(p),
    'templates',
    dagTemplateIndex(p),
    'dag',
    'tasks',
    taskIndex,
    ...field,
  ];
}

export function entrypoint(p: Pipeline): string | undefined {
  const e = workflowSpec(p).entrypoint;
  return typeof e === 'string' ? e : undefined;
}

export function isTemplate(value: unknown): value is Template {
  return isObject(value) && typeof value.name === 'string';
}
