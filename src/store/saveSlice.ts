/**
 * What autosave tells the user: whether the document is saved, why not, what
 * happened to storage since the last visit, and whether another tab has the
 * same document open. Persistence (src/store/persistence.ts) sets it; the
 * save status and the storage banner show it.
 */
import type { StateCreator } from 'zustand/vanilla';
import type { EditorState } from './editorStore';

export type SaveStatus =
  /** Autosave is not running (tests, or before the start finished). */
  | { kind: 'idle' }
  | { kind: 'saved'; revision: number; savedAt: string }
  /** Storage cannot be used at all: nothing is saved. */
  | { kind: 'off'; reason: string }
  /** The last write failed; the document is not saved. */
  | { kind: 'failed'; reason: string }
  /** Another tab saved the document since this tab last did: this tab waits for a choice. */
  | { kind: 'conflict'; theirs: { text: string; savedAt: string } }
  /** A document that could not be kept aside still holds the slot: nothing is written over it. */
  | { kind: 'held'; reason: string };

/** What a user can ask of autosave; present once persistence has started. */
export interface SaveControls {
  /** Writes what is not yet written, now (page hidden or closing). */
  flush(): void;
  /** In a conflict: keep this tab's document, keep the other tab's aside. */
  keepMine(): void;
  /** In a conflict: load the other tab's document, keep this tab's aside. */
  takeTheirs(): void;
}

export interface SaveSlice {
  saveStatus: SaveStatus;
  /** The newest revision known to be in durable storage (survives a killed browser). */
  durableRevision: number;
  /** Said once at start, in words: storage that was full, entries kept aside, ... */
  storageMessages: string[];
  /** Other tabs open on the same document. */
  otherTabs: number;
  saveControls: SaveControls | undefined;
  setSaveStatus(status: SaveStatus): void;
  dismissStorageMessage(index: number): void;
}

export const createSaveSlice: StateCreator<EditorState, [], [], SaveSlice> = (set, get) => ({
  saveStatus: { kind: 'idle' },
  durableRevision: 0,
  storageMessages: [],
  otherTabs: 0,
  saveControls: undefined,
  setSaveStatus(saveStatus) {
    set({ saveStatus });
  },
  dismissStorageMessage(index) {
    set({ storageMessages: get().storageMessages.filter((_, i) => i !== index) });
  },
});
