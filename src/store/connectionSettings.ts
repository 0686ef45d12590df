/**
 * Where the Argo Server is. The address, namespace and Argo UI link are kept
 * in localStorage; the token never is: it lives in memory, or in
 * sessionStorage (this tab only) when the user asks to remember it.
 */

export interface ConnectionSettings {
  /** '' = this app's origin, through its proxy. */
  server: string;
  namespace: string;
  /** Base URL of the Argo UI, for links to submitted objects; '' = same as server. */
  uiBase: string;
}

export const SETTINGS_KEY = 'argoflow.connection';
export const TOKEN_KEY = 'argoflow.token';

export const DEFAULT_SETTINGS: ConnectionSettings = { server: '', namespace: 'argo', uiBase: '' };

export function readSettings(storage: Storage | undefined): ConnectionSettings {
  try {
    const parsed = JSON.parse(
      storage?.getItem(SETTINGS_KEY) ?? 'null',
    ) as Partial<ConnectionSettings> | null;
    if (!parsed) return DEFAULT_SETTINGS;
    return {
      server: typeof parsed.server === 'string' ? parsed.server : '',
      namespace:
        typeof parsed.namespace === 'string' && parsed.namespace ? parsed.namespace : 'argo',
      uiBase: typeof parsed.uiBase === 'string' ? parsed.uiBase : '',
    };
  } catch {
    return DEFAULT_SETTINGS;
  }
}

/** Saves the settings; the object written has no token field by construction. */
export function writeSettings(storage: Storage | undefined, s: ConnectionSettings): void {
  const { server, namespace, uiBase } = s;
  try {
    storage?.setItem(SETTINGS_KEY, JSON.stringify({ server, namespace, uiBase }));
  } catch {
    // Settings are a convenience; the editor works without saving them.
  }
}
