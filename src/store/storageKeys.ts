/**
 * Where the editor keeps things in the browser's localStorage. The Argo
 * token is never among them (see connectionSettings.ts).
 */

/** The autosaved document: Argo YAML with the layout annotation. */
export const DOCUMENT_KEY = 'argoflow.document';
/** The document's revision, save time and writing tab (JSON {@link DocumentMeta}). */
export const META_KEY = 'argoflow.document.meta';
/** Set when a write of the document failed, so the next start can say so (JSON {@link FailedSave}). */
export const FAILED_KEY = 'argoflow.document.failed';
/** Text typed in the YAML panel that could not be applied (plain text). */
export const DRAFT_KEY = 'argoflow.yamlDraft';
/** The active palette config (JSON {name, text}). */
export const CONFIG_KEY = 'argoflow.config';
/** Documents kept aside: one key each, the prefix followed by the entry's id. */
export const ASIDE_PREFIX = 'argoflow.aside.';

export interface DocumentMeta {
  /** Grows by one with every write, from any tab. */
  revision: number;
  savedAt: string;
  /** The tab that wrote it. */
  tab: string;
}

export interface FailedSave {
  /** The revision that could not be written. */
  revision: number;
  at: string;
  reason: string;
}

/** Parses a JSON value written by the editor; undefined when it is missing or damaged. */
export function readJson<T>(
  storage: Storage,
  key: string,
  valid: (v: unknown) => boolean,
): T | undefined {
  try {
    const text = storage.getItem(key);
    if (text === null) return undefined;
    const value: unknown = JSON.parse(text);
    return valid(value) ? (value as T) : undefined;
  } catch {
    return undefined;
  }
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

export const isMeta = (v: unknown): boolean =>
  isRecord(v) && Number.isSafeInteger(v.revision) && typeof v.savedAt === 'string';

export const isFailedSave = (v: unknown): boolean =>
  isRecord(v) &&
  Number.isSafeInteger(v.revision) &&
  typeof v.at === 'string' &&
  typeof v.reason === 'string';

export const readMeta = (storage: Storage): DocumentMeta | undefined =>
  readJson<DocumentMeta>(storage, META_KEY, isMeta);
