// Starting the editor: restore the autosaved document and palette, else load
// the default config (or the one named by `?config=`, same origin only).
import { readSaved, startAutosave } from '../store/autosave';
import type { EditorStore } from '../store/editorStore';

export const DEFAULT_CONFIG_URL = 'config.yaml';

/** A `?config=` URL when it is on this origin; other origins are refused. */
export function configUrlFrom(search: string, origin: string): { url?: string; problem?: string } {
  const requested = new URLSearchParams(search).get('config');
  if (!requested) return { url: DEFAULT_CONFIG_URL };
  try {
    const url = new URL(requested, origin);
    if (url.origin !== origin)
      return {
        problem: `?config=${requested} is on another origin; only configs from ${origin} are loaded`,
      };
    return { url: url.pathname + url.search };
  } catch {
    return { problem: `?config=${requested} is not a URL` };
  }
}

export async function boot(
  store: EditorStore,
  storage: Storage,
  location: Location,
): Promise<() => void> {
  const saved = readSaved(storage);
  if (saved.pipeline) store.getState().setPipeline(saved.pipeline, { fresh: true });
  const { url, problem } = configUrlFrom(location.search, location.origin);
  const fromQuery = new URLSearchParams(location.search).has('config');
  if (saved.config && !fromQuery) {
    store.getState().loadConfig(saved.config.text, saved.config.name);
  } else if (url) {
    try {
      const response = await fetch(url);
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      store.getState().loadConfig(await response.text(), url);
    } catch (e) {
      store.getState().setNotice({
        kind: 'error',
        message: `Could not load the palette from ${url}: ${(e as Error).message}`,
      });
    }
  }
  if (problem) store.getState().setNotice({ kind: 'error', message: problem });
  if (saved.problem)
    store
      .getState()
      .setNotice({ kind: 'error', message: `${saved.problem}. It is still in browser storage.` });
  return startAutosave(store, storage);
}
