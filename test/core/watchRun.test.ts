// watchRun (src/core/argo/client/watchRun.ts) against the Argo Server TEST
// DOUBLE: the event stream until the run ends, reconnects when the stream
// drops, the fall back to polling after too many drops, auth failures that end
// the watch at once, and abort. Then runState / podName / durations on a
// hand-written Workflow object. Backoff and poll intervals are a few ms.
// Where what the watch sees depends on the run's progress (a Running phase,
// a drop before the end), the test pauses the double's controller before it
// creates the run and lets it go once the watch is there, so it does not
// depend on how fast the machine is.
//
//   chain:  t1 --> t2 --> ... --> tN      (one echo template)
import { describe, expect, it, vi } from 'vitest';
import {
  ArgoApiError,
  createArgoClient,
  durationSeconds,
  formatDuration,
  podName,
  runState,
  watchRun,
  type ArgoClient,
  type WatchOptions,
} from '../../src/core/argo/client';
import type { JsonObject } from '../../src/core';
import { argoNodeId, argoPodName } from '../support/argoServerDouble';
import { useArgoServerDouble } from '../support/doubleFixture';
import { TIMEOUT, WAIT_MS } from '../support/timeouts';

const argo = useArgoServerDouble({ stepMs: 20 });

// Most tests follow a run of the double to its end: wall time that a loaded
// machine stretches (test/support/timeouts.ts).
vi.setConfig({ testTimeout: TIMEOUT.run });

const client = (token = 'test-token'): ArgoClient =>
  createArgoClient(
    { server: argo.url, namespace: 'argo', token },
    { fetch: globalThis.fetch, timeoutMs: WAIT_MS },
  );

/** A Workflow whose DAG is a chain of `n` tasks t1 -> t2 -> ... -> tn. */
function chain(n: number): JsonObject {
  const tasks = Array.from({ length: n }, (_, i) => ({
    name: `t${i + 1}`,
    template: 'echo',
    ...(i > 0 ? { depends: `t${i}` } : {}),
  }));
  return {
    apiVersion: 'argoproj.io/v1alpha1',
    kind: 'Workflow',
    metadata: { generateName: 'watch-' },
    spec: {
      entrypoint: 'main',
      templates: [
        { name: 'main', dag: { tasks } },
        { name: 'echo', container: { image: 'alpine:3.20', command: ['echo', 'hi'] } },
      ],
    },
  };
}

async function start(n = 3): Promise<string> {
  const wf = await client().create('Workflow', chain(n));
  return String((wf.metadata as JsonObject).name);
}

const phase = (wf: JsonObject | undefined) => (wf ? runState(wf).phase : undefined);

/**
 * Runs watchRun, recording every update's phase and every status. The first
 * update resumes the double's controller, for a test that paused it so the
 * run would start only once it is watched.
 */
async function watch(name: string, options: WatchOptions = {}, c = client()) {
  const phases: string[] = [];
  const statuses: string[] = [];
  const onUpdate = (wf: JsonObject) => {
    if (phases.length === 0) argo.resume();
    phases.push(runState(wf).phase);
  };
  const final = await watchRun(c, name, onUpdate, {
    backoffMs: [5],
    pollMs: 10,
    onStatus: (s) => statuses.push(s),
    ...options,
  });
  return { final, phases, statuses };
}

const eventsRequests = (name: string) =>
  argo.requests.filter(
    (r) => r.path === '/api/v1/workflow-events/argo' && r.query.includes(encodeURIComponent(name)),
  );

