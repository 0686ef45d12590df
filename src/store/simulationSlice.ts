/**
 * Simulate: a what-if run of the document without a cluster (core
 * src/core/simulate over `compile(p)`). The user's what-ifs (how leaves end,
 * outputs, `when` decisions, parameter values) are settings; the run shown is
 * recomputed from them, to the end or to a chosen step, and handed to the
 * canvas as a watched run (`run.watch === 'simulated'`), so the canvas shows
 * it as it shows a real one. The simulator is loaded when a simulation first
 * starts, so it stays out of the entry chunk (issue 11).
 */
import type { StateCreator } from 'zustand/vanilla';
import { compile } from '../core/argo/compile';
import { knownWorkflowTemplate } from '../core/library/templateRefs';
import type { LeafOutcome, SimulationSnapshot } from '../core/simulate';
import type { EditorState } from './editorStore';
import { scopeEntries } from '../core/model/scope';

export interface SimulationSettings {
  outcomes: Record<string, LeafOutcome>;
  outputs: Record<string, Record<string, string>>;
  when: Record<string, boolean>;
  parameters: Record<string, string>;
  entrypoint?: string;
}

export interface SimulationState {
  settings: SimulationSettings;
  /** The step shown; undefined: the end. */
  step?: number;
  /** Steps the whole run takes. */
  total: number;
  snapshot: SimulationSnapshot;
}

export interface SimulationSlice {
  simulation: SimulationState | undefined;
  /** Starts (or recomputes) the simulation; resolves once it is shown. */
  startSimulation(): Promise<void>;
  stopSimulation(): void;
  /** One reconciliation forward or back (from the end, back goes to the step before it). */
  simulationStep(delta: 1 | -1): void;
  /** Shows step `n` (0: before anything ran), or the end. */
  showSimulationStep(n: number | 'end'): void;
  setSimulationOutcome(path: string, outcome: LeafOutcome | undefined): void;
  setSimulationOutput(path: string, name: string, value: string | undefined): void;
  setSimulationWhen(path: string, value: boolean | undefined): void;
  setSimulationParameter(name: string, value: string | undefined): void;
  /** Recomputes after the document changed. */
  refreshSimulation(): void;
}

const EMPTY: SimulationSettings = { outcomes: {}, outputs: {}, when: {}, parameters: {} };

/** A record without `key` (own keys only: names are data). */
function without<T>(record: Record<string, T>, key: string): Record<string, T> {
  return Object.fromEntries(Object.entries(record).filter(([k]) => k !== key));
}
function withValue<T>(
  record: Record<string, T>,
  key: string,
  value: T | undefined,
): Record<string, T> {
  const rest = without(record, key);
  if (value === undefined) return rest;
  const out = Object.fromEntries(Object.entries(rest)) as Record<string, T>;
  Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
  return out;
}

/** The simulator, once loaded: every action but start runs only while a simulation is shown. */
let engine: typeof import('../core/simulate') | undefined;

/** The run a simulation shows, as the canvas reads a run (only while one is shown, so loaded). */
export function simulatedRunState(
  ...args: Parameters<typeof import('../core/simulate').simulationRunState>
): ReturnType<typeof import('../core/simulate').simulationRunState> {
  return engine!.simulationRunState(...args);
}

export const createSimulationSlice: StateCreator<EditorState, [], [], SimulationSlice> = (
  set,
  get,
) => {
  const compute = (settings: SimulationSettings, step: number | undefined): SimulationState => {
    const { Simulation } = engine!;
    const manifest = compile(get().pipeline);
    const options = { ...settings, resolveTemplateRef: knownWorkflowTemplate };
    const full = new Simulation(manifest, options).run();
    const total = full.step;
    if (step === undefined || step >= total) return { settings, total, snapshot: full.snapshot() };
    const partial = new Simulation(manifest, options);
    for (let i = 0; i < step; i++) partial.advance();
    return { settings, step, total, snapshot: partial.snapshot() };
  };

  const show = (state: SimulationState) => {
    const p = get().pipeline;
    if (get().run && get().run?.watch !== 'simulated') get().closeRun();
    set({
      simulation: state,
      run: {
        state: simulatedRunState(state.snapshot, {
          template: p.scope,
          taskNames: scopeEntries(p).map((t) => t.name),
        }),
        watch: 'simulated',
        submitted: p,
      },
    });
  };

  const update = (change: (s: SimulationSettings) => SimulationSettings) => {
    const current = get().simulation;
    if (!current) return;
    show(compute(change(current.settings), current.step));
  };

  return {
    simulation: undefined,
    async startSimulation() {
      engine ??= await import('../core/simulate');
      show(compute(get().simulation?.settings ?? EMPTY, undefined));
    },
    stopSimulation() {
      if (get().run?.watch === 'simulated') set({ run: undefined });
      set({ simulation: undefined });
    },
    simulationStep(delta) {
      const s = get().simulation;
      if (!s) return;
      const at = s.step ?? s.total;
      const next = Math.max(0, Math.min(s.total, at + delta));
      show(compute(s.settings, next >= s.total ? undefined : next));
    },
    showSimulationStep(n) {
      const s = get().simulation;
      if (s) show(compute(s.settings, n === 'end' ? undefined : Math.max(0, n)));
    },
    setSimulationOutcome: (path, outcome) =>
      update((s) => ({ ...s, outcomes: withValue(s.outcomes, path, outcome) })),
    setSimulationOutput: (path, name, value) =>
      update((s) => {
        const current = Object.hasOwn(s.outputs, path) ? s.outputs[path]! : {};
        return { ...s, outputs: withValue(s.outputs, path, withValue(current, name, value)) };
      }),
    setSimulationWhen: (path, value) =>
      update((s) => ({ ...s, when: withValue(s.when, path, value) })),
    setSimulationParameter: (name, value) =>
      update((s) => ({ ...s, parameters: withValue(s.parameters, name, value) })),
    refreshSimulation() {
      const s = get().simulation;
      if (s && get().run?.watch === 'simulated') show(compute(s.settings, s.step));
    },
  };
};
