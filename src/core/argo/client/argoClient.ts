/**
 * The Argo Server REST client (../shared/argo/swagger.json). `fetch` is
 * passed in, so tests use a test double and the app uses the browser's. The
 * token goes only into the Authorization header: never into a URL, a log or
 * an error message (every error the client throws is redacted). Every reply
 * is checked against the shape the endpoint promises (replies.ts), and a
 * body cut off or a stream dropped is an error in words, never a TypeError.
 */
import type { JsonObject, WorkflowKind } from '../../model/types';
import { ArgoApiError, errorFromReply } from './errors';
import { redactToken } from './redact';
import {
  LINTED,
  LOG_ENTRY,
  USER_INFO,
  VERSION,
  WATCH_EVENT,
  WORKFLOW_LIST,
  stored,
  type ReplyShape,
} from './replies';
import { readJsonLines } from './streams';

export type FetchLike = (url: string, init?: RequestInit) => Promise<Response>;

export interface ArgoConnection {
  /** Base URL of the Argo Server; '' means this app's own origin (through its proxy). */
  server: string;
  namespace: string;
  token?: string;
}

export interface ClientOptions {
  fetch: FetchLike;
  /** For ordinary calls; streams have none. Default 30 s. */
  timeoutMs?: number;
}

export interface WatchEvent {
  type: string;
  object: JsonObject;
}

export interface LogEntry {
  content: string;
  podName?: string;
}

/** Where each kind lives and the body key it is sent under. */
const ENDPOINTS: Record<WorkflowKind, { path: (ns: string) => string; key: string }> = {
  Workflow: { path: (ns) => `/api/v1/workflows/${ns}`, key: 'workflow' },
  WorkflowTemplate: { path: (ns) => `/api/v1/workflow-templates/${ns}`, key: 'template' },
  ClusterWorkflowTemplate: { path: () => `/api/v1/cluster-workflow-templates`, key: 'template' },
  CronWorkflow: { path: (ns) => `/api/v1/cron-workflows/${ns}`, key: 'cronWorkflow' },
};

