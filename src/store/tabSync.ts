/**
 * Tabs on one document. Each tab says hello; tabs already open answer, so
 * every tab knows how many others have the document open. A tab with no
 * unsaved change follows the other tab's saves (its undo history keeps each
 * step). A tab that has changes of its own when another tab saved first is
 * told before it writes anything, and chooses which document to keep; the
 * other one is kept aside, so neither tab's work is lost.
 */
import type { Autosave } from './autosave';
import type { EditorStore } from './editorStore';
import { judge } from './restore';
import { saveTextOf } from './fileSlice';
import { DOCUMENT_KEY, readMeta } from './storageKeys';
import type { TabChannel, TabMessage } from './tabChannel';

/**
 * Knowing when another tab is gone even if it could not say bye (closed
 * without its pagehide, or crashed): each tab holds a lock named after it
 * for its lifetime, and the browser releases it when the tab goes.
 */
export interface TabPresence {
  /** Takes this tab's lock; a promise resolves once it is held. */
  hold(tab: string): Promise<void> | void;
  /** Calls `gone` once `tab` has gone. */
  watch(tab: string, gone: () => void): void;
}

export interface TabSync {
  /** Called by autosave when another tab saved since this tab last did. */
  conflict(): void;
  /** Tells the other tabs a revision was saved. */
  saved(revision: number): void;
  keepMine(): void;
  takeTheirs(): void;
  stop(): void;
}

/** How long a tab waits for another tab's announced save to reach its localStorage: 20 s. */
const STORAGE_WAIT_MS = 50;
const STORAGE_WAIT_TRIES = 400;

const when = (iso: string | undefined) => (iso ? new Date(iso).toLocaleString() : 'recently');

export function startTabSync(
  store: EditorStore,
  options: {
    channel: TabChannel;
    presence?: TabPresence;
    tab: string;
    storage: Storage;
    autosave: () => Autosave;
  },
): TabSync {
  const { channel, presence, tab, storage } = options;
  const others = new Set<string>();
  const count = () => store.setState({ otherTabs: others.size });
  const gone = (other: string) => {
    if (others.delete(other)) count();
  };
  /** Another tab is there; watch for it going. */
  const seen = (other: string) => {
    if (others.has(other)) return;
    others.add(other);
    presence?.watch(other, () => gone(other));
  };

  const theirs = () => ({
    text: storage.getItem(DOCUMENT_KEY) ?? '',
    meta: readMeta(storage),
  });

  /** Loads the stored document; false when the editor cannot show it. */
  const load = (): boolean => {
    const { text, meta } = theirs();
    const verdict = judge(text);
    if (!('pipeline' in verdict)) {
      store
        .getState()
        .keepAside(`another tab saved a document this tab cannot open: ${verdict.reason}`, text);
      options.autosave().adopt(store.getState().pipeline, meta?.revision ?? 0);
      return false;
    }
    store.getState().setPipeline(verdict.pipeline);
    const file = verdict.file;
    store
      .getState()
      .setFile(file, file ? file.documents.findIndex((d) => d.baseline === verdict.pipeline) : 0);
    options.autosave().adopt(store.getState().pipeline, meta?.revision ?? 0);
    return true;
  };

  const conflict = (): void => {
    const { text, meta } = theirs();
    options.autosave().hold(true);
    store.getState().setSaveStatus({
      kind: 'conflict',
      theirs: { text, savedAt: meta?.savedAt ?? '' },
    });
  };

  let waiting: ReturnType<typeof setTimeout> | undefined;
  const onSaved = (revision: number, tries = 0): void => {
    const autosave = options.autosave();
    if (revision <= autosave.revision() || store.getState().saveStatus.kind === 'conflict') return;
    // Chromium may deliver the message before this tab's localStorage shows
    // the other tab's write: read the document only once it is there.
    if ((readMeta(storage)?.revision ?? 0) < revision) {
      clearTimeout(waiting);
      if (tries < STORAGE_WAIT_TRIES)
        waiting = setTimeout(() => onSaved(revision, tries + 1), STORAGE_WAIT_MS);
      return;
    }
    if (autosave.dirty()) return conflict();
    if (load())
      store
        .getState()
        .setNotice({ kind: 'info', message: 'Updated with changes saved in another tab.' });
  };

  const handle = (m: TabMessage): void => {
    if (m.tab === tab) return;
    if (m.type === 'hello') channel.post({ type: 'here', tab });
    if (m.type === 'bye') gone(m.tab);
    else seen(m.tab);
    if (m.type === 'saved') onSaved(m.revision);
    count();
  };
  const unlisten = channel.listen(handle);
  // Say hello only once this tab's lock is held, or a tab that hears it
  // could take the lock first and think this tab gone.
  const hello = () => channel.post({ type: 'hello', tab });
  const held = presence?.hold(tab);
  if (held) void held.then(hello);
  else hello();

  return {
    conflict,
    saved: (revision) => channel.post({ type: 'saved', tab, revision }),
    keepMine() {
      const { text, meta } = theirs();
      if (text)
        store
          .getState()
          .keepAside(
            `the version another tab saved ${when(meta?.savedAt)}, replaced by this tab's`,
            text,
          );
      const autosave = options.autosave();
      autosave.hold(false);
      autosave.overwrite();
    },
    takeTheirs() {
      const s = store.getState();
      s.keepAside(`this tab's version, replaced by the one another tab saved`, saveTextOf(s));
      const autosave = options.autosave();
      autosave.hold(false);
      if (load()) {
        const meta = readMeta(storage);
        s.setSaveStatus({
          kind: 'saved',
          revision: autosave.revision(),
          savedAt: meta?.savedAt ?? '',
        });
      } else autosave.overwrite();
    },
    stop() {
      clearTimeout(waiting);
      channel.post({ type: 'bye', tab });
      unlisten();
      channel.close();
    },
  };
}
