// Placing tasks that have no positions, and Auto-layout on request. The graph
// shows at once, placed by dependency level (milliseconds at 10,000 tasks);
// the layered layout then runs in the background with progress and cancel,
// when the graph is small enough for it, and for a limited time. Whatever
// happens is said in words in the layout status (store.layoutJob).
import { NODE_HEIGHT } from '../../core/graph/layoutSpacing';
import { LAYERED_LAYOUT_LIMIT, LAYOUT_BUDGET_MS, planLayout } from '../../core/graph/layoutPlan';
import { levelLayout } from '../../core/graph/levelLayout';
import { nodeHeights } from '../../core/model/dataFlow';
import { layoutOf, placesAll, withPoints } from '../../core/model/layout';
import type { Layout, Pipeline, Point, Task } from '../../core/model/types';
import type { EditorStore } from '../../store/editorStore';
import type { LayoutJob } from '../../store/layoutSlice';
import { placeInChunks, type ChunkOptions, type FrameScheduler } from '../../store/placeInChunks';
import { startLayeredLayout, type LayoutRun } from './runLayout';
import { scopeLayout, scopeTasks, withScopeLayout } from '../../core/model/scope';

export interface LayoutDeps {
  start(tasks: readonly Task[], heights: ReadonlyMap<string, number>, budgetMs: number): LayoutRun;
  budgetMs: number;
  /** Largest layered size (tasks plus long-edge dummies) given to the layered layout. */
  limit: number;
  /** How the positions are applied, a part per frame (tests pass their own frames). */
  chunks: ChunkOptions;
}

/**
 * The next animation frame, or 100 ms when none comes first (a hidden tab
 * paints nothing, and the layout must still end and be saved).
 */
export const nextFrame: FrameScheduler = (run) => {
  let pending = true;
  const once = () => {
    if (pending) {
      pending = false;
      run();
    }
  };
  requestAnimationFrame(once);
  setTimeout(once, 100);
};

/**
 * Fits the view to the placement (`useDocumentActions`' `onLoaded`); with
 * `also`, to the positions the nodes are about to take as well.
 */
export type OnPlaced = (also?: Readonly<Layout>) => void;

export const browserLayoutDeps: LayoutDeps = {
  start: (tasks, heights, budgetMs) => startLayeredLayout(tasks, heights, { budgetMs }),
  budgetMs: LAYOUT_BUDGET_MS,
  limit: LAYERED_LAYOUT_LIMIT,
  chunks: { frame: nextFrame, now: () => performance.now() },
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
  onPlaced: OnPlaced,
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
export function layOutOnRequest(store: EditorStore, deps: LayoutDeps, onPlaced: OnPlaced): void {
  cancelLayout(store);
  const p = store.getState().pipeline;
  if (scopeTasks(p).length === 0) return;
  const heights = nodeHeights(p, NODE_HEIGHT);
  const plan = planLayout(scopeTasks(p), deps.limit);
  if (!plan.layered) {
    const n = scopeTasks(p).length;
    place(store, byLevel(p, heights), deps, onPlaced, {
      mode: 'request',
      tasks: n,
      startedAt: Date.now(),
      message:
        n >= 3
          ? `${count(n)} laid out by dependency level: the full layout of a graph this size (${plan.size.toLocaleString('en-US')} nodes with long edges) would take minutes.`
          : undefined,
    });
    return;
  }
  refine(store, heights, deps, onPlaced, 'request');
}

const byLevel = (p: Pipeline, heights: ReadonlyMap<string, number>) =>
  Object.entries(levelLayout(scopeTasks(p), heights));

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
  onPlaced: OnPlaced,
  mode: 'open' | 'request',
): void {
  const started = store.getState().pipeline;
  const run = deps.start(scopeTasks(started), heights, deps.budgetMs);
  const job = runningJob(scopeTasks(started).length, run.startedAt, deps, run.cancel);
  store.getState().setLayoutJob(job);
  void run.outcome.then((outcome) => {
    // Superseded (another layout, a new document, cancelLayout): nothing to report.
    if (store.getState().layoutJob !== job) return;
    const n = count(scopeTasks(started).length);
    const kept = mode === 'open' ? 'they stay placed by dependency level' : 'nothing moved';
    const unchanged = sameTasks(scopeTasks(store.getState().pipeline), scopeTasks(started));
    const next = { mode, tasks: job.tasks, startedAt: job.startedAt };
    switch (outcome.kind) {
      case 'done':
        if (!unchanged)
          return ended(
            store,
            'Tasks were added, removed or renamed while the layout ran, so it was not applied. Auto-layout lays the graph out again.',
          );
        return place(store, ownEntries(outcome.layout), deps, onPlaced, next);
      case 'cancelled':
        return ended(store, `Layout cancelled: ${kept}.`);
      case 'timeout': {
        const why = `The full layout of ${n} took longer than ${seconds(deps.budgetMs)} and was stopped`;
        if (mode === 'request' && unchanged)
          return place(store, byLevel(store.getState().pipeline, heights), deps, onPlaced, {
            ...next,
            message: `${why}: the tasks are laid out by dependency level instead.`,
          });
        return ended(store, `${why}: ${kept}.`);
      }
      case 'failed':
        return ended(store, `The layout failed (${outcome.message}): ${kept}.`);
    }
  });
}

type RunningJob = Extract<LayoutJob, { phase: 'running' }>;

/** A layout under way, as the layout status shows it (the worker's run or the placement's parts). */
const runningJob = (
  tasks: number,
  startedAt: number,
  deps: LayoutDeps,
  cancel: () => void,
): RunningJob => ({ phase: 'running', tasks, startedAt, budgetMs: deps.budgetMs, cancel });

function ended(store: EditorStore, message: string | undefined): void {
  store.getState().setLayoutJob(message ? { phase: 'ended', message } : undefined);
}

/**
 * Applies positions a part per frame (`placeInChunks`: no long task at
 * thousands of tasks), as one undo step; the layout stays running, and
 * cancellable, until the last part. Then the view is fitted and `message`
 * (if any) said.
 */
function place(
  store: EditorStore,
  points: Iterable<readonly [string, Point]>,
  deps: LayoutDeps,
  onPlaced: OnPlaced,
  how: { mode: 'open' | 'request'; tasks: number; startedAt: number; message?: string },
): void {
  const before = store.getState().pipeline;
  const target = layoutOf(points);
  // Nodes that left the view would be unmounted, and mounted again by the fit at the end.
  onPlaced(target);
  const placement = placeInChunks(store, Object.entries(target), deps.chunks);
  const job = runningJob(how.tasks, how.startedAt, deps, placement.cancel);
  store.getState().setLayoutJob(job);
  void placement.outcome.then((outcome) => {
    if (store.getState().layoutJob !== job) return;
    switch (outcome.kind) {
      case 'placed':
        // Placing an opened document is not an edit of it.
        if (how.mode === 'open') store.getState().rebaseline(before);
        ended(store, how.message);
        // Fitting redraws every node: a frame of its own too.
        return deps.chunks.frame(() => onPlaced());
      case 'cancelled':
        return ended(
          store,
          `Layout cancelled: ${how.mode === 'open' ? 'they stay placed by dependency level' : 'nothing moved'}.`,
        );
      case 'interrupted':
        return ended(
          store,
          `The workflow was edited while the layout was being applied, so it stopped there (${outcome.moved.toLocaleString('en-US')} of ${count(outcome.of)} moved). Auto-layout lays the graph out again.`,
        );
    }
  });
}

/** A layout that came through postMessage: a plain object, read by its own keys only. */
const ownEntries = (layout: Layout) => Object.entries(layout);
