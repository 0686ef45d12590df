// Submit with parameters and the runs history through the store, against the
// Argo Server TEST DOUBLE: the values reach the created workflow (with the
// pipeline label) while the document stays as it was; remembered values are
// kept per workflow and never hold the token; the runs list is filtered, paged,
// includes archived runs, opens them, and compares two. The double's clock is
// paused and stepped.
import { afterEach, describe, expect, it } from 'vitest';
import { createPipeline } from '../../src/core';
import { createEditorStore, type EditorStore } from '../../src/store/editorStore';
import { SUBMIT_PREFIX } from '../../src/store/submitFormSlice';
import { useArgoServerDouble } from '../support/doubleFixture';
import { MemoryStorage } from '../support/storageDoubles';

const TOKEN = 'runs-secret-token-99';
const argo = useArgoServerDouble({ stepMs: 60_000, token: TOKEN, archive: true });
const stores: EditorStore[] = [];
afterEach(() => {
  for (const s of stores.splice(0)) s.getState().closeRun();
});

function store(storage = new MemoryStorage(), generateName = 'report-'): EditorStore {
  const s = createEditorStore({
    fetch: (u, i) => fetch(u, i),
    localStorage: storage,
    settings: { server: argo.url, namespace: 'argo', uiBase: '' },
  });
  s.getState().setToken(TOKEN, false);
  let p = createPipeline({ generateName });
  p = {
    ...p,
    spec: {
      ...p.spec,
      arguments: {
        parameters: [
          { name: 'env', value: 'dev', enum: ['dev', 'prod'] },
          { name: 'day', value: 'mon' },
        ],
      },
    },
  };
  s.getState().setPipeline(p, { fresh: true });
  s.getState().addTask({ name: 'a', template: { name: 'echo', container: { image: 'alpine' } } });
  s.getState().addTask({ name: 'b', fields: { template: 'echo', depends: 'a' } });
  stores.push(s);
  return s;
}

const created = (s: EditorStore) => argo.workflows.get(`argo/${s.getState().submitResult?.name}`)!;
const finish = () => {
  for (let i = 0; i < 6; i++) argo.step();
};

describe('submit with parameters', () => {
  it('the values, entrypoint and labels reach the workflow; the document does not change', async () => {
    argo.pause();
    const s = store();
    const before = s.getState().pipeline;
    await s
      .getState()
      .submit({ parameters: { env: 'prod' }, entrypoint: 'main', labels: { team: 'data' } });
    expect(s.getState().submitResult?.kind).toBe('created');
    const wf = created(s);
    expect(wf.spec.arguments.parameters).toEqual([
      { name: 'env', value: 'prod', enum: ['dev', 'prod'] },
      { name: 'day', value: 'mon' },
    ]);
    expect(wf.metadata.labels).toMatchObject({ team: 'data', 'argoflow.dev/pipeline': 'report' });
    expect(s.getState().pipeline).toBe(before);
  });

  it('a value outside the enum is refused before anything is sent', async () => {
    const s = store();
    const sent = argo.requests.length;
    await s.getState().submit({ parameters: { env: 'qa' } });
    expect(s.getState().submitResult).toMatchObject({
      kind: 'invalid',
      message: expect.stringContaining("'qa' is not one of dev, prod"),
    });
    expect(argo.requests.length).toBe(sent);
  });

  it('remembers the values per workflow, without the token, and forgets them on request', () => {
    const storage = new MemoryStorage();
    const s = store(storage);
    s.getState().rememberSubmit({ parameters: { env: 'prod' }, labels: { team: 'x' } });
    expect(s.getState().rememberedSubmit()).toEqual({
      parameters: { env: 'prod' },
      labels: { team: 'x' },
    });
    expect([...storage.items.keys()]).toEqual([`${SUBMIT_PREFIX}Workflow:report`]);
    expect(JSON.stringify([...storage.items])).not.toContain(TOKEN);
    s.getState().rememberSubmit(undefined);
    expect(s.getState().rememberedSubmit()).toBeUndefined();
  });
});

describe('runs history', () => {
  it("lists this workflow's runs, filters by phase, opens one (archived too), compares two", async () => {
    argo.pause();
    const s = store(new MemoryStorage(), 'weekly-');
    for (let i = 0; i < 3; i++) {
      await s.getState().submit();
      finish();
    }
    argo.setFailTasks(['b']);
    await s.getState().submit();
    const failing = s.getState().submitResult!.name!;
    finish();
    argo.setFailTasks([]);
    s.getState().closeRun();

    await s.getState().loadRuns({ reset: true });
    const runs = s.getState().runs;
    expect(runs.items.map((r) => r.phase).sort()).toEqual([
      'Failed',
      'Succeeded',
      'Succeeded',
      'Succeeded',
    ]);
    expect(runs.items.every((r) => r.name.startsWith('weekly-'))).toBe(true);

    await s.getState().setRunPhases(['Failed']);
    expect(s.getState().runs.items.map((r) => r.name)).toEqual([failing]);
    await s.getState().setRunPhases([]);

    const ok = s.getState().runs.items.find((r) => r.phase === 'Succeeded')!;
    const bad = s.getState().runs.items.find((r) => r.phase === 'Failed')!;
    await s.getState().compareRuns(ok, bad);
    expect(s.getState().compare?.result?.rows.map((r) => [r.task, r.a?.phase, r.b?.phase])).toEqual(
      [
        ['a', 'Succeeded', 'Succeeded'],
        ['b', 'Succeeded', 'Failed'],
      ],
    );

    // Gone from the cluster, kept in the archive: opened as it ended, not watched.
    await fetch(`${argo.url}/api/v1/workflows/argo/${failing}`, {
      method: 'DELETE',
      headers: { Authorization: `Bearer ${TOKEN}` },
    });
    await s.getState().loadRuns({ reset: true });
    const archived = s.getState().runs.items.find((r) => r.name === failing)!;
    expect(archived.archived).toBe(true);
    await s.getState().openRunFromHistory(archived);
    expect(s.getState().run).toMatchObject({
      watch: 'finished',
      state: { name: failing, phase: 'Failed' },
    });
  });
});
