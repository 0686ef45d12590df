/**
 * Autosave: the document (Argo YAML with the layout annotation) and the
 * active config go to storage on every change, debounced, and come back on
 * the next start. A full quota is reported through the store's notice, never
 * swallowed. The Argo token is not part of either and is never written here.
 */
import { exportDocument, openDocuments } from '../core/argo/document';
import type { Pipeline } from '../core/model/types';
import type { ConfigSource } from './paletteSlice';
import type { EditorStore } from './editorStore';

export const DOCUMENT_KEY = 'argoflow.document';
export const CONFIG_KEY = 'argoflow.config';

export interface Saved {
  pipeline?: Pipeline;
  config?: ConfigSource;
  /** Why a saved document could not be restored (it is left in storage). */
  problem?: string;
}

export function readSaved(storage: Storage): Saved {
  const saved: Saved = {};
  const configText = storage.getItem(CONFIG_KEY);
  if (configText) {
    try {
      const parsed = JSON.parse(configText) as Partial<ConfigSource>;
      if (typeof parsed.text === 'string' && typeof parsed.name === 'string')
        saved.config = { name: parsed.name, text: parsed.text };
    } catch {
      saved.problem = 'the saved palette config was damaged and is ignored';
    }
  }
  const documentText = storage.getItem(DOCUMENT_KEY);
  if (documentText) {
    const opened = openDocuments(documentText, 'autosave');
    const pipeline = opened.documents[0]?.pipeline;
    if (pipeline) saved.pipeline = pipeline;
    else
      saved.problem = `the autosaved document could not be opened: ${[...opened.diagnostics, ...(opened.documents[0]?.diagnostics ?? [])][0]?.message ?? 'unknown reason'}`;
  }
  return saved;
}

/** Writes the document and config after each change (debounced). Returns a stop function. */
export function startAutosave(store: EditorStore, storage: Storage, delayMs = 300): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  /** A change is waiting for its write. */
  let pending = false;
  let lastPipeline: Pipeline | undefined;
  let lastConfig: ConfigSource | undefined;
  const flush = (): void => {
    clearTimeout(timer);
    timer = undefined;
    pending = false;
    const { pipeline, config } = store.getState();
    try {
      if (pipeline !== lastPipeline) storage.setItem(DOCUMENT_KEY, exportDocument(pipeline));
      if (config && config !== lastConfig) storage.setItem(CONFIG_KEY, JSON.stringify(config));
      lastPipeline = pipeline;
      lastConfig = config;
    } catch (e) {
      const quota = e instanceof DOMException && (e.name === 'QuotaExceededError' || e.code === 22);
      store.getState().setNotice({
        kind: 'error',
        message: quota
          ? 'Autosave failed: browser storage is full. Download the workflow to keep your work, then free some storage.'
          : `Autosave failed: ${(e as Error).message}. Download the workflow to keep your work.`,
      });
    }
  };
  const unsubscribe = store.subscribe((state, prev) => {
    if (state.dragStart) return; // save once the drag ends
    // Only a new document, a new config or the end of a drag asks for a write.
    // Other changes (selection, the failure notice set above) must not, or a
    // failing storage would be retried, and its notice raised again, forever.
    const dragEnded = prev.dragStart !== undefined;
    if (state.pipeline === prev.pipeline && state.config === prev.config && !dragEnded) return;
    if (state.pipeline === lastPipeline && state.config === lastConfig) return;
    pending = true;
    clearTimeout(timer);
    timer = setTimeout(() => {
      // A drag started after the edit: its end schedules the write.
      if (!store.getState().dragStart) flush();
    }, delayMs);
  });
  return () => {
    if (pending) flush();
    unsubscribe();
  };
}
