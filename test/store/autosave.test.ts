// Autosave: each committed change reaches storage in the task that made it
// (no timer), a drag once it ends, the durable copy after each write; a write
// never replaces a revision this tab has not seen; a failure is reported,
// noted for the next start and never retried in a loop.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { LAYOUT_ANNOTATION, openDocuments, type Template } from '../../src/core';
import { startAutosave, type Autosave, type AutosaveOptions } from '../../src/store/autosave';
import { createEditorStore, type EditorStore } from '../../src/store/editorStore';
import {
  CONFIG_KEY,
  DOCUMENT_KEY,
  FAILED_KEY,
  META_KEY,
  readMeta,
} from '../../src/store/storageKeys';
import { MemoryDurable, MemoryStorage } from '../support/storageDoubles';
import { layoutOf, tasksOf } from '../support/scope';

const echo: Template = { name: 'echo', container: { image: 'alpine:3.20' } };
const CONFIG = 'containers:\n  - name: hello\n    image: alpine:3.20\n';

/** A store with a config and a -> b laid out. */
async function editedStore(): Promise<EditorStore> {
  const store = createEditorStore();
  const s = store.getState();
  await s.loadConfig(CONFIG, 'config.yaml');
  s.addTask({ name: 'a', template: echo, position: { x: 0, y: 0 } });
  s.addTask({ name: 'b', template: echo, position: { x: 200, y: 80 } });
  s.connect('a', 'b');
  return store;
}

/** Lets queued microtasks run: the end of the edit's own task. */
const endOfTask = () => Promise.resolve();

let running: Autosave[] = [];
function autosave(
  store: EditorStore,
  storage: Storage,
  options: Partial<AutosaveOptions> = {},
): Autosave {
  const a = startAutosave(store, {
    storage,
    tab: 'tab-1',
    revision: 0,
    onConflict: () => {},
    ...options,
  });
  running.push(a);
  return a;
}

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  for (const a of running) a.stop();
  running = [];
  vi.useRealTimers();
});

/** The pipeline in storage, read as the next start reads it. */
const saved = (storage: Storage) =>
  openDocuments(storage.getItem(DOCUMENT_KEY) ?? '').documents[0]?.pipeline;
const taskNames = (storage: Storage) => tasksOf(saved(storage))?.map((t) => t.name) ?? [];

