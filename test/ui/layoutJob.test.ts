// The layout of opened files and of Auto-layout: the graph is placed by
// level at once, the layered layout runs in a worker that is terminated on
// cancel or when its budget runs out, and every outcome is said in words.
// Time is a manual clock and the worker a fake: no outcome here depends on
// how fast the machine is.
import { describe, expect, it } from 'vitest';
import { createPipeline, type Layout, type Pipeline, type Task } from '../../src/core';
import { LAYOUT_SPACING } from '../../src/core/graph/layoutSpacing';
import { pointAt } from '../../src/core/model/layout';
import { createEditorStore, type EditorStore } from '../../src/store/editorStore';
import { layOutOnRequest, placeOpened, type LayoutDeps } from '../../src/ui/layout/layoutJob';
import {
  startLayeredLayout,
  type LayoutClock,
  type LayoutWorker,
} from '../../src/ui/layout/runLayout';
import { scopeLayout, scopeTasks } from '../../src/core/model/scope';
import { withTasks } from '../support/scope';
import { withScopeLayout } from '../../src/core/model/scope';

class FakeWorker implements LayoutWorker {
  onmessage: ((event: MessageEvent) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  posted: { tasks: Task[]; heights: Map<string, number> }[] = [];
  terminated = false;
  postMessage(message: unknown) {
    this.posted.push(message as FakeWorker['posted'][number]);
  }
  terminate() {
    this.terminated = true;
  }
  /** The worker's answer, as the page receives it (unless terminated). */
  reply(data: unknown) {
    if (!this.terminated) this.onmessage?.({ data } as MessageEvent);
  }
}

class ManualClock implements LayoutClock {
  time = 1_000;
  private timers = new Map<number, { at: number; run: () => void }>();
  private next = 0;
  now = () => this.time;
  setTimeout = (run: () => void, ms: number) => {
    this.timers.set(++this.next, { at: this.time + ms, run });
    return this.next;
  };
  clearTimeout = (handle: unknown) => void this.timers.delete(handle as number);
  advance(ms: number) {
    this.time += ms;
    for (const [id, timer] of [...this.timers])
      if (timer.at <= this.time) {
        this.timers.delete(id);
        timer.run();
      }
  }
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

/** a -> b -> c -> d, and e alone: no positions. */
function chain(): Pipeline {
  const tasks: Task[] = [
    { name: 'a' },
    { name: 'b', depends: 'a' },
    { name: 'c', depends: 'b' },
    { name: 'd', depends: 'c' },
    { name: 'e' },
  ];
  return withTasks(createPipeline(), tasks);
}

function setup(options: { limit?: number; budgetMs?: number; frames?: (() => void)[] } = {}) {
  const clock = new ManualClock();
  const frames = options.frames;
  const workers: FakeWorker[] = [];
  const deps: LayoutDeps = {
    start: (tasks, heights, budgetMs) =>
      startLayeredLayout(tasks, heights, {
        budgetMs,
        clock,
        createWorker: () => {
          const w = new FakeWorker();
          workers.push(w);
          return w;
        },
      }),
    budgetMs: options.budgetMs ?? 20_000,
    limit: options.limit ?? 1_000,
    // Positions are applied a part per frame: every frame comes at once, or
    // when the test runs the `frames` it passed.
    chunks: {
      frame: (run) => (frames ? void frames.push(run) : run()),
      now: () => clock.time,
      sizing: { first: 2, min: 2, max: 2, budgetMs: 40, maxParts: 30 },
    },
  };
  const store = createEditorStore();
  /** What each fit of the view was asked to include besides the placement. */
  const fitted: (Readonly<Layout> | undefined)[] = [];
  const onPlaced = (also?: Readonly<Layout>) => void fitted.push(also);
  return { clock, workers, deps, store, onPlaced, fits: () => fitted.length, fitted };
}

/** Runs the frames asked for so far, and those they ask for, until none is left. */
function runFrames(frames: (() => void)[]): void {
  for (let guard = 0; frames.length > 0 && guard < 100; guard++)
    frames.splice(0).forEach((f) => f());
}

const layoutOf = (store: EditorStore, name: string) =>
  pointAt(scopeLayout(store.getState().pipeline), name);
const dagrePositions = {
  a: { x: 0, y: 0 },
  b: { x: 300, y: 0 },
  c: { x: 600, y: 0 },
  d: { x: 900, y: 0 },
  e: { x: 0, y: 100 },
};

describe('opening a file without positions', () => {
  it('shows every task at once, placed by level, fits the view, then lays out in the background', async () => {
    const { store, deps, workers, onPlaced, fits, fitted } = setup();
    placeOpened(store, chain(), deps, onPlaced);

    // At once: every task placed, columns by level, the view fitted.
    const { margin } = LAYOUT_SPACING;
    expect(layoutOf(store, 'a')?.x).toBe(margin);
    expect(layoutOf(store, 'd')!.x).toBeGreaterThan(layoutOf(store, 'c')!.x);
    expect(layoutOf(store, 'e')?.x).toBe(margin);
    expect(fits()).toBe(1);
    const job = store.getState().layoutJob;
    expect(job).toMatchObject({ phase: 'running', tasks: 5, startedAt: 1_000, budgetMs: 20_000 });
    expect(workers).toHaveLength(1);
    expect(workers[0]!.posted[0]!.tasks.map((t) => t.name)).toEqual(['a', 'b', 'c', 'd', 'e']);

    workers[0]!.reply({ layout: dagrePositions });
    await flush();
    expect(layoutOf(store, 'd')).toEqual({ x: 900, y: 0 });
    expect(store.getState().layoutJob).toBeUndefined();
    expect(workers[0]!.terminated).toBe(true);
    // Fitted to where the nodes are and where they go while they move, then to where they went.
    expect(fits()).toBe(3);
    expect(fitted[1]?.d).toEqual({ x: 900, y: 0 });
    expect(fitted[2]).toBeUndefined();
  });

  it('keeps the positions the file has', () => {
    const { store, deps, onPlaced } = setup();
    placeOpened(store, withScopeLayout(chain(), { c: { x: 7, y: 8 } }), deps, onPlaced);
    expect(layoutOf(store, 'c')).toEqual({ x: 7, y: 8 });
    expect(layoutOf(store, 'b')).toBeDefined();
  });

  it('starts no layout when every task has a position', () => {
    const { store, deps, workers, onPlaced, fits } = setup();
    const layout = Object.fromEntries(scopeTasks(chain()).map((t, i) => [t.name, { x: i, y: i }]));
    placeOpened(store, withScopeLayout(chain(), layout), deps, onPlaced);
    expect(workers).toHaveLength(0);
    expect(store.getState().layoutJob).toBeUndefined();
    expect(fits()).toBe(1);
  });

  it('does not start the layered layout above the size limit, and says so', () => {
    const { store, deps, workers, onPlaced } = setup({ limit: 4 });
    placeOpened(store, chain(), deps, onPlaced);
    expect(workers).toHaveLength(0);
    expect(layoutOf(store, 'd')).toBeDefined();
    const job = store.getState().layoutJob;
    expect(job?.phase === 'ended' && job.message).toMatch(
      /^5 tasks placed by dependency level\. The full layout was not started: at this size \(5 nodes/,
    );
  });

  it('stops the layout when its time budget runs out, terminates the worker and keeps the placement', async () => {
    const { store, deps, workers, clock, onPlaced } = setup({ budgetMs: 20_000 });
    placeOpened(store, chain(), deps, onPlaced);
    const placed = scopeLayout(store.getState().pipeline);
    clock.advance(19_999);
    await flush();
    expect(store.getState().layoutJob?.phase).toBe('running');
    clock.advance(1);
    await flush();
    expect(workers[0]!.terminated).toBe(true);
    expect(scopeLayout(store.getState().pipeline)).toBe(placed);
    const job = store.getState().layoutJob;
    expect(job?.phase === 'ended' && job.message).toBe(
      'The full layout of 5 tasks took longer than 20 s and was stopped: they stay placed by dependency level.',
    );
    // A reply that comes after the end changes nothing.
    workers[0]!.reply({ layout: dagrePositions });
    await flush();
    expect(scopeLayout(store.getState().pipeline)).toBe(placed);
  });

  it('Cancel terminates the worker and keeps the placement', async () => {
    const { store, deps, workers, onPlaced } = setup();
    placeOpened(store, chain(), deps, onPlaced);
    const placed = scopeLayout(store.getState().pipeline);
    const job = store.getState().layoutJob;
    if (job?.phase !== 'running') throw new Error('expected a running layout');
    job.cancel();
    await flush();
    expect(workers[0]!.terminated).toBe(true);
    expect(scopeLayout(store.getState().pipeline)).toBe(placed);
    const ended = store.getState().layoutJob;
    expect(ended?.phase === 'ended' && ended.message).toBe(
      'Layout cancelled: they stay placed by dependency level.',
    );
  });

  it('a worker error is said in words and the placement stays', async () => {
    const { store, deps, workers, onPlaced } = setup();
    placeOpened(store, chain(), deps, onPlaced);
    workers[0]!.reply({ error: 'out of memory' });
    await flush();
    const job = store.getState().layoutJob;
    expect(job?.phase === 'ended' && job.message).toBe(
      'The layout failed (out of memory): they stay placed by dependency level.',
    );
    expect(layoutOf(store, 'a')).toBeDefined();
  });

  it('opening another file cancels the running layout silently', async () => {
    const { store, deps, workers, onPlaced } = setup();
    placeOpened(store, chain(), deps, onPlaced);
    const other = {
      ...chain(),
      tasks: scopeTasks(chain()).map((t) => ({ ...t, name: `x${t.name}` })),
    };
    placeOpened(store, withTasks(other, [{ name: 'xa' }]), deps, onPlaced);
    await flush();
    expect(workers[0]!.terminated).toBe(true);
    expect(store.getState().layoutJob).toBeUndefined();
    expect(scopeTasks(store.getState().pipeline).map((t) => t.name)).toEqual(['xa']);
  });

  it('a result for tasks that were renamed meanwhile is not applied, and says why', async () => {
    const { store, deps, workers, onPlaced } = setup();
    placeOpened(store, chain(), deps, onPlaced);
    expect(store.getState().renameTask('e', 'f')).toBe(true);
    const placed = scopeLayout(store.getState().pipeline);
    workers[0]!.reply({ layout: dagrePositions });
    await flush();
    expect(scopeLayout(store.getState().pipeline)).toBe(placed);
    const job = store.getState().layoutJob;
    expect(job?.phase === 'ended' && job.message).toMatch(/renamed while the layout ran/);
  });
});

describe('Auto-layout on request', () => {
  function placedStore(options: Parameters<typeof setup>[0] = {}) {
    const s = setup(options);
    const layout = Object.fromEntries(scopeTasks(chain()).map((t) => [t.name, { x: 5, y: 5 }]));
    s.store.getState().setPipeline(withScopeLayout(chain(), layout), { fresh: true });
    return s;
  }

  it('applies the layered layout as one undo step and fits the view', async () => {
    const { store, deps, workers, onPlaced, fits } = placedStore();
    layOutOnRequest(store, deps, onPlaced);
    expect(store.getState().layoutJob?.phase).toBe('running');
    expect(layoutOf(store, 'd')).toEqual({ x: 5, y: 5 });
    workers[0]!.reply({ layout: dagrePositions });
    await flush();
    expect(layoutOf(store, 'd')).toEqual({ x: 900, y: 0 });
    expect(fits()).toBe(2);
    expect(store.getState().history.past).toHaveLength(1);
    store.getState().undo();
    expect(layoutOf(store, 'd')).toEqual({ x: 5, y: 5 });
  });

  it('applies the positions a part per frame, and stays cancellable until the last', async () => {
    const frames: (() => void)[] = [];
    const { store, deps, workers, onPlaced } = placedStore({ frames });
    const before = store.getState().pipeline;
    layOutOnRequest(store, deps, onPlaced);
    workers[0]!.reply({ layout: dagrePositions });
    await flush();
    frames.splice(0).forEach((f) => f()); // the frame before the first part
    frames.splice(0).forEach((f) => f()); // two positions
    expect(store.getState().layoutJob?.phase).toBe('running');
    expect(layoutOf(store, 'a')).toEqual({ x: 0, y: 0 });
    expect(layoutOf(store, 'd')).toEqual({ x: 5, y: 5 });
    const job = store.getState().layoutJob;
    if (job?.phase !== 'running') throw new Error('expected a running layout');
    job.cancel();
    await flush();
    runFrames(frames);
    expect(store.getState().pipeline).toBe(before);
    expect(store.getState().history.past).toHaveLength(0);
    const ended = store.getState().layoutJob;
    expect(ended?.phase === 'ended' && ended.message).toBe('Layout cancelled: nothing moved.');
  });

  it('an edit while the positions are applied stops them there, and says so', async () => {
    const frames: (() => void)[] = [];
    const { store, deps, workers, onPlaced } = placedStore({ frames });
    layOutOnRequest(store, deps, onPlaced);
    workers[0]!.reply({ layout: dagrePositions });
    await flush();
    frames.splice(0).forEach((f) => f());
    frames.splice(0).forEach((f) => f());
    store.getState().updateTask('e', (t) => ({ ...t, when: 'true' }));
    runFrames(frames);
    await flush();
    // a and b moved; the edit kept c, d and e where they were.
    expect(layoutOf(store, 'b')).toEqual({ x: 300, y: 0 });
    expect(layoutOf(store, 'd')).toEqual({ x: 5, y: 5 });
    const ended = store.getState().layoutJob;
    expect(ended?.phase === 'ended' && ended.message).toBe(
      'The workflow was edited while the layout was being applied, so it stopped there (2 of 5 tasks moved). Auto-layout lays the graph out again.',
    );
    // Undo takes back the edit, then the part of the layout.
    store.getState().undo();
    expect(layoutOf(store, 'b')).toEqual({ x: 300, y: 0 });
    store.getState().undo();
    expect(layoutOf(store, 'b')).toEqual({ x: 5, y: 5 });
  });

  it('lays a graph over the limit out by level without a worker, and says why', async () => {
    const { store, deps, workers, onPlaced } = placedStore({ limit: 4 });
    layOutOnRequest(store, deps, onPlaced);
    await flush();
    expect(workers).toHaveLength(0);
    expect(layoutOf(store, 'd')!.x).toBeGreaterThan(layoutOf(store, 'a')!.x);
    const job = store.getState().layoutJob;
    expect(job?.phase === 'ended' && job.message).toMatch(
      /^5 tasks laid out by dependency level: the full layout of a graph this size/,
    );
  });

  it('out of time: lays out by level instead, and says so', async () => {
    const { store, deps, clock, onPlaced } = placedStore({ budgetMs: 5_000 });
    layOutOnRequest(store, deps, onPlaced);
    clock.advance(5_000);
    await flush();
    expect(layoutOf(store, 'd')!.x).toBeGreaterThan(layoutOf(store, 'a')!.x);
    const job = store.getState().layoutJob;
    expect(job?.phase === 'ended' && job.message).toBe(
      'The full layout of 5 tasks took longer than 5 s and was stopped: the tasks are laid out by dependency level instead.',
    );
  });

  it('cancelled: nothing moves', async () => {
    const { store, deps, onPlaced } = placedStore();
    const before = store.getState().pipeline;
    layOutOnRequest(store, deps, onPlaced);
    const job = store.getState().layoutJob;
    if (job?.phase !== 'running') throw new Error('expected a running layout');
    job.cancel();
    await flush();
    expect(store.getState().pipeline).toBe(before);
    const ended = store.getState().layoutJob;
    expect(ended?.phase === 'ended' && ended.message).toBe('Layout cancelled: nothing moved.');
  });
});

describe('the layout runner', () => {
  it('a worker that cannot start is a failure in words, not a throw', async () => {
    const run = startLayeredLayout([], new Map(), {
      budgetMs: 1,
      clock: new ManualClock(),
      createWorker: () => {
        throw new Error('workers are disabled');
      },
    });
    expect(await run.outcome).toEqual({ kind: 'failed', message: 'workers are disabled' });
  });

  it('a crashed worker is a failure with its message', async () => {
    const workers: FakeWorker[] = [];
    const run = startLayeredLayout([], new Map(), {
      budgetMs: 1_000,
      clock: new ManualClock(),
      createWorker: () => {
        workers.push(new FakeWorker());
        return workers[0]!;
      },
    });
    workers[0]!.onerror?.({ message: 'script error' } as ErrorEvent);
    expect(await run.outcome).toEqual({ kind: 'failed', message: 'script error' });
    expect(workers[0]!.terminated).toBe(true);
  });
});
