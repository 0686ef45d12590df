/**
 * Creating pipelines and reading the tasks of the template on the canvas.
 */
import { graphIndex } from '../graph/graphIndex';
import {
  scopeEntries,
  scopeSteps,
  scopeTasks,
  scopeTemplate,
  scopeType,
  templateIndex,
} from './scope';
import { findStep } from './steps';
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
    scope: dagName,
    layouts: Object.create(null) as Pipeline['layouts'],
    extra: {},
  };
}

/** The task named `name`; O(1) through the cached graph index. */
export function findTask(p: Pipeline, name: string): Task | undefined {
  if (scopeType(p) === 'steps') {
    const groups = scopeSteps(p);
    const at = findStep(groups, name);
    return at && groups[at.group]![at.index];
  }
  const tasks = scopeTasks(p);
  const at = graphIndex(tasks).pos.get(name);
  return at === undefined ? undefined : tasks[at];
}

export function taskNames(p: Pipeline): Set<string> {
  return new Set(scopeEntries(p).map((t) => t.name));
}

/** The template a task runs, when it is defined in this manifest. */
export function taskTemplate(p: Pipeline, task: Task): Template | undefined {
  return findTemplate(p, task.template);
}

/** The template on the canvas (a DAG, steps or a leaf). */
export function dagTemplate(p: Pipeline): Template | undefined {
  return scopeTemplate(p);
}

/** Index of the template on the canvas in `templates` as written, or -1. */
export function dagTemplateIndex(p: Pipeline): number {
  return templateIndex(p, p.scope);
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
