// The Argo Server REST client (src/core/argo/client) against the in-process
// TEST DOUBLE (test/support/argoServerDouble.ts), with the real global fetch:
// every endpoint, the run lifecycle (stop / terminate / retry / resubmit),
// the two streams (events and logs), each error kind, where the token goes,
// and the words explainError finds for each kind. stepMs is 20, so the
// 3-task chain below finishes in about 150 ms on a quiet machine; a test that
// must act while a run is in a given state pauses the double's controller and
// steps it, so what it sees does not depend on the machine's speed.
//
//   chain:  a --> b --> c      (echo template, one input parameter)
import { describe, expect, it, vi } from 'vitest';
import {
  ArgoApiError,
  createArgoClient,
  errorFromReply,
  explainError,
  runState,
  type ArgoClient,
  type ArgoConnection,
  type ClientOptions,
  type FetchLike,
  type LogEntry,
  type WatchEvent,
} from '../../src/core/argo/client';
import type { JsonObject } from '../../src/core';
import type { ArgoObject } from '../support/argoServerDouble';
import { chainSpec, closedPort, useArgoServerDouble } from '../support/doubleFixture';
import { TIMEOUT, WAIT_MS } from '../support/timeouts';

// Many tests follow a run of the double to its end: wall time that a loaded
// machine stretches (test/support/timeouts.ts).
vi.setConfig({ testTimeout: TIMEOUT.run });

const TOKEN = 'test-token';
const argo = useArgoServerDouble({ stepMs: 20 });

function client(
  connection: Partial<ArgoConnection> = {},
  options: Partial<ClientOptions> = {},
): ArgoClient {
  return createArgoClient(
    { server: argo.url, namespace: 'argo', token: TOKEN, ...connection },
    { fetch: globalThis.fetch, ...options },
  );
}

/** The ArgoApiError a call fails with (fails the test when it resolves). */
async function failure(call: Promise<unknown>): Promise<ArgoApiError> {
  try {
    await call;
  } catch (e) {
    expect(e).toBeInstanceOf(ArgoApiError);
    return e as ArgoApiError;
  }
  throw new Error('expected the call to fail');
}

/** Requests recorded by the double from `start` on. */
const since = (start: number) => argo.requests.slice(start);

// ---------------------------------------------------------------- manifests

const manifest = (kind: string, metadata: JsonObject, spec: JsonObject): JsonObject => ({
  apiVersion: 'argoproj.io/v1alpha1',
  kind,
  metadata,
  spec,
});
const chain = () => manifest('Workflow', { generateName: 'chain-' }, chainSpec());
const meta = (o: JsonObject) => o.metadata as ArgoObject;
const nameOf = (o: JsonObject) => String(meta(o).name);
const phaseOf = (o: JsonObject) => String((o.status as ArgoObject | undefined)?.phase);
const FINAL = ['Succeeded', 'Failed', 'Error'];

async function createChain(c = client()): Promise<string> {
  return nameOf(await c.create('Workflow', chain()));
}

