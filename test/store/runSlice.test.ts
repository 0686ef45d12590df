// The store's Argo Server loop (src/store/runSlice.ts) driven through the
// vanilla store API against the Argo Server TEST DOUBLE, with Map-backed
// localStorage and sessionStorage fakes: the connection test and its words,
// where the token is (and is not) kept, submit (once per click) and the run
// followed to its end, server lint problems pinned to tasks until the next
// edit, stop / terminate / retry / resubmit, closing a run, and updating a
// stored template that exists.
//
//   the pipeline:  extract --> load [--> more tasks]      (one echo template)
import { scopeTasks } from '../../src/core/model/scope';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createPipeline, type Template, type WorkflowKind } from '../../src/core';
import type { FetchLike } from '../../src/core/argo/client';
import {
  SETTINGS_KEY,
  TOKEN_KEY,
  type ConnectionSettings,
} from '../../src/store/connectionSettings';
import { createEditorStore, type EditorState, type EditorStore } from '../../src/store/editorStore';
import type { ArgoObject } from '../support/argoServerDouble';
import { argoWording, closedPort, useArgoServerDouble } from '../support/doubleFixture';
import { TIMEOUT, WAIT_MS } from '../support/timeouts';

// Most tests follow a run of the double to its end: wall time that a loaded
// machine stretches (test/support/timeouts.ts).
vi.setConfig({ testTimeout: TIMEOUT.run });

const TOKEN = 'store-secret-token-31337';
// registered first, so its afterEach (clearing faults and failing tasks) runs
// after the one below that closes the runs
const argo = useArgoServerDouble({ stepMs: 20, token: TOKEN });

const stores: EditorStore[] = [];
afterEach(() => {
  for (const s of stores.splice(0)) s.getState().closeRun();
});

// ---------------------------------------------------------------- fakes and helpers

type FakeStorage = Storage & { map: Map<string, string> };

function memoryStorage(): FakeStorage {
  const map = new Map<string, string>();
  return {
    map,
    get length() {
      return map.size;
    },
    clear: () => map.clear(),
    getItem: (k: string) => map.get(k) ?? null,
    key: (i: number) => [...map.keys()][i] ?? null,
    removeItem: (k: string) => void map.delete(k),
    setItem: (k: string, v: string) => void map.set(k, String(v)),
  } as FakeStorage;
}

const echo: Template = {
  name: 'echo',
  container: { image: 'alpine:3.20', command: ['echo', 'hi'] },
};

interface Setup {
  fetch?: FetchLike;
  token?: string;
  remember?: boolean;
  settings?: Partial<ConnectionSettings>;
  kind?: WorkflowKind;
  name?: string;
  /** Tasks after extract -> load, each depending on the one before. */
  more?: number;
  loadFields?: Record<string, unknown>;
  local?: FakeStorage;
  session?: FakeStorage;
}

function makeStore(setup: Setup = {}) {
  const local = setup.local ?? memoryStorage();
  const session = setup.session ?? memoryStorage();
  const store = createEditorStore({
    fetch: setup.fetch ?? globalThis.fetch,
    localStorage: local,
    sessionStorage: session,
    settings: { server: argo.url, namespace: 'argo', uiBase: '', ...setup.settings },
  });
  stores.push(store);
  const s = store.getState();
  if (setup.kind || setup.name)
    s.setPipeline(
      createPipeline({
        kind: setup.kind ?? 'Workflow',
        ...(setup.name ? { name: setup.name } : { generateName: 'store-' }),
      }),
      { fresh: true },
    );
  s.setToken(setup.token ?? TOKEN, setup.remember ?? false);
  s.addTask({ name: 'extract', template: echo, position: { x: 0, y: 0 } });
  s.addTask({
    name: 'load',
    fields: { template: 'echo', ...setup.loadFields },
    position: { x: 200, y: 0 },
  });
  s.connect('extract', 'load');
  let last = 'load';
  for (let i = 1; i <= (setup.more ?? 0); i++) {
    const name = s.addTask({ name: `step${i}`, fields: { template: 'echo' } });
    s.connect(last, name);
    last = name;
  }
  return { store, local, session };
}

