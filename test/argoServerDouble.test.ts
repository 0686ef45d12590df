// Tests of the Argo Server TEST DOUBLE itself (test/support/argoServerDouble.ts),
// through plain fetch: every route's happy and error path, the simulated DAG
// run seen through the event stream (NDJSON and SSE), logs, faults, and the
// stop/terminate/retry/resubmit lifecycle, and the controller's clock (pause,
// step, resume). stepMs is 20, so a 3-task chain finishes in about 150 ms on a
// quiet machine; a test that must act while a run is in a given state pauses
// the controller and steps it, so what it sees does not depend on speed.
//
//   chain:  a --> b --> c      (echo template, one input parameter)
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { describe, expect, it, vi } from 'vitest';
import { argoNodeId, argoPodName, type ArgoObject } from './support/argoServerDouble';
import { chainSpec, task, useArgoServerDouble } from './support/doubleFixture';
import { hasShared } from './support/sharedData';
import { TIMEOUT, WAIT_MS } from './support/timeouts';

// Many tests follow a simulated run to its end: wall time that a loaded machine
// stretches (test/support/timeouts.ts).
vi.setConfig({ testTimeout: TIMEOUT.run });

const TOKEN = 'test-token';
const AUTH = { Authorization: `Bearer ${TOKEN}` };
const argo = useArgoServerDouble({ stepMs: 20 });

type Init = { method?: string; json?: unknown; body?: string; headers?: Record<string, string> };

async function call(
  path: string,
  init: Init = {},
): Promise<{ status: number; body: ArgoObject; res: Response }> {
  const headers: Record<string, string> = { ...AUTH, ...init.headers };
  const body = init.json !== undefined ? JSON.stringify(init.json) : init.body;
  const res = await fetch(argo.url + path, {
    method: init.method ?? (body === undefined ? 'GET' : 'POST'),
    headers,
    ...(body !== undefined ? { body } : {}),
  });
  return { status: res.status, body: (await res.json()) as ArgoObject, res };
}

function chain(metadata: ArgoObject = { generateName: 'chain-' }): ArgoObject {
  return { apiVersion: 'argoproj.io/v1alpha1', kind: 'Workflow', metadata, spec: chainSpec() };
}

async function create(wf = chain()): Promise<ArgoObject> {
  const { status, body } = await call('/api/v1/workflows/argo', { json: { workflow: wf } });
  expect(status).toBe(200);
  return body;
}

