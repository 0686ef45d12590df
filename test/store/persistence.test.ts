// Persistence as the editor starts it: the editor starts whatever storage is
// (refused, full, holding a damaged entry), says what happened in words,
// and the Argo token never reaches localStorage.
import { afterEach, describe, expect, it } from 'vitest';
import { exportDocument, type Template } from '../../src/core';
import { SETTINGS_KEY } from '../../src/store/connectionSettings';
import { createEditorStore, type EditorStore } from '../../src/store/editorStore';
import { startPersistence, type Persistence } from '../../src/store/persistence';
import { ASIDE_PREFIX, DOCUMENT_KEY, DRAFT_KEY, META_KEY } from '../../src/store/storageKeys';
import { deniedStorage, MemoryStorage } from '../support/storageDoubles';
import { scopeTasks } from '../../src/core/model/scope';

const echo: Template = { name: 'echo', container: { image: 'alpine:3.20' } };
const endOfTask = () => Promise.resolve();

let started: Persistence[] = [];
afterEach(() => {
  for (const p of started) p.stop();
  started = [];
});

async function start(storage: () => Storage, session?: Storage) {
  const store = createEditorStore({ localStorage: safe(storage), sessionStorage: session });
  const p = await startPersistence(store, {
    localStorage: storage,
    ...(session ? { sessionStorage: () => session } : {}),
    tab: 'tab',
  });
  started.push(p);
  return { store, persistence: p };
}
function safe(get: () => Storage): Storage | undefined {
  try {
    return get();
  } catch {
    return undefined;
  }
}

const add = (store: EditorStore, name: string) =>
  store.getState().addTask({ name, template: echo, position: { x: 0, y: 0 } });

