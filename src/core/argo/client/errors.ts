/**
 * Failures of calls to the Argo Server, classified so the editor can explain
 * each in words. The server answers errors as grpc-gateway's
 * `{code, message}` with an HTTP status (design notes; swagger.json
 * `grpc.gateway.runtime.Error`).
 */
import { redactToken } from './redact';

export type ArgoErrorKind =
  | 'network' // no answer: server down, wrong address, or blocked by the browser (no CORS)
  | 'dropped' // the connection broke while the answer (or a stream) was being read
  | 'timeout'
  | 'tls' // the proxy could not verify the server's certificate
  | 'unauthorized' // 401: token missing, wrong or expired
  | 'forbidden' // 403: token valid, no rights in that namespace
  | 'not-found'
  | 'conflict' // 409: an object with that name exists
  | 'invalid' // 400, and lint's 500 with code 2
  | 'too-large'
  | 'server' // other 5xx
  | 'bad-reply'; // an answer that is not what the API promises (the message names the endpoint)

export class ArgoApiError extends Error {
  constructor(
    readonly kind: ArgoErrorKind,
    message: string,
    readonly status?: number,
    /** grpc code from the body, when there was one. */
    readonly code?: number,
  ) {
    super(message);
    this.name = 'ArgoApiError';
  }
}

const KIND_BY_STATUS: Record<number, ArgoErrorKind> = {
  400: 'invalid',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not-found',
  409: 'conflict',
  413: 'too-large',
};

/** The error for a non-2xx reply; `body` is its text. */
export function errorFromReply(status: number, body: string): ArgoApiError {
  let message = body.trim();
  let code: number | undefined;
  try {
    const parsed = JSON.parse(body) as { message?: unknown; code?: unknown; error?: unknown };
    // Unary errors are {code, message}; stream routes answer {error: {message, grpc_code}}.
    const nested =
      typeof parsed.error === 'object' && parsed.error !== null
        ? (parsed.error as { message?: unknown; grpc_code?: unknown })
        : undefined;
    if (typeof parsed.message === 'string') message = parsed.message;
    else if (typeof parsed.error === 'string') message = parsed.error;
    else if (typeof nested?.message === 'string') message = nested.message;
    if (typeof parsed.code === 'number') code = parsed.code;
    else if (typeof nested?.grpc_code === 'number') code = nested.grpc_code;
  } catch {
    // Not JSON: a proxy's or load balancer's page; keep its text, shortened.
    message = message
      .replace(/<[^>]+>/g, ' ')
      .replace(/\s+/g, ' ')
      .trim()
      .slice(0, 300);
  }
  let kind = KIND_BY_STATUS[status] ?? (status >= 500 ? 'server' : 'invalid');
  // The lint endpoint answers an invalid workflow with 500 and grpc code 2 (Unknown).
  if (status === 500 && code === 2) kind = 'invalid';
  // Argo answers a body over 3 MiB with 400 "Request entity too large: limit is 3145728".
  if (/request entity too large/i.test(message)) kind = 'too-large';
  if (/certificate|x509|self[- ]signed|CERT_|TLS/i.test(message) && status >= 500) kind = 'tls';
  return new ArgoApiError(kind, message || `HTTP ${status}`, status, code);
}

export interface ExplainContext {
  server: string;
  namespace: string;
  /** false for the CLI: no CORS or proxy advice there. */
  browser?: boolean;
  /** The token in use: never shown, whatever a server echoed (see redact.ts). */
  token?: string;
}

/**
 * What went wrong and what to do, in words, for the connection settings, the
 * submit button, the run panel and the CLI. The token never appears in it.
 */
export function explainError(e: unknown, ctx: ExplainContext): string {
  return redactToken(explainUnredacted(e, ctx), ctx.token);
}

function explainUnredacted(e: unknown, ctx: ExplainContext): string {
  if (!(e instanceof ArgoApiError))
    return `Unexpected error: ${(e as Error)?.message ?? String(e)}`;
  const where = ctx.server || 'this app’s own address (through its proxy)';
  switch (e.kind) {
    case 'network':
      if (ctx.browser === false)
        return `Could not reach the Argo Server at ${where} (${e.message}). Check the address (Argo Server listens on port 2746, HTTPS by default) and that it is running.`;
      return `Could not reach the Argo Server at ${where}. If the app runs on another origin than the server, the browser blocks the call: the Argo Server sends no CORS headers on /api/ (argo-workflows issue 14099). Serve the app through its proxy instead: ARGO_SERVER=https://your-server:2746 npm run dev (add ARGO_INSECURE=1 for a self-signed certificate), or use the nginx setup in docs/deploy.md. (${e.message})`;
    case 'dropped':
      return `The connection to the Argo Server at ${where} dropped: ${e.message}. Try again; if it keeps happening, check the proxy or load balancer in between (its timeouts and body size limits).`;
    case 'timeout':
      return `The Argo Server at ${where} did not answer in time. ${e.message}`;
    case 'tls':
      return `The server’s TLS certificate was not accepted (${e.message}). Argo Server uses a self-signed certificate by default: start the proxy with ARGO_INSECURE=1, or give the server a trusted certificate.`;
    case 'unauthorized':
      return `The Argo Server rejected the token (401): ${e.message}. Paste a current token, e.g. from \`argo auth token\` (it starts with "Bearer ", which may be left out).`;
    case 'forbidden':
      return `The token is valid but has no rights in namespace "${ctx.namespace}" (403): ${e.message}. Choose a namespace the service account may use, or ask for a RoleBinding.`;
    case 'not-found':
      // Argo's own 404s carry a grpc code (5, NotFound); a bare 404 came from
      // whatever serves the address: a static server, a proxy with no route.
      if (e.code === undefined) return noArgoServer(e, ctx, where);
      return `Not found (404): ${e.message}`;
    case 'conflict':
      return `Already exists (409): ${e.message}`;
    case 'invalid':
      return `The server rejected the workflow: ${e.message}`;
    case 'too-large':
      return `The workflow is too large for the Argo API (over 3 MiB). Use loops (withItems/withParam) or WorkflowTemplates. ${e.message}`;
    case 'server':
      return `The Argo Server failed (HTTP ${e.status ?? '?'}): ${e.message}`;
    case 'bad-reply':
      // The client's own messages name the server and the endpoint already.
      return /^the server at /.test(e.message)
        ? e.message[0]!.toUpperCase() + e.message.slice(1)
        : `The Argo Server sent an answer the editor cannot read: ${e.message}`;
  }
}

/** A 404 that no Argo Server wrote: nothing behind /api/v1 at that address. */
function noArgoServer(e: ArgoApiError, ctx: ExplainContext, where: string): string {
  const detail = `(${e.message})`;
  if (ctx.browser === false)
    return `Not found (404) at ${where}, and not an answer of an Argo Server: check the address (Argo Server listens on port 2746, HTTPS by default). ${detail}`;
  if (!ctx.server)
    return `Not found (404): no Argo Server is behind this app. Its /api/v1 calls go to the app’s own address, whose server has no proxy to Argo. Start the app with one: ARGO_SERVER=https://your-server:2746 npm start (or npm run dev; add ARGO_INSECURE=1 for a self-signed certificate), or use the nginx setup in docs/deploy.md. Or enter the server’s address under Server… if it accepts calls from this page. ${detail}`;
  return `Not found (404) at ${where}, and not an answer of an Argo Server: check the address under Server… (Argo Server listens on port 2746), or leave it empty and serve the app through its proxy (ARGO_SERVER=…, docs/deploy.md). ${detail}`;
}
