/**
 * The durable copy of the document, in IndexedDB. Chromium writes
 * localStorage to disk seconds after a change, so a killed browser loses the
 * last seconds of edits; a committed IndexedDB transaction is on disk (see
 * docs/decisions.md). Writes are coalesced: while one is in flight only the
 * newest waiting record is kept.
 */

export interface DurableRecord {
  text: string;
  revision: number;
  savedAt: string;
}

export interface DurableCopy {
  read(): Promise<DurableRecord | undefined>;
  /** Queues a write; the `onWritten` event hears each revision once it is committed. */
  write(record: DurableRecord): void;
}

const DB_NAME = 'argoflow';
const STORE = 'documents';
const KEY = 'document';

function request<T>(r: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error ?? new Error('IndexedDB request failed'));
  });
}

function openDatabase(idb: IDBFactory): Promise<IDBDatabase> {
  const r = idb.open(DB_NAME, 1);
  r.onupgradeneeded = () => r.result.createObjectStore(STORE);
  return request(r);
}

const isRecord = (v: unknown): v is DurableRecord =>
  typeof v === 'object' &&
  v !== null &&
  typeof (v as DurableRecord).text === 'string' &&
  Number.isSafeInteger((v as DurableRecord).revision) &&
  typeof (v as DurableRecord).savedAt === 'string';

/**
 * The copy in `idb`, or undefined when there is no IndexedDB. Failures after
 * opening go to `onError` (autosave reports them); they never throw.
 */
export function openDurableCopy(
  idb: IDBFactory | undefined,
  events: { onWritten(revision: number): void; onError(e: unknown): void },
): DurableCopy | undefined {
  if (!idb) return undefined;
  let db: Promise<IDBDatabase>;
  try {
    db = openDatabase(idb);
  } catch (e) {
    events.onError(e);
    return undefined;
  }
  db.catch(events.onError);
  let inFlight = false;
  let waiting: DurableRecord | undefined;

  const put = async (record: DurableRecord): Promise<void> => {
    const tx = (await db).transaction(STORE, 'readwrite');
    const done = new Promise<void>((resolve, reject) => {
      tx.oncomplete = () => resolve();
      tx.onabort = tx.onerror = () => reject(tx.error ?? new Error('IndexedDB write aborted'));
    });
    tx.objectStore(STORE).put(record, KEY);
    tx.commit?.();
    await done;
  };

  const drain = async (): Promise<void> => {
    inFlight = true;
    while (waiting) {
      const next = waiting;
      waiting = undefined;
      try {
        await put(next);
        events.onWritten(next.revision);
      } catch (e) {
        events.onError(e);
      }
    }
    inFlight = false;
  };

  return {
    async read() {
      try {
        const tx = (await db).transaction(STORE, 'readonly');
        const value: unknown = await request(tx.objectStore(STORE).get(KEY));
        return isRecord(value) ? value : undefined;
      } catch (e) {
        events.onError(e);
        return undefined;
      }
    },
    write(record) {
      waiting = record;
      if (!inFlight) void drain();
    },
  };
}
