/**
 * Messages between tabs of the editor on one origin: BroadcastChannel where
 * the browser has it, else `storage` events on one localStorage key (every
 * other tab of the origin hears each write of it).
 */

export type TabMessage =
  | { type: 'hello'; tab: string }
  | { type: 'here'; tab: string }
  | { type: 'bye'; tab: string }
  | { type: 'saved'; tab: string; revision: number };

export interface TabChannel {
  post(message: TabMessage): void;
  listen(handler: (message: TabMessage) => void): () => void;
  close(): void;
}

const NAME = 'argoflow';
export const MESSAGE_KEY = 'argoflow.tabs.message';

function isMessage(v: unknown): v is TabMessage {
  const m = v as TabMessage | null;
  return (
    typeof m === 'object' &&
    m !== null &&
    typeof m.tab === 'string' &&
    ['hello', 'here', 'bye', 'saved'].includes(m.type)
  );
}

interface Host {
  BroadcastChannel?: typeof BroadcastChannel;
  addEventListener(type: 'storage', fn: (e: StorageEvent) => void): void;
  removeEventListener(type: 'storage', fn: (e: StorageEvent) => void): void;
}

function broadcast(Channel: typeof BroadcastChannel): TabChannel {
  const channel = new Channel(NAME);
  return {
    post: (m) => channel.postMessage(m),
    listen(handler) {
      const fn = (e: MessageEvent) => {
        if (isMessage(e.data)) handler(e.data);
      };
      channel.addEventListener('message', fn);
      return () => channel.removeEventListener('message', fn);
    },
    close: () => channel.close(),
  };
}

/** The fallback: each message is a write of one key; a counter makes every write a change. */
export function storageChannel(host: Host, storage: Storage): TabChannel {
  let sent = 0;
  const unlisten: (() => void)[] = [];
  return {
    post(m) {
      try {
        storage.setItem(MESSAGE_KEY, JSON.stringify({ ...m, n: sent++, at: Date.now() }));
      } catch {
        // a full storage: the other tabs are not told, the revision check still guards writes
      }
    },
    listen(handler) {
      const fn = (e: StorageEvent) => {
        if (e.key !== MESSAGE_KEY || !e.newValue) return;
        try {
          const { n: _n, at: _at, ...m } = JSON.parse(e.newValue) as Record<string, unknown>;
          if (isMessage(m)) handler(m);
        } catch {
          // not ours
        }
      };
      host.addEventListener('storage', fn);
      const off = () => host.removeEventListener('storage', fn);
      unlisten.push(off);
      return off;
    },
    close: () => unlisten.forEach((off) => off()),
  };
}

/** The best channel `host` offers. */
export function tabChannel(host: Host, storage: Storage): TabChannel {
  return host.BroadcastChannel ? broadcast(host.BroadcastChannel) : storageChannel(host, storage);
}
