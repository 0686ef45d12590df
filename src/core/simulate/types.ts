/**
 * What a simulation takes and gives. The input is a manifest (plain JSON, what
 * `compile(p)` returns) and the user's what-ifs; the output is a Workflow
 * object whose `status.nodes` is shaped as Argo's controller writes it, so
 * anything that reads a real run (`runState`) reads a simulated one.
 */
import type { JsonObject } from '../model/types';

/** How a leaf (a pod, a suspend) ends. `times`: attempts that end so before one succeeds. */
export interface LeafOutcome {
  phase: 'Succeeded' | 'Failed' | 'Error';
  times?: number;
}

/**
 * Where a node is, as task and step names from the entrypoint, joined by '/':
 * `B` is task B of the entrypoint; `B/A` is task A inside the DAG task B runs;
 * `B(0:foo)` is the first item of a loop; `onExit` the workflow's exit handler
 * and `B/onExit` a task's.
 */
export type PathKey = string;

export interface SimulationOptions {
  /** Values of the workflow's parameters, over `spec.arguments`. */
  parameters?: Record<string, string>;
  /** The template to start from, instead of `spec.entrypoint`. */
  entrypoint?: string;
  /** How leaves end, by path; a loop task's path covers all its items. Default: Succeeded. */
  outcomes?: Record<PathKey, LeafOutcome>;
  /** Outputs leaves produce, by path: `{ result: 'heads', 'parameters.x': '1' }`. */
  outputs?: Record<PathKey, Record<string, string>>;
  /** Decides `when` by path, over what it evaluates to (or where it cannot be evaluated). */
  when?: Record<PathKey, boolean>;
  /** The WorkflowTemplate or ClusterWorkflowTemplate a `templateRef` names. */
  resolveTemplateRef?: (name: string, clusterScope: boolean) => JsonObject | undefined;
  /** The simulated workflow's name; default `metadata.name` or `<generateName>what-if`. */
  workflowName?: string;
  /** Reconciliations before giving up (a retry without limit on a leaf that always fails). */
  maxSteps?: number;
  /** Attempts of a retry without `limit` before the simulation stops retrying. */
  unlimitedRetries?: number;
}

export type NodeType =
  'Pod' | 'DAG' | 'Steps' | 'StepGroup' | 'TaskGroup' | 'Retry' | 'Skipped' | 'Suspend';

export type NodePhase =
  'Pending' | 'Running' | 'Succeeded' | 'Failed' | 'Error' | 'Skipped' | 'Omitted';

/** One node, as in Argo's `status.nodes` plus where it is (`path`) and when (`startedAt` as a step). */
export interface SimNode {
  id: string;
  name: string;
  displayName: string;
  type: NodeType;
  templateName?: string;
  phase: NodePhase;
  boundaryID?: string;
  children: string[];
  message?: string;
  /** Task and step names from the entrypoint; see PathKey. */
  path: string[];
  /** Reconciliation in which it started and finished. */
  startedStep: number;
  finishedStep?: number;
  /** Outputs by name: `result`, `exitCode`, `parameters.x`. */
  outputs: Record<string, string>;
  daemoned?: boolean;
  /** An exit handler or hook. */
  hooked?: boolean;
  /** Of a DAG or steps node once it ends: the nodes its dependents hang from. */
  outboundNodes?: string[];
}

/** Something the simulation could not decide and how it went on. */
export interface SimNote {
  path: PathKey;
  message: string;
}

export interface SimulationSnapshot {
  /** Reconciliations so far. */
  step: number;
  phase: 'Pending' | 'Running' | 'Succeeded' | 'Failed' | 'Error';
  message?: string;
  finished: boolean;
  /** In creation order. */
  nodes: SimNode[];
  notes: SimNote[];
  /** A Workflow object with `status` as Argo writes it (phase, nodes by id). */
  workflow: JsonObject;
}