/** Polls the workflow until `ok` holds (WAIT_MS at most). */
async function waitFor(
  name: string,
  ok: (wf: JsonObject) => boolean = (wf) => FINAL.includes(phaseOf(wf)),
): Promise<JsonObject> {
  const c = client();
  const until = Date.now() + WAIT_MS;
  for (;;) {
    const wf = await c.getWorkflow(name);
    if (ok(wf)) return wf;
    if (Date.now() > until) throw new Error(`${name}: timed out in phase ${phaseOf(wf)}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

// ---------------------------------------------------------------- endpoints

describe('unary endpoints', () => {
  it('version and userInfo', async () => {
    const c = client();
    expect((await c.version()).version).toBe('v4.1.2');
    expect(await c.userInfo()).toMatchObject({ serviceAccountName: 'argo-ui' });
    expect(await c.listWorkflows(1)).toHaveProperty('metadata');
  });

  it('lint: a valid workflow comes back with its namespace', async () => {
    const start = argo.requests.length;
    const stored = argo.workflows.size;
    const linted = await client().lint('Workflow', chain());
    expect(meta(linted).namespace).toBe('argo');
    const [req] = since(start);
    expect(req).toMatchObject({ method: 'POST', path: '/api/v1/workflows/argo/lint' });
    expect(req?.body).toMatchObject({ namespace: 'argo', workflow: { kind: 'Workflow' } });
    expect(argo.workflows.size).toBe(stored); // lint stores nothing
  });

  it("lint: an invalid workflow is kind 'invalid' from HTTP 500 code 2", async () => {
    const spec = chainSpec();
    ((spec.templates as ArgoObject[])[0]!.dag.tasks as ArgoObject[])[1]!.template = 'ehco';
    const e = await failure(client().lint('Workflow', manifest('Workflow', { name: 'x' }, spec)));
    expect(e).toMatchObject({ kind: 'invalid', status: 500, code: 2 });
    expect(e.message).toMatch(/ehco/);
  });

  it("lint of a WorkflowTemplate: 400 code 3, also 'invalid'", async () => {
    const spec = chainSpec();
    spec.entrypoint = 'nowhere';
    const e = await failure(
      client().lint('WorkflowTemplate', manifest('WorkflowTemplate', { name: 'bad' }, spec)),
    );
    expect(e).toMatchObject({ kind: 'invalid', status: 400, code: 3 });
  });

  it('creates a Workflow, a WorkflowTemplate, a CronWorkflow and a ClusterWorkflowTemplate', async () => {
    const c = client();
    const start = argo.requests.length;
    const wf = await c.create('Workflow', chain());
    expect(nameOf(wf)).toMatch(/^chain-[a-z0-9]{5}$/);
    expect(meta(wf).namespace).toBe('argo');

    await c.create('WorkflowTemplate', manifest('WorkflowTemplate', { name: 'wt-1' }, chainSpec()));
    const cronSpec = { schedules: ['0 * * * *'], workflowSpec: chainSpec() };
    await c.create('CronWorkflow', manifest('CronWorkflow', { name: 'cron-1' }, cronSpec));
    await c.create(
      'ClusterWorkflowTemplate',
      manifest('ClusterWorkflowTemplate', { name: 'cwt-1' }, chainSpec()),
    );
    expect(argo.workflowTemplates.has('argo/wt-1')).toBe(true);
    expect(argo.cronWorkflows.has('argo/cron-1')).toBe(true);
    expect(argo.clusterWorkflowTemplates.has('/cwt-1')).toBe(true);

    const sent = since(start).map((r) => [r.path, Object.keys(r.body as object).sort()]);
    expect(sent).toEqual([
      ['/api/v1/workflows/argo', ['namespace', 'workflow']],
      ['/api/v1/workflow-templates/argo', ['namespace', 'template']],
      ['/api/v1/cron-workflows/argo', ['cronWorkflow', 'namespace']],
      ['/api/v1/cluster-workflow-templates', ['namespace', 'template']],
    ]);
    await waitFor(nameOf(wf));
  });

  it("a duplicate WorkflowTemplate is kind 'conflict' (409)", async () => {
    const c = client();
    const tmpl = manifest('WorkflowTemplate', { name: 'dup-1' }, chainSpec());
    await c.create('WorkflowTemplate', tmpl);
    const e = await failure(c.create('WorkflowTemplate', tmpl));
    expect(e).toMatchObject({ kind: 'conflict', status: 409, code: 6 });
    expect(e.message).toContain('"dup-1" already exists');
  });

  it('update: reads the resourceVersion, then PUTs with it', async () => {
    const c = client();
    const created = await c.create(
      'WorkflowTemplate',
      manifest('WorkflowTemplate', { name: 'upd-1' }, chainSpec()),
    );
    const spec = chainSpec();
    (spec.arguments as ArgoObject).parameters[0].value = 'changed';
    const start = argo.requests.length;
    const updated = await c.update(
      'WorkflowTemplate',
      manifest('WorkflowTemplate', { name: 'upd-1', namespace: 'argo' }, spec),
    );
    const [get, put] = since(start);
    expect(get).toMatchObject({ method: 'GET', path: '/api/v1/workflow-templates/argo/upd-1' });
    expect(put).toMatchObject({ method: 'PUT', path: '/api/v1/workflow-templates/argo/upd-1' });
    expect(put?.body).toMatchObject({
      namespace: 'argo',
      name: 'upd-1',
      template: { metadata: { resourceVersion: meta(created).resourceVersion } },
    });
    expect(meta(updated).generation).toBe(2);
    expect(argo.workflowTemplates.get('argo/upd-1')?.spec.arguments.parameters[0].value).toBe(
      'changed',
    );
  });

  it('update of a CronWorkflow and a ClusterWorkflowTemplate; a missing one is not-found', async () => {
    const c = client();
    const cron = (schedule: string) =>
      manifest(
        'CronWorkflow',
        { name: 'cron-upd' },
        { schedules: [schedule], workflowSpec: chainSpec() },
      );
    await c.create('CronWorkflow', cron('0 * * * *'));
    await c.update('CronWorkflow', cron('30 * * * *'));
    expect(argo.cronWorkflows.get('argo/cron-upd')?.spec.schedules).toEqual(['30 * * * *']);

    const cwt = manifest('ClusterWorkflowTemplate', { name: 'cwt-upd' }, chainSpec());
    await c.create('ClusterWorkflowTemplate', cwt);
    const updated = await c.update('ClusterWorkflowTemplate', cwt);
    expect(meta(updated).generation).toBe(2);

    const e = await failure(
      c.update('WorkflowTemplate', manifest('WorkflowTemplate', { name: 'nope' }, chainSpec())),
    );
    expect(e.kind).toBe('not-found');
  });

  it('submitFrom a stored WorkflowTemplate with parameters runs it with them', async () => {
    const c = client();
    await c.create(
      'WorkflowTemplate',
      manifest('WorkflowTemplate', { name: 'sub-1' }, chainSpec()),
    );
    const start = argo.requests.length;
    const wf = await c.submitFrom('WorkflowTemplate', 'sub-1', { msg: 'from-param' });
    expect(since(start)[0]).toMatchObject({
      method: 'POST',
      path: '/api/v1/workflows/argo/submit',
      body: {
        namespace: 'argo',
        resourceKind: 'WorkflowTemplate',
        resourceName: 'sub-1',
        submitOptions: { parameters: ['msg=from-param'] },
      },
    });
    expect(nameOf(wf)).toMatch(/^sub-1-/);
    expect(meta(wf).labels['workflows.argoproj.io/workflow-template']).toBe('sub-1');
    const done = await waitFor(nameOf(wf));
    expect(phaseOf(done)).toBe('Succeeded');
    const pod = runState(done).tasks.get('a')!.podName;
    const lines: LogEntry[] = [];
    await c.logs(nameOf(wf), { podName: pod }, (e) => lines.push(e));
    expect(lines.map((l) => l.content)).toContain('+ echo from-param');
  });

  it("getWorkflow: found, and 404 is kind 'not-found'", async () => {
    const c = client();
    const name = await createChain(c);
    expect(nameOf(await c.getWorkflow(name))).toBe(name);
    const e = await failure(c.getWorkflow('no-such-workflow'));
    expect(e).toMatchObject({ kind: 'not-found', status: 404, code: 5 });
    await waitFor(name);
  });
});

describe('run lifecycle', () => {
  it('stop and terminate end a running workflow as Failed', async () => {
    const c = client();
    for (const action of ['stop', 'terminate'] as const) {
      argo.pause(); // the workflow runs until it is stopped, however slow the machine
      const name = await createChain(c);
      argo.step();
      expect(phaseOf(await c.getWorkflow(name))).toBe('Running');
      const answer = await c[action](name);
      expect((answer.spec as ArgoObject).shutdown).toBe(action === 'stop' ? 'Stop' : 'Terminate');
      argo.resume();
      const done = await waitFor(name);
      expect(phaseOf(done)).toBe('Failed');
      expect(runState(done).message).toBe(
        `Stopped with strategy '${action === 'stop' ? 'Stop' : 'Terminate'}'`,
      );
      // A finished workflow cannot be shut down: 500 code 13.
      expect((await failure(c[action](name))).kind).toBe('server');
    }
  });

  it('retry re-runs a failed workflow; retry of a running one is refused', async () => {
    const c = client();
    argo.setFailTasks(['b']);
    argo.pause(); // still running when the first retry comes
    const name = await createChain(c);
    argo.step();
    expect((await failure(c.retry(name))).kind).toBe('invalid');
    argo.resume();
    const failed = await waitFor(name);
    expect(phaseOf(failed)).toBe('Failed');
    expect(Object.fromEntries(runState(failed).tasks)).toMatchObject({
      a: { phase: 'Succeeded' },
      b: { phase: 'Failed', message: 'Error (exit code 1)' },
      c: { phase: 'Omitted' },
    });
    argo.setFailTasks([]);
    const retried = await c.retry(name);
    expect(nameOf(retried)).toBe(name);
    expect(phaseOf(retried)).toBe('Running');
    expect(phaseOf(await waitFor(name))).toBe('Succeeded');
  });

  it('resubmit starts a new workflow from an old one', async () => {
    const c = client();
    const name = await createChain(c);
    await waitFor(name);
    const again = await c.resubmit(name);
    expect(nameOf(again)).not.toBe(name);
    expect(meta(again).labels['workflows.argoproj.io/resubmitted-from-workflow']).toBe(name);
    expect(phaseOf(await waitFor(nameOf(again)))).toBe('Succeeded');
  });
});

// ---------------------------------------------------------------- streams

describe('watch', () => {
  it('delivers events in order until the run finishes', async () => {
    const c = client();
    argo.pause(); // the run starts once the stream is there: it sees every step
    const name = await createChain(c);
    const events: WatchEvent[] = [];
    const controller = new AbortController();
    const watching = c.watch(
      name,
      (e) => {
        events.push(e);
        if (events.length === 1) argo.resume();
        if (FINAL.includes(phaseOf(e.object))) controller.abort();
      },
      controller.signal,
    );
    // The server keeps the stream open after the run ends: aborting is how it stops.
    await expect(watching).rejects.toMatchObject({ name: 'AbortError' });
    expect(events[0]?.type).toBe('ADDED');
    expect(events.slice(1).every((e) => e.type === 'MODIFIED')).toBe(true);
    expect(events.every((e) => nameOf(e.object) === name)).toBe(true);
    const versions = events.map((e) => Number(meta(e.object).resourceVersion));
    expect(versions).toEqual([...versions].sort((x, y) => x - y));
    expect(new Set(versions).size).toBe(versions.length);
    const phases = events.map((e) => phaseOf(e.object));
    expect(phases.at(-1)).toBe('Succeeded');
    expect(phases.indexOf('Running')).toBeGreaterThanOrEqual(0);
    expect(phases.lastIndexOf('Pending')).toBeLessThan(phases.indexOf('Running'));
    const query = since(0).find((r) => r.path === '/api/v1/workflow-events/argo' && r.query);
    expect(decodeURIComponent(query!.query)).toContain('metadata.name=');
  });

  it('abort stops the stream: no event after it', async () => {
    const c = client();
    const name = await createChain(c);
    const controller = new AbortController();
    let count = 0;
    const watching = c.watch(
      name,
      () => {
        count++;
        controller.abort();
      },
      controller.signal,
    );
    await expect(watching).rejects.toMatchObject({ name: 'AbortError' });
    expect(count).toBe(1);
    await waitFor(name);
    expect(count).toBe(1);
  });

  // Found under load: two events arrived in one chunk and the second was
  // delivered after the first had aborted. Here they always share a chunk.
  it('abort stops the stream even between two events of one chunk', async () => {
    const line = (phase: string) =>
      JSON.stringify({ result: { type: 'MODIFIED', object: { status: { phase } } } });
    const oneChunk: FetchLike = () =>
      Promise.resolve(
        new Response(`${line('Pending')}\n${line('Running')}\n`, {
          status: 200,
          headers: { 'Content-Type': 'application/json' },
        }),
      );
    const controller = new AbortController();
    const seen: string[] = [];
    const watching = client({}, { fetch: oneChunk }).watch(
      'w',
      (e) => {
        seen.push(phaseOf(e.object));
        controller.abort();
      },
      controller.signal,
    );
    await expect(watching).rejects.toMatchObject({ name: 'AbortError' });
    expect(seen).toEqual(['Pending']);
  });

  it('an already aborted signal sends nothing', async () => {
    const start = argo.requests.length;
    const watching = client().watch('x', () => {}, AbortSignal.abort());
    await expect(watching).rejects.toMatchObject({ name: 'AbortError' });
    expect(since(start)).toEqual([]);
  });

  it("watching a missing workflow: the stream's 404 reads as 'not-found' with a clean message", async () => {
    const e = await failure(client().watch('no-such-workflow', () => {}));
    expect(e).toMatchObject({ kind: 'not-found', status: 404, code: 5 });
    expect(e.message).toBe('workflows.argoproj.io "no-such-workflow" not found');
  });
});

describe('logs', () => {
  it("one pod's logs, by the podName runState gives", async () => {
    const c = client();
    const name = await createChain(c);
    const done = await waitFor(name);
    const { podName } = runState(done).tasks.get('b')!;
    expect(podName).toMatch(new RegExp(`^${name}-echo-\\d+$`));
    const entries: LogEntry[] = [];
    await c.logs(name, { podName }, (e) => entries.push(e));
    expect(entries.length).toBeGreaterThan(0);
    expect(entries.every((e) => e.podName === podName)).toBe(true);
    expect(entries.map((e) => e.content)).toContain('+ echo from-b');
  });

  it("the whole workflow's logs without podName", async () => {
    const c = client();
    const name = await createChain(c);
    await waitFor(name);
    const entries: LogEntry[] = [];
    await c.logs(name, {}, (e) => entries.push(e));
    expect(new Set(entries.map((e) => e.podName)).size).toBe(3);
    expect(entries.map((e) => e.content)).toEqual(
      expect.arrayContaining(['+ echo hello', '+ echo from-b', '+ echo from-c']),
    );
  });

  it('follow: streams while the pod runs and ends when it finishes', async () => {
    const c = client();
    argo.pause(); // a stays Running until the stream follows it
    const name = await createChain(c);
    while (runState(argo.workflows.get(`argo/${name}`)!).tasks.get('a')?.phase !== 'Running')
      argo.step();
    const running = await c.getWorkflow(name);
    const { podName } = runState(running).tasks.get('a')!;
    expect(runState(running).tasks.get('a')?.phase).toBe('Running');
    const start = argo.requests.length;
    const entries: LogEntry[] = [];
    const following = c.logs(name, { podName, follow: true }, (e) => entries.push(e));
    await vi.waitFor(() => expect(since(start).some((r) => r.path.endsWith('/log'))).toBe(true), {
      timeout: WAIT_MS,
    });
    argo.resume();
    await following;
    const { query } = since(start).find((r) => r.path.endsWith('/log'))!;
    expect(new URLSearchParams(query).get('logOptions.follow')).toBe('true');
    expect(entries.map((e) => e.content).at(-1)).toMatch(/sub-process exited/);
    expect(runState(await c.getWorkflow(name)).tasks.get('a')?.phase).toBe('Succeeded');
    await waitFor(name);
  });
});

// ---------------------------------------------------------------- errors

/** A fetch answering every call with `body` (a string, or lines for a stream). */
function fakeFetch(status: number, body: string, contentType = 'text/html'): FetchLike {
  return () =>
    Promise.resolve(new Response(body, { status, headers: { 'Content-Type': contentType } }));
}

describe('error kinds', () => {
  it("a wrong token is 'unauthorized' (401)", async () => {
    const e = await failure(client({ token: 'wrong' }).version());
    expect(e).toMatchObject({ kind: 'unauthorized', status: 401, code: 16 });
  });

  it("no token at all: no Authorization header, and 'unauthorized'", async () => {
    const start = argo.requests.length;
    const e = await failure(client({ token: undefined }).version());
    expect(e.kind).toBe('unauthorized');
    expect(since(start)[0]?.authorization).toBeUndefined();
  });

  it("a namespace the token may not use is 'forbidden' (403)", async () => {
    const e = await failure(client({ namespace: 'other' }).create('Workflow', chain()));
    expect(e).toMatchObject({ kind: 'forbidden', status: 403, code: 7 });
    expect(e.message).toContain('in the namespace "other"');
    expect((await failure(client({ namespace: 'other' }).listWorkflows())).kind).toBe('forbidden');
  });

  it("a 500 or 503 fault is 'server'", async () => {
    argo.fault({ status: 500, times: 1 });
    expect(await failure(client().version())).toMatchObject({ kind: 'server', status: 500 });
    argo.fault({ status: 503, times: 1 });
    expect(await failure(client().version())).toMatchObject({ kind: 'server', status: 503 });
    expect((await client().version()).version).toBe('v4.1.2'); // times: 1 used up
  });

  it("a reply slower than timeoutMs is 'timeout'", async () => {
    // The reply is held far longer than any test waits: the client gives up first.
    argo.fault({ delayMs: WAIT_MS, path: /\/version$/ });
    const start = argo.requests.length;
    const e = await failure(client({}, { timeoutMs: 100 }).version());
    expect(e.kind).toBe('timeout');
    expect(e.message).toBe('no answer after 0.1 s');
    // given up before the server answered (status is set once the reply starts)
    expect(since(start)).toMatchObject([{ path: '/api/v1/version' }]);
    expect(since(start)[0]!.status).toBeUndefined();
  });

  it("a refused connection is 'network'", async () => {
    const port = await closedPort();
    const e = await failure(client({ server: `http://127.0.0.1:${port}` }).version());
    expect(e.kind).toBe('network');
    expect(e.status).toBeUndefined();
  });

  it("a proxy's HTML page: the message loses its tags", async () => {
    const html =
      '<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center><hr><center>nginx</center></body></html>';
    const e = await failure(client({}, { fetch: fakeFetch(502, html) }).version());
    expect(e).toMatchObject({ kind: 'server', status: 502 });
    expect(e.message).not.toMatch(/[<>]/);
    expect(e.message).toBe('502 Bad Gateway 502 Bad Gateway nginx');
  });

  it("a 200 that is not JSON is 'bad-reply'", async () => {
    const e = await failure(client({}, { fetch: fakeFetch(200, '<html>login</html>') }).version());
    expect(e.kind).toBe('bad-reply');
    expect(e.message).toContain('/api/v1/version');
  });

  it('a stream\'s {"error": ...} line throws after the results before it', async () => {
    const lines = [
      JSON.stringify({ result: { type: 'ADDED', object: { metadata: { name: 'w' } } } }),
      JSON.stringify({ error: { grpc_code: 13, http_code: 500, message: 'watch broke' } }),
      JSON.stringify({ result: { type: 'MODIFIED', object: {} } }),
    ].join('\n');
    const c = client({}, { fetch: fakeFetch(200, lines, 'application/json') });
    const events: WatchEvent[] = [];
    const e = await failure(c.watch('w', (ev) => events.push(ev)));
    expect(e).toMatchObject({ kind: 'server', message: 'watch broke', code: 13 });
    expect(events.map((ev) => ev.type)).toEqual(['ADDED']);
  });

  it('a stream line that is not JSON is bad-reply; SSE "data:" lines are read', async () => {
    const sse = `data: ${JSON.stringify({ result: { content: 'hi', podName: 'p' } })}\n\n`;
    const entries: LogEntry[] = [];
    await client({}, { fetch: fakeFetch(200, sse, 'text/event-stream') }).logs('w', {}, (e) =>
      entries.push(e),
    );
    expect(entries).toEqual([{ content: 'hi', podName: 'p' }]);
    const bad = client({}, { fetch: fakeFetch(200, 'oops\n', 'application/json') });
    expect((await failure(bad.logs('w', {}, () => {}))).kind).toBe('bad-reply');
  });

  it("a body over 3 MiB is 'too-large' (Argo answers 400 'Request entity too large')", async () => {
    const big = chain();
    meta(big).annotations = { filler: 'x'.repeat(3 * 1024 * 1024) };
    const e = await failure(client().create('Workflow', big));
    expect(e).toMatchObject({ kind: 'too-large', status: 400 });
  });
});