/** Resolves with the state once `ok` holds (WAIT_MS at most). */
function until(store: EditorStore, ok: (s: EditorState) => boolean): Promise<EditorState> {
  return new Promise((resolve, reject) => {
    if (ok(store.getState())) return resolve(store.getState());
    const timer = setTimeout(() => {
      unsubscribe();
      const { run, submitResult } = store.getState();
      reject(new Error(`timed out: ${JSON.stringify({ run: run?.state.phase, submitResult })}`));
    }, WAIT_MS);
    const unsubscribe = store.subscribe((s) => {
      if (!ok(s)) return;
      clearTimeout(timer);
      unsubscribe();
      resolve(s);
    });
  });
}

const finished = (s: EditorState) => s.run?.watch === 'finished';
const creates = () =>
  argo.requests.filter((r) => r.method === 'POST' && r.path === '/api/v1/workflows/argo');

// ---------------------------------------------------------------- connection

describe('testConnection', () => {
  it('ok: names the version, the account and the namespace', async () => {
    const { store } = makeStore();
    const checking = store.getState().testConnection();
    expect(store.getState().check).toEqual({ status: 'checking', message: 'Checking…' });
    await checking;
    expect(store.getState().check).toEqual({
      status: 'ok',
      message: 'Connected to Argo v4.1.2 as argo-ui, namespace argo',
    });
  });

  it('401: says the token was rejected, without showing it', async () => {
    const { store } = makeStore({ token: 'stale-token-99' });
    await store.getState().testConnection();
    const { check } = store.getState();
    expect(check?.status).toBe('failed');
    expect(check?.message).toContain('rejected the token (401)');
    expect(check?.message).not.toContain('stale-token-99');
  });

  it('403: names the namespace the token may not use', async () => {
    const { store } = makeStore();
    store.getState().setConnection({ namespace: 'other' });
    await store.getState().testConnection();
    expect(store.getState().check).toMatchObject({ status: 'failed' });
    expect(store.getState().check?.message).toContain('no rights in namespace "other" (403)');
  });

  it('unreachable: explains CORS and the proxy (the browser case)', async () => {
    const { store } = makeStore({ settings: { server: `http://127.0.0.1:${await closedPort()}` } });
    await store.getState().testConnection();
    const message = store.getState().check?.message ?? '';
    expect(message).toContain('Could not reach the Argo Server');
    expect(message).toMatch(/CORS/);
    expect(message).toContain('proxy');
  });

  it('changing the connection clears the last check and saves the settings', async () => {
    const { store, local } = makeStore();
    await store.getState().testConnection();
    store.getState().setConnection({ uiBase: 'https://argo-ui.example' });
    expect(store.getState().check).toBeUndefined();
    expect(JSON.parse(local.map.get(SETTINGS_KEY)!)).toEqual({
      server: argo.url,
      namespace: 'argo',
      uiBase: 'https://argo-ui.example',
    });
  });
});

// ---------------------------------------------------------------- the token

describe('the token', () => {
  const everything = (s: FakeStorage) => JSON.stringify([...s.map]);

  it('is never written to localStorage', async () => {
    const { store, local } = makeStore({ remember: true });
    store.getState().setConnection({ namespace: 'argo' });
    await store.getState().testConnection();
    await store.getState().submit();
    store.getState().setToken(TOKEN, false);
    expect(local.map.size).toBeGreaterThan(0);
    expect(everything(local)).not.toContain(TOKEN);
  });

  it('goes to sessionStorage only with remember=true, and is removed with remember=false', () => {
    const { store, session } = makeStore({ remember: false });
    expect(session.map.has(TOKEN_KEY)).toBe(false);
    store.getState().setToken(TOKEN, true);
    expect(session.map.get(TOKEN_KEY)).toBe(TOKEN);
    expect(store.getState()).toMatchObject({ token: TOKEN, rememberToken: true });
    store.getState().setToken(TOKEN, false);
    expect(session.map.has(TOKEN_KEY)).toBe(false);
    expect(everything(session)).not.toContain(TOKEN);
    expect(store.getState()).toMatchObject({ token: TOKEN, rememberToken: false });
  });

  it('a remembered token is there for the next store of the tab', () => {
    const session = memoryStorage();
    makeStore({ session, remember: true });
    const next = createEditorStore({ fetch: globalThis.fetch, sessionStorage: session });
    expect(next.getState()).toMatchObject({ token: TOKEN, rememberToken: true });
  });

  it('a sessionStorage that refuses writes keeps the token in memory', () => {
    const session = memoryStorage();
    session.setItem = () => {
      throw new Error('QuotaExceededError');
    };
    const { store } = makeStore({ session, remember: true });
    expect(store.getState().token).toBe(TOKEN);
  });
});

