// Autosave: the document and the palette config reach storage after a
// debounce, not during a drag, come back with readSaved, and a full storage is
// reported, never swallowed.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { compile, LAYOUT_ANNOTATION, type Template } from '../../src/core';
import { CONFIG_KEY, DOCUMENT_KEY, readSaved, startAutosave } from '../../src/store/autosave';
import { createEditorStore, type EditorStore } from '../../src/store/editorStore';

const DELAY = 300;
const echo: Template = { name: 'echo', container: { image: 'alpine:3.20' } };
const CONFIG = 'containers:\n  - name: hello\n    image: alpine:3.20\n';

/** A Storage backed by a Map that records every write. */
class MemoryStorage implements Storage {
  readonly items = new Map<string, string>();
  readonly writes: [string, string][] = [];
  get length(): number {
    return this.items.size;
  }
  clear(): void {
    this.items.clear();
  }
  getItem(key: string): string | null {
    return this.items.get(key) ?? null;
  }
  key(index: number): string | null {
    return [...this.items.keys()][index] ?? null;
  }
  removeItem(key: string): void {
    this.items.delete(key);
  }
  setItem(key: string, value: string): void {
    this.writes.push([key, value]);
    this.items.set(key, value);
  }
}

/** A storage whose quota is exhausted, as browsers report it. */
class FullStorage extends MemoryStorage {
  override setItem(): void {
    throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
  }
}

/** A store with a config and a -> b laid out. */
function editedStore(): EditorStore {
  const store = createEditorStore();
  const s = store.getState();
  s.loadConfig(CONFIG, 'config.yaml');
  s.addTask({ name: 'a', template: echo, position: { x: 0, y: 0 } });
  s.addTask({ name: 'b', template: echo, position: { x: 200, y: 80 } });
  s.connect('a', 'b');
  return store;
}

let stops: (() => void)[] = [];
function autosave(store: EditorStore, storage: Storage): () => void {
  const stop = startAutosave(store, storage, DELAY);
  stops.push(stop);
  return stop;
}

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  for (const stop of stops) stop();
  stops = [];
  vi.useRealTimers();
});

