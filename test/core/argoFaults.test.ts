// Faults in words: the Argo Server client (src/core/argo/client) against the
// TEST DOUBLE (test/support/argoServerDouble.ts) injecting what a wrong
// address, a proxy or a network does: replies of the wrong shape, bodies cut
// off or malformed, connections dropped, and a server that echoes the
// Authorization header. Every one is an ArgoApiError whose message names the
// server and the endpoint, and no message holds the token.
import { describe, expect, it } from 'vitest';
import {
  ArgoApiError,
  createArgoClient,
  explainError,
  HIDDEN,
  redactToken,
  submitPipeline,
  type ArgoClient,
  type FetchLike,
  type LogEntry,
  type WatchEvent,
} from '../../src/core/argo/client';
import { createPipeline, addTask } from '../../src/core';
import { useArgoServerDouble } from '../support/doubleFixture';

const TOKEN = 'faults-secret-token-8812';
const argo = useArgoServerDouble({ stepMs: 20, token: TOKEN });

const client = (token: string = TOKEN, fetch: FetchLike = globalThis.fetch): ArgoClient =>
  createArgoClient({ server: argo.url, namespace: 'argo', token }, { fetch });

async function failure(call: Promise<unknown>): Promise<ArgoApiError> {
  try {
    await call;
  } catch (e) {
    expect(e).toBeInstanceOf(ArgoApiError);
    return e as ArgoApiError;
  }
  throw new Error('expected the call to fail');
}

const ctx = () => ({ server: argo.url, namespace: 'argo', token: TOKEN });

/** A fetch answering every call with `body` (200), for stream lines the double cannot send. */
const answering =
  (body: string): FetchLike =>
  () =>
    Promise.resolve(
      new Response(body, { status: 200, headers: { 'Content-Type': 'application/json' } }),
    );

