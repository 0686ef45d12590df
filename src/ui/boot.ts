// Starting the editor: restore what storage holds (persistence says in words
// what it could not), then the saved palette, else the default config (or
// the one named by `?config=`, same origin only, or `?configMap=`).
import type { EditorStore } from '../store/editorStore';
import { startPersistence, type PersistenceEnv } from '../store/persistence';

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
  env: PersistenceEnv,
  location: Location,
  signal?: AbortSignal,
): Promise<() => void> {
  const persistence = await startPersistence(store, env, signal);
  if (signal?.aborted) return persistence.stop;
  const { url, problem } = configUrlFrom(location.search, location.origin);
  const fromQuery = new URLSearchParams(location.search).has('config');
  if (persistence.config && !fromQuery) {
    await store.getState().loadConfig(persistence.config.text, persistence.config.name);
  } else if (url) {
    try {
      const response = await fetch(url);
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      await store.getState().loadConfig(await response.text(), url);
    } catch (e) {
      store.getState().setNotice({
        kind: 'error',
        message: `Could not load the palette from ${url}: ${(e as Error).message}`,
      });
    }
  }
  if (problem) store.getState().setNotice({ kind: 'error', message: problem });
  // ?configMap=<name>: the palette from a ConfigMap of the namespace (needs the token).
  const configMap = new URLSearchParams(location.search).get('configMap');
  if (configMap) {
    if (store.getState().token) await store.getState().loadConfigFrom({ configMap });
    else
      store.getState().setNotice({
        kind: 'error',
        message: `?configMap=${configMap}: set the token in Server…, then load it with the palette's From…`,
      });
  }
  return persistence.stop;
}
