/**
 * The pipeline model. A pipeline is an Argo manifest with the tasks of one DAG
 * template (the canvas) lifted out so the editor can operate on them. Every
 * object keeps the keys the editor does not model, so import followed by
 * export gives back what the user wrote.
 */

export type JsonObject = { [key: string]: unknown };

export const WORKFLOW_KINDS = [
  'Workflow',
  'WorkflowTemplate',
  'ClusterWorkflowTemplate',
  'CronWorkflow',
] as const;
export type WorkflowKind = (typeof WORKFLOW_KINDS)[number];

export interface Parameter extends JsonObject {
  name: string;
  value?: string;
  default?: string;
}

export interface Arguments extends JsonObject {
  parameters?: Parameter[];
  artifacts?: JsonObject[];
}

/** A DAG task as Argo writes it (`io.argoproj.workflow.v1alpha1.DAGTask`). */
export interface Task extends JsonObject {
  name: string;
  template?: string;
  depends?: string;
  dependencies?: string[];
  arguments?: Arguments;
  when?: string;
}

/** An Argo template (`io.argoproj.workflow.v1alpha1.Template`), kept as written. */
export interface Template extends JsonObject {
  name: string;
}

export interface Metadata extends JsonObject {
  name?: string;
  generateName?: string;
  namespace?: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
}

export interface Point {
  x: number;
  y: number;
}

/** Node positions by task name: editor-only, carried in a metadata annotation. */
export type Layout = Record<string, Point>;

export interface Pipeline {
  apiVersion: string;
  kind: WorkflowKind;
  /** Metadata without the editor's layout annotation. */
  metadata: Metadata;
  /**
   * The manifest's spec. For CronWorkflow the workflow spec is `spec.workflowSpec`.
   * The canvas DAG template stays in `templates` with an empty `dag.tasks`;
   * its tasks live in `tasks`.
   */
  spec: JsonObject;
  /** Name of the template whose DAG is on the canvas; undefined when the manifest has none. */
  dag?: string;
  tasks: Task[];
  layout: Layout;
  /** Top-level keys other than apiVersion, kind, metadata and spec (status, ...). */
  extra: JsonObject;
}

export const ARGO_API_VERSION = 'argoproj.io/v1alpha1';
/** Annotation that carries node positions; stripped on import, written on export. */
export const LAYOUT_ANNOTATION = 'studio.argoflow.io/layout';

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
