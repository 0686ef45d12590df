/**
 * Applies many positions (an auto-layout of thousands of tasks) a part per
 * frame, so that no task of the page's main thread is long (issue 11): each
 * part is a `placePart` with no history step, sized to the frame budget by
 * how long the previous frame took (`nextChunkSize`); the last ends the
 * placement, and everything it moved is one undo step. The document's
 * pipeline at the end is the one the last part made, so that step costs no
 * render, and autosave writes once, at the end.
 *
 * An edit that comes in meanwhile ends the placement where it is (what was
 * moved stays, one undo step before the edit), and so does anything else
 * that replaces the pipeline; `cancel` puts back what was moved.
 */
import {
  CHUNK_SIZING,
  nextChunkSize,
  pointsToMove,
  sizingFor,
  type ChunkSizing,
  type FrameSample,
} from '../core/model/placement';
import { scopeLayout } from '../core/model/scope';
import type { Point } from '../core/model/types';
import type { EditorState, EditorStore } from './editorStore';

/** Runs `run` at the next frame (requestAnimationFrame in the browser). */
export type FrameScheduler = (run: () => void) => void;

export interface ChunkOptions {
  frame: FrameScheduler;
  /** A clock in milliseconds (performance.now in the browser). */
  now: () => number;
  sizing?: ChunkSizing;
}

/** How a placement ended: all applied, put back by `cancel`, or stopped by an edit. */
export type PlacementOutcome =
  | { kind: 'placed'; moved: number }
  | { kind: 'cancelled' }
  | { kind: 'interrupted'; moved: number; of: number };

export interface Placement {
  outcome: Promise<PlacementOutcome>;
  /** Stops and puts back what was moved (no history step). Nothing once it has ended. */
  cancel(): void;
}

/**
 * Applies `points` to the scope's layout over the next frames.
 *
 * @example
 * const placement = placeInChunks(store, Object.entries(layout), { frame: requestAnimationFrame, now: () => performance.now() });
 * await placement.outcome; // { kind: 'placed', moved: 1000 }, one undo step
 */
export function placeInChunks(
  store: EditorStore,
  points: Iterable<readonly [string, Point]>,
  { frame, now, sizing = CHUNK_SIZING }: ChunkOptions,
): Placement {
  const todo = pointsToMove(scopeLayout(store.getState().pipeline), points);
  let settle: (outcome: PlacementOutcome) => void = () => {};
  const outcome = new Promise<PlacementOutcome>((resolve) => (settle = resolve));
  let ended = false;
  const end = (result: PlacementOutcome) => {
    ended = true;
    settle(result);
  };
  if (todo.length === 0) {
    end({ kind: 'placed', moved: 0 });
    return { outcome, cancel: () => {} };
  }

  const parts = sizingFor(todo.length, sizing);
  let done = 0;
  /** The pipeline and history the last part left (undefined before the first part). */
  let left: Pick<EditorState, 'pipeline' | 'history'> | undefined;
  /** When the last part was applied, and its size. */
  let last: { at: number; size: number } | undefined;
  const samples: FrameSample[] = [];

  /**
   * Whether the placement is over: an edit ended it (and recorded what it
   * had moved as a step); anything else that replaced the pipeline did not,
   * so it is recorded here, unless the history was replaced too.
   */
  const stopped = (): boolean => {
    if (ended) return true;
    const s = store.getState();
    if (!left || (s.pipeline === left.pipeline && s.placingFrom)) return false;
    if (s.placingFrom) s.endPlacing(s.history === left.history);
    end({ kind: 'interrupted', moved: done, of: todo.length });
    return true;
  };

  const step = () => {
    if (stopped()) return;
    const s = store.getState();
    // A drag under way when the layout arrived: wait for it to end.
    if (!left && s.dragStart) return frame(step);
    const at = now();
    // The first part's frame also draws the view fitted before it: not a sample.
    if (last && done > last.size) samples.push({ size: last.size, ms: at - last.at });
    const size = nextChunkSize(samples, parts);
    last = { at, size };
    s.placePart(new Map(todo.slice(done, done + size)));
    done = Math.min(todo.length, done + size);
    const after = store.getState();
    left = { pipeline: after.pipeline, history: after.history };
    // The undo step, and the autosave it sets off, in a frame of their own.
    frame(done < todo.length ? step : finish);
  };

  const finish = () => {
    if (stopped()) return;
    store.getState().endPlacing();
    end({ kind: 'placed', moved: todo.length });
  };

  // The first part waits a frame more: the one coming may have more to draw
  // (the view fitted to where the nodes go), and would be taken for its cost.
  frame(() => frame(step));

  return {
    outcome,
    cancel() {
      if (ended) return;
      const s = store.getState();
      if (left && s.placingFrom) {
        if (s.pipeline === left.pipeline) s.cancelPlacing();
        // Something replaced the pipeline since the last part: keep what it did.
        else s.endPlacing(s.history === left.history);
      }
      end({ kind: 'cancelled' });
    },
  };
}