describe('watchRun against the double', () => {
  it('resolves with the final workflow when the run succeeds', async () => {
    argo.pause();
    const name = await start();
    const { final, phases, statuses } = await watch(name);
    expect(phase(final)).toBe('Succeeded');
    expect((final!.metadata as JsonObject).name).toBe(name);
    expect(statuses).toEqual(['streaming']);
    expect(phases.at(-1)).toBe('Succeeded');
    expect(phases).toContain('Running');
    expect([...runState(final!).tasks.values()].map((t) => t.phase)).toEqual([
      'Succeeded',
      'Succeeded',
      'Succeeded',
    ]);
    expect(eventsRequests(name)).toHaveLength(1);
  });

  it('resolves with the failed workflow when a task fails', async () => {
    argo.setFailTasks(['t2']);
    const name = await start();
    const { final } = await watch(name);
    expect(phase(final)).toBe('Failed');
    expect(Object.fromEntries(runState(final!).tasks)).toMatchObject({
      t1: { phase: 'Succeeded' },
      t2: { phase: 'Failed' },
      t3: { phase: 'Omitted' },
    });
  });

  it('reconnects when the stream drops and still sees the end', async () => {
    argo.fault({ dropStreamAfterEvents: 2 });
    argo.pause();
    const name = await start();
    const { final, statuses } = await watch(name, { maxStreamDrops: 100 });
    expect(phase(final)).toBe('Succeeded');
    expect(statuses[0]).toBe('streaming');
    expect(statuses).toContain('reconnecting');
    expect(statuses).not.toContain('polling');
    expect(eventsRequests(name).length).toBe(statuses.length);
  });

  it('reconnects after a transient server error on the stream', async () => {
    argo.fault({ status: 503, times: 2, path: /workflow-events/ });
    const name = await start();
    const { final, statuses } = await watch(name);
    expect(phase(final)).toBe('Succeeded');
    expect(statuses).toEqual(['streaming', 'reconnecting', 'reconnecting']);
  });

  it('falls back to polling after more drops than maxStreamDrops, and finishes', async () => {
    argo.fault({ dropStreamAfterEvents: 1 });
    argo.pause(); // held at Pending through the three streams, let go once polling
    const name = await start(10);
    const before = argo.requests.length;
    const statuses: string[] = [];
    const final = await watchRun(client(), name, () => {}, {
      backoffMs: [5],
      pollMs: 10,
      maxStreamDrops: 2,
      onStatus: (s) => {
        statuses.push(s);
        if (s === 'polling') argo.resume();
      },
    });
    expect(phase(final)).toBe('Succeeded');
    expect(statuses).toEqual(['streaming', 'reconnecting', 'reconnecting', 'polling']);
    const after = argo.requests.slice(before);
    expect(after.filter((r) => r.path === '/api/v1/workflow-events/argo')).toHaveLength(3);
    expect(after.filter((r) => r.path === `/api/v1/workflows/argo/${name}`).length).toBeGreaterThan(
      0,
    );
  });

  it("a 401 ends the watch at once with 'unauthorized'", async () => {
    const name = await start();
    const statuses: string[] = [];
    const watching = watchRun(client('wrong-token'), name, () => {}, {
      backoffMs: [5],
      onStatus: (s) => statuses.push(s),
    });
    await expect(watching).rejects.toMatchObject({ kind: 'unauthorized', status: 401 });
    expect(statuses).toEqual(['streaming']);
    expect(eventsRequests(name)).toHaveLength(1);
  });

  it("a missing workflow ends the watch at once with 'not-found'", async () => {
    await expect(watch('no-such-workflow')).rejects.toMatchObject({ kind: 'not-found' });
  });

  it('abort while streaming resolves undefined', async () => {
    const name = await start();
    const controller = new AbortController();
    let updates = 0;
    const final = await watchRun(
      client(),
      name,
      () => {
        updates++;
        controller.abort();
      },
      { signal: controller.signal },
    );
    expect(final).toBeUndefined();
    expect(updates).toBe(1);
  });

  it('abort while polling resolves undefined', async () => {
    argo.fault({ dropStreamAfterEvents: 1 });
    argo.pause(); // the run cannot end before the watch is aborted
    const name = await start(6);
    const controller = new AbortController();
    const statuses: string[] = [];
    const final = await watchRun(client(), name, () => {}, {
      signal: controller.signal,
      backoffMs: [1],
      maxStreamDrops: 0,
      pollMs: 1000,
      onStatus: (s) => {
        statuses.push(s);
        if (s === 'polling') setTimeout(() => controller.abort(), 20);
      },
    });
    expect(final).toBeUndefined();
    expect(statuses).toEqual(['streaming', 'polling']);
  });

  it('an already aborted signal resolves undefined without a request', async () => {
    const before = argo.requests.length;
    expect(
      await watchRun(client(), 'anything', () => {}, { signal: AbortSignal.abort() }),
    ).toBeUndefined();
    expect(argo.requests.length).toBe(before);
  });
});