describe('the token', () => {
  it('goes only into "Authorization: Bearer ...", never into a URL', async () => {
    const c = client();
    const name = await createChain(c);
    await waitFor(name);
    await c.logs(name, {}, () => {});
    const mine = argo.requests.filter((r) => r.authorization !== undefined);
    expect(mine.length).toBeGreaterThan(5);
    for (const r of argo.requests) {
      expect(r.path + r.query).not.toContain(TOKEN);
      expect(JSON.stringify(r.body ?? '')).not.toContain(TOKEN);
    }
    const valid = argo.requests.filter((r) => r.authorization?.includes(TOKEN));
    expect(valid.every((r) => r.authorization === `Bearer ${TOKEN}`)).toBe(true);
  });

  it('a token that already starts with "Bearer " is not prefixed twice', async () => {
    const start = argo.requests.length;
    await client({ token: `Bearer ${TOKEN}` }).version();
    await client({ token: `  ${TOKEN}\n` }).version();
    expect(since(start).map((r) => r.authorization)).toEqual([
      `Bearer ${TOKEN}`,
      `Bearer ${TOKEN}`,
    ]);
  });

  it('a trailing slash on the server address is dropped', async () => {
    expect((await client({ server: `${argo.url}/` }).version()).version).toBe('v4.1.2');
  });
});

