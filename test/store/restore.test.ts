// Restoring at start: the newest copy the editor can show wins; anything it
// cannot open or show is kept aside under its own key (never deleted), the
// reason said in words; a failed write of the last session is said too.
import { describe, expect, it, vi } from 'vitest';
import { exportDocument, type Template } from '../../src/core';
import { createEditorStore } from '../../src/store/editorStore';
import { readAside } from '../../src/store/asideStore';
import { restore } from '../../src/store/restore';
import { whyUnshowable } from '../../src/store/showable';
import {
  ASIDE_PREFIX,
  CONFIG_KEY,
  DOCUMENT_KEY,
  FAILED_KEY,
  META_KEY,
} from '../../src/store/storageKeys';
import { HOSTILE_DOCUMENTS, PARAMETERS_OPEN } from '../support/hostileDocuments';
import { MemoryStorage } from '../support/storageDoubles';
import { scopeTasks } from '../../src/core/model/scope';
import { tasksOf } from '../support/scope';

// `previewDocument` throws on any workflow with a task named `boom`, as a core defect would.
vi.mock('../../src/core/argo/document', async (original) => {
  const real = await original<typeof import('../../src/core/argo/document')>();
  return {
    ...real,
    previewDocument: (p: Parameters<typeof real.previewDocument>[0]) => {
      if (scopeTasks(p).some((t) => t.name === 'boom'))
        throw new TypeError('boom is not a function');
      return real.previewDocument(p);
    },
  };
});

const echo: Template = { name: 'echo', container: { image: 'alpine:3.20' } };

/** The saved text of a workflow with the given tasks. */
function documentWith(...names: string[]): string {
  const store = createEditorStore();
  for (const name of names) store.getState().addTask({ name, template: echo });
  return exportDocument(store.getState().pipeline);
}

function stored(text: string, revision = 1): MemoryStorage {
  const storage = new MemoryStorage();
  storage.setItem(DOCUMENT_KEY, text);
  storage.setItem(
    META_KEY,
    JSON.stringify({ revision, savedAt: '2026-01-02T03:04:05Z', tab: 't' }),
  );
  return storage;
}

const BOOM = documentWith('a').replace('name: a', 'name: boom');

