// The browser's storages, reached without throwing: with site data blocked
// (or some private modes) merely reading `window.localStorage` throws.
import type { PersistenceEnv } from '../store/persistence';
import { tabChannel } from '../store/tabChannel';
import type { TabPresence } from '../store/tabSync';

function reach<T>(get: () => T): T | undefined {
  try {
    return get();
  } catch {
    return undefined;
  }
}

export const safeLocalStorage = (): Storage | undefined => reach(() => window.localStorage);
export const safeSessionStorage = (): Storage | undefined => reach(() => window.sessionStorage);

/** Calls `flush` when the page is hidden or closed (pagehide runs even where beforeunload does not). */
function onHide(flush: () => void): () => void {
  const hidden = () => {
    if (document.visibilityState === 'hidden') flush();
  };
  window.addEventListener('pagehide', flush);
  document.addEventListener('visibilitychange', hidden);
  return () => {
    window.removeEventListener('pagehide', flush);
    document.removeEventListener('visibilitychange', hidden);
  };
}

/** Tab presence through Web Locks: a tab's lock is released when the tab goes, however it goes. */
function lockPresence(locks: LockManager): TabPresence {
  const name = (tab: string) => `argoflow.tab.${tab}`;
  return {
    hold: (tab) =>
      new Promise<void>((held) => {
        void locks.request(name(tab), () => {
          held();
          return new Promise<never>(() => {}); // kept for the page's lifetime
        });
      }),
    watch: (tab, gone) => void locks.request(name(tab), () => gone()),
  };
}

/** What persistence needs from this browser. */
export function browserPersistenceEnv(): PersistenceEnv {
  const indexedDB = reach(() => window.indexedDB);
  const locks = reach(() => navigator.locks);
  return {
    localStorage: () => window.localStorage,
    sessionStorage: () => window.sessionStorage,
    ...(indexedDB ? { indexedDB } : {}),
    channel: (storage) => tabChannel(window, storage),
    ...(locks ? { presence: lockPresence(locks) } : {}),
    onHide,
  };
}