async function waitFor(name: string, ok: (wf: ArgoObject) => boolean): Promise<ArgoObject> {
  const until = Date.now() + WAIT_MS;
  for (;;) {
    const { body } = await call(`/api/v1/workflows/argo/${name}`);
    if (ok(body)) return body;
    if (Date.now() > until) throw new Error(`${name}: timed out in phase ${body.status?.phase}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}
const finished = (wf: ArgoObject) => ['Succeeded', 'Failed', 'Error'].includes(wf.status?.phase);
const byTask = (wf: ArgoObject): Record<string, ArgoObject> =>
  Object.fromEntries(
    Object.values(wf.status?.nodes ?? {}).map((n) => [(n as ArgoObject).displayName, n]),
  );

/** Reads a stream as frames: lines (NDJSON) or `data: ...` blocks (SSE); stops when `stop` says so. */
async function readStream(
  res: Response,
  sse: boolean,
  stop: (result: ArgoObject) => boolean = () => false,
): Promise<{ results: ArgoObject[]; error?: Error }> {
  const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
  const sep = sse ? '\n\n' : '\n';
  const results: ArgoObject[] = [];
  let buf = '';
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return { results };
      buf += value;
      for (let i = buf.indexOf(sep); i >= 0; i = buf.indexOf(sep)) {
        const frame = buf.slice(0, i);
        buf = buf.slice(i + sep.length);
        if (sse) expect(frame.startsWith('data: ')).toBe(true);
        const result = (JSON.parse(sse ? frame.slice(6) : frame) as ArgoObject).result;
        results.push(result);
        if (stop(result)) {
          await reader.cancel();
          return { results };
        }
      }
    }
  } catch (error) {
    return { results, error: error as Error };
  }
}

function watch(query = '', sse = false): Promise<Response> {
  return fetch(`${argo.url}/api/v1/workflow-events/argo${query}`, {
    headers: { ...AUTH, ...(sse ? { Accept: 'text/event-stream' } : {}) },
  });
}

/** Index of the first event in which `task` has `phase`. */
function firstIndex(events: ArgoObject[], taskName: string, phase: string): number {
  return events.findIndex((e) => byTask(e.object)[taskName]?.phase === phase);
}

describe('auth, routing and CORS', () => {
  it('serves version and userinfo with the token', async () => {
    const v = await call('/api/v1/version');
    expect(v.status).toBe(200);
    expect(v.body).toMatchObject({ version: 'v4.1.2', gitTag: 'v4.1.2', compiler: 'gc' });
    const u = await call('/api/v1/userinfo');
    expect(u.body).toMatchObject({
      subject: 'system:serviceaccount:argo:argo-ui',
      serviceAccountName: 'argo-ui',
    });
  });

  it('answers 401 code 16 without a token or with a wrong one', async () => {
    for (const headers of [{ Authorization: '' }, { Authorization: 'Bearer nope' }]) {
      const { status, body } = await call('/api/v1/version', { headers });
      expect(status).toBe(401);
      expect(body).toEqual({
        code: 16,
        message: 'token not valid. see https://argo-workflows.readthedocs.io/en/latest/faq/',
      });
    }
  });

  it('answers 403 code 7 in a namespace the token may not use', async () => {
    const created = await call('/api/v1/workflows/other', { json: { workflow: chain() } });
    expect(created.status).toBe(403);
    expect(created.body).toEqual({
      code: 7,
      message:
        'workflows.argoproj.io is forbidden: User "system:serviceaccount:argo:argo-ui" cannot create resource "workflows" in API group "argoproj.io" in the namespace "other"',
    });
    const got = await call('/api/v1/workflows/other/x');
    expect(got.body.message).toMatch(/^workflows\.argoproj\.io "x" is forbidden: .* cannot get /);
  });

  it('answers unknown routes 404, other methods 501, and sends no CORS headers', async () => {
    const unknown = await call('/api/v1/nothing-here');
    expect(unknown.status).toBe(404);
    expect(unknown.body).toEqual({ code: 5, message: 'Not Found' });
    const preflight = await fetch(`${argo.url}/api/v1/workflows/argo`, {
      method: 'OPTIONS',
      headers: {
        Origin: 'http://localhost:5173',
        'Access-Control-Request-Method': 'POST',
        'Access-Control-Request-Headers': 'authorization,content-type',
      },
    });
    expect(preflight.status).toBe(501);
    expect(await preflight.json()).toEqual({ code: 12, message: 'Method Not Allowed' });
    const ok = await call('/api/v1/version', { headers: { Origin: 'http://localhost:5173' } });
    for (const res of [preflight, unknown.res, ok.res])
      for (const name of res.headers.keys()) expect(name).not.toMatch(/^access-control-/);
  });

  it('reports errors of streaming routes as grpc-gateway stream errors', async () => {
    const res = await fetch(`${argo.url}/api/v1/workflow-events/argo`);
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual({
      error: {
        grpc_code: 16,
        http_code: 401,
        message: 'token not valid. see https://argo-workflows.readthedocs.io/en/latest/faq/',
        http_status: 'Unauthorized',
      },
    });
    const missing = await call('/api/v1/workflows/argo/nope/log?podName=x');
    expect(missing.status).toBe(404);
    expect(missing.body.error).toMatchObject({
      grpc_code: 5,
      message: 'workflows.argoproj.io "nope" not found',
    });
  });

  it('records requests for assertions', async () => {
    await call('/api/v1/workflows/argo/lint', { json: { namespace: 'argo', workflow: chain() } });
    expect(argo.requests.at(-1)).toMatchObject({
      method: 'POST',
      path: '/api/v1/workflows/argo/lint',
      authorization: `Bearer ${TOKEN}`,
      body: { namespace: 'argo', workflow: { kind: 'Workflow' } },
      status: 200,
    });
  });
});

describe('lint and create', () => {
  it('lints a valid workflow to 200 and an invalid one to HTTP 500 code 2', async () => {
    const ok = await call('/api/v1/workflows/argo/lint', {
      json: { namespace: 'argo', workflow: chain() },
    });
    expect(ok.status).toBe(200);
    expect(ok.body.metadata).toMatchObject({ generateName: 'chain-', namespace: 'argo' });
    const wf = chain();
    wf.spec.templates[0].dag.tasks[1].depends = 'x';
    const bad = await call('/api/v1/workflows/argo/lint', {
      json: { namespace: 'argo', workflow: wf },
    });
    expect(bad.status).toBe(500);
    expect(bad.body).toEqual({
      code: 2,
      message: "templates.main.tasks.b dependency 'x' not defined",
    });
  });

  it.skipIf(!hasShared)('checks bodies against the Argo JSON schema', async () => {
    expect(argo.schemaValidation).toBe(true);
    const wf = chain();
    wf.spec.templates[1].container.args = 42;
    const bad = await call('/api/v1/workflows/argo/lint', { json: { workflow: wf } });
    expect(bad.body).toEqual({
      code: 2,
      message: '/spec/templates/1/container/args: must be array',
    });
  });

  it('creates a workflow with a generated name, metadata and a Pending status', async () => {
    const wf = await create();
    expect(wf.metadata.name).toMatch(/^chain-[a-z0-9]{5}$/);
    expect(wf.metadata).toMatchObject({ namespace: 'argo', generateName: 'chain-' });
    expect(wf.metadata.uid).toMatch(/^[0-9a-f-]{36}$/);
    expect(wf.metadata.creationTimestamp).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    expect(wf.status).toEqual({ phase: 'Pending' });
    expect(argo.workflows.has(`argo/${wf.metadata.name}`)).toBe(true);
  });

  it('rejects invalid, duplicate, malformed and oversized bodies', async () => {
    const invalid = chain();
    invalid.spec.templates[0].dag.tasks[2].depends = 'ghost';
    const r1 = await call('/api/v1/workflows/argo', { json: { workflow: invalid } });
    expect(r1.status).toBe(400);
    expect(r1.body).toEqual({
      code: 3,
      message: "templates.main.tasks.c dependency 'ghost' not defined",
    });

    await create(chain({ name: 'fixed-name' }));
    const r2 = await call('/api/v1/workflows/argo', {
      json: { workflow: chain({ name: 'fixed-name' }) },
    });
    expect(r2.status).toBe(409);
    expect(r2.body).toEqual({
      code: 6,
      message: 'workflows.argoproj.io "fixed-name" already exists',
    });

    const r3 = await call('/api/v1/workflows/argo', { body: '{"workflow": {' });
    expect(r3.status).toBe(400);
    expect(r3.body.code).toBe(3);

    const r4 = await call('/api/v1/workflows/argo', { json: {} });
    expect(r4.body).toEqual({ code: 3, message: 'workflow body not specified' });

    const big = chain();
    big.metadata.annotations = { filler: 'x'.repeat(3 * 1024 * 1024) };
    const r5 = await call('/api/v1/workflows/argo', { json: { workflow: big } });
    expect(r5.status).toBe(400);
    expect(r5.body).toEqual({ code: 3, message: 'Request entity too large: limit is 3145728' });
  });

  it('does not store a server dry run', async () => {
    const before = argo.workflows.size;
    const { status, body } = await call('/api/v1/workflows/argo', {
      json: { workflow: chain(), serverDryRun: true },
    });
    expect(status).toBe(200);
    expect(body.metadata.name).toMatch(/^chain-/);
    expect(argo.workflows.size).toBe(before);
  });

  it('lists and deletes workflows, telling watchers', async () => {
    const wf = await create();
    const name: string = wf.metadata.name;
    const list = await call('/api/v1/workflows/argo');
    expect(list.body.items.map((w: ArgoObject) => w.metadata.name)).toContain(name);
    const stream = await watch(`?listOptions.fieldSelector=metadata.name=${name}`);
    const del = await call(`/api/v1/workflows/argo/${name}`, { method: 'DELETE' });
    expect(del).toMatchObject({ status: 200, body: {} });
    const { results } = await readStream(stream, false, (r) => r.type === 'DELETED');
    expect(results.at(-1)).toMatchObject({ type: 'DELETED', object: { metadata: { name } } });
    expect((await call(`/api/v1/workflows/argo/${name}`)).status).toBe(404);
    expect((await call(`/api/v1/workflows/argo/${name}`, { method: 'DELETE' })).status).toBe(404);
  });

  it('answers 404 code 5 for a missing workflow', async () => {
    const { status, body } = await call('/api/v1/workflows/argo/nope');
    expect(status).toBe(404);
    expect(body).toEqual({ code: 5, message: 'workflows.argoproj.io "nope" not found' });
  });
});

describe('simulated run and event stream', () => {
  for (const sse of [false, true]) {
    it(`shows a 3-task DAG going Running -> Succeeded in dependency order (${sse ? 'SSE' : 'NDJSON'})`, async () => {
      const stream = await watch('', sse);
      expect(stream.headers.get('content-type')).toBe(
        sse ? 'text/event-stream' : 'application/json',
      );
      const wf = await create();
      const name: string = wf.metadata.name;
      const { results } = await readStream(
        stream,
        sse,
        (r) => r.object.metadata.name === name && r.object.status.phase === 'Succeeded',
      );
      const events = results.filter((r) => r.object.metadata.name === name);
      expect(events[0]).toMatchObject({ type: 'ADDED', object: { status: { phase: 'Pending' } } });
      expect(events.slice(1).every((e) => e.type === 'MODIFIED')).toBe(true);
      const phases = events.map((e) => e.object.status.phase);
      expect(phases).toContain('Running');
      expect(phases.at(-1)).toBe('Succeeded');
      // Each task runs only after its upstream task succeeded.
      expect(firstIndex(events, 'b', 'Pending')).toBeGreaterThan(
        firstIndex(events, 'a', 'Succeeded') - 1,
      );
      expect(firstIndex(events, 'b', 'Running')).toBeGreaterThan(
        firstIndex(events, 'a', 'Succeeded'),
      );
      expect(firstIndex(events, 'c', 'Running')).toBeGreaterThan(
        firstIndex(events, 'b', 'Succeeded'),
      );
      expect(firstIndex(events, 'a', 'Running')).toBeLessThan(firstIndex(events, 'a', 'Succeeded'));
      const last = events.at(-1)!.object;
      expect(last.status).toMatchObject({ progress: '3/3', startedAt: expect.any(String) });
      expect(last.status.finishedAt).toEqual(expect.any(String));
      const nodes = byTask(last);
      expect(nodes[name]).toMatchObject({
        id: name,
        name,
        type: 'DAG',
        templateName: 'main',
        phase: 'Succeeded',
        children: [argoNodeId(name, `${name}.a`)],
      });
      expect(nodes.b).toMatchObject({
        id: argoNodeId(name, `${name}.b`),
        name: `${name}.b`,
        displayName: 'b',
        type: 'Pod',
        templateName: 'echo',
        boundaryID: name,
        phase: 'Succeeded',
        inputs: { parameters: [{ name: 'm', value: 'from-b' }] },
      });
      expect(nodes.a!.inputs.parameters[0].value).toBe('hello');
      expect(last.metadata.labels).toMatchObject({
        'workflows.argoproj.io/phase': 'Succeeded',
        'workflows.argoproj.io/completed': 'true',
      });
    });
  }

  it('watches one workflow by field selector, starting with its current state', async () => {
    const wf = await create();
    const name: string = wf.metadata.name;
    await waitFor(name, finished);
    const res = await watch(`?listOptions.fieldSelector=metadata.name=${name}`);
    const { results } = await readStream(res, false, () => true);
    expect(results).toHaveLength(1);
    expect(results[0]).toMatchObject({
      type: 'ADDED',
      object: { metadata: { name }, status: { phase: 'Succeeded' } },
    });
    const missing = await watch('?listOptions.fieldSelector=metadata.name=nope');
    expect(missing.status).toBe(404);
  });

  it('fails a failTasks task, omits what depends on it, and its logs say so', async () => {
    argo.setFailTasks(['b']);
    const wf = await create();
    const name: string = wf.metadata.name;
    const done = await waitFor(name, finished);
    const nodes = byTask(done);
    const bId = argoNodeId(name, `${name}.b`);
    expect(done.status.phase).toBe('Failed');
    expect(done.status.message).toBe(`child '${bId}' failed`);
    expect(nodes.a!.phase).toBe('Succeeded');
    expect(nodes.b).toMatchObject({ phase: 'Failed', message: 'Error (exit code 1)' });
    expect(nodes.c).toMatchObject({ phase: 'Omitted', type: 'Skipped' });
    expect(done.status.progress).toBe('2/2');

    const logs = await fetch(
      `${argo.url}/api/v1/workflows/argo/${name}/log?podName=${bId}&logOptions.container=main`,
      {
        headers: AUTH,
      },
    );
    const { results } = await readStream(logs, false);
    const text = results.map((r) => r.content).join('\n');
    expect(text).toContain('running image alpine:3.20');
    expect(text).toContain('+ echo from-b');
    expect(text).toContain('task b failed: Error (exit code 1)');
    expect(new Set(results.map((r) => r.podName))).toEqual(
      new Set([argoPodName(name, 'echo', `${name}.b`)]),
    );
  });

  it('streams all logs, and follows one pod until it finishes', async () => {
    const wf = await create();
    const name: string = wf.metadata.name;
    const podName = argoPodName(name, 'echo', `${name}.c`);
    const res = await fetch(
      `${argo.url}/api/v1/workflows/argo/${name}/log?podName=${podName}&logOptions.container=main&logOptions.follow=true`,
      { headers: AUTH },
    );
    const { results, error } = await readStream(res, false);
    expect(error).toBeUndefined();
    expect(results.map((r) => r.content)).toEqual([
      expect.stringContaining('level=info msg="running image alpine:3.20"'),
      '+ echo from-c',
      expect.stringContaining('msg="sub-process exited" argo=true error="<nil>"'),
    ]);
    expect(byTask(argo.workflows.get(`argo/${name}`)!).c!.phase).toBe('Succeeded');

    const all = await fetch(
      `${argo.url}/api/v1/workflows/argo/${name}/log?logOptions.container=main`,
      {
        headers: AUTH,
      },
    );
    const everything = (await readStream(all, false)).results.map((r) => r.content);
    expect(everything.filter((l) => l.startsWith('+ echo'))).toEqual([
      '+ echo hello',
      '+ echo from-b',
      '+ echo from-c',
    ]);
  });

  it('runs a workflow whose entrypoint is not a DAG as one pod', async () => {
    const wf = await create({
      apiVersion: 'argoproj.io/v1alpha1',
      kind: 'Workflow',
      metadata: { generateName: 'single-' },
      spec: {
        entrypoint: 'hello',
        templates: [{ name: 'hello', container: { image: 'busybox', command: ['date'] } }],
      },
    });
    const done = await waitFor(wf.metadata.name, finished);
    expect(done.status.phase).toBe('Succeeded');
    expect(Object.values(done.status.nodes)).toEqual([
      expect.objectContaining({
        id: wf.metadata.name,
        type: 'Pod',
        templateName: 'hello',
        phase: 'Succeeded',
      }),
    ]);
  });

  it('cuts a stream abruptly with dropStreamAfterEvents', async () => {
    await create();
    argo.fault({ dropStreamAfterEvents: 2 });
    const res = await watch();
    const { results, error } = await readStream(res, false);
    expect(results).toHaveLength(2);
    expect(error).toBeInstanceOf(Error);
  });
});

describe('stop, terminate, retry, resubmit', () => {
  for (const [action, strategy] of [
    ['stop', 'Stop'],
    ['terminate', 'Terminate'],
  ] as const) {
    it(`${action}s a running workflow on the next controller step`, async () => {
      // A 10-task chain (t0 -> ... -> t9), stepped until a task runs, then stopped
      // midway: the controller is paused, so it cannot run on in the meantime.
      const long = chain({ generateName: 'long-' });
      long.spec.templates[0].dag.tasks = Array.from({ length: 10 }, (_, i) =>
        task(`t${i}`, `step-${i}`, i > 0 ? `t${i - 1}` : undefined),
      );
      argo.pause();
      const wf = await create(long);
      const name: string = wf.metadata.name;
      const someRunning = (w: ArgoObject) =>
        Object.values(w.status?.nodes ?? {}).some((n) => (n as ArgoObject).phase === 'Running');
      for (let i = 0; i < 5 && !someRunning(argo.workflows.get(`argo/${name}`)!); i++) argo.step();
      expect(someRunning((await call(`/api/v1/workflows/argo/${name}`)).body)).toBe(true);
      const put = await call(`/api/v1/workflows/argo/${name}/${action}`, {
        method: 'PUT',
        json: { name, namespace: 'argo' },
      });
      expect(put.status).toBe(200);
      expect(put.body.spec.shutdown).toBe(strategy);
      argo.resume();
      const done = await waitFor(name, finished);
      const message = `Stopped with strategy '${strategy}'`;
      expect(done.status).toMatchObject({ phase: 'Failed', message });
      const stopped = Object.values(done.status.nodes as Record<string, ArgoObject>).filter(
        (n) => n.phase !== 'Succeeded',
      );
      expect(stopped.length).toBeGreaterThan(0);
      for (const n of stopped) expect(n).toMatchObject({ phase: 'Failed', message });
      expect(byTask(done).t9).toBeUndefined(); // never scheduled

      const again = await call(`/api/v1/workflows/argo/${name}/${action}`, {
        method: 'PUT',
        json: {},
      });
      expect(again.status).toBe(500);
      expect(again.body).toEqual({
        code: 13,
        message: `cannot shutdown a completed workflow: workflow: "${name}", namespace: "argo"`,
      });
    });
  }

  it('retries only failed workflows, re-running the failed tasks', async () => {
    argo.pause(); // still Pending or Running when the early retry comes
    const running = await create();
    argo.step();
    const early = await call(`/api/v1/workflows/argo/${running.metadata.name}/retry`, {
      method: 'PUT',
      json: {},
    });
    expect(early.status).toBe(400);
    expect(early.body).toMatchObject({
      code: 3,
      message: expect.stringMatching(/^Cannot retry a workflow in phase (Pending|Running)$/),
    });
    argo.resume();

    argo.setFailTasks(['b']);
    const wf = await create();
    const name: string = wf.metadata.name;
    const failed = await waitFor(name, finished);
    const aBefore = byTask(failed).a;

    const retryPath = `/api/v1/workflows/argo/${name}/retry`;
    const first = await call(retryPath, { method: 'PUT', json: { name, namespace: 'argo' } });
    expect(first.status).toBe(200);
    expect(first.body.status.phase).toBe('Running');
    // Succeeded nodes are kept as they were (only links to removed nodes go).
    const { children: _children, ...kept } = aBefore!;
    expect(byTask(first.body).a).toMatchObject({ ...kept, phase: 'Succeeded' });
    expect(byTask(first.body).b).toBeUndefined();
    expect((await waitFor(name, finished)).status.phase).toBe('Failed'); // b still fails

    argo.setFailTasks([]);
    await call(retryPath, { method: 'PUT', json: {} });
    const done = await waitFor(name, finished);
    expect(done.status.phase).toBe('Succeeded');
    expect(Object.values(byTask(done)).map((n) => n.phase)).toEqual([
      'Succeeded',
      'Succeeded',
      'Succeeded',
      'Succeeded',
    ]);

    const again = await call(retryPath, { method: 'PUT', json: {} });
    expect(again.body).toEqual({
      code: 3,
      message:
        'To retry a succeeded workflow, set the options restartSuccessful and nodeFieldSelector',
    });
  });

  it('resubmits a workflow as a new one that runs again', async () => {
    const wf = await create();
    const name: string = wf.metadata.name;
    await waitFor(name, finished);
    const memo = await call(`/api/v1/workflows/argo/${name}/resubmit`, {
      method: 'PUT',
      json: { memoized: true },
    });
    expect(memo.body).toEqual({
      code: 3,
      message: 'workflow must be Failed/Error to resubmit in memoized mode',
    });
    const { status, body } = await call(`/api/v1/workflows/argo/${name}/resubmit`, {
      method: 'PUT',
      json: { name, namespace: 'argo', parameters: ['msg=again'] },
    });
    expect(status).toBe(200);
    expect(body.metadata.name).toMatch(/^chain-[a-z0-9]{5}$/);
    expect(body.metadata.name).not.toBe(name);
    expect(body.metadata.labels['workflows.argoproj.io/resubmitted-from-workflow']).toBe(name);
    const done = await waitFor(body.metadata.name, finished);
    expect(done.status.phase).toBe('Succeeded');
    expect(byTask(done).a!.inputs.parameters[0].value).toBe('again');
  });

  it('answers 404 for lifecycle actions on a missing workflow', async () => {
    for (const action of ['stop', 'terminate', 'retry', 'resubmit']) {
      const { status, body } = await call(`/api/v1/workflows/argo/nope/${action}`, {
        method: 'PUT',
        json: {},
      });
      expect(status).toBe(404);
      expect(body.code).toBe(5);
    }
  });
});

describe("the controller's clock", () => {
  const phase = (name: string) => argo.workflows.get(`argo/${name}`)!.status.phase as string;
  const taskPhase = (name: string, t: string) =>
    byTask(argo.workflows.get(`argo/${name}`)!)[t]?.phase;

  it('pause holds every run, step moves each one step, resume lets them run on', async () => {
    argo.pause();
    const name: string = (await create()).metadata.name;
    await new Promise((r) => setTimeout(r, 100)); // five steps' worth of time: nothing moves
    expect(phase(name)).toBe('Pending');
    argo.step();
    expect(phase(name)).toBe('Running');
    expect(taskPhase(name, 'a')).toBe('Pending');
    argo.step();
    expect(taskPhase(name, 'a')).toBe('Running');
    await new Promise((r) => setTimeout(r, 100));
    expect(taskPhase(name, 'a')).toBe('Running');
    argo.resume();
    expect((await waitFor(name, finished)).status.phase).toBe('Succeeded');
  });

  it('pause(namespace) holds only the runs of that namespace', async () => {
    argo.pause('elsewhere');
    const free: string = (await create()).metadata.name;
    expect((await waitFor(free, finished)).status.phase).toBe('Succeeded');
    argo.pause('argo');
    const held: string = (await create()).metadata.name;
    await new Promise((r) => setTimeout(r, 100));
    expect(phase(held)).toBe('Pending');
    argo.step('elsewhere');
    expect(phase(held)).toBe('Pending');
    argo.step('argo');
    expect(phase(held)).toBe('Running');
    argo.resume('argo');
    expect((await waitFor(held, finished)).status.phase).toBe('Succeeded');
  });

  it('is driven over HTTP too: pause, step (answering every phase), resume', async () => {
    const control = (path: string) => fetch(`${argo.url}/__double/${path}`, { method: 'POST' });
    expect((await control('pause')).status).toBe(200);
    const name: string = (await create()).metadata.name;
    const stepped = (await (await control('step')).json()) as ArgoObject;
    expect(stepped[`argo/${name}`]).toEqual({ phase: 'Running', tasks: { a: 'Pending' } });
    const again = (await (await control('step')).json()) as ArgoObject;
    expect(again[`argo/${name}`]).toEqual({ phase: 'Running', tasks: { a: 'Running' } });
    expect((await control('resume')).status).toBe(200);
    expect((await waitFor(name, finished)).status.phase).toBe('Succeeded');
  });
});

describe('workflow templates, cron workflows and submit', () => {
  const template = (name: string) => ({
    apiVersion: 'argoproj.io/v1alpha1',
    kind: 'WorkflowTemplate',
    metadata: { name },
    spec: chainSpec(),
  });

  it('creates, reads, updates and submits a WorkflowTemplate', async () => {
    const created = await call('/api/v1/workflow-templates/argo', {
      json: { template: template('wt-chain') },
    });
    expect(created.status).toBe(200);
    expect(created.body.metadata).toMatchObject({
      name: 'wt-chain',
      namespace: 'argo',
      generation: 1,
    });
    const dup = await call('/api/v1/workflow-templates/argo', {
      json: { template: template('wt-chain') },
    });
    expect(dup.body).toEqual({
      code: 6,
      message: 'workflowtemplates.argoproj.io "wt-chain" already exists',
    });
    const got = await call('/api/v1/workflow-templates/argo/wt-chain');
    expect(got.body.spec.entrypoint).toBe('main');
    const missing = await call('/api/v1/workflow-templates/argo/nope');
    expect(missing.body).toEqual({
      code: 5,
      message: 'workflowtemplates.argoproj.io "nope" not found',
    });

    const edited = template('wt-chain');
    edited.spec.arguments.parameters[0].value = 'updated';
    const noVersion = await call('/api/v1/workflow-templates/argo/wt-chain', {
      method: 'PUT',
      json: { template: edited },
    });
    expect(noVersion.status).toBe(400);
    expect(noVersion.body.message).toContain(
      'metadata.resourceVersion: Invalid value: 0x0: must be specified for an update',
    );
    const withVersion = {
      ...edited,
      metadata: { ...edited.metadata, resourceVersion: got.body.metadata.resourceVersion },
    };
    const updated = await call('/api/v1/workflow-templates/argo/wt-chain', {
      method: 'PUT',
      json: { template: withVersion },
    });
    expect(updated.status).toBe(200);
    expect(updated.body.metadata.generation).toBe(2);
    expect(updated.body.metadata.uid).toBe(got.body.metadata.uid);
    const stale = await call('/api/v1/workflow-templates/argo/wt-chain', {
      method: 'PUT',
      json: { template: withVersion },
    });
    expect(stale.status).toBe(409);
    const absent = await call('/api/v1/workflow-templates/argo/wt-absent', {
      method: 'PUT',
      json: { template: { ...withVersion, metadata: { name: 'wt-absent', resourceVersion: '1' } } },
    });
    expect(absent.status).toBe(404);

    const submitted = await call('/api/v1/workflows/argo/submit', {
      json: {
        namespace: 'argo',
        resourceKind: 'WorkflowTemplate',
        resourceName: 'wt-chain',
        submitOptions: { parameters: ['msg=from-submit'] },
      },
    });
    expect(submitted.status).toBe(200);
    expect(submitted.body.metadata.name).toMatch(/^wt-chain-[a-z0-9]{5}$/);
    expect(submitted.body.metadata.labels['workflows.argoproj.io/workflow-template']).toBe(
      'wt-chain',
    );
    expect(submitted.body.spec).toEqual({
      workflowTemplateRef: { name: 'wt-chain' },
      arguments: { parameters: [{ name: 'msg', value: 'from-submit' }] },
    });
    const done = await waitFor(submitted.body.metadata.name, finished);
    expect(done.status.phase).toBe('Succeeded');
    expect(done.status.storedWorkflowTemplateSpec.templates).toHaveLength(2);
    expect(byTask(done).a!.inputs.parameters[0].value).toBe('from-submit');
  });

  it('rejects submits of missing templates, unknown kinds and malformed parameters', async () => {
    const submit = (json: ArgoObject) => call('/api/v1/workflows/argo/submit', { json });
    const missing = await submit({ resourceKind: 'WorkflowTemplate', resourceName: 'nope' });
    expect(missing.status).toBe(404);
    expect(missing.body).toEqual({
      code: 5,
      message: 'workflowtemplates.argoproj.io "nope" not found',
    });
    expect((await submit({ resourceKind: 'Pod', resourceName: 'x' })).status).toBe(400);
    await call('/api/v1/workflow-templates/argo', { json: { template: template('wt-params') } });
    const badParam = await submit({
      resourceKind: 'WorkflowTemplate',
      resourceName: 'wt-params',
      submitOptions: { parameters: ['novalue'] },
    });
    expect(badParam.status).toBe(400);
  });

  it('creates, reads, updates and submits a CronWorkflow', async () => {
    const cron = {
      apiVersion: 'argoproj.io/v1alpha1',
      kind: 'CronWorkflow',
      metadata: { name: 'nightly' },
      spec: { schedules: ['0 2 * * *'], workflowSpec: chainSpec() },
    };
    const created = await call('/api/v1/cron-workflows/argo', { json: { cronWorkflow: cron } });
    expect(created.status).toBe(200);
    const dup = await call('/api/v1/cron-workflows/argo', { json: { cronWorkflow: cron } });
    expect(dup.body).toEqual({
      code: 6,
      message: 'cronworkflows.argoproj.io "nightly" already exists',
    });
    const got = await call('/api/v1/cron-workflows/argo/nightly');
    const next = {
      ...cron,
      metadata: { name: 'nightly', resourceVersion: got.body.metadata.resourceVersion },
    };
    next.spec = { ...cron.spec, schedules: ['0 3 * * *'] };
    const put = await call('/api/v1/cron-workflows/argo/nightly', {
      method: 'PUT',
      json: { cronWorkflow: next },
    });
    expect(put.status).toBe(200);
    expect(put.body.spec.schedules).toEqual(['0 3 * * *']);
    expect((await call('/api/v1/cron-workflows/argo/nope')).status).toBe(404);

    const submitted = await call('/api/v1/workflows/argo/submit', {
      json: {
        resourceKind: 'CronWorkflow',
        resourceName: 'nightly',
        submitOptions: { parameters: ['msg=cron'] },
      },
    });
    expect(submitted.body.metadata.labels['workflows.argoproj.io/cron-workflow']).toBe('nightly');
    const done = await waitFor(submitted.body.metadata.name, finished);
    expect(done.status.phase).toBe('Succeeded');
    expect(byTask(done).a!.inputs.parameters[0].value).toBe('cron');
  });

  it('lints templates to 400 code 3 and lists with items null when empty', async () => {
    const broken = template('wt-broken');
    broken.spec.templates[0].dag.tasks[0].depends = 'zzz';
    const lint = await call('/api/v1/workflow-templates/argo/lint', { json: { template: broken } });
    expect(lint.status).toBe(400);
    expect(lint.body).toEqual({
      code: 3,
      message: "templates.main.tasks.a dependency 'zzz' not defined",
    });
    const empty = await call('/api/v1/cluster-workflow-templates');
    expect(empty.body.items).toBeNull();
    const cwt = { ...template('cwt-chain'), kind: 'ClusterWorkflowTemplate' };
    expect(
      (await call('/api/v1/cluster-workflow-templates', { json: { template: cwt } })).status,
    ).toBe(200);
    const submitted = await call('/api/v1/workflows/argo/submit', {
      json: { resourceKind: 'ClusterWorkflowTemplate', resourceName: 'cwt-chain' },
    });
    expect(submitted.body.spec.workflowTemplateRef).toEqual({
      name: 'cwt-chain',
      clusterScope: true,
    });
    expect((await waitFor(submitted.body.metadata.name, finished)).status.phase).toBe('Succeeded');
  });
});

describe('faults', () => {
  it('injects an HTTP status a number of times, optionally only on some paths', async () => {
    argo.fault({ status: 503, times: 1 });
    const first = await call('/api/v1/version');
    expect(first.status).toBe(503);
    expect(first.body.code).toBe(14);
    expect((await call('/api/v1/version')).status).toBe(200);

    argo.fault({ status: 500, path: /\/lint$/ });
    expect((await call('/api/v1/version')).status).toBe(200);
    const lint = await call('/api/v1/workflows/argo/lint', { json: { workflow: chain() } });
    expect(lint.status).toBe(500);
    expect(lint.body.code).toBe(13);

    argo.fault({ status: 401 });
    expect((await call('/api/v1/userinfo')).body.code).toBe(16);
  });

  it('delays responses', async () => {
    argo.fault({ delayMs: 150 });
    const start = performance.now();
    expect((await call('/api/v1/version')).status).toBe(200);
    expect(performance.now() - start).toBeGreaterThanOrEqual(140);
  });
});

describe('runArgoServerDouble (tsx entry)', () => {
  it(
    'starts on --port, prints where it listens, and takes faults over HTTP',
    async () => {
      const child = spawn(
        process.execPath,
        [
          '--import',
          'tsx',
          fileURLToPath(new URL('./support/runArgoServerDouble.ts', import.meta.url)),
          '--port',
          '0',
          '--token',
          'abc',
          '--step-ms',
          '20',
        ],
        { stdio: ['ignore', 'pipe', 'pipe'], cwd: fileURLToPath(new URL('..', import.meta.url)) },
      );
      let stderr = '';
      child.stderr!.setEncoding('utf8').on('data', (d: string) => (stderr += d));
      try {
        const lines = createInterface({ input: child.stdout! });
        // its first line, or how it ended without one
        const line = await Promise.race([
          once(lines, 'line').then(([l]) => l as string),
          once(child, 'exit').then(([code, signal]) => {
            throw new Error(`exited (${code ?? signal}) before listening; stderr:\n${stderr}`);
          }),
        ]);
        const m = /^argo-server-double listening on (http:\/\/127\.0\.0\.1:(\d+))$/.exec(line);
        expect(m).not.toBeNull();
        const base = m![1]!;
        const headers = { Authorization: 'Bearer abc' };
        expect((await fetch(`${base}/api/v1/version`, { headers })).status).toBe(200);
        await fetch(`${base}/__double/fault`, {
          method: 'POST',
          body: JSON.stringify({ status: 503, times: 1 }),
        });
        expect((await fetch(`${base}/api/v1/version`, { headers })).status).toBe(503);
        expect((await fetch(`${base}/api/v1/version`, { headers })).status).toBe(200);
      } finally {
        if (child.exitCode === null && child.signalCode === null) {
          child.kill('SIGTERM');
          await once(child, 'exit');
        }
      }
    },
    TIMEOUT.child,
  ); // a child process: Node with tsx takes 5-15 s to start at load 20
});
