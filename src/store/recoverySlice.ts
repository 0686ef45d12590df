/**
 * Recovery: what the editor keeps when something goes wrong. A panel that
 * fails to render reports it here; if the document changed since it was last
 * shown without a failure, the last good document comes back and the one
 * that failed is kept aside for download. Documents kept aside (a damaged
 * autosave, a version another tab replaced) are listed until discarded.
 */
import type { StateCreator } from 'zustand/vanilla';
import { createPipeline } from '../core/model/pipeline';
import type { Pipeline } from '../core/model/types';
import type { EditorState } from './editorStore';
import { savedText } from './showable';

export interface AsideEntry {
  /** Unique; persistence stores the entry under a key made from it. */
  id: string;
  /** Why it was kept aside, in words. */
  reason: string;
  /** ISO time it was kept aside. */
  savedAt: string;
  text: string;
}

export interface PanelCrash {
  panel: string;
  message: string;
}

export interface RecoverySlice {
  aside: AsideEntry[];
  /** The last panel failure, until a panel renders again. */
  crash: PanelCrash | undefined;
  keepAside(reason: string, text: string): AsideEntry;
  discardAside(id: string): void;
  /** A render of `pipeline` finished with no panel failing: it is the last good document. */
  confirmShown(pipeline: Pipeline): void;
  /** The document last shown without a failure. */
  lastGood(): Pipeline;
  /**
   * A panel failed to render. Restores the last good document if this one is
   * newer, unless the panel was failing already (`recurring`): then the change
   * is not to blame.
   */
  reportCrash(panel: string, error: unknown, options?: { recurring?: boolean }): void;
  clearCrash(): void;
}

let counter = 0;
export const asideId = (): string =>
  `${Date.now().toString(36)}-${(counter++).toString(36)}${Math.random().toString(36).slice(2, 6)}`;

/** The document's text for download, or a note when even that fails. */
function textOf(p: Pipeline): string {
  try {
    return savedText(p);
  } catch (e) {
    return `# The editor could not write this document: ${(e as Error)?.message}\n`;
  }
}

export const createRecoverySlice: StateCreator<EditorState, [], [], RecoverySlice> = (set, get) => {
  // Not store state: confirming runs after every render (every drag move),
  // and must not notify every subscriber each time.
  let lastGood: Pipeline = createPipeline();
  const crashed = new WeakSet<Pipeline>();
  return {
    aside: [],
    crash: undefined,
    keepAside(reason, text) {
      const entry = { id: asideId(), reason, savedAt: new Date().toISOString(), text };
      set({ aside: [...get().aside, entry] });
      return entry;
    },
    discardAside(id) {
      set({ aside: get().aside.filter((e) => e.id !== id) });
    },
    confirmShown(pipeline) {
      if (pipeline === get().pipeline && !crashed.has(pipeline)) lastGood = pipeline;
    },
    lastGood: () => lastGood,
    reportCrash(panel, error, options) {
      const message = error instanceof Error ? error.message : String(error);
      const { pipeline, history, yamlDraft, yamlDiagnostics } = get();
      crashed.add(pipeline);
      if (pipeline === lastGood || options?.recurring) {
        set({ crash: { panel, message } });
        return;
      }
      const reason = `the ${panel} failed on this document (${message})`;
      get().keepAside(reason, textOf(pipeline));
      const past = history.past;
      set({
        pipeline: lastGood,
        // The failed step is not redone; the step before it stays undoable.
        history: {
          ...history,
          past: past[past.length - 1] === lastGood ? past.slice(0, -1) : past,
          future: [],
        },
        crash: { panel, message },
        notice: {
          kind: 'error',
          message: `The last change made the ${panel} fail (${message}). It was undone; the document as it was is kept aside for download.`,
        },
        // Text typed in the YAML panel that led here stays there, marked as not applied.
        ...(yamlDraft !== undefined
          ? {
              yamlDiagnostics: [
                ...yamlDiagnostics,
                {
                  code: 'unshowable',
                  severity: 'error' as const,
                  message: `not applied: the ${panel} failed on it (${message})`,
                },
              ],
            }
          : {}),
      });
    },
    clearCrash() {
      if (get().crash) set({ crash: undefined });
    },
  };
};