describe('watchRun with a stub client', () => {
  /** A client whose stream always drops and whose GET answers from `replies` in turn. */
  function stub(replies: (JsonObject | Error)[]): ArgoClient {
    let i = 0;
    return {
      watch: () => Promise.reject(new TypeError('terminated')),
      getWorkflow: () => {
        const r = replies[Math.min(i++, replies.length - 1)]!;
        return r instanceof Error ? Promise.reject(r) : Promise.resolve(r);
      },
    } as unknown as ArgoClient;
  }
  const wf = (p: string): JsonObject => ({ metadata: { name: 'w' }, status: { phase: p } });
  const noSleep = () => Promise.resolve();

  it('polling rides over server errors and ends on a final phase', async () => {
    const seen: string[] = [];
    const final = await watchRun(
      stub([wf('Running'), new ArgoApiError('server', 'x', 500), wf('Error')]),
      'w',
      (w) => seen.push(runState(w).phase),
      { maxStreamDrops: 1, sleep: noSleep },
    );
    expect(phase(final)).toBe('Error');
    expect(seen).toEqual(['Running', 'Error']);
  });

  it("a 403 while polling ends the watch with 'forbidden'", async () => {
    const watching = watchRun(
      stub([wf('Running'), new ArgoApiError('forbidden', 'no', 403)]),
      'w',
      () => {},
      { maxStreamDrops: 0, sleep: noSleep },
    );
    await expect(watching).rejects.toMatchObject({ kind: 'forbidden' });
  });

  it('waits backoffMs between reconnects, repeating the last', async () => {
    const waits: number[] = [];
    await watchRun(stub([wf('Succeeded')]), 'w', () => {}, {
      backoffMs: [1, 2],
      maxStreamDrops: 4,
      pollMs: 7,
      sleep: (ms) => {
        waits.push(ms);
        return Promise.resolve();
      },
    });
    expect(waits).toEqual([1, 2, 2, 2, 2]);
  });
});

// ---------------------------------------------------------------- runState

// A hand-written Workflow `etl-x7k2p` (POD_NAMES=v2):
//
//   main (DAG, root)
//   ├── extract        Pod, Succeeded, 65 s
//   ├── load           Retry, Running: load(0) Failed, load(1) Running
//   ├── report         Pod from a templateRef, Pending (no phase yet)
//   └── sub            DAG: inner (a Pod inside sub, not a canvas task)
const WF = 'etl-x7k2p';
const id = (hash: string) => `${WF}-${hash}`;
const node = (fields: JsonObject): JsonObject => ({ boundaryID: WF, ...fields });
const workflow: JsonObject = {
  metadata: { name: WF, namespace: 'data' },
  status: {
    phase: 'Running',
    progress: '1/4',
    startedAt: '2024-05-01T10:00:00Z',
    nodes: {
      [WF]: { id: WF, name: WF, displayName: WF, type: 'DAG', templateName: 'main' },
      [id('1001')]: node({
        id: id('1001'),
        name: `${WF}.extract`,
        displayName: 'extract',
        type: 'Pod',
        templateName: 'extract-tmpl',
        phase: 'Succeeded',
        startedAt: '2024-05-01T10:00:00Z',
        finishedAt: '2024-05-01T10:01:05Z',
      }),
      [id('3003')]: node({
        id: id('3003'),
        name: `${WF}.load(0)`,
        displayName: 'load(0)',
        type: 'Pod',
        templateName: 'loader',
        phase: 'Failed',
        message: 'Error (exit code 1)',
      }),
      [id('2002')]: node({
        id: id('2002'),
        name: `${WF}.load`,
        displayName: 'load',
        type: 'Retry',
        templateName: 'loader',
        phase: 'Running',
        message: 'retrying',
        startedAt: '2024-05-01T10:01:05Z',
        children: [id('3003'), id('4004')],
      }),
      [id('4004')]: node({
        id: id('4004'),
        name: `${WF}.load(1)`,
        displayName: 'load(1)',
        type: 'Pod',
        templateName: 'loader',
        phase: 'Running',
      }),
      [id('5005')]: node({
        id: id('5005'),
        name: `${WF}.report`,
        displayName: 'report',
        type: 'Pod',
        templateRef: { name: 'library', template: 'render' },
      }),
      [id('6006')]: node({
        id: id('6006'),
        name: `${WF}.sub`,
        displayName: 'sub',
        type: 'DAG',
        templateName: 'sub-dag',
        phase: 'Running',
      }),
      [id('7007')]: {
        id: id('7007'),
        name: `${WF}.sub.inner`,
        displayName: 'inner',
        type: 'Pod',
        templateName: 'echo',
        boundaryID: id('6006'),
        phase: 'Running',
      },
    },
  },
};

