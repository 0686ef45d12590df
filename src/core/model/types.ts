/**
 * The pipeline model. A pipeline is an Argo manifest as written, plus what
 * only the editor needs: which template the canvas shows (its scope) and the
 * positions of the nodes of every template's canvas. Every object keeps the
 * keys the editor does not model, so import followed by export gives back
 * what the user wrote.
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

/** Node positions by task name within one template's canvas. */
export type Layout = Record<string, Point>;

/** Positions of every template's canvas, by template name: editor-only, carried in a metadata annotation. */
export type Layouts = Record<string, Layout>;

export interface Pipeline {
  apiVersion: string;
  kind: WorkflowKind;
  /** Metadata without the editor's layout annotation. */
  metadata: Metadata;
  /** The manifest's spec. For CronWorkflow the workflow spec is `spec.workflowSpec`. */
  spec: JsonObject;
  /**
   * The template the canvas shows (a DAG, a steps template or a leaf);
   * undefined when the manifest has no template. Navigation, not content:
   * compile ignores it.
   */
  scope?: string;
  /** Node positions per template (`layouts[template][node]`). */
  layouts: Layouts;
  /** Top-level keys other than apiVersion, kind, metadata and spec (status, ...). */
  extra: JsonObject;
}

export const ARGO_API_VERSION = 'argoproj.io/v1alpha1';
/** Annotation that carries node positions; stripped on import, written on export. */
export const LAYOUT_ANNOTATION = 'studio.argoflow.io/layout';

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