describe('replies of the wrong shape name the server and the endpoint', () => {
  it('/api/v1/version answered with [1,2,3]', async () => {
    argo.fault({ reply: '[1,2,3]', path: /\/version$/ });
    const e = await failure(client().version());
    expect(e.kind).toBe('bad-reply');
    expect(e.message).toBe(
      `the server at ${argo.url} answered GET /api/v1/version with a list, not Argo's version object: is this an Argo Server?`,
    );
    expect(explainError(e, ctx())).toBe(
      `The server at ${argo.url} answered GET /api/v1/version with a list, not Argo's version object: is this an Argo Server?`,
    );
  });

  it.each([
    ['{}', 'an empty object'],
    ['{"version": 4}', 'an object without a version'],
    ['null', 'null'],
    ['"v4.1.2"', 'a string'],
    ['', 'an empty body'],
    ['<html><body>Sign in</body></html>', 'a body that is not JSON: <html>'],
    ['{"version": "v4.1', 'JSON that is cut off or malformed: {"version": "v4.1'],
  ])('version answered %j: %s', async (reply, words) => {
    argo.fault({ reply, path: /\/version$/ });
    const e = await failure(client().version());
    expect(e.kind).toBe('bad-reply');
    expect(e.message).toContain(`answered GET /api/v1/version with ${words}`);
  });

  it('create answered with [1,2,3]: no "Workflow  created", the endpoint named', async () => {
    argo.fault({ reply: '[1,2,3]', path: /^\/api\/v1\/workflows\/argo$/ });
    let p = createPipeline({ generateName: 'shape-' });
    p = addTask(p, {
      name: 'a',
      template: { name: 'echo', container: { image: 'alpine:3.20' } },
    }).pipeline;
    const outcome = await submitPipeline(client(), p);
    expect(outcome.status).toBe('failed');
    if (outcome.status !== 'failed') return;
    expect(outcome.error.message).toBe(
      `the server at ${argo.url} answered POST /api/v1/workflows/argo with a list, not a Workflow object: is this an Argo Server?`,
    );
  });

  it.each([
    [
      'getWorkflow',
      (c: ArgoClient) => c.getWorkflow('w'),
      '{"metadata":{}}',
      'GET /api/v1/workflows/argo/w with an object without metadata.name, not a Workflow object',
    ],
    [
      'listWorkflows',
      (c: ArgoClient) => c.listWorkflows(),
      '{"items":5}',
      'GET /api/v1/workflows/argo with an object whose items is a number, not a workflow list',
    ],
    [
      'userInfo',
      (c: ArgoClient) => c.userInfo(),
      '[]',
      'GET /api/v1/userinfo with an empty list, not a user info object',
    ],
    [
      'lint',
      (c: ArgoClient) => c.lint('Workflow', { kind: 'Workflow' }),
      '"ok"',
      'POST /api/v1/workflows/argo/lint with a string, not the linted object',
    ],
    [
      'stop',
      (c: ArgoClient) => c.stop('w'),
      '{}',
      'PUT /api/v1/workflows/argo/w/stop with an empty object, not a Workflow object',
    ],
    [
      'submitFrom',
      (c: ArgoClient) => c.submitFrom('WorkflowTemplate', 't', {}),
      'true',
      'POST /api/v1/workflows/argo/submit with true, not a Workflow object',
    ],
  ] as const)('%s', async (_, call, reply, words) => {
    argo.fault({ reply });
    const e = await failure(call(client()));
    expect(e.kind).toBe('bad-reply');
    expect(e.message).toBe(`the server at ${argo.url} answered ${words}: is this an Argo Server?`);
  });

  it('an event stream line of the wrong shape', async () => {
    const line = JSON.stringify({ result: [1, 2, 3] });
    const e = await failure(client(TOKEN, answering(`${line}\n`)).watch('w', () => {}));
    expect(e.kind).toBe('bad-reply');
    expect(e.message).toBe(
      `the server at ${argo.url} answered GET /api/v1/workflow-events/argo with a result that is a list, not a workflow event ({type, object}): is this an Argo Server?`,
    );
  });

  it('a stream line that is neither a result nor an error, and a log entry of the wrong shape', async () => {
    const events: WatchEvent[] = [];
    const e1 = await failure(
      client(TOKEN, answering('[1,2,3]\n')).watch('w', (x) => events.push(x)),
    );
    expect(e1.message).toContain(
      'with a line that is neither {"result": ...} nor {"error": ...}: [1,2,3]',
    );
    const entries: LogEntry[] = [];
    const e2 = await failure(
      client(TOKEN, answering('{"result":{"content":5}}\n')).logs('w', {}, (x) => entries.push(x)),
    );
    expect(e2.message).toContain(
      'answered GET /api/v1/workflows/argo/w/log with a result that is an object whose content or podName is not text',
    );
    expect(events).toEqual([]);
    expect(entries).toEqual([]);
  });
});

describe('bodies cut off and connections dropped', () => {
  it('a body cut off mid-way is "dropped", not "Unexpected error: Failed to fetch"', async () => {
    argo.fault({ cutBodyAfterBytes: 12, path: /\/version$/ });
    const e = await failure(client().version());
    expect(e.kind).toBe('dropped');
    expect(e.message).toMatch(/^the answer to GET \/api\/v1\/version was cut off \(.+\)$/);
    expect(explainError(e, ctx())).toMatch(
      new RegExp(
        `^The connection to the Argo Server at ${argo.url} dropped: the answer to GET /api/v1/version was cut off`,
      ),
    );
  });

  it('a body that stops coming in (the connection left open) times out, naming the endpoint', async () => {
    argo.fault({ stallBodyAfterBytes: 12, path: /\/version$/ });
    const c = createArgoClient(
      { server: argo.url, namespace: 'argo', token: TOKEN },
      { fetch: globalThis.fetch, timeoutMs: 100 },
    );
    const e = await failure(c.version());
    expect(e).toMatchObject({
      kind: 'timeout',
      message:
        'the answer to GET /api/v1/version stopped coming in; no complete answer after 0.1 s',
    });
  });

  it('a connection closed without an answer is "network"', async () => {
    argo.fault({ hangUp: true, path: /\/version$/ });
    const e = await failure(client().version());
    expect(e.kind).toBe('network');
    expect(explainError(e, { ...ctx(), browser: false })).toContain(
      `Could not reach the Argo Server at ${argo.url}`,
    );
  });

  it('an event stream dropped after one event is "dropped", naming the stream', async () => {
    const c = client();
    const created = await c.create('Workflow', {
      apiVersion: 'argoproj.io/v1alpha1',
      kind: 'Workflow',
      metadata: { generateName: 'drop-' },
      spec: {
        entrypoint: 'main',
        templates: [{ name: 'main', container: { image: 'alpine:3.20' } }],
      },
    });
    const name = String((created.metadata as { name: string }).name);
    argo.fault({ dropStreamAfterEvents: 1 });
    const events: WatchEvent[] = [];
    const e = await failure(c.watch(name, (x) => events.push(x)));
    expect(e.kind).toBe('dropped');
    expect(e.message).toMatch(/^the answer to GET \/api\/v1\/workflow-events\/argo was cut off/);
    expect(events).toHaveLength(1);
  });

  it('aborting a stream is an abort, not a dropped connection', async () => {
    const controller = new AbortController();
    const watching = client().watch('missing-or-not', () => {}, controller.signal);
    controller.abort();
    await expect(watching).rejects.toMatchObject({ name: 'AbortError' });
  });
});