describe('startAutosave', () => {
  it('writes the document and the config after the debounce, once', () => {
    const store = createEditorStore();
    const storage = new MemoryStorage();
    autosave(store, storage);
    store.getState().loadConfig(CONFIG, 'config.yaml');
    store.getState().addTask({ name: 'a', template: echo, position: { x: 10, y: 20 } });
    store.getState().addTask({ name: 'b', template: echo, position: { x: 30, y: 40 } });

    vi.advanceTimersByTime(DELAY - 1);
    expect(storage.writes).toEqual([]);
    vi.advanceTimersByTime(1);

    expect(storage.writes.map(([key]) => key).sort()).toEqual([CONFIG_KEY, DOCUMENT_KEY]);
    const document = storage.getItem(DOCUMENT_KEY)!;
    expect(document).toContain('kind: Workflow');
    expect(document).toContain(LAYOUT_ANNOTATION);
    expect(document).toContain('image: alpine:3.20');
    expect(JSON.parse(storage.getItem(CONFIG_KEY)!)).toEqual({
      name: 'config.yaml',
      text: CONFIG,
    });

    // Nothing changed: nothing more is written.
    vi.advanceTimersByTime(10 * DELAY);
    expect(storage.writes).toHaveLength(2);
  });

  it('rewrites only what changed', () => {
    const store = editedStore();
    const storage = new MemoryStorage();
    autosave(store, storage);
    store.getState().placeTasks({ a: { x: 1, y: 1 } });
    vi.advanceTimersByTime(DELAY);
    expect(storage.writes).toHaveLength(2);

    store.getState().renameTask('b', 'load');
    vi.advanceTimersByTime(DELAY);
    expect(storage.writes.map(([key]) => key).slice(2)).toEqual([DOCUMENT_KEY]);
    expect(storage.getItem(DOCUMENT_KEY)).toContain('depends: a');
    expect(storage.getItem(DOCUMENT_KEY)).toContain('name: load');
  });

  it('does not write during a drag, and writes once it ends', () => {
    const store = editedStore();
    const storage = new MemoryStorage();
    autosave(store, storage);
    store.getState().placeTasks({ a: { x: 1, y: 1 } });
    vi.advanceTimersByTime(DELAY);
    const written = storage.writes.length;

    for (let i = 0; i < 20; i++) {
      store.getState().dragTasks({ a: { x: 5 * i, y: 7 * i } });
      vi.advanceTimersByTime(DELAY); // a slow drag: the debounce runs out between moves
    }
    expect(storage.writes).toHaveLength(written);

    store.getState().endDrag();
    vi.advanceTimersByTime(DELAY);
    expect(storage.writes).toHaveLength(written + 1);
    expect(readSaved(storage).pipeline?.layout.a).toEqual({ x: 95, y: 133 });
  });

  it('does not write mid-drag when an earlier edit is still waiting for its debounce', () => {
    const store = editedStore();
    const storage = new MemoryStorage();
    autosave(store, storage);
    store.getState().placeTasks({ a: { x: 1, y: 1 } }); // schedules a save
    store.getState().dragTasks({ a: { x: 50, y: 50 } }); // ... then a drag starts at once
    vi.advanceTimersByTime(2 * DELAY);
    expect(storage.writes).toEqual([]);
    store.getState().dragTasks({ a: { x: 60, y: 60 } });
    store.getState().endDrag();
    vi.advanceTimersByTime(DELAY);
    expect(readSaved(storage).pipeline?.layout.a).toEqual({ x: 60, y: 60 });
  });

  it('writes what is pending when stopped', () => {
    const store = editedStore();
    const storage = new MemoryStorage();
    const stop = autosave(store, storage);
    store.getState().placeTasks({ a: { x: 9, y: 9 } });
    stop();
    expect(readSaved(storage).pipeline?.layout.a).toEqual({ x: 9, y: 9 });
    // Stopped: later edits are not written.
    const written = storage.writes.length;
    store.getState().placeTasks({ a: { x: 1, y: 1 } });
    vi.advanceTimersByTime(DELAY);
    expect(storage.writes).toHaveLength(written);
  });

  it('writes only the two documented keys, and nothing token-like', () => {
    const store = editedStore();
    const storage = new MemoryStorage();
    autosave(store, storage);
    store.getState().apply((p) => ({ ...p, metadata: { ...p.metadata, name: 'nightly' } }));
    vi.advanceTimersByTime(DELAY);
    store.getState().placeTasks({ b: { x: 3, y: 3 } });
    vi.advanceTimersByTime(DELAY);

    expect(new Set(storage.writes.map(([key]) => key))).toEqual(
      new Set([DOCUMENT_KEY, CONFIG_KEY]),
    );
    for (const [, value] of storage.writes) {
      expect(value).not.toMatch(/bearer|authorization|token|password|secret/i);
      expect(value).not.toMatch(/eyJ[\w-]{10,}/); // a JWT
    }
  });

  it('reports a full storage in an error notice', () => {
    const store = editedStore();
    autosave(store, new FullStorage());
    store.getState().placeTasks({ a: { x: 1, y: 1 } });
    vi.advanceTimersByTime(DELAY);

    const notice = store.getState().notice;
    expect(notice?.kind).toBe('error');
    expect(notice?.message).toMatch(/storage is full/);
    expect(notice?.message).toMatch(/Download/);
  });

  it('reports another storage error with its message', () => {
    const store = editedStore();
    const storage = new MemoryStorage();
    storage.setItem = () => {
      throw new Error('storage is disabled');
    };
    autosave(store, storage);
    store.getState().placeTasks({ a: { x: 1, y: 1 } });
    vi.advanceTimersByTime(DELAY);
    expect(store.getState().notice).toMatchObject({ kind: 'error' });
    expect(store.getState().notice?.message).toMatch(/Autosave failed: storage is disabled/);
  });

  it('does not retry in a loop after a failure: a dismissed notice stays dismissed', () => {
    const store = editedStore();
    const storage = new FullStorage();
    const setItem = vi.spyOn(storage, 'setItem');
    autosave(store, storage);
    store.getState().placeTasks({ a: { x: 1, y: 1 } });
    vi.advanceTimersByTime(DELAY);
    const attempts = setItem.mock.calls.length;
    expect(attempts).toBeGreaterThan(0);

    store.getState().setNotice(undefined); // the user dismisses it
    vi.advanceTimersByTime(20 * DELAY);
    expect(setItem).toHaveBeenCalledTimes(attempts);
    expect(store.getState().notice).toBeUndefined();

    // The next edit tries again (the user may have freed some storage).
    store.getState().placeTasks({ a: { x: 2, y: 2 } });
    vi.advanceTimersByTime(DELAY);
    expect(setItem.mock.calls.length).toBeGreaterThan(attempts);
    expect(store.getState().notice?.message).toMatch(/storage is full/);
  });
});

describe('readSaved', () => {
  it('restores the same pipeline and config', () => {
    const store = editedStore();
    store.getState().apply((p) => ({ ...p, metadata: { generateName: 'profile-' } }));
    const storage = new MemoryStorage();
    autosave(store, storage);
    store.getState().placeTasks({ b: { x: 250, y: 120 } });
    vi.advanceTimersByTime(DELAY);

    const saved = readSaved(storage);
    const { pipeline, config } = store.getState();
    expect(saved.problem).toBeUndefined();
    expect(compile(saved.pipeline!)).toEqual(compile(pipeline));
    expect(compile(saved.pipeline!, { layout: true })).toEqual(compile(pipeline, { layout: true }));
    expect(saved.pipeline!.layout).toEqual(pipeline.layout);
    expect(saved.config).toEqual(config);

    // And a fresh store opened from it is the same document.
    const reopened = createEditorStore();
    reopened.getState().setPipeline(saved.pipeline!, { fresh: true });
    reopened.getState().loadConfig(saved.config!.text, saved.config!.name);
    expect(compile(reopened.getState().pipeline)).toEqual(compile(pipeline));
    expect(reopened.getState().entries.map((e) => e.name)).toEqual(['hello']);
  });

  it('returns nothing from an empty storage', () => {
    expect(readSaved(new MemoryStorage())).toEqual({});
  });

  it('says why a damaged save is not restored', () => {
    const storage = new MemoryStorage();
    storage.setItem(CONFIG_KEY, '{not json');
    expect(readSaved(storage)).toEqual({ problem: expect.stringMatching(/config/) });
    storage.clear();
    storage.setItem(DOCUMENT_KEY, 'kind: [broken');
    const saved = readSaved(storage);
    expect(saved.pipeline).toBeUndefined();
    expect(saved.problem).toMatch(/could not be opened/);
  });
});
