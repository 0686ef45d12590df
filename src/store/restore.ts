/**
 * Reading the autosave back at start. The newest copy (localStorage or the
 * durable IndexedDB copy, by revision) that the editor can show is used.
 * Anything it cannot show or read is kept aside under its own key (never
 * deleted) and said in words, so the editor always starts, whatever storage
 * holds. A failed write recorded by the last session is said too.
 */
import { openDocuments } from '../core/argo/document';
import { fileOf, type WorkflowFile } from '../core/argo/workflowFile';
import type { Pipeline } from '../core/model/types';
import { readAside, writeAside } from './asideStore';
import type { DurableRecord } from './durableCopy';
import type { ConfigSource } from './paletteSlice';
import { asideId, type AsideEntry } from './recoverySlice';
import { writeFailure } from './safeStorage';
import { whyUnshowable } from './showable';
import {
  CONFIG_KEY,
  DOCUMENT_KEY,
  FAILED_KEY,
  isFailedSave,
  readJson,
  readMeta,
  type FailedSave,
} from './storageKeys';

export interface Restored {
  pipeline?: Pipeline;
  /** The whole file, when the saved text holds several documents. */
  file?: WorkflowFile;
  /** The revision of the restored document (0 when none). */
  revision: number;
  savedAt?: string;
  /** Where it came from; autosave rewrites the other copy. */
  source?: 'local' | 'durable';
  config?: ConfigSource;
  /** What the user is told at start. */
  messages: string[];
  /** Every entry kept aside, earlier ones included. */
  aside: AsideEntry[];
  /** A bad document that could not be moved aside: it still holds the document key. */
  hold?: { reason: string; entry: AsideEntry };
}

interface Candidate {
  text: string;
  revision: number;
  savedAt?: string;
  source: 'local' | 'durable';
}

const when = (iso: string | undefined): string =>
  iso && !Number.isNaN(Date.parse(iso)) ? new Date(iso).toLocaleString() : 'an unknown time';

/**
 * The pipeline the text holds (the first workflow of a file of several
 * documents, with the file), or why the editor cannot show it.
 */
export function judge(
  text: string,
): { pipeline: Pipeline; file?: WorkflowFile } | { reason: string } {
  try {
    const opened = openDocuments(text, 'autosave');
    const doc = opened.documents.find((d) => d.pipeline) ?? opened.documents[0];
    if (!doc?.pipeline) {
      const first = [...opened.diagnostics, ...(doc?.diagnostics ?? [])][0];
      return { reason: first?.message ?? 'it holds no Argo workflow' };
    }
    const why = whyUnshowable(doc.pipeline);
    if (why) return { reason: why };
    return opened.documents.length > 1
      ? { pipeline: doc.pipeline, file: fileOf('autosave', text, opened) }
      : { pipeline: doc.pipeline };
  } catch (e) {
    return {
      reason: `the editor failed on it (${e instanceof RangeError ? 'nested too deeply' : (e as Error)?.message})`,
    };
  }
}

function readConfig(storage: Storage, restored: Restored, keep: (r: string, t: string) => boolean) {
  const text = storage.getItem(CONFIG_KEY);
  if (text === null) return;
  const parsed = readJson<ConfigSource>(
    storage,
    CONFIG_KEY,
    (v) =>
      typeof (v as ConfigSource)?.text === 'string' &&
      typeof (v as ConfigSource)?.name === 'string',
  );
  if (parsed) restored.config = { name: parsed.name, text: parsed.text };
  else if (keep('the saved palette config was damaged', text)) {
    storage.removeItem(CONFIG_KEY);
    restored.messages.push(
      'The saved palette config was damaged; the default palette is used. The damaged entry is kept aside for download.',
    );
  }
}

/**
 * What storage holds, ready to start from. `session` is where a failed write
 * was noted when localStorage took nothing more.
 */
export function restore(
  storage: Storage,
  durable: DurableRecord | undefined,
  session?: Storage,
): Restored {
  const restored: Restored = { revision: 0, messages: [], aside: readAside(storage) };
  /** Moves a text aside; false (and `hold`) when storage refuses. */
  const keep = (reason: string, text: string): boolean => {
    const entry = { id: asideId(), reason, savedAt: new Date().toISOString(), text };
    if (restored.aside.some((e) => e.text === text)) return true;
    restored.aside.push(entry);
    try {
      writeAside(storage, entry);
      return true;
    } catch (e) {
      restored.hold = {
        reason: `a document that could not be opened could not be moved aside (${writeFailure(e)}); autosave will not write over it until you discard it (download it first)`,
        entry,
      };
      return false;
    }
  };
  readConfig(storage, restored, keep);

  const meta = readMeta(storage);
  const local = storage.getItem(DOCUMENT_KEY);
  const candidates: Candidate[] = [];
  if (local !== null)
    candidates.push({
      text: local,
      revision: meta?.revision ?? 0,
      savedAt: meta?.savedAt,
      source: 'local',
    });
  if (durable && durable.text !== local) candidates.push({ ...durable, source: 'durable' });
  candidates.sort((a, b) => b.revision - a.revision);

  const unopened: { c: Candidate; reason: string }[] = [];
  for (const c of candidates) {
    const verdict = judge(c.text);
    if (!('pipeline' in verdict)) unopened.push({ c, reason: verdict.reason });
    else if (!restored.pipeline)
      Object.assign(restored, {
        pipeline: verdict.pipeline,
        ...(verdict.file ? { file: verdict.file } : {}),
        revision: c.revision,
        savedAt: c.savedAt,
        source: c.source,
      });
  }
  const started = restored.pipeline
    ? `the editor opened the copy saved ${when(restored.savedAt)}`
    : 'the editor started with an empty workflow';
  for (const { c, reason } of unopened) {
    if (!keep(`the autosaved document could not be opened: ${reason}`, c.text)) continue;
    if (c.source === 'local') storage.removeItem(DOCUMENT_KEY);
    restored.messages.push(
      `The autosaved document (saved ${when(c.savedAt)}) could not be opened: ${reason}. It is kept aside for download; ${started}.`,
    );
  }

  const failed = [storage, session]
    .map((s) => s && readJson<FailedSave>(s, FAILED_KEY, isFailedSave))
    .reduce((a, b) => (b && (!a || b.revision > a.revision) ? b : a), undefined);
  if (failed && failed.revision > restored.revision)
    restored.messages.push(
      `The last autosave, at ${when(failed.at)}, failed: ${failed.reason}. ${
        restored.pipeline
          ? `This is the copy saved ${when(restored.savedAt)}; changes made after it were not saved.`
          : 'No earlier copy could be restored.'
      }`,
    );
  else if (failed)
    restored.messages.push(
      `The last autosave to browser storage, at ${when(failed.at)}, failed: ${failed.reason}. Nothing was lost: the newer copy kept in IndexedDB was opened. Free some storage, or new changes may not be saved here.`,
    );
  return restored;
}