describe('the token is never in error text', () => {
  it('a server that echoes the Authorization header: the error and its explanation hide the token', async () => {
    argo.fault({ status: 500, echoAuthorization: true });
    const e = await failure(client().version());
    expect(e.kind).toBe('server');
    expect(e.message).not.toContain(TOKEN);
    expect(e.message).toContain(`Authorization: Bearer ${HIDDEN}`);
    expect(explainError(e, ctx())).not.toContain(TOKEN);
  });

  it('a token pasted with "Bearer " is hidden in both forms', async () => {
    argo.fault({ status: 500, echoAuthorization: true });
    const e = await failure(client(`Bearer ${TOKEN}`).version());
    expect(e.message).toContain(`Authorization: ${HIDDEN}`);
    expect(e.message).not.toMatch(/Bearer|8812/);
  });

  it('a proxy page that prints the token URL-encoded, and a fetch error that holds it', async () => {
    const token = 'tok/with+chars=';
    const page: FetchLike = () =>
      Promise.resolve(
        new Response(`<p>bad auth: ${encodeURIComponent(token)}</p>`, { status: 502 }),
      );
    const e1 = await failure(client(token, page).version());
    expect(e1.message).toBe(`bad auth: ${HIDDEN}`);
    const broken: FetchLike = () => Promise.reject(new TypeError(`refused for ${token}`));
    const e2 = await failure(client(token, broken).version());
    expect(e2).toMatchObject({ kind: 'network', message: `refused for ${HIDDEN}` });
  });

  it('log lines that print the token are hidden', async () => {
    const line = JSON.stringify({ result: { content: `export TOKEN=${TOKEN}`, podName: 'p' } });
    const entries: LogEntry[] = [];
    await client(TOKEN, answering(`${line}\n`)).logs('w', {}, (x) => entries.push(x));
    expect(entries).toEqual([{ content: `export TOKEN=${HIDDEN}`, podName: 'p' }]);
  });

  it('explainError hides the token in any error, ours or not', () => {
    expect(explainError(new Error(`boom ${TOKEN}`), ctx())).toBe(
      `Unexpected error: boom ${HIDDEN}`,
    );
  });
});

describe('redactToken', () => {
  it.each([
    ['plain', 'abcd1234', 'x abcd1234 y abcd1234', `x ${HIDDEN} y ${HIDDEN}`],
    [
      'pasted with Bearer',
      'Bearer abcd1234',
      'Authorization: Bearer abcd1234 / abcd1234',
      `Authorization: ${HIDDEN} / ${HIDDEN}`,
    ],
    ['URL-encoded', 'a/b+c=', 'q=a%2Fb%2Bc%3D', `q=${HIDDEN}`],
    ['JSON-escaped', 'a"b\\c', '{"t":"a\\"b\\\\c"}', `{"t":"${HIDDEN}"}`],
    ['too short to search for', 'abc', 'abc abc', 'abc abc'],
    ['no token', '', 'text', 'text'],
  ])('%s', (_, token, text, expected) => {
    expect(redactToken(text, token)).toBe(expected);
  });
});
