// Placing tasks that have no positions, and Auto-layout on request. The graph
// shows at once, placed by dependency level (milliseconds at 10,000 tasks);
// the layered layout then runs in the background with progress and cancel,
// when the graph is small enough for it, and for a limited time. Whatever
// happens is said in words in the layout status (store.layoutJob).
import { NODE_HEIGHT } from '../../core/graph/layoutSpacing';
import { LAYERED_LAYOUT_LIMIT, LAYOUT_BUDGET_MS, planLayout } from '../../core/graph/layoutPlan';
import { levelLayout } from '../../core/graph/levelLayout';
import { nodeHeights } from '../../core/model/dataFlow';
import { placesAll, withPoints } from '../../core/model/layout';
import type { Layout, Pipeline, Task } from '../../core/model/types';
import type { EditorStore } from '../../store/editorStore';
import { startLayeredLayout, type LayoutOutcome, type LayoutRun } from './runLayout';
import { scopeLayout, scopeTasks, withScopeLayout } from '../../core/model/scope';

export interface LayoutDeps {
  start(tasks: readonly Task[], heights: ReadonlyMap<string, number>, budgetMs: number): LayoutRun;
  budgetMs: number;
  /** Largest layered size (tasks plus long-edge dummies) given to the layered layout. */
  limit: number;
}

export const browserLayoutDeps: LayoutDeps = {
  start: (tasks, heights, budgetMs) => startLayeredLayout(tasks, heights, { budgetMs }),
  budgetMs: LAYOUT_BUDGET_MS,
  limit: LAYERED_LAYOUT_LIMIT,
};

const count = (n: number) => `${n.toLocaleString('en-US')} task${n === 1 ? '' : 's'}`;
const seconds = (ms: number) => `${Math.round(ms / 1000)} s`;

/** Stops a layout still running (a new document, New, another Auto-layout). */
export function cancelLayout(store: EditorStore): void {
  const job = store.getState().layoutJob;
  if (job?.phase === 'running') job.cancel();
  store.getState().setLayoutJob(undefined);
}

/**
 * Shows an opened pipeline. Tasks without positions are placed by level at
 * once (`onPlaced` fits the view), then laid out in the background.
 */
export function placeOpened(
  store: EditorStore,
  pipeline: Pipeline,
  deps: LayoutDeps,
  onPlaced: () => void,
): void {
  cancelLayout(store);
  const names = scopeTasks(pipeline).map((t) => t.name);
  if (placesAll(scopeLayout(pipeline), names)) {
    store.getState().setPipeline(pipeline);
    onPlaced();
    return;
  }
  const heights = nodeHeights(pipeline, NODE_HEIGHT);
  // Positions the file has win over the placement by level.
  const layout = withPoints(
    levelLayout(scopeTasks(pipeline), heights),
    Object.entries(scopeLayout(pipeline)),
  );
  store.getState().setPipeline(withScopeLayout(pipeline, layout));
  // Placing an opened document is not an edit of it (the file keeps its text).
  store.getState().rebaseline(pipeline);
  onPlaced();
  const plan = planLayout(scopeTasks(pipeline), deps.limit);
  if (plan.layered) refine(store, heights, deps, onPlaced, 'open');
  else if (scopeTasks(pipeline).length >= 3) {
    store.getState().setLayoutJob({
      phase: 'ended',
      message: `${count(scopeTasks(pipeline).length)} placed by dependency level. The full layout was not started: at this size (${plan.size.toLocaleString('en-US')} nodes with long edges) it would take minutes.`,
    });
  }
}

/** Auto-layout: the layered layout in the background, or by level when the graph is too large. */
export function layOutOnRequest(store: EditorStore, deps: LayoutDeps, onPlaced: () => void): void {
  cancelLayout(store);
  const p = store.getState().pipeline;
  if (scopeTasks(p).length === 0) return;
  const heights = nodeHeights(p, NODE_HEIGHT);
  const plan = planLayout(scopeTasks(p), deps.limit);
  if (!plan.layered) {
    placeByLevel(store, p, heights);
    onPlaced();
    if (scopeTasks(p).length >= 3)
      store.getState().setLayoutJob({
        phase: 'ended',
        message: `${count(scopeTasks(p).length)} laid out by dependency level: the full layout of a graph this size (${plan.size.toLocaleString('en-US')} nodes with long edges) would take minutes.`,
      });
    return;
  }
  refine(store, heights, deps, onPlaced, 'request');
}

function placeByLevel(store: EditorStore, p: Pipeline, heights: ReadonlyMap<string, number>) {
  store.getState().placeTasks(new Map(Object.entries(levelLayout(scopeTasks(p), heights))));
}

/** Same tasks by name: positions computed for one apply to the other. */
function sameTasks(a: readonly Task[], b: readonly Task[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  const names = new Set(a.map((t) => t.name));
  return b.every((t) => names.has(t.name));
}

function refine(
  store: EditorStore,
  heights: ReadonlyMap<string, number>,
  deps: LayoutDeps,
  onPlaced: () => void,
  mode: 'open' | 'request',
): void {
  const started = store.getState().pipeline;
  const run = deps.start(scopeTasks(started), heights, deps.budgetMs);
  store.getState().setLayoutJob({
    phase: 'running',
    tasks: scopeTasks(started).length,
    startedAt: run.startedAt,
    budgetMs: deps.budgetMs,
    cancel: run.cancel,
  });
  void run.outcome.then((outcome) => {
    const job = store.getState().layoutJob;
    // Superseded (another layout, a new document, cancelLayout): nothing to report.
    if (job?.phase !== 'running' || job.cancel !== run.cancel) return;
    const message = settle(store, started, heights, outcome, mode, deps.budgetMs);
    store.getState().setLayoutJob(message ? { phase: 'ended', message } : undefined);
    if (outcome.kind === 'done' || (outcome.kind === 'timeout' && mode === 'request')) onPlaced();
  });
}

/** Applies what the layered layout came to; returns what to tell the user, if anything. */
function settle(
  store: EditorStore,
  started: Pipeline,
  heights: ReadonlyMap<string, number>,
  outcome: LayoutOutcome,
  mode: 'open' | 'request',
  budgetMs: number,
): string | undefined {
  const n = count(scopeTasks(started).length);
  const kept = mode === 'open' ? 'they stay placed by dependency level' : 'nothing moved';
  switch (outcome.kind) {
    case 'done': {
      if (!sameTasks(scopeTasks(store.getState().pipeline), scopeTasks(started)))
        return 'Tasks were added, removed or renamed while the layout ran, so it was not applied. Auto-layout lays the graph out again.';
      const before = store.getState().pipeline;
      store.getState().placeTasks(ownEntries(outcome.layout));
      // Placing an opened document is not an edit of it.
      if (mode === 'open') store.getState().rebaseline(before);
      return undefined;
    }
    case 'cancelled':
      return `Layout cancelled: ${kept}.`;
    case 'timeout':
      if (
        mode === 'request' &&
        sameTasks(scopeTasks(store.getState().pipeline), scopeTasks(started))
      ) {
        placeByLevel(store, store.getState().pipeline, heights);
        return `The full layout of ${n} took longer than ${seconds(budgetMs)} and was stopped: the tasks are laid out by dependency level instead.`;
      }
      return `The full layout of ${n} took longer than ${seconds(budgetMs)} and was stopped: ${kept}.`;
    case 'failed':
      return `The layout failed (${outcome.message}): ${kept}.`;
  }
}

/** A layout that came through postMessage: a plain object, read by its own keys only. */
const ownEntries = (layout: Layout) => new Map(Object.entries(layout));
