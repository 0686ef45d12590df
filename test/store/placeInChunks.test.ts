// Positions applied a part per frame (issue 11), driven through the vanilla
// store: however many parts, one undo step and one autosave write; an edit
// or an undo that comes in between ends the placement where it is; cancel
// puts back what was moved. Frames are a manual queue and time a counter:
// nothing here depends on the machine's speed.
import { describe, expect, it } from 'vitest';
import { createPipeline, type Pipeline, type Point } from '../../src/core';
import { pointAt } from '../../src/core/model/layout';
import type { ChunkSizing } from '../../src/core/model/placement';
import { scopeLayout } from '../../src/core/model/scope';
import { startAutosave } from '../../src/store/autosave';
import { createEditorStore, type EditorStore } from '../../src/store/editorStore';
import { placeInChunks, type ChunkOptions } from '../../src/store/placeInChunks';
import { DOCUMENT_KEY } from '../../src/store/storageKeys';
import { MemoryStorage } from '../support/storageDoubles';
import { withTasks } from '../support/scope';

/** Frames that come when the test says, each `ms` after the one before. */
class Frames {
  private queue: (() => void)[] = [];
  time = 0;
  options(sizing: ChunkSizing = FOUR): ChunkOptions {
    return { frame: (run) => void this.queue.push(run), now: () => this.time, sizing };
  }
  next(ms = 16): void {
    this.time += ms;
    const due = this.queue;
    this.queue = [];
    for (const run of due) run();
  }
  /** Runs frames until none is asked for; returns how many ran. */
  all(): number {
    let n = 0;
    while (this.queue.length > 0 && n < 1000) {
      this.next();
      n++;
    }
    return n;
  }
}

/** Four positions a part, always: the parts are easy to count. */
const FOUR: ChunkSizing = { first: 4, min: 4, max: 4, budgetMs: 40, maxParts: 30 };

const N = 10;
const names = Array.from({ length: N }, (_, i) => `t${i}`);
const at = (i: number): Point => ({ x: i * 10, y: 0 });
const target = (i: number): Point => ({ x: 500, y: i * 100 });
const targets = (): [string, Point][] => names.map((n, i) => [n, target(i)]);

/** A store holding t0..t9 in a row. */
function setup(): EditorStore {
  const store = createEditorStore();
  const layout = Object.fromEntries(names.map((n, i) => [n, at(i)]));
  const p: Pipeline = withTasks(
    createPipeline(),
    names.map((name) => ({ name })),
    layout,
  );
  store.getState().setPipeline(p, { fresh: true });
  return store;
}

const position = (store: EditorStore, name: string) =>
  pointAt(scopeLayout(store.getState().pipeline), name);
const moved = (store: EditorStore) =>
  names.filter((n, i) => position(store, n)?.y === target(i).y && position(store, n)?.x === 500)
    .length;

