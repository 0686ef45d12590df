// Runs the layered layout (dagre) in a Web Worker of its own, with a time
// budget: dagre cannot report progress or stop halfway, so a layout that
// runs too long, or that the user cancels, ends by terminating its worker.
import { layoutInput } from '../../core/graph/layoutPlan';
import type { Layout, Task } from '../../core/model/types';

/** The part of `Worker` the runner uses (tests pass a fake). */
export interface LayoutWorker {
  postMessage(message: unknown): void;
  terminate(): void;
  onmessage: ((event: MessageEvent) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
}

/** Time as the runner sees it (tests pass a manual clock). */
export interface LayoutClock {
  now(): number;
  setTimeout(run: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export type LayoutOutcome =
  | { kind: 'done'; layout: Layout }
  | { kind: 'cancelled' }
  | { kind: 'timeout' }
  | { kind: 'failed'; message: string };

export interface LayoutRun {
  /** When it started, on the runner's clock. */
  startedAt: number;
  outcome: Promise<LayoutOutcome>;
  /** Stops the layout at once (terminates the worker); the outcome is 'cancelled'. */
  cancel(): void;
}

export interface LayoutRunOptions {
  budgetMs: number;
  createWorker?: () => LayoutWorker;
  clock?: LayoutClock;
}

export const realClock: LayoutClock = {
  now: () => Date.now(),
  setTimeout: (run, ms) => globalThis.setTimeout(run, ms),
  clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof setTimeout>),
};

const browserWorker = (): LayoutWorker =>
  new Worker(new URL('./layoutWorker.ts', import.meta.url), { type: 'module' });

/** Starts laying out `tasks`; `heights` gives a task's height when it is not the base. */
export function startLayeredLayout(
  tasks: readonly Task[],
  heights: ReadonlyMap<string, number>,
  { budgetMs, createWorker = browserWorker, clock = realClock }: LayoutRunOptions,
): LayoutRun {
  const startedAt = clock.now();
  let settle: (outcome: LayoutOutcome) => void = () => {};
  const outcome = new Promise<LayoutOutcome>((resolve) => (settle = resolve));
  let worker: LayoutWorker | undefined;
  // Set below, once the worker is listening; finish() runs only after that.
  let timer: unknown = undefined;
  const finish = (result: LayoutOutcome) => {
    if (!worker) return;
    worker.terminate();
    worker = undefined;
    clock.clearTimeout(timer);
    settle(result);
  };
  try {
    worker = createWorker();
  } catch (e) {
    settle({ kind: 'failed', message: (e as Error).message });
    return { startedAt, outcome, cancel: () => {} };
  }
  worker.onmessage = (event: MessageEvent<{ layout?: Layout; error?: string }>) =>
    finish(
      event.data.layout
        ? { kind: 'done', layout: event.data.layout }
        : { kind: 'failed', message: event.data.error ?? 'the layout worker gave no positions' },
    );
  worker.onerror = (event: ErrorEvent) =>
    finish({ kind: 'failed', message: event.message || 'the layout worker stopped' });
  timer = clock.setTimeout(() => finish({ kind: 'timeout' }), budgetMs);
  // The layout reads names and dependencies only: the rest of each task
  // (arguments, scripts) would be copied to the worker for nothing.
  worker.postMessage({ tasks: layoutInput(tasks), heights });
  return { startedAt, outcome, cancel: () => finish({ kind: 'cancelled' }) };
}
