/**
 * Everything the editor keeps in the browser, started once: opens storage
 * (saying why when it cannot), restores the newest document it can show,
 * keeps the rest aside, then runs autosave, the durable copy and the tab
 * messages. The editor starts whatever storage holds.
 */
import { removeAside, writeAside } from './asideStore';
import { startAutosave, type Autosave } from './autosave';
import { openDurableCopy, type DurableRecord } from './durableCopy';
import type { EditorStore } from './editorStore';
import type { ConfigSource } from './paletteSlice';
import { asideId } from './recoverySlice';
import { restore } from './restore';
import { openStorage, writeFailure } from './safeStorage';
import { hasErrors } from '../core/diagnostics';
import { DOCUMENT_KEY, DRAFT_KEY, readMeta } from './storageKeys';
import type { TabChannel } from './tabChannel';
import { startTabSync, type TabPresence } from './tabSync';

export interface PersistenceEnv {
  localStorage(): Storage | null | undefined;
  sessionStorage?(): Storage | null | undefined;
  indexedDB?: IDBFactory;
  channel?(storage: Storage): TabChannel | undefined;
  presence?: TabPresence;
  /** Calls `flush` when the page is hidden or closed; returns an unsubscribe. */
  onHide?(flush: () => void): () => void;
  tab?: string;
  /** How long to wait for the durable copy before starting without it. */
  durableWaitMs?: number;
}

export interface Persistence {
  /** The saved palette config, if any (the start loads it). */
  config?: ConfigSource;
  flush(): void;
  stop(): void;
}

function withTimeout<T>(p: Promise<T>, ms: number): Promise<T | undefined> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(undefined), ms);
    void p.then((v) => {
      clearTimeout(timer);
      resolve(v);
    });
  });
}

function safe(get: (() => Storage | null | undefined) | undefined): Storage | undefined {
  try {
    return get?.() ?? undefined;
  } catch {
    return undefined;
  }
}

const NOTHING: Persistence = { flush() {}, stop() {} };

/**
 * Starts persistence on `store`. Aborted through `signal` before it is done
 * (the start waits for IndexedDB), it changes nothing and returns no-ops.
 */
export async function startPersistence(
  store: EditorStore,
  env: PersistenceEnv,
  signal?: AbortSignal,
): Promise<Persistence> {
  // Nothing happens in the caller's task: it can still abort this start.
  await Promise.resolve();
  if (signal?.aborted) return NOTHING;
  const messages: string[] = [];
  const tell = (m: string) =>
    store.setState({ storageMessages: [...store.getState().storageMessages, m] });
  const opened = openStorage(env.localStorage);
  const storage = opened.storage;
  if (!storage) {
    const reason = `${opened.problem}. Your work is not saved in this browser: download it to keep it`;
    store.getState().setSaveStatus({ kind: 'off', reason });
    tell(`Autosave is off: ${reason}.`);
    return NOTHING;
  }
  if (opened.full)
    messages.push(
      'Browser storage is full: new changes may not be saved here. Download your work, then free some storage.',
    );

  let durableFailed = false;
  const durable = openDurableCopy(env.indexedDB, {
    onWritten: (revision) =>
      store.setState({ durableRevision: Math.max(store.getState().durableRevision, revision) }),
    onError: (e) => {
      if (durableFailed || signal?.aborted) return;
      durableFailed = true;
      tell(
        `The durable copy (IndexedDB) could not be used (${(e as Error)?.message ?? String(e)}): edits of the last seconds may be lost if the browser is killed.`,
      );
    },
  });
  const record: DurableRecord | undefined = await (durable
    ? withTimeout(durable.read(), env.durableWaitMs ?? 3000)
    : undefined);

  if (signal?.aborted) return NOTHING;
  const session = safe(env.sessionStorage);
  const restored = restore(storage, record, session);
  if (restored.pipeline) {
    store.getState().setPipeline(restored.pipeline, { fresh: true });
    const file = restored.file;
    if (file)
      store.getState().setFile(
        file,
        file.documents.findIndex((d) => d.baseline === restored.pipeline),
      );
  }
  const draft = storage.getItem(DRAFT_KEY);
  if (draft !== null) {
    // Given back as it was left: applied if the editor can now show it, else a draft with its errors.
    store.getState().editYaml(draft);
    if (hasErrors(store.getState().yamlDiagnostics))
      messages.push(
        'Text typed in the YAML panel that could not be applied was given back there, with its errors.',
      );
  }
  if (restored.hold) messages.push(`Autosave is paused: ${restored.hold.reason}.`);
  store.setState({
    aside: restored.aside,
    storageMessages: [...store.getState().storageMessages, ...restored.messages, ...messages],
    durableRevision: record?.revision ?? 0,
  });

  const tab = env.tab ?? asideId();
  const autosave: Autosave = startAutosave(store, {
    storage,
    session,
    durable,
    tab,
    revision: restored.revision,
    localRevision: readMeta(storage)?.revision ?? 0,
    writeAtStart: restored.source === 'durable',
    onConflict: () => tabs?.conflict(),
    onSaved: (revision) => tabs?.saved(revision),
  });
  const channel = env.channel?.(storage);
  const tabs =
    channel &&
    startTabSync(store, {
      channel,
      ...(env.presence ? { presence: env.presence } : {}),
      tab,
      storage,
      autosave: () => autosave,
    });
  const held = restored.hold?.entry;
  if (restored.hold) {
    autosave.hold(true);
    store.getState().setSaveStatus({ kind: 'held', reason: restored.hold.reason });
  }

  // Entries kept aside while the editor runs are stored; discarded ones removed.
  let kept = new Set(store.getState().aside.map((e) => e.id));
  const unsubscribe = store.subscribe((state, prev) => {
    if (state.aside === prev.aside) return;
    const now = new Set(state.aside.map((e) => e.id));
    for (const entry of state.aside) {
      if (kept.has(entry.id)) continue;
      try {
        writeAside(storage, entry);
      } catch (e) {
        tell(
          `A document kept aside could not be stored (${writeFailure(e)}); download it from the list before closing this page.`,
        );
      }
    }
    for (const id of kept) {
      if (now.has(id)) continue;
      removeAside(storage, id);
      if (id === held?.id) {
        // The bad entry that held the document key is discarded: autosave may write again.
        storage.removeItem(DOCUMENT_KEY);
        autosave.hold(false);
      }
    }
    kept = now;
  });

  store.setState({
    saveControls: {
      flush: () => autosave.flush(),
      keepMine: () => tabs?.keepMine(),
      takeTheirs: () => tabs?.takeTheirs(),
    },
  });
  const stopHide = env.onHide?.(() => autosave.flush());
  return {
    ...(restored.config ? { config: restored.config } : {}),
    flush: () => autosave.flush(),
    stop() {
      stopHide?.();
      unsubscribe();
      autosave.stop();
      tabs?.stop();
    },
  };
}