describe('runState', () => {
  const state = runState(workflow);

  it("reads the workflow's phase, progress and times", () => {
    expect(state).toMatchObject({
      name: WF,
      namespace: 'data',
      phase: 'Running',
      progress: '1/4',
      startedAt: '2024-05-01T10:00:00Z',
    });
  });

  it("gives each task of the root DAG its node's phase; nested nodes are not tasks", () => {
    expect(state.tasks.get('extract')).toMatchObject({
      phase: 'Succeeded',
      nodeId: id('1001'),
      startedAt: '2024-05-01T10:00:00Z',
      finishedAt: '2024-05-01T10:01:05Z',
    });
    expect(state.tasks.get('report')?.phase).toBe('Pending');
    expect(state.tasks.get('sub')?.phase).toBe('Running');
    expect(state.tasks.get('inner')).toBeUndefined();
    expect(state.tasks.get(WF)).toBeUndefined();
  });

  it("a retried task takes the Retry node's phase, and the newest attempt's pod", () => {
    expect(state.tasks.get('load')).toMatchObject({
      phase: 'Running',
      nodeId: id('2002'),
      message: 'retrying',
      podName: `${WF}-loader-4004`,
    });
  });

  it('pod names follow POD_NAMES v2: <wf>-<template>-<hash of the node id>', () => {
    expect(state.tasks.get('extract')?.podName).toBe(`${WF}-extract-tmpl-1001`);
    expect(state.tasks.get('report')?.podName).toBe(`${WF}-render-5005`); // templateRef.template
  });

  it('an empty or status-less workflow is Pending with no tasks', () => {
    expect(runState({ metadata: { name: 'w' } })).toEqual({
      name: 'w',
      namespace: undefined,
      phase: 'Pending',
      progress: undefined,
      message: undefined,
      startedAt: undefined,
      finishedAt: undefined,
      tasks: new Map(),
    });
    expect(runState({}).name).toBe('');
  });
});

describe('podName', () => {
  it.each([
    ['wf-abc', 'wf-abc.a', 'echo'],
    ['wf-abc', 'wf-abc.fan(0:x)', 'split-input'],
    ['x'.repeat(200), `${'x'.repeat(200)}.step`, 'y'.repeat(60)],
  ])('matches Argo for %s / %s / %s', (wf, nodeName, template) => {
    expect(podName(wf, argoNodeId(wf, nodeName), template)).toBe(
      argoPodName(wf, template, nodeName),
    );
  });

  it('keeps the 253-character limit for long names', () => {
    const name = podName('x'.repeat(200), `${'x'.repeat(200)}-1234567890`, 'y'.repeat(60));
    expect(name.length).toBeLessThanOrEqual(253);
    expect(name.endsWith('-1234567890')).toBe(true);
  });

  it('falls back to the node id without a template or for v1 node ids', () => {
    expect(podName('wf', 'wf-123', undefined)).toBe('wf-123');
    expect(podName('wf', 'other-123', 'echo')).toBe('other-123');
  });
});

describe('durationSeconds and formatDuration', () => {
  it.each([
    ['2024-05-01T10:00:00Z', '2024-05-01T10:01:05Z', 65],
    ['2024-05-01T10:00:00Z', '2024-05-01T09:00:00Z', 0],
    [undefined, '2024-05-01T10:00:00Z', undefined],
    ['not a date', undefined, undefined],
  ])('%s .. %s = %s', (start, end, seconds) => {
    expect(durationSeconds(start, end)).toBe(seconds);
  });

  it('counts to now while running', () => {
    const now = Date.parse('2024-05-01T10:00:30Z');
    expect(durationSeconds('2024-05-01T10:00:00Z', undefined, now)).toBe(30);
  });

  it.each([
    [undefined, ''],
    [0, '0s'],
    [59, '59s'],
    [65, '1m 5s'],
    [3599, '59m 59s'],
    [3600, '1h 0m'],
    [3725, '1h 2m'],
  ])('formatDuration(%s) = %j', (seconds, text) => {
    expect(formatDuration(seconds)).toBe(text);
  });
});