// ---------------------------------------------------------------- submit and run

describe('submit', () => {
  it('sets submitting, ignores a second click, and follows the run to Succeeded', async () => {
    const { store } = makeStore();
    const before = creates().length;
    const first = store.getState().submit();
    expect(store.getState().submitting).toBe(true);
    const second = store.getState().submit();
    await Promise.all([first, second]);
    expect(store.getState().submitting).toBe(false);
    expect(creates().length - before).toBe(1);

    const result = store.getState().submitResult!;
    expect(result).toMatchObject({ kind: 'created', objectKind: 'Workflow' });
    expect(result.name).toMatch(/^pipeline-[a-z0-9]{5}$/);
    expect(result.message).toBe(`Workflow ${result.name} created in argo`);
    expect(result.link).toBe(`${argo.url}/workflows/argo/${result.name}`);

    const done = await until(store, finished);
    expect(done.run?.state.phase).toBe('Succeeded');
    expect(done.run?.state.name).toBe(result.name);
    expect(done.run?.state.tasks.get('extract')?.phase).toBe('Succeeded');
    expect(done.run?.state.tasks.get('load')?.phase).toBe('Succeeded');
    expect(scopeTasks(done.run!.submitted).map((t) => t.name)).toEqual(['extract', 'load']);
  });

  it('a failing task ends the run as Failed, the task marked', async () => {
    argo.setFailTasks(['load']);
    const { store } = makeStore();
    await store.getState().submit();
    const done = await until(store, finished);
    expect(done.run?.state.phase).toBe('Failed');
    expect(done.run?.state.tasks.get('load')).toMatchObject({
      phase: 'Failed',
      message: 'Error (exit code 1)',
    });
  });

  it('a server lint problem is pinned to its task; any later edit clears it', async () => {
    const { store } = makeStore({ fetch: argoWording, loadFields: { onExit: 5 } });
    const edits: [string, (s: EditorState) => void][] = [
      ['add a task', (s) => s.addTask({ name: 'extra', fields: { template: 'echo' } })],
      ['rename', (s) => s.renameTask('extra', 'extra2')],
      ['connect', (s) => s.connect('extract', 'extra2')],
      ['update a task', (s) => s.updateTask('extra2', (t) => ({ ...t, when: 'true' }))],
      ['undo', (s) => s.undo()],
      ['redo', (s) => s.redo()],
      ['open another document', (s) => s.setPipeline(s.pipeline, { fresh: true })],
    ];
    for (const [what, edit] of edits) {
      await store.getState().submit();
      const s = store.getState();
      expect(s.submitResult).toMatchObject({ kind: 'invalid' });
      expect(s.serverDiagnostics, what).toEqual([
        {
          code: 'server-lint',
          severity: 'error',
          task: 'load',
          message: 'Argo Server: templates.main.tasks.load.onExit must be string',
        },
      ]);
      edit(s);
      expect(store.getState().serverDiagnostics, `after: ${what}`).toEqual([]);
    }
    expect(creates().filter((r) => JSON.stringify(r.body).includes('onExit'))).toEqual([]);
  });

  it('dragging a node is not an edit of the workflow: the problems stay', async () => {
    const { store } = makeStore({ fetch: argoWording, loadFields: { onExit: 5 } });
    await store.getState().submit();
    store.getState().dragTasks({ load: { x: 300, y: 50 } });
    store.getState().endDrag();
    expect(store.getState().serverDiagnostics).toHaveLength(1);
  });

  it('local validation problems stop the submit without a request', async () => {
    const { store } = makeStore({ loadFields: { template: 'missing' } });
    const before = argo.requests.length;
    await store.getState().submit();
    expect(store.getState().submitResult?.kind).toBe('invalid');
    expect(store.getState().serverDiagnostics).toEqual([]);
    expect(argo.requests.length).toBe(before);
  });

  it('a refused create is explained (403 names the namespace)', async () => {
    const { store } = makeStore({ settings: { namespace: 'other' } });
    await store.getState().submit();
    expect(store.getState().submitResult).toMatchObject({ kind: 'failed' });
    expect(store.getState().submitResult?.message).toContain('namespace "other"');
    expect(store.getState().run).toBeUndefined();
  });
});

