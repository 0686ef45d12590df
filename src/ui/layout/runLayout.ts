// Asks the layout worker for positions; one worker, requests matched by id.
import type { Layout, Task } from '../../core/model/types';

let worker: Worker | undefined;
let nextId = 0;
const pending = new Map<number, { resolve: (l: Layout) => void; reject: (e: Error) => void }>();

export function layoutInWorker(tasks: readonly Task[]): Promise<Layout> {
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
    worker!.postMessage({ id, tasks });
  });
}
