// The Argo Server client loads on first use (src/store/argoClient.ts, issue
// 11). When its chunk cannot load (the app was redeployed, the network is
// down), the connection check, submit, the runs list and the library say so
// in words instead of rejecting, and the editor goes on working.
import { describe, expect, it, vi } from 'vitest';
import type { Template } from '../../src/core';
import { findTask } from '../../src/core/model/pipeline';
import { createEditorStore } from '../../src/store/editorStore';
import { WAIT_MS } from '../support/timeouts';

vi.mock('../../src/core/argo/client', () => {
  throw new Error('Failed to fetch dynamically imported module');
});

const echo: Template = { name: 'echo', container: { image: 'alpine:3.20' } };
const CANNOT = /^The Argo Server client could not be loaded: .*Reload the page and try again\.$/;

function makeStore() {
  const fetch = vi.fn(() => Promise.reject(new Error('no call expected')));
  const store = createEditorStore({
    fetch,
    settings: { server: 'https://argo.example:2746', namespace: 'argo', uiBase: '' },
  });
  store.getState().setToken('t', false);
  store.getState().addTask({ name: 'extract', template: echo });
  return { store, fetch };
}

describe('the Argo Server client that cannot load', () => {
  it('is a failed check, a failed submit, a failed runs list and library, not a rejection', async () => {
    const { store, fetch } = makeStore();
    const s = () => store.getState();
    await s().testConnection();
    expect(s().check).toMatchObject({ status: 'failed', message: expect.stringMatching(CANNOT) });
    await s().submit();
    expect(s().submitResult).toMatchObject({
      kind: 'failed',
      message: expect.stringMatching(CANNOT),
    });
    expect(s().submitting).toBe(false);
    await s().loadRuns({ reset: true });
    expect(s().runs).toMatchObject({ status: 'failed', error: expect.stringMatching(CANNOT) });
    await s().loadLibrary();
    expect(s().library).toMatchObject({ status: 'failed', error: expect.stringMatching(CANNOT) });
    expect(s().namespace()).toBe('argo');
    expect(fetch).not.toHaveBeenCalled();
    // The editor itself goes on.
    s().addTask({ name: 'load', template: echo });
    expect(findTask(s().pipeline, 'load')).toBeDefined();
  });

  it('a run opened by name stops with the reason', async () => {
    const { store } = makeStore();
    store.getState().openRun('hello-abc12');
    expect(store.getState().run?.watch).toBe('streaming');
    await vi.waitFor(() => expect(store.getState().run?.watch).toBe('stopped'), {
      timeout: WAIT_MS,
    });
    expect(store.getState().run?.error).toMatch(CANNOT);
  });
});
