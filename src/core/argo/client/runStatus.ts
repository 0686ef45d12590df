/**
 * A Workflow's live status, read for the canvas: the workflow's phase and
 * progress, and the node of each task or step of the template on the canvas
 * (phase, times, message, pod id), at any drill level: the nodes of a nested
 * template have the node of the task that called it as their boundary.
 */
import { isObject, type JsonObject } from '../../model/types';

export const FINAL_PHASES = new Set(['Succeeded', 'Failed', 'Error']);

export interface TaskRun {
  phase: string;
  nodeId: string;
  /** The pod to ask for logs (Argo's log API takes the pod name, not the node id). */
  podName: string;
  startedAt?: string;
  finishedAt?: string;
  message?: string;
  /** For a task that runs a DAG or steps template: how its own tasks stand. */
  children?: { succeeded: number; total: number };
}

export interface RunState {
  name: string;
  namespace?: string;
  phase: string;
  progress?: string;
  message?: string;
  startedAt?: string;
  finishedAt?: string;
  /** By task name (a Map: `constructor` is a task name like any other). */
  tasks: ReadonlyMap<string, TaskRun>;
}

const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

/** Node phases that count as done well, for a parent's summary. */
const GOOD = new Set(['Succeeded', 'Skipped']);
/** Nodes Argo adds for structure, not for a task or step. */
const STRUCTURE = new Set(['StepGroup', 'TaskGroup']);

/**
 * Reads a Workflow object. A task's node is the one whose displayName is the
 * task name directly inside its template's node (boundaryID); retried tasks
 * have a Retry node by that name, which carries the task's phase. `via` are
 * the tasks or steps drilled through from the entrypoint (the breadcrumb):
 * each one's node is the boundary of the level below it.
 */
export function runState(workflow: JsonObject, via: readonly string[] = []): RunState {
  const metadata = isObject(workflow.metadata) ? workflow.metadata : {};
  const status = isObject(workflow.status) ? workflow.status : {};
  const name = str(metadata.name) ?? '';
  const nodes = isObject(status.nodes) ? Object.values(status.nodes).filter(isObject) : [];
  let root: JsonObject | undefined =
    nodes.find((n) => n.id === name) ??
    nodes.find((n) => !n.boundaryID && (n.type === 'DAG' || n.type === 'Steps'));
  for (const step of via) {
    if (!root) break;
    const boundary: unknown = root.id;
    root = nodes.find(
      (n) => n.displayName === step && n.boundaryID === boundary && !STRUCTURE.has(String(n.type)),
    );
  }
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const within = new Map<unknown, JsonObject[]>();
  for (const n of nodes)
    if (!STRUCTURE.has(String(n.type)))
      within.set(n.boundaryID, [...(within.get(n.boundaryID) ?? []), n]);
  const tasks = new Map<string, TaskRun>();
  if (via.length > 0 && !root) return { ...summary(name, metadata, status), tasks };
  for (const node of nodes) {
    const task = str(node.displayName);
    if (!task || node === root || STRUCTURE.has(String(node.type))) continue;
    if (root && node.boundaryID !== undefined && node.boundaryID !== root.id) continue;
    if (root && node.boundaryID === undefined && via.length > 0) continue;
    if (tasks.has(task) && node.type !== 'Retry') continue;
    const nodeId = str(node.id) ?? '';
    // A Retry node has no pod of its own: its attempts (children, newest last) do.
    const attempts = node.type === 'Retry' && Array.isArray(node.children) ? node.children : [];
    const pod = byId.get(attempts[attempts.length - 1]) ?? node;
    tasks.set(task, {
      phase: str(node.phase) ?? 'Pending',
      nodeId,
      podName: podName(name, str(pod.id) ?? '', templateOf(pod)),
      startedAt: str(node.startedAt),
      finishedAt: str(node.finishedAt),
      message: str(node.message),
      ...childrenOf(within.get(node.id)),
    });
  }
  return { ...summary(name, metadata, status), tasks };
}

function summary(name: string, metadata: JsonObject, status: JsonObject): Omit<RunState, 'tasks'> {
  return {
    name,
    namespace: str(metadata.namespace),
    phase: str(status.phase) ?? 'Pending',
    progress: str(status.progress),
    message: str(status.message),
    startedAt: str(status.startedAt),
    finishedAt: str(status.finishedAt),
  };
}

/** How the tasks inside a task's own template stand (none for a pod). */
function childrenOf(children: JsonObject[] | undefined): Pick<TaskRun, 'children'> {
  const own = (children ?? []).filter((n) => !/\(\d+\)$/.test(String(n.displayName)));
  if (own.length === 0) return {};
  const succeeded = own.filter((n) => GOOD.has(String(n.phase))).length;
  return { children: { succeeded, total: own.length } };
}

function templateOf(node: JsonObject): string | undefined {
  const ref = isObject(node.templateRef) ? str(node.templateRef.template) : undefined;
  return str(node.templateName) ?? ref;
}

/** Argo puts pod names in the DNS subdomain limit: 253 less the hash and its dash. */
const MAX_POD_PREFIX = 253 - 10 - 1;

/**
 * A pod's name from its node (POD_NAMES=v2, the default since Argo 3.4):
 * `<workflow>-<template>-<hash>`, where the node id is `<workflow>-<hash>`
 * (workflow/util GeneratePodName). Falls back to the node id (v1 names).
 */
export function podName(workflow: string, nodeId: string, template: string | undefined): string {
  if (!template || !nodeId.startsWith(`${workflow}-`)) return nodeId;
  const hash = nodeId.slice(workflow.length + 1);
  const prefix = `${workflow}-${template}`.slice(0, MAX_POD_PREFIX);
  return `${prefix}-${hash}`;
}

/** Seconds between two timestamps (or until `now`), for the node's duration label. */
export function durationSeconds(
  startedAt?: string,
  finishedAt?: string,
  now = Date.now(),
): number | undefined {
  if (!startedAt) return undefined;
  const start = Date.parse(startedAt);
  const end = finishedAt ? Date.parse(finishedAt) : now;
  return Number.isFinite(start) && Number.isFinite(end)
    ? Math.max(0, Math.round((end - start) / 1000))
    : undefined;
}

export function formatDuration(seconds: number | undefined): string {
  if (seconds === undefined) return '';
  if (seconds < 60) return `${seconds}s`;
  const m = Math.floor(seconds / 60);
  return m < 60 ? `${m}m ${seconds % 60}s` : `${Math.floor(m / 60)}h ${m % 60}m`;
}