export function createArgoClient(connection: ArgoConnection, options: ClientOptions) {
  const base = connection.server.replace(/\/+$/, '');
  const ns = encodeURIComponent(connection.namespace);
  const timeoutMs = options.timeoutMs ?? 30_000;
  const where = base || 'this app’s own address';
  /** `GET /api/v1/version`, without the query string. */
  const endpoint = (method: string, path: string) => `${method} ${path.split('?')[0]}`;
  const badReply = (method: string, path: string, what: string, status?: number) =>
    new ArgoApiError(
      'bad-reply',
      `the server at ${where} answered ${endpoint(method, path)} with ${what}`,
      status,
    );
  const notShaped = (method: string, path: string, problem: string, shape: ReplyShape) =>
    badReply(method, path, `${problem}, not ${shape.what}: is this an Argo Server?`);
  const dropped = (method: string, path: string, e: unknown) =>
    new ArgoApiError(
      'dropped',
      `the answer to ${endpoint(method, path)} was cut off (${(e as Error)?.message || 'connection closed'})`,
    );

  /** Every error leaves the client without the token, whatever the server echoed. */
  async function guarded<T>(call: () => Promise<T>): Promise<T> {
    try {
      return await call();
    } catch (e) {
      if (!(e instanceof ArgoApiError)) throw e;
      const message = redactToken(e.message, connection.token);
      throw message === e.message ? e : new ArgoApiError(e.kind, message, e.status, e.code);
    }
  }

  function headers(extra: Record<string, string> = {}): Record<string, string> {
    const h: Record<string, string> = { Accept: 'application/json', ...extra };
    const token = connection.token?.trim();
    // Tokens from `argo auth token` already start with "Bearer ".
    if (token) h.Authorization = /^bearer\s/i.test(token) ? token : `Bearer ${token}`;
    return h;
  }

  /**
   * One request. A unary call (not `stream`) also reads the body, within the
   * same time limit: a proxy that keeps the connection open after the server
   * dropped it (Vite's does) would otherwise leave the call waiting forever.
   */
  async function send(
    method: string,
    path: string,
    body?: unknown,
    signal?: AbortSignal,
    stream = false,
  ): Promise<{ response: Response; text: string }> {
    const controller = new AbortController();
    let answered = false;
    const timer = stream
      ? undefined
      : setTimeout(() => {
          const s = timeoutMs / 1000;
          controller.abort(
            new ArgoApiError(
              'timeout',
              answered
                ? `the answer to ${endpoint(method, path)} stopped coming in; no complete answer after ${s} s`
                : `no answer after ${s} s`,
            ),
          );
        }, timeoutMs);
    const onAbort = () => controller.abort(signal?.reason);
    if (signal?.aborted) onAbort();
    else signal?.addEventListener('abort', onAbort, { once: true });
    const failed = (e: unknown, otherwise: () => ArgoApiError) => {
      const reason: unknown = controller.signal.reason;
      if (reason instanceof ArgoApiError) return reason;
      if (signal?.aborted) return e;
      return otherwise();
    };
    try {
      let response: Response;
      try {
        response = await options.fetch(base + path, {
          method,
          headers: headers(body !== undefined ? { 'Content-Type': 'application/json' } : {}),
          body: body !== undefined ? JSON.stringify(body) : undefined,
          signal: controller.signal,
        });
      } catch (e) {
        throw failed(e, () => new ArgoApiError('network', (e as Error).message || 'network error'));
      }
      answered = true;
      if (!response.ok)
        throw errorFromReply(response.status, await response.text().catch(() => ''));
      if (stream) return { response, text: '' };
      try {
        return { response, text: await response.text() };
      } catch (e) {
        throw failed(e, () => dropped(method, path, e));
      }
    } finally {
      clearTimeout(timer);
      // A stream's body is read after this returns: keep the link, so that
      // aborting `signal` closes the stream (Argo keeps it open after the run ends).
      if (!stream) signal?.removeEventListener('abort', onAbort);
    }
  }

  /** A unary call whose reply must have `shape`. */
  function json(
    method: string,
    path: string,
    shape: ReplyShape,
    body?: unknown,
    signal?: AbortSignal,
  ): Promise<JsonObject> {
    return guarded(async () => {
      const { response, text } = await send(method, path, body, signal);
      if (text.trim() === '') throw badReply(method, path, 'an empty body', response.status);
      let value: unknown;
      try {
        value = JSON.parse(text);
      } catch {
        const start = text.trimStart()[0];
        const what =
          start === '{' || start === '['
            ? 'JSON that is cut off or malformed'
            : 'a body that is not JSON';
        throw badReply(method, path, `${what}: ${text.slice(0, 120)}`, response.status);
      }
      const problem = shape.problem(value);
      if (problem) throw notShaped(method, path, problem, shape);
      return value as JsonObject;
    });
  }

  /** A stream of `{result}` lines, each of `shape`, until it ends. */
  function stream<T>(
    path: string,
    shape: ReplyShape,
    onResult: (result: T) => void,
    signal?: AbortSignal,
  ): Promise<void> {
    return guarded(async () => {
      const { response } = await send('GET', path, undefined, signal, true);
      if (!response.body) throw badReply('GET', path, 'no body', response.status);
      try {
        // Lines already read when `signal` aborts are not delivered: nothing comes after an abort.
        const deliver = (result: T) => {
          if (!signal?.aborted) onResult(result);
        };
        await readJsonLines<T>(
          response.body,
          deliver,
          {
            badLine: (line, why) => badReply('GET', path, `${why}: ${line.slice(0, 120)}`),
            check: (result) => {
              const problem = shape.problem(result);
              return problem
                ? notShaped('GET', path, `a result that is ${problem}`, shape)
                : undefined;
            },
          },
          signal,
        );
      } catch (e) {
        if (e instanceof ArgoApiError || signal?.aborted) throw e;
        throw dropped('GET', path, e);
      }
    });
  }

  const wf = (name: string) => `/api/v1/workflows/${ns}/${encodeURIComponent(name)}`;
  const action = (name: string) => ({ name, namespace: connection.namespace });
  const WORKFLOW = stored('Workflow');

  return {
    connection,
    /** Any unary call whose reply must have `shape` (lists.ts builds on it). */
    request: (
      method: string,
      path: string,
      shape: ReplyShape,
      body?: unknown,
      signal?: AbortSignal,
    ) => json(method, path, shape, body, signal),
    version: () => json('GET', '/api/v1/version', VERSION),
    userInfo: () => json('GET', '/api/v1/userinfo', USER_INFO),
    /** At most `limit` workflows of the namespace: a cheap check that the token may use it. */
    listWorkflows: (limit = 1) =>
      json(
        'GET',
        `/api/v1/workflows/${ns}?${new URLSearchParams({ 'listOptions.limit': String(limit) })}`,
        WORKFLOW_LIST,
      ),

    /** Server-side lint; an invalid manifest throws ArgoApiError kind 'invalid'. */
    lint(kind: WorkflowKind, manifest: JsonObject) {
      const { path, key } = ENDPOINTS[kind];
      return json('POST', `${path(ns)}/lint`, LINTED, {
        namespace: connection.namespace,
        [key]: manifest,
      });
    },

    create(kind: WorkflowKind, manifest: JsonObject) {
      const { path, key } = ENDPOINTS[kind];
      return json('POST', path(ns), stored(kind), {
        namespace: connection.namespace,
        [key]: manifest,
      });
    },

    /** Replaces a stored template or cron workflow, carrying over its resourceVersion as the API requires. */
    async update(kind: Exclude<WorkflowKind, 'Workflow'>, manifest: JsonObject) {
      const { path, key } = ENDPOINTS[kind];
      const name = String((manifest.metadata as JsonObject | undefined)?.name ?? '');
      const url = `${path(ns)}/${encodeURIComponent(name)}`;
      const current = await json('GET', url, stored(kind));
      const resourceVersion = (current.metadata as JsonObject | undefined)?.resourceVersion;
      const metadata = { ...(manifest.metadata as JsonObject), resourceVersion };
      return json('PUT', url, stored(kind), {
        namespace: connection.namespace,
        name,
        [key]: { ...manifest, metadata },
      });
    },

    /**
     * Starts a Workflow from a stored WorkflowTemplate (or CronWorkflow /
     * ClusterWorkflowTemplate), with submitOptions as `argo submit --from` sends them.
     */
    submitFrom(
      kind: Exclude<WorkflowKind, 'Workflow'>,
      name: string,
      parameters: Record<string, string>,
      options: { entryPoint?: string; labels?: Record<string, string> } = {},
    ) {
      const submitOptions: JsonObject = {
        parameters: Object.entries(parameters).map(([k, v]) => `${k}=${v}`),
      };
      if (options.entryPoint) submitOptions.entryPoint = options.entryPoint;
      const labels = Object.entries(options.labels ?? {});
      if (labels.length > 0) submitOptions.labels = labels.map(([k, v]) => `${k}=${v}`).join(',');
      return json('POST', `/api/v1/workflows/${ns}/submit`, stored('Workflow'), {
        namespace: connection.namespace,
        resourceKind: kind,
        resourceName: name,
        submitOptions,
      });
    },

    getWorkflow: (name: string, signal?: AbortSignal) =>
      json('GET', wf(name), WORKFLOW, undefined, signal),
    stop: (name: string) => json('PUT', `${wf(name)}/stop`, WORKFLOW, action(name)),
    terminate: (name: string) => json('PUT', `${wf(name)}/terminate`, WORKFLOW, action(name)),
    retry: (name: string) => json('PUT', `${wf(name)}/retry`, WORKFLOW, action(name)),
    resubmit: (name: string) => json('PUT', `${wf(name)}/resubmit`, WORKFLOW, action(name)),

    /** Follows one workflow's events until the stream ends (or `signal` aborts). */
    watch(name: string, onEvent: (e: WatchEvent) => void, signal?: AbortSignal): Promise<void> {
      const query = new URLSearchParams({ 'listOptions.fieldSelector': `metadata.name=${name}` });
      return stream(`/api/v1/workflow-events/${ns}?${query}`, WATCH_EVENT, onEvent, signal);
    },

    /** Streams a workflow's logs (one pod's when `podName` is given). */
    logs(
      name: string,
      opts: { podName?: string; follow?: boolean },
      onEntry: (e: LogEntry) => void,
      signal?: AbortSignal,
    ): Promise<void> {
      const query = new URLSearchParams({ 'logOptions.container': 'main' });
      if (opts.podName) query.set('podName', opts.podName);
      if (opts.follow) query.set('logOptions.follow', 'true');
      // A pod may print anything, the token included: entries are redacted too.
      const redacted = (e: LogEntry) =>
        onEntry(
          typeof e.content === 'string'
            ? { ...e, content: redactToken(e.content, connection.token) }
            : e,
        );
      return stream(`${wf(name)}/log?${query}`, LOG_ENTRY, redacted, signal);
    },
  };
}

export type ArgoClient = ReturnType<typeof createArgoClient>;