describe('when autosave writes', () => {
  it('writes a structural edit in the edit’s own task, with no timer', async () => {
    const store = createEditorStore();
    const storage = new MemoryStorage();
    autosave(store, storage);
    await store.getState().loadConfig(CONFIG, 'config.yaml');
    store.getState().addTask({ name: 'a', template: echo, position: { x: 10, y: 20 } });
    await endOfTask();
    expect(vi.getTimerCount()).toBe(0);
    expect(taskNames(storage)).toEqual(['a']);
    const document = storage.getItem(DOCUMENT_KEY)!;
    expect(document).toContain('kind: Workflow');
    expect(document).toContain(LAYOUT_ANNOTATION);
    expect(JSON.parse(storage.getItem(CONFIG_KEY)!)).toEqual({
      name: 'config.yaml',
      text: CONFIG,
    });
    expect(readMeta(storage)).toEqual({
      revision: 1,
      savedAt: expect.any(String),
      tab: 'tab-1',
    });
  });

  it('writes each kind of edit: add, connect, rename, paste, layout, delete', async () => {
    const store = await editedStore();
    const storage = new MemoryStorage();
    autosave(store, storage);
    const s = () => store.getState();
    const edits: [string, () => void, (doc: string) => boolean][] = [
      [
        'add',
        () => s().addTask({ name: 'c', template: echo, position: { x: 1, y: 1 } }),
        (d) => d.includes('- name: c'),
      ],
      ['connect', () => s().connect('b', 'c'), (d) => d.includes('depends: b')],
      ['rename', () => s().renameTask('c', 'load'), (d) => d.includes('- name: load')],
      [
        'paste',
        () => {
          s().copy(['a']);
          s().paste();
        },
        (d) => d.includes('- name: a-2'),
      ],
      ['layout', () => s().placeTasks({ a: { x: 777, y: 5 } }), (d) => d.includes('[777,5]')],
      ['delete', () => s().removeTasks(['load']), (d) => !d.includes('name: load')],
    ];
    for (const [name, edit, written] of edits) {
      edit();
      await endOfTask();
      expect(written(storage.getItem(DOCUMENT_KEY)!), name).toBe(true);
    }
    expect(readMeta(storage)?.revision).toBe(edits.length);
  });

  it('writes several updates of one handler once', async () => {
    const store = await editedStore();
    const storage = new MemoryStorage();
    autosave(store, storage);
    store.getState().addTask({ name: 'c', template: echo, position: { x: 1, y: 1 } });
    store.getState().connect('b', 'c');
    store.getState().select(['c']);
    await endOfTask();
    expect(storage.writes.filter(([k]) => k === DOCUMENT_KEY)).toHaveLength(1);
  });

  it('does not write during a drag, and writes once it ends', async () => {
    const store = await editedStore();
    const storage = new MemoryStorage();
    autosave(store, storage);
    for (let i = 0; i < 20; i++) {
      store.getState().dragTasks({ a: { x: 5 * i, y: 7 * i } });
      await endOfTask();
    }
    expect(storage.writes).toEqual([]);
    store.getState().endDrag();
    await endOfTask();
    expect(layoutOf(saved(storage))?.a).toEqual({ x: 95, y: 133 });
  });

  it('flush writes a drag in progress (the page is hidden mid-drag)', async () => {
    const store = await editedStore();
    const storage = new MemoryStorage();
    const a = autosave(store, storage);
    store.getState().dragTasks({ a: { x: 60, y: 60 } });
    a.flush();
    expect(layoutOf(saved(storage))?.a).toEqual({ x: 60, y: 60 });
  });

  it('writes what is pending when stopped, and nothing after', async () => {
    const store = await editedStore();
    const storage = new MemoryStorage();
    const a = autosave(store, storage);
    store.getState().placeTasks({ a: { x: 9, y: 9 } });
    a.stop();
    expect(layoutOf(saved(storage))?.a).toEqual({ x: 9, y: 9 });
    const written = storage.writes.length;
    store.getState().placeTasks({ a: { x: 1, y: 1 } });
    a.flush();
    expect(storage.writes).toHaveLength(written);
  });

  it('sends each revision to the durable copy', async () => {
    const store = await editedStore();
    const storage = new MemoryStorage();
    const durable = new MemoryDurable();
    autosave(store, storage, { durable });
    store.getState().placeTasks({ a: { x: 1, y: 1 } });
    await endOfTask();
    store.getState().renameTask('b', 'load');
    await endOfTask();
    expect(durable.queued.map((r) => r.revision)).toEqual([1, 2]);
    expect(durable.queued[1]!.text).toBe(storage.getItem(DOCUMENT_KEY));
  });

  it('writes the starting document at once when storage does not hold it yet', async () => {
    const store = await editedStore();
    const storage = new MemoryStorage();
    autosave(store, storage, { revision: 7, localRevision: 0, writeAtStart: true });
    await endOfTask();
    expect(taskNames(storage)).toEqual(['a', 'b']);
    expect(readMeta(storage)?.revision).toBe(8);
  });

  it('writes nothing while held, and what is pending once released', async () => {
    const store = await editedStore();
    const storage = new MemoryStorage();
    const a = autosave(store, storage);
    a.hold(true);
    store.getState().renameTask('b', 'load');
    await endOfTask();
    a.flush();
    expect(storage.getItem(DOCUMENT_KEY)).toBeNull();
    a.hold(false);
    await endOfTask();
    expect(taskNames(storage)).toEqual(['a', 'load']);
  });
});

describe('another writer', () => {
  it('is never overwritten silently: the write stops and asks', async () => {
    const store = await editedStore();
    const storage = new MemoryStorage();
    const onConflict = vi.fn();
    const a = autosave(store, storage, { onConflict });
    store.getState().placeTasks({ a: { x: 1, y: 1 } });
    await endOfTask();
    // Another tab saves revision 2.
    storage.setItem(DOCUMENT_KEY, 'theirs');
    storage.setItem(META_KEY, JSON.stringify({ revision: 2, savedAt: 'x', tab: 'tab-2' }));
    store.getState().placeTasks({ a: { x: 2, y: 2 } });
    await endOfTask();
    expect(onConflict).toHaveBeenCalledOnce();
    expect(storage.getItem(DOCUMENT_KEY)).toBe('theirs');
    expect(a.dirty()).toBe(true);
    // The user chose this tab's document.
    a.overwrite();
    expect(layoutOf(saved(storage))?.a).toEqual({ x: 2, y: 2 });
    expect(readMeta(storage)).toMatchObject({ revision: 3, tab: 'tab-1' });
  });
});

