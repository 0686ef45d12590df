/**
 * Autosave: every committed change of the document is written in the task
 * that made it (a microtask, so one handler's several updates are one write;
 * the text is the one the edit's check already made, `savedText`); a drag,
 * or a layout applied in parts (`placeInChunks`), is written when it ends. (Writing at idle instead, `schedule: whenIdle(500)`,
 * broke the two-tab follow test in e2e/storage.spec.ts and is not the default
 * until that is understood: issue 11.) The text goes to localStorage at once and to
 * the durable IndexedDB copy right after. A write never replaces a revision
 * this tab has not seen: when another tab saved since, this tab stops and
 * asks (`onConflict`). A failed write is reported and noted for the next
 * start. Text typed in the YAML panel that could not be applied is kept too,
 * so a reload gives it back. The Argo token is not part of anything written here.
 */
import type { Pipeline } from '../core/model/types';
import type { DurableCopy } from './durableCopy';
import type { EditorStore } from './editorStore';
import type { ConfigSource } from './paletteSlice';
import { writeFailure } from './safeStorage';
import { saveTextOf } from './fileSlice';
import { hasErrors } from '../core/diagnostics';
import type { Scheduler } from './idle';
import {
  CONFIG_KEY,
  DOCUMENT_KEY,
  DRAFT_KEY,
  FAILED_KEY,
  META_KEY,
  readMeta,
  type DocumentMeta,
  type FailedSave,
} from './storageKeys';

export interface AutosaveOptions {
  storage: Storage;
  /** Where a failed write is noted when localStorage takes nothing more. */
  session?: Storage;
  durable?: DurableCopy;
  /** This tab's id, written with each revision. */
  tab: string;
  /** The revision the editor started from (0: none). */
  revision: number;
  /** The revision localStorage holds (lower than `revision` when the durable copy was newer). */
  localRevision?: number;
  /** True when storage does not hold the starting document yet (it came from the durable copy). */
  writeAtStart?: boolean;
  /** Another tab saved since this tab's last write: nothing is written until resolved. */
  onConflict(): void;
  /** A revision reached localStorage (other tabs are told). */
  onSaved?(revision: number): void;
  now?: () => Date;
  /** When a pending write runs (default: a microtask, in the task of the edit). */
  schedule?: Scheduler;
}

export interface Autosave {
  /** Writes what is not written yet, now (the page is being hidden or closed). */
  flush(): void;
  stop(): void;
  /** The revision in localStorage this tab last wrote or read. */
  revision(): number;
  /** `p` is the document stored at `revision` (read from another tab's save). */
  adopt(p: Pipeline, revision: number): void;
  /** Writes over another tab's newer save: the user chose this tab's document. */
  overwrite(): void;
  /** While held nothing is written (a conflict, or a bad entry that could not be moved aside). */
  hold(held: boolean): void;
  /** The document has changes not written to localStorage. */
  dirty(): boolean;
}

export function startAutosave(store: EditorStore, options: AutosaveOptions): Autosave {
  const { storage, durable, tab } = options;
  const now = options.now ?? (() => new Date());
  let written: Pipeline | undefined = options.writeAtStart ? undefined : store.getState().pipeline;
  let writtenConfig: ConfigSource | undefined = store.getState().config;
  let localRevision = options.localRevision ?? options.revision;
  let revision = options.revision;
  let held = false;
  let scheduled = false;
  let stopped = false;

  const fail = (e: unknown, what: string): string => {
    const reason = writeFailure(e);
    store.getState().setNotice({
      kind: 'error',
      message: `Autosave failed: ${reason}. ${what} Download the workflow to keep your work.`,
    });
    return reason;
  };

  /** Notes the failure where the next start will find it. */
  const noteFailure = (failed: FailedSave): void => {
    const text = JSON.stringify(failed);
    for (const s of [storage, options.session]) {
      try {
        s?.setItem(FAILED_KEY, text);
        return;
      } catch {
        // try the next place
      }
    }
  };

  /** Text in the YAML panel that could not be applied: kept until it is applied or dropped. */
  const draftOf = (): string | undefined => {
    const { yamlDraft, yamlDiagnostics } = store.getState();
    return hasErrors(yamlDiagnostics) ? yamlDraft : undefined;
  };
  let writtenDraft = draftOf();
  const writeDraft = (): void => {
    const draft = draftOf();
    if (draft === writtenDraft) return;
    writtenDraft = draft;
    try {
      if (draft === undefined) storage.removeItem(DRAFT_KEY);
      else storage.setItem(DRAFT_KEY, draft);
    } catch (e) {
      fail(e, 'The text in the YAML panel was not saved.');
    }
  };

  const writeConfig = (): void => {
    const { config } = store.getState();
    if (!config || config === writtenConfig) return;
    writtenConfig = config;
    try {
      storage.setItem(CONFIG_KEY, JSON.stringify(config));
    } catch (e) {
      fail(e, 'The palette config was not saved.');
    }
  };

  const write = (force = false): void => {
    scheduled = false;
    if (stopped) return;
    writeConfig();
    writeDraft();
    const { pipeline } = store.getState();
    if (pipeline === written || held) return;
    const stored = readMeta(storage)?.revision ?? 0;
    if (stored !== localRevision && !force) {
      options.onConflict();
      return;
    }
    let text: string;
    try {
      text = saveTextOf(store.getState());
    } catch (e) {
      store.getState().setSaveStatus({ kind: 'failed', reason: (e as Error)?.message });
      return;
    }
    revision = Math.max(revision, stored) + 1;
    const savedAt = now().toISOString();
    const meta: DocumentMeta = { revision, savedAt, tab };
    try {
      storage.setItem(DOCUMENT_KEY, text);
      storage.setItem(META_KEY, JSON.stringify(meta));
      localRevision = revision;
      storage.removeItem(FAILED_KEY);
      options.session?.removeItem(FAILED_KEY);
      store.getState().setSaveStatus({ kind: 'saved', revision, savedAt });
      options.onSaved?.(revision);
    } catch (e) {
      const reason = fail(
        e,
        durable
          ? 'The copy in IndexedDB is kept, but the editor may not find it in every case.'
          : '',
      );
      noteFailure({ revision, at: savedAt, reason });
      store.getState().setSaveStatus({ kind: 'failed', reason });
    }
    durable?.write({ text, revision, savedAt });
    written = pipeline;
  };

  const schedule = (): void => {
    if (scheduled) return;
    scheduled = true;
    (options.schedule ?? queueMicrotask)(() => {
      if (scheduled) write();
    });
  };

  const unsubscribe = store.subscribe((state, prev) => {
    // A drag, or a layout applied in parts: written once it ends.
    if (state.dragStart || state.placingFrom) return;
    const dragEnded = prev.dragStart !== undefined || prev.placingFrom !== undefined;
    const draftChanged = state.yamlDiagnostics !== prev.yamlDiagnostics;
    if (
      state.pipeline === prev.pipeline &&
      state.config === prev.config &&
      !dragEnded &&
      !draftChanged
    )
      return;
    if (state.pipeline === written && state.config === writtenConfig && !draftChanged) return;
    schedule();
  });
  if (options.writeAtStart) schedule();

  return {
    flush: () => write(),
    stop() {
      if (!stopped) write();
      stopped = true;
      unsubscribe();
    },
    revision: () => localRevision,
    adopt(p, at) {
      written = p;
      localRevision = at;
      revision = Math.max(revision, at);
    },
    overwrite: () => write(true),
    hold(on) {
      held = on;
      if (!on) schedule();
    },
    dirty: () => store.getState().pipeline !== written,
  };
}
