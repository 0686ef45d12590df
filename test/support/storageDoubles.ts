// Test doubles for browser storage: a localStorage with a quota, one that
// refuses access (private mode), an IndexedDB copy in memory, and a channel
// between tabs whose messages arrive only when the test delivers them.
import type { DurableCopy, DurableRecord } from '../../src/store/durableCopy';
import type { TabChannel, TabMessage } from '../../src/store/tabChannel';

/** A Storage backed by a Map that records every write; `quota` limits total characters. */
export class MemoryStorage implements Storage {
  readonly items = new Map<string, string>();
  readonly writes: [string, string][] = [];
  quota = Infinity;
  get length(): number {
    return this.items.size;
  }
  clear(): void {
    this.items.clear();
  }
  getItem(key: string): string | null {
    return this.items.get(key) ?? null;
  }
  key(index: number): string | null {
    return [...this.items.keys()][index] ?? null;
  }
  removeItem(key: string): void {
    this.items.delete(key);
  }
  setItem(key: string, value: string): void {
    let used = key.length + value.length;
    for (const [k, v] of this.items) if (k !== key) used += k.length + v.length;
    if (used > this.quota)
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    this.writes.push([key, value]);
    this.items.set(key, value);
  }
}

/** What `window.localStorage` does with site data blocked: throws on access. */
export function deniedStorage(): Storage {
  throw new DOMException(
    "Failed to read the 'localStorage' property from 'Window': Access is denied for this document.",
    'SecurityError',
  );
}

/** An in-memory durable copy; writes land when the test calls `settle()`, as IndexedDB's do later. */
export class MemoryDurable implements DurableCopy {
  record: DurableRecord | undefined;
  readonly queued: DurableRecord[] = [];
  constructor(private readonly onWritten: (revision: number) => void = () => {}) {}
  read(): Promise<DurableRecord | undefined> {
    return Promise.resolve(this.record);
  }
  write(record: DurableRecord): void {
    this.queued.push(record);
  }
  settle(): void {
    for (const r of this.queued.splice(0)) {
      this.record = r;
      this.onWritten(r.revision);
    }
  }
}

/** Tabs' channels over one hub; `deliver()` hands out what was posted, in order. */
export class ChannelHub {
  private readonly queue: { from: number; message: TabMessage }[] = [];
  private readonly handlers = new Map<number, Set<(m: TabMessage) => void>>();
  private next = 0;
  channel(): TabChannel {
    const id = this.next++;
    const handlers = new Set<(m: TabMessage) => void>();
    this.handlers.set(id, handlers);
    return {
      post: (message) => this.queue.push({ from: id, message }),
      listen: (handler) => {
        handlers.add(handler);
        return () => handlers.delete(handler);
      },
      close: () => this.handlers.delete(id),
    };
  }
  deliver(): void {
    while (this.queue.length > 0) {
      const { from, message } = this.queue.shift()!;
      for (const [id, handlers] of this.handlers)
        if (id !== from) for (const h of handlers) h(message);
    }
  }
}
