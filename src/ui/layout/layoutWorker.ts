// Runs the core's auto-layout off the main thread: dagre takes seconds at
// thousands of tasks, and the canvas must keep responding meanwhile.
import { autoLayout } from '../../core/graph/autoLayout';
import type { Task } from '../../core/model/types';

self.onmessage = (
  event: MessageEvent<{ id: number; tasks: Task[]; heights: Map<string, number> }>,
) => {
  const { id, tasks, heights } = event.data;
  try {
    self.postMessage({ id, layout: autoLayout(tasks, heights) });
  } catch (e) {
    self.postMessage({ id, error: (e as Error).message });
  }
};
