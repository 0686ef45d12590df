// The client's lists and the runs history against the Argo Server TEST DOUBLE:
// (cluster) workflow templates paged and refused, a workflow's runs found by
// label and by generateName prefix, filtered by phase, paged, archived runs
// merged once, an archive that fails leaving the list usable, and two runs
// compared task by task. The double's controller is paused and stepped.
import { describe, expect, it } from 'vitest';
import {
  ArgoApiError,
  compareRuns,
  createArgoClient,
  firstCursor,
  listClusterWorkflowTemplates,
  listWorkflowTemplates,
  mergeRuns,
  nextRuns,
  type RunSummary,
} from '../../src/core/argo/client';
import type { ArgoObject } from '../support/argoServerDouble';
import { chainSpec, useArgoServerDouble } from '../support/doubleFixture';

const client = (url: string) =>
  createArgoClient(
    { server: url, namespace: 'argo', token: 'test-token' },
    { fetch: (u, i) => fetch(u, i) },
  );

const post = (url: string, path: string, body: unknown) =>
  fetch(url + path, {
    method: 'POST',
    headers: { Authorization: 'Bearer test-token', 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  }).then((r) => r.json() as Promise<ArgoObject>);

describe('workflow templates', () => {
  const argo = useArgoServerDouble({ clusterScope: false });
  it('pages through every WorkflowTemplate with listOptions.limit/continue', async () => {
    for (let i = 0; i < 5; i++)
      await post(argo.url, '/api/v1/workflow-templates/argo', {
        template: { metadata: { name: `t${i}` }, spec: chainSpec() },
      });
    const c = client(argo.url);
    const names: string[] = [];
    let next: string | undefined;
    do {
      const page = await listWorkflowTemplates(c, { limit: 2, continue: next });
      names.push(...page.items.map((t) => String((t.metadata as ArgoObject).name)));
      next = page.continue;
    } while (next);
    expect(names).toEqual(['t0', 't1', 't2', 't3', 't4']);
    const limits = argo.requests
      .filter((r) => r.path === '/api/v1/workflow-templates/argo' && r.method === 'GET')
      .map((r) => new URLSearchParams(r.query).get('listOptions.limit'));
    expect(limits).toEqual(['2', '2', '2']);
  });

  it('a token without cluster scope: ClusterWorkflowTemplates fail as forbidden, in words', async () => {
    const e = await listClusterWorkflowTemplates(client(argo.url)).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(ArgoApiError);
    expect(e).toMatchObject({ kind: 'forbidden', status: 403 });
    expect((e as Error).message).toMatch(/at the cluster scope/);
  });

  it('a list with an unnamed item is a bad reply, not a crash later', async () => {
    argo.fault({
      reply: JSON.stringify({ items: [{ spec: {} }] }),
      path: /workflow-templates/,
      times: 1,
    });
    await expect(listWorkflowTemplates(client(argo.url))).rejects.toMatchObject({
      kind: 'bad-reply',
      message: expect.stringContaining('not a named object'),
    });
  });
});

describe('run history', () => {
  const argo = useArgoServerDouble({ stepMs: 60_000, archive: true });
  const run = (labels: Record<string, string>, generateName = 'etl-') =>
    post(argo.url, '/api/v1/workflows/argo', {
      workflow: { metadata: { generateName, labels }, spec: chainSpec() },
    }).then((wf) => String(wf.metadata.name));
  const names = (runs: RunSummary[]) => runs.map((r) => r.name);

  it('finds runs by the pipeline label and by generateName prefix, newest first, each once, archived ones too', async () => {
    argo.pause();
    const labelled: string[] = [];
    for (let i = 0; i < 3; i++) labelled.push(await run({ 'argoflow.dev/pipeline': 'etl' }));
    const byPrefixOnly = await run({});
    await run({ 'argoflow.dev/pipeline': 'other' }, 'other-');
    for (let i = 0; i < 6; i++) argo.step();
    argo.setFailTasks(['b']);
    const failing = await run({ 'argoflow.dev/pipeline': 'etl' });
    for (let i = 0; i < 6; i++) argo.step();

    const c = client(argo.url);
    const { runs, cursor, more } = await nextRuns(
      c,
      { pipeline: 'etl', namePrefix: 'etl-' },
      firstCursor({ pipeline: 'etl', namePrefix: 'etl-' }),
    );
    expect(new Set(names(runs))).toEqual(new Set([...labelled, byPrefixOnly, failing]));
    expect(names(runs)).toHaveLength(5); // live and archived copies, label and prefix matches: once each
    expect(runs.every((r) => !r.archived)).toBe(true);
    expect(cursor.archive).toBe('available');
    expect(more).toBe(false);
    const failed = runs.find((r) => r.name === failing)!;
    expect(failed).toMatchObject({ phase: 'Failed', parameters: { msg: 'hello' } });

    // A phase filter goes to the server as a label selector.
    const onlyFailed = await nextRuns(
      c,
      { pipeline: 'etl', phases: ['Failed', 'Error'] },
      firstCursor({ pipeline: 'etl' }),
    );
    expect(names(onlyFailed.runs)).toEqual([failing]);
    const selectors = argo.requests
      .filter((r) => r.path === '/api/v1/workflows/argo' && r.method === 'GET')
      .map((r) => new URLSearchParams(r.query).get('listOptions.labelSelector'));
    expect(selectors).toContain(
      'argoflow.dev/pipeline=etl,workflows.argoproj.io/phase in (Failed,Error)',
    );

    // Deleted from the cluster, a run is still found in the archive.
    await fetch(`${argo.url}/api/v1/workflows/argo/${labelled[0]}`, {
      method: 'DELETE',
      headers: { Authorization: 'Bearer test-token' },
    });
    const after = await nextRuns(c, { pipeline: 'etl' }, firstCursor({ pipeline: 'etl' }));
    expect(after.runs.find((r) => r.name === labelled[0])?.archived).toBe(true);
  });

  it('pages: each call brings the next page of every source until none has more', async () => {
    const c = client(argo.url);
    const q = { pipeline: 'etl', pageSize: 2 };
    let cursor = firstCursor(q);
    let all: RunSummary[] = [];
    let calls = 0;
    for (let more = true; more; calls++) {
      const r = await nextRuns(c, q, cursor);
      all = mergeRuns(all, r.runs);
      cursor = r.cursor;
      more = r.more;
    }
    expect(calls).toBe(2);
    expect(all).toHaveLength(4);
  });

  it('an archive that fails leaves the live runs listed and says so', async () => {
    argo.fault({ status: 500, path: /archived-workflows/ });
    const r = await nextRuns(
      client(argo.url),
      { pipeline: 'etl' },
      firstCursor({ pipeline: 'etl' }),
    );
    expect(r.cursor.archive).toBe('unavailable');
    expect(r.runs.length).toBeGreaterThan(0);
    expect(r.runs.every((x) => !x.archived)).toBe(true);
  });

  it('compares two runs task by task', async () => {
    const listed = await nextRuns(
      client(argo.url),
      { pipeline: 'etl' },
      firstCursor({ pipeline: 'etl' }),
    );
    // Live runs (one was deleted from the cluster above and is only archived).
    const ok = listed.runs.find((r) => r.phase === 'Succeeded' && !r.archived)!;
    const bad = listed.runs.find((r) => r.phase === 'Failed' && !r.archived)!;
    const get = (name: string) => client(argo.url).getWorkflow(name);
    const cmp = compareRuns(await get(ok.name), await get(bad.name));
    expect(cmp.rows.map((r) => [r.task, r.a?.phase, r.b?.phase, r.phaseChanged])).toEqual([
      ['a', 'Succeeded', 'Succeeded', false],
      ['b', 'Succeeded', 'Failed', true],
      ['c', 'Succeeded', 'Omitted', true],
    ]);
    expect(cmp.rows[0]?.deltaSeconds).toBeTypeOf('number');
  });
});
