/**
 * The contract between the simulator's engine and the DAG and steps
 * executors: how a template is called, and what the engine does for them.
 */
import type { JsonObject } from '../model/types';
import type { LeafOutcome, NodePhase, NodeType, SimNode, SimulationOptions } from './types';

/** Templates a call resolves `template:` names in: the manifest's, or a referenced WorkflowTemplate's. */
export interface TemplateContext {
  templates: ReadonlyMap<string, JsonObject>;
  /** `local/<wf>`, `namespaced/<name>` or `cluster/<name>`, as node.templateScope. */
  scope: string;
}

/** One call of a template (executeTemplate's arguments). */
export interface Call {
  nodeName: string;
  displayName: string;
  /** The task, step or hook: `template`, `templateRef` or `inline`, and `arguments`, substituted. */
  holder: JsonObject;
  boundaryID?: string;
  path: string[];
  ctx: TemplateContext;
  /** An exit handler or hook. */
  hooked?: boolean;
  /** Inside a Retry node: the attempt's index (no second Retry around it). */
  attempt?: number;
}

export interface NewNode {
  name: string;
  displayName: string;
  type: NodeType;
  phase: NodePhase;
  path: string[];
  boundaryID?: string;
  templateName?: string;
  message?: string;
  hooked?: boolean;
}

export interface Engine {
  readonly options: SimulationOptions;
  readonly step: number;
  readonly global: ReadonlyMap<string, string>;
  node(name: string): SimNode | undefined;
  byId(id: string): SimNode | undefined;
  create(fields: NewNode): SimNode;
  addChild(parent: SimNode, child: SimNode): void;
  finish(node: SimNode, phase: NodePhase, message?: string): SimNode;
  execute(call: Call): SimNode;
  /** Runs a task's or step's exit hook once it completed; undefined when it has none. */
  runExitHook(
    holder: JsonObject,
    parent: SimNode,
    call: Omit<Call, 'holder' | 'nodeName' | 'displayName' | 'path'>,
    scope: ReadonlyMap<string, string>,
  ): SimNode | undefined;
  note(path: string[], message: string): void;
  /** `when` of a task or step: its value, Argo's error, or the user's choice where it cannot be told. */
  when(text: unknown, path: string[]): { value: boolean } | { error: string };
  outcome(path: string[]): LeafOutcome | undefined;
}

export const isFulfilled = (n: SimNode): boolean =>
  ['Succeeded', 'Failed', 'Error', 'Skipped', 'Omitted'].includes(n.phase) ||
  (n.daemoned === true && n.phase !== 'Pending');
export const isCompleted = (n: SimNode): boolean =>
  n.phase === 'Succeeded' || n.phase === 'Failed' || n.phase === 'Error';
export const failedOrError = (phase: string): boolean => phase === 'Failed' || phase === 'Error';

/** `continueOn: {failed, error}` of a task or step allows this phase. */
export function continuesOn(holder: JsonObject, phase: string): boolean {
  const c = holder.continueOn;
  if (typeof c !== 'object' || c === null) return false;
  const o = c as Record<string, unknown>;
  return (phase === 'Failed' && o.failed === true) || (phase === 'Error' && o.error === true);
}

/**
 * The nodes a later node hangs from (operator.go `getOutboundNodes`): a pod
 * itself, a loop's items, a retry's last attempt, a DAG's or steps' outbound.
 */
export function outboundNodes(e: Engine, node: SimNode): string[] {
  switch (node.type) {
    case 'Pod':
    case 'Skipped':
    case 'Suspend':
      return [node.id];
    case 'TaskGroup':
      if (node.children.length === 0) return [node.id];
      return node.children.flatMap((c) => {
        const child = e.byId(c);
        return child ? outboundNodes(e, child) : [];
      });
    case 'Retry': {
      const attempts = node.children.filter((c) => !e.byId(c)?.hooked);
      const last = attempts[attempts.length - 1];
      if (last) return [last];
      return [];
    }
    default:
      return (node.outboundNodes ?? []).flatMap((id) => {
        const n = e.byId(id);
        return n ? outboundNodes(e, n) : [];
      });
  }
}
