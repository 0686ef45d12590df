// What the user reads when the server misbehaves, through the store (the
// connection check, submit) and the CLI, against the Argo Server TEST DOUBLE
// with injected faults: a reply of the wrong shape is named as such (never
// "Connected to Argo ?" or "Workflow  created"), a cut-off body is a dropped
// connection in words, and the token never shows, even when echoed.
import { describe, expect, it } from 'vitest';
import type { Template } from '../../src/core';
import { HIDDEN } from '../../src/core/argo/client';
import { runSubmit } from '../../src/cliSubmit';
import { createEditorStore, type EditorStore } from '../../src/store/editorStore';
import { useArgoServerDouble } from '../support/doubleFixture';

const TOKEN = 'run-faults-secret-5150';
const argo = useArgoServerDouble({ stepMs: 20, token: TOKEN });

const echo: Template = { name: 'echo', container: { image: 'alpine:3.20' } };

function makeStore(): EditorStore {
  const store = createEditorStore({
    fetch: globalThis.fetch,
    settings: { server: argo.url, namespace: 'argo', uiBase: '' },
  });
  store.getState().setToken(TOKEN, false);
  store.getState().addTask({ name: 'extract', template: echo });
  return store;
}

describe('the connection check', () => {
  it('a server answering [1,2,3] is not "Connected to Argo ?"', async () => {
    argo.fault({ reply: '[1,2,3]' });
    const store = makeStore();
    await store.getState().testConnection();
    expect(store.getState().check).toEqual({
      status: 'failed',
      message: `The server at ${argo.url} answered GET /api/v1/version with a list, not Argo's version object: is this an Argo Server?`,
    });
  });

  it('a body cut off: the connection dropped, in words', async () => {
    argo.fault({ cutBodyAfterBytes: 20, path: /\/userinfo$/ });
    const store = makeStore();
    await store.getState().testConnection();
    const { check } = store.getState();
    expect(check?.status).toBe('failed');
    expect(check?.message).toMatch(
      /^The connection to the Argo Server at .* dropped: the answer to GET \/api\/v1\/userinfo was cut off/,
    );
    expect(check?.message).not.toMatch(/Unexpected error|Failed to fetch/);
  });

  it('a proxy echoing the Authorization header: the token does not show', async () => {
    argo.fault({ status: 503, echoAuthorization: true });
    const store = makeStore();
    await store.getState().testConnection();
    const message = store.getState().check?.message ?? '';
    expect(message).toContain(`Authorization: Bearer ${HIDDEN}`);
    expect(message).not.toContain(TOKEN);
  });
});

describe('submit', () => {
  it('a create answered with [1,2,3] is a failure naming the endpoint, not "Workflow  created"', async () => {
    argo.fault({ reply: '[1,2,3]', path: /^\/api\/v1\/workflows\/argo$/ });
    const store = makeStore();
    await store.getState().submit();
    expect(store.getState().submitResult).toEqual({
      kind: 'failed',
      message: `The server at ${argo.url} answered POST /api/v1/workflows/argo with a list, not a Workflow object: is this an Argo Server?`,
    });
    expect(store.getState().run).toBeUndefined();
  });
});

describe('the CLI', () => {
  it('submit against a server echoing the header: exit 1, the token nowhere in the output', async () => {
    argo.fault({ status: 500, echoAuthorization: true });
    const out: string[] = [];
    const err: string[] = [];
    const text = `apiVersion: argoproj.io/v1alpha1
kind: Workflow
metadata: {generateName: echoed-}
spec:
  entrypoint: main
  templates:
  - {name: main, container: {image: alpine:3.20}}
`;
    const code = await runSubmit(
      { file: 'echoed.yaml', server: argo.url, namespace: 'argo', watch: false },
      text,
      { out: (l) => out.push(l), err: (l) => err.push(l) },
      (url, init) => fetch(url, init),
      TOKEN,
    );
    expect(code).toBe(1);
    expect(err.join('\n')).toContain(`Authorization: Bearer ${HIDDEN}`);
    expect([...out, ...err].join('\n')).not.toContain(TOKEN);
  });
});
