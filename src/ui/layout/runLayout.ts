// Asks the layout worker for positions; one worker, requests matched by id.
import { NODE_HEIGHT } from '../../core/graph/autoLayout';
import { nodeHeights } from '../../core/model/dataFlow';
import type { Layout, Pipeline } from '../../core/model/types';

let worker: Worker | undefined;
let nextId = 0;
const pending = new Map<number, { resolve: (l: Layout) => void; reject: (e: Error) => void }>();

/** Positions for the pipeline's tasks, computed in the layout worker. */
export function layoutInWorker(p: Pipeline): Promise<Layout> {
  const tasks = p.tasks;
  const heights = nodeHeights(p, NODE_HEIGHT);
  if (!worker) {
    worker = new Worker(new URL('./layoutWorker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = (event: MessageEvent<{ id: number; layout?: Layout; error?: string }>) => {
      const request = pending.get(event.data.id);
      pending.delete(event.data.id);
      if (event.data.layout) request?.resolve(event.data.layout);
      else request?.reject(new Error(event.data.error ?? 'layout failed'));
    };
  }
  const id = nextId++;
  return new Promise((resolve, reject) => {
    pending.set(id, { resolve, reject });
    worker!.postMessage({ id, tasks, heights });
  });
}