describe('startPersistence', () => {
  it('starts with autosave off, and says so, when storage is refused (private mode)', async () => {
    const { store } = await start(deniedStorage);
    expect(store.getState().saveStatus).toEqual({
      kind: 'off',
      reason: expect.stringMatching(/does not let this page use storage .*Access is denied/),
    });
    expect(store.getState().storageMessages).toEqual([
      expect.stringMatching(/^Autosave is off: .+ download it to keep it\.$/),
    ]);
    // The editor works.
    add(store, 'a');
    expect(scopeTasks(store.getState().pipeline)).toHaveLength(1);
  });

  it('says at start that storage is full', async () => {
    const storage = new MemoryStorage();
    storage.quota = 0;
    const { store } = await start(() => storage);
    expect(store.getState().storageMessages).toContainEqual(
      expect.stringMatching(/^Browser storage is full/),
    );
  });

  it('restores what the previous session saved, and continues its revisions', async () => {
    const storage = new MemoryStorage();
    const first = await start(() => storage);
    add(first.store, 'a');
    await endOfTask();
    first.persistence.stop();
    const second = await start(() => storage);
    expect(scopeTasks(second.store.getState().pipeline).map((t) => t.name)).toEqual(['a']);
    expect(second.store.getState().history.past).toEqual([]);
    add(second.store, 'b');
    await endOfTask();
    expect(JSON.parse(storage.getItem(META_KEY)!).revision).toBe(2);
  });

  it('after a write failed for a full storage, the next start says the older copy came back', async () => {
    const storage = new MemoryStorage();
    const session = new MemoryStorage();
    const first = await start(() => storage, session);
    add(first.store, 'a');
    await endOfTask();
    // Full: not even the note of the failure fits; it goes to sessionStorage.
    storage.quota = [...storage.items].reduce((n, [k, v]) => n + k.length + v.length, 0) + 10;
    add(first.store, 'b');
    await endOfTask();
    expect(first.store.getState().saveStatus.kind).toBe('failed');
    first.persistence.stop();

    storage.quota = Infinity;
    const second = await start(() => storage, session);
    expect(scopeTasks(second.store.getState().pipeline).map((t) => t.name)).toEqual(['a']);
    expect(second.store.getState().storageMessages).toEqual([
      expect.stringMatching(/^The last autosave, at .+, failed: browser storage is full\./),
    ]);
  });

  it('keeps a damaged autosave aside, starts, and stores what is kept aside later', async () => {
    const storage = new MemoryStorage();
    storage.setItem(DOCUMENT_KEY, 'kind: [broken');
    const { store } = await start(() => storage);
    expect(scopeTasks(store.getState().pipeline)).toEqual([]);
    expect(store.getState().aside.map((e) => e.text)).toEqual(['kind: [broken']);
    expect(store.getState().storageMessages[0]).toMatch(/could not be opened/);

    const entry = store.getState().keepAside('a test', 'text: 1\n');
    expect(JSON.parse(storage.getItem(ASIDE_PREFIX + entry.id)!)).toMatchObject({
      reason: 'a test',
      text: 'text: 1\n',
    });
    store.getState().discardAside(entry.id);
    expect(storage.getItem(ASIDE_PREFIX + entry.id)).toBeNull();
  });

  it('holds the slot while a bad entry could not be moved aside, until it is discarded', async () => {
    const bad = exportDocument(createEditorStore().getState().pipeline).replace(
      'kind: Workflow',
      'kind: [',
    );
    const storage = new MemoryStorage();
    storage.setItem(DOCUMENT_KEY, bad);
    storage.quota = bad.length + 200;
    const { store } = await start(() => storage);
    expect(store.getState().saveStatus.kind).toBe('held');
    add(store, 'a');
    await endOfTask();
    expect(storage.getItem(DOCUMENT_KEY)).toBe(bad);

    storage.quota = Infinity;
    store.getState().discardAside(store.getState().aside[0]!.id);
    await endOfTask();
    expect(storage.getItem(DOCUMENT_KEY)).toContain('name: a');
  });

  it('changes nothing when aborted before it finished (a StrictMode double start)', async () => {
    const storage = new MemoryStorage();
    storage.setItem(DOCUMENT_KEY, 'kind: [broken');
    const store = createEditorStore();
    const cancel = new AbortController();
    const pending = startPersistence(
      store,
      { localStorage: () => storage, tab: 'x' },
      cancel.signal,
    );
    cancel.abort();
    (await pending).stop();
    expect(store.getState().storageMessages).toEqual([]);
    expect(store.getState().aside).toEqual([]);
    expect(storage.getItem(DOCUMENT_KEY)).toBe('kind: [broken');
    add(store, 'a');
    await endOfTask();
    expect(storage.getItem(DOCUMENT_KEY)).toBe('kind: [broken');
  });

  it('never writes the Argo token to localStorage', async () => {
    const storage = new MemoryStorage();
    const session = new MemoryStorage();
    const { store } = await start(() => storage, session);
    const token = 'eyJhbGciOiJSUzI1NiJ9.c2VjcmV0LXRva2Vu.signature';
    store.getState().setToken(token, true);
    store.getState().setConnection({ server: 'https://argo.example', namespace: 'ml' });
    add(store, 'a');
    await endOfTask();
    expect(JSON.parse(storage.getItem(SETTINGS_KEY)!)).toEqual({
      server: 'https://argo.example',
      namespace: 'ml',
      uiBase: '',
    });
    for (const [key, value] of storage.items) {
      expect(value, key).not.toContain(token);
      expect(value, key).not.toContain('c2VjcmV0LXRva2Vu');
    }
    // Remembered for this tab only.
    expect([...session.items.values()]).toContain(token);
  });
});

describe('text in the YAML panel that could not be applied', () => {
  it('is kept in storage and given back, with its errors, on the next start', async () => {
    const storage = new MemoryStorage();
    const first = await start(() => storage);
    add(first.store, 'a');
    first.store.getState().editYaml('kind: [half typed');
    await endOfTask();
    expect(storage.getItem(DRAFT_KEY)).toBe('kind: [half typed');
    first.persistence.stop();

    const second = await start(() => storage);
    const s = second.store.getState();
    expect(scopeTasks(s.pipeline).map((t) => t.name)).toEqual(['a']);
    expect(s.yamlDraft).toBe('kind: [half typed');
    expect(s.yamlDiagnostics.some((d) => d.severity === 'error')).toBe(true);
    expect(s.storageMessages).toEqual([
      'Text typed in the YAML panel that could not be applied was given back there, with its errors.',
    ]);
    // Once the text applies, the kept draft goes.
    s.editYaml(storage.getItem(DOCUMENT_KEY)!);
    await endOfTask();
    expect(storage.getItem(DRAFT_KEY)).toBeNull();
  });
});