describe('restore', () => {
  it('restores the saved document and config', () => {
    const storage = stored(documentWith('a', 'b'), 4);
    storage.setItem(CONFIG_KEY, JSON.stringify({ name: 'c.yaml', text: 'containers: []\n' }));
    const r = restore(storage, undefined);
    expect(tasksOf(r.pipeline)?.map((t) => t.name)).toEqual(['a', 'b']);
    expect(r).toMatchObject({ revision: 4, source: 'local', messages: [], aside: [] });
    expect(r.config).toEqual({ name: 'c.yaml', text: 'containers: []\n' });
  });

  it('returns nothing from an empty storage', () => {
    expect(restore(new MemoryStorage(), undefined)).toEqual({
      revision: 0,
      messages: [],
      aside: [],
    });
  });

  it('prefers the durable copy when its revision is newer', () => {
    const storage = stored(documentWith('a'), 3);
    const r = restore(storage, { text: documentWith('a', 'b'), revision: 5, savedAt: 'x' });
    expect(tasksOf(r.pipeline)?.map((t) => t.name)).toEqual(['a', 'b']);
    expect(r).toMatchObject({ revision: 5, source: 'durable' });
    expect(restore(storage, { text: documentWith('z'), revision: 2, savedAt: 'x' }).source).toBe(
      'local',
    );
  });

  it('keeps a document the core fails on aside, removes it from the slot, and says why', () => {
    const storage = stored(BOOM);
    const r = restore(storage, undefined);
    expect(r.pipeline).toBeUndefined();
    expect(storage.getItem(DOCUMENT_KEY)).toBeNull();
    const aside = readAside(storage);
    expect(aside).toHaveLength(1);
    expect(aside[0]!.text).toBe(BOOM);
    expect(aside[0]!.reason).toMatch(
      /could not be opened: the editor failed while writing the YAML preview/,
    );
    expect(r.aside).toEqual(aside);
    expect(r.messages).toEqual([
      expect.stringMatching(
        /^The autosaved document \(saved .+\) could not be opened: the editor failed while writing the YAML preview \(boom is not a function\)\. It is kept aside for download; the editor started with an empty workflow\.$/,
      ),
    ]);
  });

  it('falls back to an older copy it can open, keeping the newer one aside', () => {
    const storage = stored(BOOM, 9);
    const r = restore(storage, { text: documentWith('ok'), revision: 8, savedAt: 'x' });
    expect(tasksOf(r.pipeline)?.map((t) => t.name)).toEqual(['ok']);
    expect(r.source).toBe('durable');
    expect(r.messages[0]).toMatch(/kept aside for download; the editor opened the copy saved/);
  });

  const garbage: Record<string, string> = {
    'broken YAML': 'kind: [broken',
    'not YAML at all': '\u0000\u0001\u00ff{{{:::',
    'a JSON number': '42',
    'deep nesting': `${'['.repeat(50000)}${']'.repeat(50000)}`,
    'a ConfigMap': 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\n',
    ...HOSTILE_DOCUMENTS,
  };
  for (const [name, text] of Object.entries(garbage)) {
    it(`starts whatever storage holds: ${name}`, () => {
      const storage = stored(text);
      const r = restore(storage, undefined);
      if (r.pipeline) {
        expect(whyUnshowable(r.pipeline)).toBeUndefined();
        expect(storage.getItem(DOCUMENT_KEY)).toBe(text);
      } else {
        expect(storage.getItem(DOCUMENT_KEY)).toBeNull();
        expect(readAside(storage).map((e) => e.text)).toEqual([text]);
        expect(r.messages[0]).toMatch(/could not be opened: .+\. It is kept aside for download/);
      }
    });
  }

  it('keeps a damaged palette config aside and says so', () => {
    const storage = new MemoryStorage();
    storage.setItem(CONFIG_KEY, '{not json');
    const r = restore(storage, undefined);
    expect(r.config).toBeUndefined();
    expect(storage.getItem(CONFIG_KEY)).toBeNull();
    expect(readAside(storage)[0]).toMatchObject({
      text: '{not json',
      reason: 'the saved palette config was damaged',
    });
    expect(r.messages[0]).toMatch(/palette config was damaged; the default palette is used/);
  });

  it('holds the slot when the bad document cannot be moved aside (storage full)', () => {
    const storage = stored(BOOM);
    storage.quota = storage.getItem(DOCUMENT_KEY)!.length + 200;
    const r = restore(storage, undefined);
    expect(storage.getItem(DOCUMENT_KEY)).toBe(BOOM);
    expect(r.hold?.reason).toMatch(/could not be moved aside \(browser storage is full\)/);
    expect(r.hold?.entry.text).toBe(BOOM);
    expect(r.aside).toContain(r.hold!.entry);
  });

  it('says when the last write failed and an older copy came back', () => {
    const storage = stored(documentWith('a'), 3);
    storage.setItem(
      FAILED_KEY,
      JSON.stringify({
        revision: 4,
        at: '2026-01-02T03:05:00Z',
        reason: 'browser storage is full',
      }),
    );
    const r = restore(storage, undefined);
    expect(tasksOf(r.pipeline)?.map((t) => t.name)).toEqual(['a']);
    expect(r.messages).toEqual([
      expect.stringMatching(
        /^The last autosave, at .+, failed: browser storage is full\. This is the copy saved .+; changes made after it were not saved\.$/,
      ),
    ]);
    // The durable copy had the newer revision: nothing was lost, but storage is still full.
    expect(
      restore(storage, { text: documentWith('a', 'b'), revision: 4, savedAt: 'x' }).messages,
    ).toEqual([
      expect.stringMatching(
        /^The last autosave to browser storage, at .+, failed: browser storage is full\. Nothing was lost: the newer copy kept in IndexedDB was opened\./,
      ),
    ]);
  });

  it('lists entries kept aside earlier, a damaged one with its raw text', () => {
    const storage = new MemoryStorage();
    storage.setItem(
      `${ASIDE_PREFIX}one`,
      JSON.stringify({ reason: 'r', savedAt: '2026-01-01T00:00:00Z', text: 't' }),
    );
    storage.setItem(`${ASIDE_PREFIX}two`, 'garbled');
    expect(restore(storage, undefined).aside).toEqual([
      {
        id: 'two',
        reason: 'an entry kept aside whose record is damaged',
        savedAt: '',
        text: 'garbled',
      },
      { id: 'one', reason: 'r', savedAt: '2026-01-01T00:00:00Z', text: 't' },
    ]);
  });
});

// PARAMETERS_OPEN is a good document: it is restored as is.
it('restores a good hand-written document', () => {
  expect(tasksOf(restore(stored(PARAMETERS_OPEN), undefined).pipeline)?.[0]?.name).toBe('a');
});
