// Two tabs on one document, as two stores sharing one storage and one
// channel whose messages the test delivers. Each tab is told the other is
// open; a tab with nothing unsaved follows the other's saves; a tab whose
// stored document changed underneath is told before it writes, and whichever
// document the user keeps, the other one is kept aside.
import { afterEach, describe, expect, it } from 'vitest';
import { openDocuments, type Template } from '../../src/core';
import { createEditorStore, type EditorStore } from '../../src/store/editorStore';
import { startPersistence, type Persistence } from '../../src/store/persistence';
import { DOCUMENT_KEY } from '../../src/store/storageKeys';
import { storageChannel, type TabMessage } from '../../src/store/tabChannel';
import type { TabPresence } from '../../src/store/tabSync';
import { ChannelHub, MemoryStorage } from '../support/storageDoubles';
import { scopeTasks } from '../../src/core/model/scope';

const echo: Template = { name: 'echo', container: { image: 'alpine:3.20' } };
const endOfTask = () => Promise.resolve();

let started: Persistence[] = [];
afterEach(() => {
  for (const p of started) p.stop();
  started = [];
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Another process's view of `shared`: it sees the other writes only after `catchUp()`. */
class LateStorage extends MemoryStorage {
  constructor(private readonly shared: MemoryStorage) {
    super();
    this.catchUp();
  }
  catchUp(): void {
    this.items.clear();
    for (const [k, v] of this.shared.items) this.items.set(k, v);
  }
  override setItem(key: string, value: string): void {
    super.setItem(key, value);
    this.shared.setItem(key, value);
  }
  override removeItem(key: string): void {
    super.removeItem(key);
    this.shared.removeItem(key);
  }
}

/** Web Locks as the tabs see them: `release(tab)` is what the browser does when a tab goes. */
class Locks implements TabPresence {
  readonly held = new Set<string>();
  private readonly watchers = new Map<string, (() => void)[]>();
  hold(tab: string) {
    this.held.add(tab);
  }
  watch(tab: string, gone: () => void) {
    this.watchers.set(tab, [...(this.watchers.get(tab) ?? []), gone]);
  }
  release(tab: string) {
    this.held.delete(tab);
    for (const gone of this.watchers.get(tab) ?? []) gone();
  }
}

async function tab(
  storage: MemoryStorage,
  hub: ChannelHub,
  id: string,
  presence?: TabPresence,
): Promise<EditorStore> {
  const store = createEditorStore();
  started.push(
    await startPersistence(store, {
      localStorage: () => storage,
      channel: () => hub.channel(),
      tab: id,
      ...(presence ? { presence } : {}),
    }),
  );
  return store;
}

async function twoTabs() {
  const storage = new MemoryStorage();
  const hub = new ChannelHub();
  const a = await tab(storage, hub, 'A');
  const b = await tab(storage, hub, 'B');
  hub.deliver();
  return { storage, hub, a, b };
}

const names = (store: EditorStore) => scopeTasks(store.getState().pipeline).map((t) => t.name);
const storedNames = (storage: Storage) =>
  scopeTasks(openDocuments(storage.getItem(DOCUMENT_KEY)!).documents[0]!.pipeline!).map(
    (t) => t.name,
  );
const add = (store: EditorStore, name: string) =>
  store.getState().addTask({ name, template: echo });

describe('two tabs', () => {
  it('each tab is told the other has the document open, until it closes', async () => {
    const { hub, a, b } = await twoTabs();
    expect(a.getState().otherTabs).toBe(1);
    expect(b.getState().otherTabs).toBe(1);
    started.pop()!.stop(); // B closes
    hub.deliver();
    expect(a.getState().otherTabs).toBe(0);
  });

  it('a tab that goes without saying bye (closed or crashed) is noticed by its released lock', async () => {
    const storage = new MemoryStorage();
    const hub = new ChannelHub();
    const locks = new Locks();
    const a = await tab(storage, hub, 'A', locks);
    await tab(storage, hub, 'B', locks);
    hub.deliver();
    expect([...locks.held]).toEqual(['A', 'B']);
    expect(a.getState().otherTabs).toBe(1);
    locks.release('B');
    expect(a.getState().otherTabs).toBe(0);
  });

  it('a save announced before it reaches this tab’s storage is followed once it arrives, not kept aside as empty', async () => {
    // Chromium hands a BroadcastChannel message over before the other
    // process's localStorage write is visible here (seen in the browser test).
    const shared = new MemoryStorage();
    const hub = new ChannelHub();
    const a = await tab(shared, hub, 'A');
    const late = new LateStorage(shared);
    const b = await tab(late, hub, 'B');
    hub.deliver();
    add(a, 'x');
    await endOfTask();
    hub.deliver();
    await sleep(120);
    expect(names(b)).toEqual([]);
    expect(b.getState().aside).toEqual([]);
    late.catchUp();
    await sleep(120);
    expect(names(b)).toEqual(['x']);
    expect(b.getState().aside).toEqual([]);
  });

  it('a tab with nothing unsaved follows the other tab’s saves, one undo step each', async () => {
    const { hub, a, b, storage } = await twoTabs();
    add(a, 'x');
    await endOfTask();
    hub.deliver();
    expect(names(b)).toEqual(['x']);
    expect(b.getState().notice?.message).toBe('Updated with changes saved in another tab.');
    add(b, 'y');
    await endOfTask();
    hub.deliver();
    expect(names(a)).toEqual(['x', 'y']);
    expect(storedNames(storage)).toEqual(['x', 'y']);
    expect(a.getState().history.past.length).toBe(2);
  });

  it('a tab whose stored document changed underneath is told before it writes', async () => {
    const { hub, a, b, storage } = await twoTabs();
    add(a, 'mine-a');
    await endOfTask(); // A saved; B has not heard yet
    add(b, 'mine-b');
    await endOfTask();
    expect(storedNames(storage)).toEqual(['mine-a']);
    const status = b.getState().saveStatus;
    expect(status.kind).toBe('conflict');
    expect(status.kind === 'conflict' && status.theirs.text).toContain('mine-a');
    // Hearing A's save later changes nothing: B still has its own edit.
    hub.deliver();
    expect(names(b)).toEqual(['mine-b']);
    // More edits in B wait too.
    add(b, 'more-b');
    await endOfTask();
    expect(storedNames(storage)).toEqual(['mine-a']);
  });

  it('keeping this tab’s document keeps the other one aside', async () => {
    const { hub, a, b, storage } = await twoTabs();
    add(a, 'mine-a');
    await endOfTask();
    add(b, 'mine-b');
    await endOfTask();
    b.getState().saveControls!.keepMine();
    expect(storedNames(storage)).toEqual(['mine-b']);
    expect(b.getState().saveStatus.kind).toBe('saved');
    expect(b.getState().aside).toEqual([
      expect.objectContaining({
        reason: expect.stringMatching(/^the version another tab saved .+, replaced by this tab's$/),
        text: expect.stringContaining('mine-a'),
      }),
    ]);
    // A had nothing unsaved: it follows.
    hub.deliver();
    expect(names(a)).toEqual(['mine-b']);
  });

  it('taking the other tab’s document keeps this one aside', async () => {
    const { a, b, storage } = await twoTabs();
    add(a, 'mine-a');
    await endOfTask();
    add(b, 'mine-b');
    await endOfTask();
    b.getState().saveControls!.takeTheirs();
    expect(names(b)).toEqual(['mine-a']);
    expect(storedNames(storage)).toEqual(['mine-a']);
    expect(b.getState().aside[0]).toMatchObject({ text: expect.stringContaining('mine-b') });
    // B saves normally again.
    add(b, 'next');
    await endOfTask();
    expect(storedNames(storage)).toEqual(['mine-a', 'next']);
  });
});

describe('the storage-event channel (no BroadcastChannel)', () => {
  /** Two windows on one storage: a write in one fires `storage` in the other. */
  function windows() {
    const listeners = [new Set<(e: StorageEvent) => void>(), new Set<(e: StorageEvent) => void>()];
    const items = new MemoryStorage();
    const host = (i: number) => ({
      addEventListener: (_: 'storage', fn: (e: StorageEvent) => void) => listeners[i]!.add(fn),
      removeEventListener: (_: 'storage', fn: (e: StorageEvent) => void) =>
        listeners[i]!.delete(fn),
    });
    const storageOf = (i: number): Storage =>
      Object.assign(Object.create(items) as MemoryStorage, {
        setItem(key: string, value: string) {
          items.setItem(key, value);
          for (const fn of listeners[1 - i]!) fn({ key, newValue: value } as StorageEvent);
        },
      });
    return { host, storageOf };
  }

  it('carries every message to the other window', () => {
    const { host, storageOf } = windows();
    const one = storageChannel(host(0), storageOf(0));
    const two = storageChannel(host(1), storageOf(1));
    const heard: TabMessage[] = [];
    two.listen((m) => heard.push(m));
    one.post({ type: 'hello', tab: 'A' });
    one.post({ type: 'hello', tab: 'A' });
    one.post({ type: 'saved', tab: 'A', revision: 3 });
    expect(heard).toEqual([
      { type: 'hello', tab: 'A' },
      { type: 'hello', tab: 'A' },
      { type: 'saved', tab: 'A', revision: 3 },
    ]);
    two.close();
    one.post({ type: 'bye', tab: 'A' });
    expect(heard).toHaveLength(3);
  });
});
