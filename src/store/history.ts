/**
 * Undo/redo over immutable pipelines. Snapshots share structure, so keeping
 * a deep history costs little; drags record one step when they end.
 */
import type { Pipeline } from '../core/model/types';

export const HISTORY_LIMIT = 200;

export interface History {
  past: Pipeline[];
  future: Pipeline[];
}

export const emptyHistory = (): History => ({ past: [], future: [] });

export function record(history: History, before: Pipeline): History {
  const past = history.past.length >= HISTORY_LIMIT ? history.past.slice(1) : history.past.slice();
  past.push(before);
  return { past, future: [] };
}

export function undo(
  history: History,
  current: Pipeline,
): { history: History; pipeline: Pipeline } | undefined {
  const previous = history.past[history.past.length - 1];
  if (!previous) return undefined;
  return {
    pipeline: previous,
    history: { past: history.past.slice(0, -1), future: [current, ...history.future] },
  };
}

export function redo(
  history: History,
  current: Pipeline,
): { history: History; pipeline: Pipeline } | undefined {
  const [next, ...future] = history.future;
  if (!next) return undefined;
  return { pipeline: next, history: { past: [...history.past, current], future } };
}
