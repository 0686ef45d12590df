/**
 * A simulation in the shape the canvas shows a watched run in (`RunState`):
 * the tasks or steps of one template scope by name. A looped step (steps
 * templates have no group node) shows its items' combined phase; a task the
 * finished scope never started (not needed by `dag.target`) shows as Omitted
 * with the reason, rather than as Pending for ever.
 */
import { argoPodName } from '../argo/nodeIds';
import type { RunState, TaskRun } from '../argo/client/runStatus';
import type { SimNode, SimulationSnapshot } from './types';

const LOOP_ITEM = /^(.*)\(\d+:.*\)$/s;

function combined(items: SimNode[]): string {
  const phases = items.map((n) => n.phase);
  if (phases.some((p) => p === 'Running' || p === 'Pending')) return 'Running';
  if (phases.includes('Error')) return 'Error';
  if (phases.includes('Failed')) return 'Failed';
  if (phases.includes('Succeeded')) return 'Succeeded';
  return phases[0] ?? 'Skipped';
}

/**
 * The scope node: the first DAG or steps node running `template` (the canvas's
 * template), or the workflow's root node.
 */
export function scopeNode(snap: SimulationSnapshot, template?: string): SimNode | undefined {
  const root = snap.nodes[0];
  const found =
    !template || root?.templateName === template
      ? root
      : snap.nodes.find(
          (n) =>
            n.templateName === template &&
            (n.type === 'DAG' || n.type === 'Steps' || n.type === 'Retry'),
        );
  if (found?.type !== 'Retry') return found;
  // A retried DAG or steps template: its latest attempt holds the tasks.
  const attempts = found.children.filter((id) => !snap.nodes.find((n) => n.id === id)?.hooked);
  const last = attempts[attempts.length - 1];
  return snap.nodes.find((n) => n.id === last) ?? found;
}

/**
 * RunState of one scope. `taskNames` (the scope's tasks as the editor lists
 * them) lets tasks without a node show why once the scope ended.
 */
export function simulationRunState(
  snap: SimulationSnapshot,
  options: { template?: string; taskNames?: Iterable<string> } = {},
): RunState {
  const wfName = String((snap.workflow.metadata as { name?: string }).name ?? '');
  const scope = scopeNode(snap, options.template);
  const tasks = new Map<string, TaskRun>();
  const items = new Map<string, SimNode[]>();
  const run = (n: SimNode, phase = n.phase as string): TaskRun => {
    const t: TaskRun = {
      phase,
      nodeId: n.id,
      podName: argoPodName(wfName, n.templateName ?? '', n.name),
    };
    if (n.message !== undefined) t.message = n.message;
    return t;
  };
  if (scope) {
    for (const n of snap.nodes) {
      if (n.boundaryID !== scope.id || n.hooked || n.type === 'StepGroup') continue;
      if (/\(\d+\)$/.test(n.displayName)) continue; // a retry's attempt: its Retry node speaks for it
      const loop = LOOP_ITEM.exec(n.displayName);
      if (loop) items.set(loop[1]!, [...(items.get(loop[1]!) ?? []), n]);
      else if (!tasks.has(n.displayName) || n.type === 'TaskGroup' || n.type === 'Retry')
        tasks.set(n.displayName, run(n));
    }
    for (const [name, list] of items)
      if (!tasks.has(name)) tasks.set(name, run(list[0]!, combined(list)));
    const ended = ['Succeeded', 'Failed', 'Error'].includes(scope.phase);
    if (ended)
      for (const name of options.taskNames ?? [])
        if (!tasks.has(name))
          tasks.set(name, {
            phase: 'Omitted',
            nodeId: '',
            podName: '',
            message: 'never started: not needed by dag.target, or its step group never ran',
          });
  }
  if (!scope && snap.finished)
    for (const name of options.taskNames ?? [])
      tasks.set(name, {
        phase: 'Omitted',
        nodeId: '',
        podName: '',
        message: `never started: template ${options.template ?? ''} did not run in this simulation`,
      });
  const pods = snap.nodes.filter((n) => n.type === 'Pod');
  const done = pods.filter((n) => ['Succeeded', 'Failed', 'Error'].includes(n.phase)).length;
  const state: RunState = {
    name: wfName,
    phase: snap.phase,
    progress: `${done}/${pods.length}`,
    tasks,
  };
  if (snap.message !== undefined) state.message = snap.message;
  return state;
}