describe('placing positions a part per frame', () => {
  it('moves a part each frame, with no history step until the end, then one', async () => {
    const store = setup();
    const frames = new Frames();
    const placement = placeInChunks(store, targets(), frames.options());
    expect(moved(store)).toBe(0);
    frames.next(); // the frame before the first part
    expect(moved(store)).toBe(0);
    frames.next();
    expect(moved(store)).toBe(4);
    expect(store.getState().history.past).toHaveLength(0);
    frames.next();
    expect(moved(store)).toBe(8);
    frames.next();
    expect(moved(store)).toBe(10);
    // The undo step comes in a frame of its own, and changes no pipeline.
    const last = store.getState().pipeline;
    expect(store.getState().history.past).toHaveLength(0);
    frames.next();
    expect(store.getState().pipeline).toBe(last);
    expect(store.getState().history.past).toHaveLength(1);
    expect(store.getState().placingFrom).toBeUndefined();
    expect(await placement.outcome).toEqual({ kind: 'placed', moved: 10 });

    store.getState().undo();
    expect(names.map((n) => position(store, n))).toEqual(names.map((_, i) => at(i)));
    store.getState().redo();
    expect(moved(store)).toBe(10);
  });

  it('is written by autosave once, when it ends', async () => {
    const store = setup();
    const storage = new MemoryStorage();
    const autosave = startAutosave(store, {
      storage,
      tab: 'tab-1',
      revision: 0,
      onConflict: () => {},
    });
    const frames = new Frames();
    const placement = placeInChunks(store, targets(), frames.options());
    for (let i = 0; i < 4; i++) {
      frames.next();
      await Promise.resolve();
    }
    expect(moved(store)).toBe(10);
    expect(storage.writes).toEqual([]);
    frames.all();
    await placement.outcome;
    await Promise.resolve();
    expect(storage.writes.filter(([key]) => key === DOCUMENT_KEY)).toHaveLength(1);
    autosave.stop();
  });

  it('moves nothing, and records nothing, when every position is already there', async () => {
    const store = setup();
    const frames = new Frames();
    const placement = placeInChunks(
      store,
      names.map((n, i) => [n, at(i)]),
      frames.options(),
    );
    expect(await placement.outcome).toEqual({ kind: 'placed', moved: 0 });
    expect(frames.all()).toBe(0);
    expect(store.getState().history.past).toHaveLength(0);
  });

  it('an edit in between ends it: what was moved is one step, the edit another', async () => {
    const store = setup();
    const frames = new Frames();
    const placement = placeInChunks(store, targets(), frames.options());
    frames.next();
    frames.next();
    expect(moved(store)).toBe(4);
    store.getState().renameTask('t9', 'last');
    expect(store.getState().placingFrom).toBeUndefined();
    frames.all();
    expect(await placement.outcome).toEqual({ kind: 'interrupted', moved: 4, of: 10 });
    // The rest was not moved over the edit.
    expect(moved(store)).toBe(4);
    expect(store.getState().history.past).toHaveLength(2);
    store.getState().undo();
    expect(position(store, 't9')).toEqual(at(9));
    expect(moved(store)).toBe(4);
    store.getState().undo();
    expect(moved(store)).toBe(0);
  });

  it('undo in between puts back what was moved', async () => {
    const store = setup();
    const frames = new Frames();
    const placement = placeInChunks(store, targets(), frames.options());
    frames.next();
    frames.next();
    frames.next();
    expect(moved(store)).toBe(8);
    store.getState().undo();
    expect(moved(store)).toBe(0);
    frames.all();
    expect(await placement.outcome).toMatchObject({ kind: 'interrupted', moved: 8 });
    expect(moved(store)).toBe(0);
    // Redo brings back the part that was applied.
    store.getState().redo();
    expect(moved(store)).toBe(8);
  });

  it('a document replaced in between (opened) leaves no step in its history', async () => {
    const store = setup();
    const frames = new Frames();
    const placement = placeInChunks(store, targets(), frames.options());
    frames.next();
    frames.next();
    store.getState().setPipeline(withTasks(createPipeline(), [{ name: 'x' }]), { fresh: true });
    frames.all();
    expect(await placement.outcome).toMatchObject({ kind: 'interrupted' });
    expect(store.getState().history.past).toHaveLength(0);
    expect(store.getState().placingFrom).toBeUndefined();
  });

  it('cancel puts back what was moved, with no history step', async () => {
    const store = setup();
    const frames = new Frames();
    const before = store.getState().pipeline;
    const placement = placeInChunks(store, targets(), frames.options());
    frames.next();
    frames.next();
    frames.next();
    expect(moved(store)).toBe(8);
    placement.cancel();
    expect(store.getState().pipeline).toBe(before);
    expect(store.getState().placingFrom).toBeUndefined();
    frames.all();
    expect(await placement.outcome).toEqual({ kind: 'cancelled' });
    expect(store.getState().history.past).toHaveLength(0);
  });

  it('cancel once it has ended changes nothing', async () => {
    const store = setup();
    const frames = new Frames();
    const placement = placeInChunks(store, targets(), frames.options());
    frames.all();
    placement.cancel();
    expect(await placement.outcome).toEqual({ kind: 'placed', moved: 10 });
    expect(moved(store)).toBe(10);
  });

  it('waits for a drag under way to end before its first part', async () => {
    const store = setup();
    const frames = new Frames();
    store.getState().dragTasks({ t0: { x: 1, y: 1 } });
    const placement = placeInChunks(store, targets().slice(1), frames.options());
    frames.next();
    frames.next();
    frames.next();
    expect(moved(store)).toBe(0);
    store.getState().endDrag();
    frames.all();
    expect(await placement.outcome).toEqual({ kind: 'placed', moved: 9 });
    // The drag and the placement: two steps.
    expect(store.getState().history.past).toHaveLength(2);
  });

  it('sizes its parts from how long the frames took', () => {
    const store = setup();
    const frames = new Frames();
    // Frames under the budget: the parts grow (the first part's frame is no
    // sample: it also draws the view fitted before it), 2, 2, then 3, then 4.
    placeInChunks(
      store,
      targets(),
      frames.options({ first: 2, min: 1, max: 100, budgetMs: 40, maxParts: 30 }),
    );
    frames.next();
    frames.next(10);
    expect(moved(store)).toBe(2);
    frames.next(10);
    expect(moved(store)).toBe(4);
    frames.next(10);
    expect(moved(store)).toBe(7);
    frames.next(10);
    expect(moved(store)).toBe(10);
  });
});
