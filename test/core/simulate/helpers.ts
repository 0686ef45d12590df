// Small manifests for the simulator's tests, and readers of its results.
import type { JsonObject } from '../../../src/core/model/types';
import {
  simulate,
  simulationRunState,
  type SimulationOptions,
  type SimulationSnapshot,
} from '../../../src/core/simulate';

export const pass = { name: 'pass', container: { image: 'busybox', command: ['true'] } };

/** A Workflow whose entrypoint `main` is a DAG of `tasks` (running `pass` unless they say). */
export function dagWorkflow(
  tasks: JsonObject[],
  opts: { dag?: JsonObject; templates?: JsonObject[]; spec?: JsonObject } = {},
): JsonObject {
  return {
    apiVersion: 'argoproj.io/v1alpha1',
    kind: 'Workflow',
    metadata: { name: 'wf' },
    spec: {
      entrypoint: 'main',
      ...opts.spec,
      templates: [
        {
          name: 'main',
          dag: { ...opts.dag, tasks: tasks.map((t) => ({ template: 'pass', ...t })) },
        },
        pass,
        ...(opts.templates ?? []),
      ],
    },
  };
}

/** A Workflow whose entrypoint `main` is a steps template of `groups`. */
export function stepsWorkflow(
  groups: JsonObject[][],
  opts: { templates?: JsonObject[]; spec?: JsonObject } = {},
): JsonObject {
  return {
    apiVersion: 'argoproj.io/v1alpha1',
    kind: 'Workflow',
    metadata: { name: 'wf' },
    spec: {
      entrypoint: 'main',
      ...opts.spec,
      templates: [
        { name: 'main', steps: groups.map((g) => g.map((s) => ({ template: 'pass', ...s }))) },
        pass,
        ...(opts.templates ?? []),
      ],
    },
  };
}

/** `{ task: phase }` of the entrypoint's tasks or steps. */
export function phases(snap: SimulationSnapshot, template?: string): Record<string, string> {
  const state = simulationRunState(snap, template ? { template } : {});
  return Object.fromEntries([...state.tasks].map(([k, v]) => [k, v.phase]));
}

/** The node named `<wf>.<suffix>` (or the root for ''). */
export function node(snap: SimulationSnapshot, suffix: string) {
  const name = suffix ? `wf${suffix.startsWith('[') ? '' : '.'}${suffix}` : 'wf';
  const n = snap.nodes.find((x) => x.name === name);
  if (!n) throw new Error(`no node ${name}; nodes: ${snap.nodes.map((x) => x.name).join(', ')}`);
  return n;
}

export function run(manifest: JsonObject, options: SimulationOptions = {}): SimulationSnapshot {
  return simulate(manifest, options);
}

export const failed = (...paths: string[]): SimulationOptions['outcomes'] =>
  Object.fromEntries(paths.map((p) => [p, { phase: 'Failed' as const }]));
