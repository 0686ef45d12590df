// @vitest-environment jsdom
// The editor starts whatever browser storage holds or refuses, and says what
// it found in words: a document it cannot show is kept aside (not deleted)
// and offered for download; storage that cannot be used turns autosave off.
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { App } from '../../src/ui/App';
import { ErrorBoundary } from '../../src/ui/ErrorBoundary';
import { ASIDE_PREFIX, DOCUMENT_KEY, META_KEY } from '../../src/store/storageKeys';
import { HOSTILE_DOCUMENTS, PARAMETERS_OPEN } from '../support/hostileDocuments';
import { scopeTasks } from '../../src/core/model/scope';

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

const CONFIG = 'containers:\n  - name: hello\n    image: alpine:3.20\n';
const BOOM = PARAMETERS_OPEN.replace('- name: a', '- name: boom');

beforeAll(() => {
  globalThis.ResizeObserver ??= class {
    observe() {}
    unobserve() {}
    disconnect() {}
  } as unknown as typeof ResizeObserver;
});
beforeEach(() => {
  localStorage.clear();
  vi.spyOn(console, 'error').mockImplementation(() => {});
  vi.stubGlobal('fetch', () => Promise.resolve(new Response(CONFIG)));
});
afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

/** jsdom's Blob has no text(). */
const readBlob = (blob: Blob) =>
  new Promise<string>((resolve) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.readAsText(blob);
  });

function start() {
  render(
    <ErrorBoundary onReload={() => {}}>
      <App />
    </ErrorBoundary>,
  );
}

/** The whole editor starting in jsdom is heavy on a loaded machine: wait generously. */
const WAIT = { timeout: 30_000 };

async function started() {
  await screen.findByText('hello', {}, WAIT); // the palette loaded: the start finished
  expect(screen.queryByText('Something went wrong')).not.toBeInTheDocument();
}

describe('the start', { timeout: 60_000 }, () => {
  it('keeps a document the editor cannot show aside, says why, and offers it for download', async () => {
    localStorage.setItem(DOCUMENT_KEY, BOOM);
    start();
    await started();
    const message = await screen.findByTestId('storage-message', {}, WAIT);
    expect(message).toHaveTextContent(
      /could not be opened: the editor failed while writing the YAML preview \(boom is not a function\)\. It is kept aside for download; the editor started with an empty workflow\./,
    );
    // Kept aside under its own key, not deleted; the slot is free for the next save.
    const asideKeys = Object.keys(localStorage).filter((k) => k.startsWith(ASIDE_PREFIX));
    expect(asideKeys).toHaveLength(1);
    expect(JSON.parse(localStorage.getItem(asideKeys[0]!)!).text).toBe(BOOM);
    expect(localStorage.getItem(DOCUMENT_KEY)).toBeNull();

    const createObjectURL = vi.fn((_: Blob) => 'blob:kept');
    vi.stubGlobal('URL', Object.assign(URL, { createObjectURL, revokeObjectURL: () => {} }));
    const kept = within(screen.getByRole('region', { name: 'Kept aside' }));
    await userEvent.click(kept.getByRole('button', { name: 'Download' }));
    expect(await readBlob(createObjectURL.mock.calls[0]![0])).toBe(BOOM);
  });

  for (const [name, text] of Object.entries(HOSTILE_DOCUMENTS)) {
    it(`starts with ${name} in storage`, async () => {
      localStorage.setItem(DOCUMENT_KEY, text);
      localStorage.setItem(META_KEY, JSON.stringify({ revision: 3, savedAt: 'x', tab: 't' }));
      start();
      await started();
      expect(screen.getByRole('region', { name: 'YAML' })).toBeInTheDocument();
      // Either it opened, or it is kept aside with the reason said.
      const kept = Object.keys(localStorage).some((k) => k.startsWith(ASIDE_PREFIX));
      if (kept) expect(screen.getByTestId('storage-message')).toHaveTextContent('kept aside');
      else expect(localStorage.getItem(DOCUMENT_KEY)).toBe(text);
    });
  }

  it('starts with autosave off, and says so, when the browser refuses storage', async () => {
    const denied = () => {
      throw new DOMException('Access is denied for this document.', 'SecurityError');
    };
    vi.spyOn(window, 'localStorage', 'get').mockImplementation(denied);
    vi.spyOn(window, 'sessionStorage', 'get').mockImplementation(denied);
    start();
    await started();
    expect(screen.getByTestId('storage-message')).toHaveTextContent(
      /^Autosave is off: the browser does not let this page use storage \(Access is denied for this document\.\)/,
    );
    expect(screen.getByTestId('save-status')).toHaveTextContent('Autosave off');
  });

  it('restores a good document, with nothing to say', async () => {
    localStorage.setItem(DOCUMENT_KEY, PARAMETERS_OPEN);
    start();
    await started();
    await waitFor(() => expect(screen.getByTestId('yaml-text').textContent).toContain('- name: a'));
    expect(screen.queryByTestId('storage-message')).not.toBeInTheDocument();
  });
});