// ---------------------------------------------------------------- explainError

describe('explainError', () => {
  const ctx = { server: 'https://argo.example:2746', namespace: 'team-a' };
  const err = (kind: ArgoApiError['kind'], message = 'detail', status?: number) =>
    new ArgoApiError(kind, message, status);

  it('network in the browser: CORS and proxy advice', () => {
    const text = explainError(err('network', 'Failed to fetch'), ctx);
    expect(text).toContain('https://argo.example:2746');
    expect(text).toMatch(/CORS/);
    expect(text).toContain('14099');
    expect(text).toMatch(/proxy/);
    expect(text).toContain('ARGO_SERVER=');
  });

  it('network in the CLI (browser: false): no CORS or proxy advice', () => {
    const text = explainError(err('network', 'fetch failed'), { ...ctx, browser: false });
    expect(text).toContain('Could not reach the Argo Server at https://argo.example:2746');
    expect(text).toContain('fetch failed');
    expect(text).toContain('2746');
    expect(text).not.toMatch(/CORS|proxy|browser/i);
  });

  it('an empty server means the app’s own address', () => {
    expect(explainError(err('network'), { ...ctx, server: '' })).toContain('own address');
  });

  it.each([
    ['unauthorized', 401, ['401', 'token', 'argo auth token']],
    ['forbidden', 403, ['403', 'namespace "team-a"', 'RoleBinding']],
    ['tls', 502, ['certificate', 'ARGO_INSECURE=1']],
    ['timeout', undefined, ['did not answer in time']],
    ['not-found', 404, ['Not found (404)']],
    ['conflict', 409, ['Already exists (409)']],
    ['invalid', 400, ['rejected the workflow']],
    ['too-large', 400, ['3 MiB', 'WorkflowTemplates']],
    ['server', 500, ['HTTP 500']],
    ['bad-reply', 200, ['cannot read']],
  ] as const)('%s mentions %j', (kind, status, words) => {
    const text = explainError(err(kind, 'detail', status), ctx);
    for (const w of words) expect(text).toContain(w);
    expect(text).toContain('detail');
  });

  it("Argo's own 404 (grpc code 5) stays a plain not found", () => {
    const text = explainError(new ArgoApiError('not-found', 'workflow x not found', 404, 5), ctx);
    expect(text).toBe('Not found (404): workflow x not found');
  });

  it('a bare 404 at the app’s own address says no Argo Server is behind it, and how to start one', () => {
    const bare = errorFromReply(404, '');
    const text = explainError(bare, { ...ctx, server: '' });
    expect(text).toContain('no Argo Server is behind this app');
    expect(text).toContain('ARGO_SERVER=');
    expect(text).toContain('docs/deploy.md');
    expect(text).toContain('Server…');
    expect(text).not.toMatch(/^Not found \(404\): HTTP 404$/);
  });

  it('a bare 404 from a configured address asks to check it; the CLI gets no proxy advice', () => {
    const html = errorFromReply(404, '<html><body>404 page not found</body></html>');
    const browser = explainError(html, ctx);
    expect(browser).toContain('not an answer of an Argo Server');
    expect(browser).toContain('https://argo.example:2746');
    expect(browser).toContain('404 page not found');
    const cli = explainError(html, { ...ctx, browser: false });
    expect(cli).toContain('2746');
    expect(cli).not.toMatch(/proxy|Server…/);
  });

  it('anything else is an unexpected error', () => {
    expect(explainError(new Error('boom'), ctx)).toBe('Unexpected error: boom');
  });

  it('the real 401 and 403 replies of the double read well', async () => {
    const e401 = await failure(client({ token: 'wrong' }).version());
    expect(explainError(e401, ctx)).toMatch(/rejected the token \(401\): token not valid/);
    const e403 = await failure(client({ namespace: 'team-a' }).listWorkflows());
    expect(explainError(e403, ctx)).toContain('no rights in namespace "team-a" (403)');
  });
});

