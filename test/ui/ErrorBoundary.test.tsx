// @vitest-environment jsdom
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { ErrorBoundary } from '../../src/ui/ErrorBoundary';
import { TIMEOUT } from '../support/timeouts';

// React rendered in jsdom against the real store, typed into key by key: up to
// 1.3 s a test quiet, ten times that at load 20 (test/support/timeouts.ts).
vi.setConfig({ testTimeout: TIMEOUT.component });

function Broken(): never {
  throw new Error('pipeline exploded');
}

// React reports a caught render error through console.error; keep the output clean.
beforeEach(() => {
  vi.spyOn(console, 'error').mockImplementation(() => {});
});
afterEach(() => {
  vi.restoreAllMocks();
});

it('renders its children when nothing throws', () => {
  render(
    <ErrorBoundary>
      <p>all good</p>
    </ErrorBoundary>,
  );
  expect(screen.getByText('all good')).toBeInTheDocument();
});

it("shows a thrown error's message and a Reload button", async () => {
  const onReload = vi.fn();
  render(
    <ErrorBoundary onReload={onReload}>
      <Broken />
    </ErrorBoundary>,
  );
  expect(screen.getByRole('alert')).toHaveTextContent('pipeline exploded');
  await userEvent.click(screen.getByRole('button', { name: 'Reload' }));
  expect(onReload).toHaveBeenCalledOnce();
});

it('offers the autosaved workflow for download', async () => {
  localStorage.setItem('argoflow.document', 'kind: Workflow\n');
  const createObjectURL = vi.fn((_: Blob) => 'blob:saved');
  vi.stubGlobal('URL', Object.assign(URL, { createObjectURL, revokeObjectURL: () => {} }));
  render(
    <ErrorBoundary onReload={() => {}}>
      <Broken />
    </ErrorBoundary>,
  );
  await userEvent.click(screen.getByRole('button', { name: 'Download the autosaved workflow' }));
  expect(createObjectURL).toHaveBeenCalledOnce();
  vi.unstubAllGlobals();
  localStorage.clear();
});
