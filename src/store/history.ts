/**
 * Undo/redo over immutable pipelines. Snapshots share structure: an edit
 * copies the task list (one pointer a task) and the objects it changed, and
 * shares the rest. History is bounded by steps and by that estimate of what
 * each snapshot holds, so a 10,000-task workflow keeps fewer steps than a
 * 20-task one. When a bound is reached the oldest *intermediate* step is
 * dropped: the first snapshot (the document as opened) is always kept, so
 * undoing everything still reaches it, and `dropped` says how many steps
 * were merged on the way (the UI tells the user).
 */
import type { Pipeline } from '../core/model/types';
import { templates } from '../core/model/spec';
import { invocations } from '../core/model/templateGraph';

/** At most this many undo steps. */
export const HISTORY_STEPS = 1000;
/** At most this many task-list slots across all snapshots (about 8 bytes each). */
export const HISTORY_SLOTS = 2_000_000;

export interface History {
  past: Pipeline[];
  future: Pipeline[];
  /** Intermediate steps dropped to stay within the bounds; the first is kept. */
  dropped: number;
}

export const emptyHistory = (): History => ({ past: [], future: [], dropped: 0 });

/** What a snapshot holds on its own: its tasks and steps in every template, plus a little for the rest. */
const slots = (p: Pipeline): number => templates(p).reduce((n, t) => n + invocations(t).length, 16);

export function record(history: History, before: Pipeline): History {
  const past = [...history.past, before];
  let dropped = history.dropped;
  let total = past.reduce((n, p) => n + slots(p), 0);
  // Drop from the second entry: the first is the document as opened.
  while (past.length > 2 && (past.length > HISTORY_STEPS || total > HISTORY_SLOTS)) {
    total -= slots(past[1]!);
    past.splice(1, 1);
    dropped++;
  }
  return { past, future: [], dropped };
}

export function undo(
  history: History,
  current: Pipeline,
): { history: History; pipeline: Pipeline } | undefined {
  const previous = history.past[history.past.length - 1];
  if (!previous) return undefined;
  return {
    pipeline: previous,
    history: {
      ...history,
      past: history.past.slice(0, -1),
      future: [current, ...history.future],
    },
  };
}

export function redo(
  history: History,
  current: Pipeline,
): { history: History; pipeline: Pipeline } | undefined {
  const [next, ...future] = history.future;
  if (!next) return undefined;
  return { pipeline: next, history: { ...history, past: [...history.past, current], future } };
}
