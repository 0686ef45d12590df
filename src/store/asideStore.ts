/**
 * Documents kept aside, in storage: one key each, so keeping or discarding
 * one never rewrites the others. An entry that cannot be read back is still
 * listed, with its raw text, rather than dropped.
 */
import type { AsideEntry } from './recoverySlice';
import { ASIDE_PREFIX } from './storageKeys';

interface StoredAside {
  reason: string;
  savedAt: string;
  text: string;
}

function parse(id: string, raw: string): AsideEntry {
  try {
    const v = JSON.parse(raw) as Partial<StoredAside>;
    if (typeof v.reason === 'string' && typeof v.savedAt === 'string' && typeof v.text === 'string')
      return { id, reason: v.reason, savedAt: v.savedAt, text: v.text };
  } catch {
    // listed below with its raw text
  }
  return { id, reason: 'an entry kept aside whose record is damaged', savedAt: '', text: raw };
}

/** Every entry kept aside, oldest first. */
export function readAside(storage: Storage): AsideEntry[] {
  const entries: AsideEntry[] = [];
  for (let i = 0; i < storage.length; i++) {
    const key = storage.key(i);
    if (!key?.startsWith(ASIDE_PREFIX)) continue;
    const raw = storage.getItem(key);
    if (raw !== null) entries.push(parse(key.slice(ASIDE_PREFIX.length), raw));
  }
  return entries.sort((a, b) => a.savedAt.localeCompare(b.savedAt));
}

/** Stores an entry; throws what the storage throws (a full quota). */
export function writeAside(storage: Storage, entry: AsideEntry): void {
  const stored: StoredAside = { reason: entry.reason, savedAt: entry.savedAt, text: entry.text };
  storage.setItem(ASIDE_PREFIX + entry.id, JSON.stringify(stored));
}

export function removeAside(storage: Storage, id: string): void {
  storage.removeItem(ASIDE_PREFIX + id);
}