describe('failures', () => {
  it('reports a full storage, notes it for the next start, and keeps the durable copy going', async () => {
    const store = await editedStore();
    const storage = new MemoryStorage();
    const durable = new MemoryDurable();
    autosave(store, storage, { durable });
    storage.quota = 200; // a failed-save note fits, a document does not
    store.getState().placeTasks({ a: { x: 1, y: 1 } });
    await endOfTask();
    const notice = store.getState().notice;
    expect(notice?.kind).toBe('error');
    expect(notice?.message).toMatch(/^Autosave failed: browser storage is full\./);
    expect(notice?.message).toMatch(/Download/);
    expect(store.getState().saveStatus).toEqual({
      kind: 'failed',
      reason: 'browser storage is full',
    });
    expect(JSON.parse(storage.getItem(FAILED_KEY)!)).toMatchObject({
      revision: 1,
      reason: 'browser storage is full',
    });
    expect(durable.queued.map((r) => r.revision)).toEqual([1]);
  });

  it('notes the failure in sessionStorage when localStorage takes nothing at all', async () => {
    const store = await editedStore();
    const storage = new MemoryStorage();
    const session = new MemoryStorage();
    autosave(store, storage, { session });
    storage.quota = 0;
    store.getState().placeTasks({ a: { x: 1, y: 1 } });
    await endOfTask();
    expect(storage.getItem(FAILED_KEY)).toBeNull();
    expect(JSON.parse(session.getItem(FAILED_KEY)!)).toMatchObject({ revision: 1 });
  });

  it('clears the note once a write succeeds again', async () => {
    const store = await editedStore();
    const storage = new MemoryStorage();
    autosave(store, storage);
    storage.quota = 200;
    store.getState().placeTasks({ a: { x: 1, y: 1 } });
    await endOfTask();
    storage.quota = Infinity;
    store.getState().placeTasks({ a: { x: 2, y: 2 } });
    await endOfTask();
    expect(storage.getItem(FAILED_KEY)).toBeNull();
    expect(store.getState().saveStatus).toMatchObject({ kind: 'saved', revision: 2 });
  });

  it('reports another storage error with its message', async () => {
    const store = await editedStore();
    const storage = new MemoryStorage();
    storage.setItem = () => {
      throw new Error('storage is disabled');
    };
    autosave(store, storage);
    store.getState().placeTasks({ a: { x: 1, y: 1 } });
    await endOfTask();
    expect(store.getState().notice?.message).toMatch(
      /^Autosave failed: the browser refused to store it \(storage is disabled\)/,
    );
  });

  it('does not retry in a loop after a failure: a dismissed notice stays dismissed', async () => {
    const store = await editedStore();
    const storage = new MemoryStorage();
    storage.quota = 0;
    const setItem = vi.spyOn(storage, 'setItem');
    autosave(store, storage);
    store.getState().placeTasks({ a: { x: 1, y: 1 } });
    await endOfTask();
    const attempts = setItem.mock.calls.length;
    expect(attempts).toBeGreaterThan(0);
    store.getState().setNotice(undefined); // the user dismisses it
    for (let i = 0; i < 5; i++) await endOfTask();
    vi.advanceTimersByTime(10_000);
    expect(setItem).toHaveBeenCalledTimes(attempts);
    expect(store.getState().notice).toBeUndefined();
    // The next edit tries again (the user may have freed some storage).
    store.getState().placeTasks({ a: { x: 2, y: 2 } });
    await endOfTask();
    expect(setItem.mock.calls.length).toBeGreaterThan(attempts);
    expect(store.getState().notice?.message).toMatch(/storage is full/);
  });
});

it('writes only the documented keys, and nothing token-like', async () => {
  const store = await editedStore();
  const storage = new MemoryStorage();
  autosave(store, storage);
  store.getState().apply((p) => ({ ...p, metadata: { ...p.metadata, name: 'nightly' } }));
  await endOfTask();
  store.getState().placeTasks({ b: { x: 3, y: 3 } });
  await endOfTask();
  await store
    .getState()
    .loadConfig(`${CONFIG}  - name: other\n    image: busybox\n`, 'config.yaml');
  await endOfTask();
  expect(new Set(storage.writes.map(([key]) => key))).toEqual(
    new Set([DOCUMENT_KEY, META_KEY, CONFIG_KEY]),
  );
  for (const [, value] of storage.writes) {
    expect(value).not.toMatch(/bearer|authorization|token|password|secret/i);
    expect(value).not.toMatch(/eyJ[\w-]{10,}/); // a JWT
  }
});
