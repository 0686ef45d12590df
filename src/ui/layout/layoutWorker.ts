// Runs the core's layered layout off the main thread: dagre takes seconds at
// a thousand tasks, and the canvas must keep responding meanwhile. One
// worker per layout: the page terminates it to cancel or when time is up.
import { autoLayout } from '../../core/graph/autoLayout';
import type { Task } from '../../core/model/types';

self.onmessage = (event: MessageEvent<{ tasks: Task[]; heights: Map<string, number> }>) => {
  const { tasks, heights } = event.data;
  try {
    self.postMessage({ layout: autoLayout(tasks, heights) });
  } catch (e) {
    self.postMessage({ error: (e as Error).message });
  }
};