describe('runAction', () => {
  /**
   * Submits extract -> load -> step1..step8 with the double's controller
   * paused, and steps it once: the run is Running, and stays so until the
   * test resumes the controller, however slow the machine.
   */
  async function running() {
    argo.pause();
    const setup = makeStore({ more: 8 });
    await setup.store.getState().submit();
    argo.step();
    await until(setup.store, (s) => s.run?.state.phase === 'Running');
    return setup;
  }

  it.each(['stop', 'terminate'] as const)('%s ends the run as Failed', async (action) => {
    const { store } = await running();
    const name = store.getState().run!.state.name;
    await store.getState().runAction(action);
    const strategy = action === 'stop' ? 'Stop' : 'Terminate';
    expect(argo.workflows.get(`argo/${name}`)?.spec.shutdown).toBe(strategy);
    expect(argo.workflows.get(`argo/${name}`)?.status.phase).toBe('Running');
    argo.resume();
    const done = await until(store, finished);
    expect(done.run?.state).toMatchObject({
      name,
      phase: 'Failed',
      message: `Stopped with strategy '${strategy}'`,
    });
    expect(done.run?.error).toBeUndefined();
  });

  it('retry re-runs a failed run under the same name until it succeeds', async () => {
    argo.setFailTasks(['load']);
    const { store } = makeStore();
    await store.getState().submit();
    const failed = await until(store, finished);
    expect(failed.run?.state.phase).toBe('Failed');
    const name = failed.run!.state.name;
    argo.setFailTasks([]);
    argo.pause(); // the retried run stays Running until checked
    await store.getState().runAction('retry');
    expect(store.getState().run?.state).toMatchObject({ name, phase: 'Running' });
    expect(store.getState().run?.watch).not.toBe('finished');
    argo.resume();
    const done = await until(store, (s) => finished(s) && s.run?.state.phase === 'Succeeded');
    expect(done.run?.state.name).toBe(name);
  });

  it('resubmit watches the new workflow', async () => {
    const { store } = makeStore();
    await store.getState().submit();
    const first = (await until(store, finished)).run!.state.name;
    await store.getState().runAction('resubmit');
    const second = store.getState().run!.state.name;
    expect(second).not.toBe(first);
    expect(argo.workflows.get(`argo/${second}`)?.metadata.labels).toMatchObject({
      'workflows.argoproj.io/resubmitted-from-workflow': first,
    });
    const done = await until(store, (s) => finished(s) && s.run?.state.name === second);
    expect(done.run?.state.phase).toBe('Succeeded');
  });

  it('a refused action is explained on the run', async () => {
    const { store } = makeStore();
    await store.getState().submit();
    await until(store, finished);
    await store.getState().runAction('stop'); // a finished workflow cannot be stopped
    expect(store.getState().run?.error).toMatch(/The Argo Server failed \(HTTP 500\)/);
    await store.getState().runAction('retry'); // nor retried after success
    expect(store.getState().run?.error).toMatch(/rejected the workflow/);
  });

  it('without a run it does nothing', async () => {
    const { store } = makeStore();
    const before = argo.requests.length;
    await store.getState().runAction('stop');
    expect(argo.requests.length).toBe(before);
  });
});

