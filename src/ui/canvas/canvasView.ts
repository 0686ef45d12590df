// View state every task node needs, computed once by the canvas and passed
// down by context: one subscription instead of one per node per store update
// (at 1,000 tasks, thousands of selector calls on every drag move). What a
// connection in progress refuses is not a context value: starting one would
// re-render every node (issue 11); each node subscribes to its own entry and
// only the nodes whose answer changes re-render.
import { createContext } from 'react';

/** The tasks a connection in progress may not end on, answered per task. */
export interface RefusedTargets {
  has(task: string): boolean;
  /** Calls `listener` when `has(task)` changes; returns the unsubscribe. */
  subscribe(task: string, listener: () => void): () => void;
  /** Replaces the set, telling only the tasks whose answer changed. */
  set(tasks: ReadonlySet<string>): void;
}

export function createRefusedTargets(): RefusedTargets {
  let current: ReadonlySet<string> = NO_TASKS;
  const listeners = new Map<string, Set<() => void>>();
  const tell = (task: string) => listeners.get(task)?.forEach((l) => l());
  return {
    has: (task) => current.has(task),
    subscribe(task, listener) {
      let set = listeners.get(task);
      if (!set) listeners.set(task, (set = new Set()));
      set.add(listener);
      return () => {
        set.delete(listener);
        if (set.size === 0) listeners.delete(task);
      };
    },
    set(tasks) {
      const before = current;
      current = tasks;
      for (const t of before) if (!tasks.has(t)) tell(t);
      for (const t of tasks) if (!before.has(t)) tell(t);
    },
  };
}

export interface CanvasView {
  /** Zoomed in enough to draw details (level of detail). */
  detailed: boolean;
  /** While a connection is drawn: the tasks it may not end on. */
  refused: RefusedTargets;
  /** A run is being watched: nodes show their phase. */
  runWatched: boolean;
}

export const NO_TASKS: ReadonlySet<string> = new Set();

export const CanvasViewContext = createContext<CanvasView>({
  detailed: true,
  refused: createRefusedTargets(),
  runWatched: false,
});
