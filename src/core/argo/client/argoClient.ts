/**
 * The Argo Server REST client (../shared/argo/swagger.json). `fetch` is
 * passed in, so tests use a test double and the app uses the browser's. The
 * token goes only into the Authorization header: never into a URL or a log.
 */
import type { JsonObject, WorkflowKind } from '../../model/types';
import { ArgoApiError, errorFromReply } from './errors';
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

  function headers(extra: Record<string, string> = {}): Record<string, string> {
    const h: Record<string, string> = { Accept: 'application/json', ...extra };
    const token = connection.token?.trim();
    // Tokens from `argo auth token` already start with "Bearer ".
    if (token) h.Authorization = /^bearer\s/i.test(token) ? token : `Bearer ${token}`;
    return h;
  }

  async function send(
    method: string,
    path: string,
    body?: unknown,
    signal?: AbortSignal,
    stream = false,
  ): Promise<Response> {
    const controller = new AbortController();
    const timer = stream
      ? undefined
      : setTimeout(
          () =>
            controller.abort(new ArgoApiError('timeout', `no answer after ${timeoutMs / 1000} s`)),
          timeoutMs,
        );
    const onAbort = () => controller.abort(signal?.reason);
    if (signal?.aborted) onAbort();
    else signal?.addEventListener('abort', onAbort, { once: true });
    let response: Response;
    try {
      response = await options.fetch(base + path, {
        method,
        headers: headers(body !== undefined ? { 'Content-Type': 'application/json' } : {}),
        body: body !== undefined ? JSON.stringify(body) : undefined,
        signal: controller.signal,
      });
    } catch (e) {
      const reason: unknown = controller.signal.reason;
      if (reason instanceof ArgoApiError) throw reason;
      if (signal?.aborted) throw e;
      throw new ArgoApiError('network', (e as Error).message || 'network error');
    } finally {
      clearTimeout(timer);
      // A stream's body is read after this returns: keep the link, so that
      // aborting `signal` closes the stream (Argo keeps it open after the run ends).
      if (!stream) signal?.removeEventListener('abort', onAbort);
    }
    if (!response.ok) throw errorFromReply(response.status, await response.text().catch(() => ''));
    return response;
  }

  async function json<T>(
    method: string,
    path: string,
    body?: unknown,
    signal?: AbortSignal,
  ): Promise<T> {
    const response = await send(method, path, body, signal);
    const text = await response.text();
    try {
      return JSON.parse(text) as T;
    } catch {
      throw new ArgoApiError(
        'bad-reply',
        `expected JSON from ${path}, got: ${text.slice(0, 120)}`,
        response.status,
      );
    }
  }

  const wf = (name: string) => `/api/v1/workflows/${ns}/${encodeURIComponent(name)}`;

  return {
    connection,
    version: () => json<JsonObject>('GET', '/api/v1/version'),
    userInfo: () => json<JsonObject>('GET', '/api/v1/userinfo'),
    /** At most `limit` workflows of the namespace: a cheap check that the token may use it. */
    listWorkflows: (limit = 1) =>
      json<JsonObject>(
        'GET',
        `/api/v1/workflows/${ns}?${new URLSearchParams({ 'listOptions.limit': String(limit) })}`,
      ),

    /** Server-side lint; an invalid manifest throws ArgoApiError kind 'invalid'. */
    lint(kind: WorkflowKind, manifest: JsonObject) {
      const { path, key } = ENDPOINTS[kind];
      return json<JsonObject>('POST', `${path(ns)}/lint`, {
        namespace: connection.namespace,
        [key]: manifest,
      });
    },

    create(kind: WorkflowKind, manifest: JsonObject) {
      const { path, key } = ENDPOINTS[kind];
      return json<JsonObject>('POST', path(ns), {
        namespace: connection.namespace,
        [key]: manifest,
      });
    },

    /** Replaces a stored template or cron workflow, carrying over its resourceVersion as the API requires. */
    async update(kind: Exclude<WorkflowKind, 'Workflow'>, manifest: JsonObject) {
      const { path, key } = ENDPOINTS[kind];
      const name = String((manifest.metadata as JsonObject | undefined)?.name ?? '');
      const url = `${path(ns)}/${encodeURIComponent(name)}`;
      const current = await json<JsonObject>('GET', url);
      const resourceVersion = (current.metadata as JsonObject | undefined)?.resourceVersion;
      const metadata = { ...(manifest.metadata as JsonObject), resourceVersion };
      return json<JsonObject>('PUT', url, {
        namespace: connection.namespace,
        name,
        [key]: { ...manifest, metadata },
      });
    },

    /** Starts a Workflow from a stored WorkflowTemplate (or CronWorkflow / ClusterWorkflowTemplate). */
    submitFrom(
      kind: Exclude<WorkflowKind, 'Workflow'>,
      name: string,
      parameters: Record<string, string>,
    ) {
      return json<JsonObject>('POST', `/api/v1/workflows/${ns}/submit`, {
        namespace: connection.namespace,
        resourceKind: kind,
        resourceName: name,
        submitOptions: { parameters: Object.entries(parameters).map(([k, v]) => `${k}=${v}`) },
      });
    },

    getWorkflow: (name: string, signal?: AbortSignal) =>
      json<JsonObject>('GET', wf(name), undefined, signal),
    stop: (name: string) =>
      json<JsonObject>('PUT', `${wf(name)}/stop`, { name, namespace: connection.namespace }),
    terminate: (name: string) =>
      json<JsonObject>('PUT', `${wf(name)}/terminate`, { name, namespace: connection.namespace }),
    retry: (name: string) =>
      json<JsonObject>('PUT', `${wf(name)}/retry`, { name, namespace: connection.namespace }),
    resubmit: (name: string) =>
      json<JsonObject>('PUT', `${wf(name)}/resubmit`, { name, namespace: connection.namespace }),

    /** Follows one workflow's events until the stream ends (or `signal` aborts). */
    async watch(
      name: string,
      onEvent: (e: WatchEvent) => void,
      signal?: AbortSignal,
    ): Promise<void> {
      const query = new URLSearchParams({ 'listOptions.fieldSelector': `metadata.name=${name}` });
      const response = await send(
        'GET',
        `/api/v1/workflow-events/${ns}?${query}`,
        undefined,
        signal,
        true,
      );
      if (!response.body) throw new ArgoApiError('bad-reply', 'the event stream has no body');
      await readJsonLines<WatchEvent>(response.body, onEvent, signal);
    },

    /** Streams a workflow's logs (one pod's when `podName` is given). */
    async logs(
      name: string,
      opts: { podName?: string; follow?: boolean },
      onEntry: (e: LogEntry) => void,
      signal?: AbortSignal,
    ): Promise<void> {
      const query = new URLSearchParams({ 'logOptions.container': 'main' });
      if (opts.podName) query.set('podName', opts.podName);
      if (opts.follow) query.set('logOptions.follow', 'true');
      const response = await send('GET', `${wf(name)}/log?${query}`, undefined, signal, true);
      if (!response.body) throw new ArgoApiError('bad-reply', 'the log stream has no body');
      await readJsonLines<LogEntry>(response.body, onEntry, signal);
    },
  };
}

export type ArgoClient = ReturnType<typeof createArgoClient>;