describe('closeRun and openRun', () => {
  it('closeRun stops watching: the stream is aborted and no update comes back', async () => {
    const streams: AbortSignal[] = [];
    const spy: FetchLike = (url, init) => {
      if (url.includes('/workflow-events/') && init?.signal) streams.push(init.signal);
      return globalThis.fetch(url, init);
    };
    const { store } = makeStore({ fetch: spy, more: 4 });
    argo.pause(); // the run goes on only when the test steps it
    await store.getState().submit();
    argo.step();
    await until(store, (s) => s.run?.state.phase === 'Running');
    const name = store.getState().run!.state.name;
    expect(streams).toHaveLength(1);
    expect(streams[0]!.aborted).toBe(false);

    store.getState().closeRun();
    expect(store.getState().run).toBeUndefined();
    expect(streams[0]!.aborted).toBe(true);
    const seen: unknown[] = [];
    const unsubscribe = store.subscribe((s) => seen.push(s.run));
    // run the workflow to its end on the server, one step at a time, giving a
    // stream that were still open the time to deliver each: the store hears nothing
    while (argo.workflows.get(`argo/${name}`)?.status.phase === 'Running') {
      argo.step();
      await new Promise((r) => setTimeout(r, 10));
    }
    unsubscribe();
    expect(argo.workflows.get(`argo/${name}`)?.status.phase).toBe('Succeeded');
    expect(seen.filter((r) => r !== undefined)).toEqual([]);
    expect(store.getState().run).toBeUndefined();
  });

  it('openRun follows a workflow by name', async () => {
    const { store: submitter } = makeStore();
    await submitter.getState().submit();
    const name = submitter.getState().submitResult!.name!;
    const { store } = makeStore();
    store.getState().openRun(name);
    expect(store.getState().run?.state).toMatchObject({ name, phase: 'Pending' });
    const done = await until(store, finished);
    expect(done.run?.state.phase).toBe('Succeeded');
  });

  it('openRun of a missing workflow stops with the explanation', async () => {
    const { store } = makeStore();
    store.getState().openRun('no-such-run');
    const stopped = await until(store, (s) => s.run?.watch === 'stopped');
    expect(stopped.run?.error).toContain('Not found (404)');
  });
});

describe('stored templates', () => {
  it("'exists' for a WorkflowTemplate, then updateExisting replaces it", async () => {
    const { store } = makeStore({ kind: 'WorkflowTemplate', name: 'store-template' });
    await store.getState().submit();
    expect(store.getState().submitResult).toMatchObject({
      kind: 'created',
      objectKind: 'WorkflowTemplate',
      link: `${argo.url}/workflow-templates/argo/store-template`,
    });
    expect(store.getState().run).toBeUndefined(); // a template does not run

    store.getState().addTask({ name: 'report', fields: { template: 'echo' } });
    await store.getState().submit();
    expect(store.getState().submitResult).toMatchObject({
      kind: 'exists',
      name: 'store-template',
      message: 'WorkflowTemplate store-template already exists in argo. Update it?',
    });

    await store.getState().updateExisting();
    expect(store.getState().submitResult).toMatchObject({
      kind: 'created',
      message: 'WorkflowTemplate store-template updated',
    });
    expect(store.getState().submitting).toBe(false);
    const stored = argo.workflowTemplates.get('argo/store-template')!;
    expect(stored.metadata.generation).toBe(2);
    const main = (stored.spec.templates as ArgoObject[]).find((t) => t.name === 'main')!;
    expect(main.dag.tasks.map((t: ArgoObject) => t.name)).toEqual(['extract', 'load', 'report']);
  });

  it('submitFromTemplate starts a Workflow with the parameters and watches it', async () => {
    const { store } = makeStore({ kind: 'WorkflowTemplate', name: 'store-source' });
    await store.getState().submit();
    await store.getState().submitFromTemplate({ msg: 'hello' });
    const result = store.getState().submitResult!;
    expect(result).toMatchObject({ kind: 'created', objectKind: 'Workflow' });
    expect(result.name).toMatch(/^store-source-/);
    const wf = argo.workflows.get(`argo/${result.name}`)!;
    expect(wf.spec.arguments.parameters).toEqual([{ name: 'msg', value: 'hello' }]);
    const done = await until(store, finished);
    expect(done.run?.state).toMatchObject({ name: result.name, phase: 'Succeeded' });
  });

  it('submitFromTemplate of a template never stored is explained', async () => {
    const { store } = makeStore({ kind: 'WorkflowTemplate', name: 'never-stored' });
    await store.getState().submitFromTemplate({});
    expect(store.getState().submitResult).toMatchObject({ kind: 'failed' });
    expect(store.getState().submitResult?.message).toContain('Not found (404)');
  });
});
