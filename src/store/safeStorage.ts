/**
 * Reaching browser storage without being thrown out by it: private modes and
 * blocked site data make `window.localStorage` throw on access, and a full
 * quota makes every write throw. Each failure becomes a sentence the editor
 * can show.
 */

export function isQuotaError(e: unknown): boolean {
  return (
    e instanceof DOMException &&
    (e.name === 'QuotaExceededError' || e.name === 'NS_ERROR_DOM_QUOTA_REACHED' || e.code === 22)
  );
}

/** Why a write failed, in words. */
export function writeFailure(e: unknown): string {
  return isQuotaError(e)
    ? 'browser storage is full'
    : `the browser refused to store it (${(e as Error)?.message ?? String(e)})`;
}

export interface OpenedStorage {
  storage?: Storage;
  /** Why storage cannot be used; autosave is off. */
  problem?: string;
  /** Readable, but a small write failed: it is full. */
  full?: boolean;
}

const PROBE_KEY = 'argoflow.probe';

/** Gets a storage and checks that it can be read and written. */
export function openStorage(get: () => Storage | undefined | null): OpenedStorage {
  let storage: Storage | undefined | null;
  try {
    storage = get();
    if (!storage) return { problem: 'this browser offers no storage to the page' };
    storage.getItem(PROBE_KEY);
  } catch (e) {
    return {
      problem: `the browser does not let this page use storage (${(e as Error)?.message ?? String(e)}); private browsing or blocked site data does this`,
    };
  }
  try {
    storage.setItem(PROBE_KEY, '1');
    storage.removeItem(PROBE_KEY);
    return { storage };
  } catch (e) {
    if (isQuotaError(e)) return { storage, full: true };
    return { problem: `the browser does not let this page store data (${(e as Error)?.message})` };
  }
}