describe('errorFromReply', () => {
  it.each([
    [400, '{"code":3,"message":"bad"}', 'invalid', 'bad'],
    [401, '{"code":16,"message":"token not valid"}', 'unauthorized', 'token not valid'],
    [403, '{"code":7,"message":"forbidden"}', 'forbidden', 'forbidden'],
    [404, '{"code":5,"message":"Not Found"}', 'not-found', 'Not Found'],
    [409, '{"code":6,"message":"exists"}', 'conflict', 'exists'],
    [
      413,
      '<html><h1>413 Request Entity Too Large</h1></html>',
      'too-large',
      '413 Request Entity Too Large',
    ],
    [500, '{"code":2,"message":"lint says no"}', 'invalid', 'lint says no'],
    [500, '{"code":13,"message":"oops"}', 'server', 'oops'],
    [
      502,
      'x509: certificate signed by unknown authority',
      'tls',
      'x509: certificate signed by unknown authority',
    ],
    [501, '{"code":12,"message":"Method Not Allowed"}', 'server', 'Method Not Allowed'],
    [418, '', 'invalid', 'HTTP 418'],
    [
      401,
      '{"error":{"grpc_code":16,"http_code":401,"message":"token not valid"}}',
      'unauthorized',
      'token not valid',
    ],
  ] as const)('%i %s -> %s', (status, body, kind, message) => {
    expect(errorFromReply(status, body)).toMatchObject({ kind, message, status });
  });
});
