// Where the window's layout and view choices are remembered: localStorage,
// under `argoflow.view.*`, never throwing (site data blocked, a full quota).
// Only sizes and switches go here; the token never does.
import { safeLocalStorage } from '../browserStorage';

export const VIEW_PREFIX = 'argoflow.view.';

/** Where the panes' sizes (usePane) and view switches are kept; it swallows storage errors. */
export const layoutStorage = {
  getItem(key: string): string | null {
    try {
      return safeLocalStorage()?.getItem(VIEW_PREFIX + key) ?? null;
    } catch {
      return null;
    }
  },
  setItem(key: string, value: string): void {
    try {
      safeLocalStorage()?.setItem(VIEW_PREFIX + key, value);
    } catch {
      // a layout not remembered is not worth a notice
    }
  },
};

export function readFlag(name: string, fallback: boolean): boolean {
  const v = layoutStorage.getItem(name);
  return v === null ? fallback : v === 'true';
}

export function writeFlag(name: string, value: boolean): void {
  layoutStorage.setItem(name, String(value));
}
