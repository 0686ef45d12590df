// View state every task node needs, computed once by the canvas and passed
// down by context: one subscription instead of one per node per store update
// (at 1,000 tasks, thousands of selector calls on every drag move).
import { createContext } from 'react';

export interface CanvasView {
  /** Zoomed in enough to draw details (level of detail). */
  detailed: boolean;
  /** While a connection is drawn: the tasks it may not end on. */
  refused: ReadonlySet<string>;
  /** A run is being watched: nodes show their phase. */
  runWatched: boolean;
}

export const NO_TASKS: ReadonlySet<string> = new Set();

export const CanvasViewContext = createContext<CanvasView>({
  detailed: true,
  refused: NO_TASKS,
  runWatched: false,
});
