/**
 * TEST DOUBLE of the Argo Server REST API (argo-workflows v4.1.x, the contract
 * is `../shared/argo/swagger.json`). Tests only: a plain Node `http` server on
 * 127.0.0.1 with in-memory stores and a simulated controller that runs DAG
 * workflows step by step. Not an Argo server: no Kubernetes, no pods, no TLS.
 *
 * What it mirrors (checked against the upstream sources):
 * - `Authorization: Bearer <token>` on every /api/ route, checked after
 *   routing as the gRPC interceptor is; 401 code 16 "token not valid. see ...",
 *   403 code 7 with the Kubernetes RBAC wording for other namespaces.
 * - Unary errors are `{code, message}` (grpc-gateway v1 with Argo's JSON
 *   marshaler). Errors of the two streaming routes are grpc-gateway v1 stream
 *   errors, `{"error":{"grpc_code","http_code","message","http_status"}}` with
 *   that HTTP status (swagger: `grpc.gateway.runtime.StreamError`).
 * - Unknown route 404 `{code:5, message:'Not Found'}`; a known path with another
 *   method (OPTIONS preflight included) 501 `{code:12, message:'Method Not Allowed'}`
 *   (grpc-gateway's routing error handler). No CORS headers at all (issue 14099).
 * - Workflow lint answers an invalid workflow with HTTP 500 code 2; create and the
 *   template/cron lint routes answer 400 code 3 (ToStatusError(InvalidArgument)).
 * - Retry only from Failed/Error (400 "Cannot retry a workflow in phase X";
 *   Succeeded needs restartSuccessful+nodeFieldSelector, which is not modelled,
 *   so it is always 400). Resubmit works in any phase (as Argo); memoized
 *   resubmit needs Failed/Error. Stop/terminate of a finished workflow is
 *   500 code 13 "cannot shutdown a completed workflow: ...".
 * - Stop/terminate only set `spec.shutdown`, as Argo's server does; the
 *   simulated controller applies it on its next step (watch the events or poll).
 * - PUT of templates/cron workflows needs `metadata.resourceVersion` (custom
 *   resources allow no unconditional update): missing -> 400, stale -> 409.
 * - Lists answer `items: null` when empty. Node ids are `<wf>-<fnv32a(node name)>`,
 *   pod names `<wf>-<template>-<same hash>` (POD_NAMES=v2; see argoNodeId/argoPodName).
 * - Lists (workflows, templates, cluster templates, cron workflows) take
 *   `listOptions.labelSelector` (Kubernetes syntax), `listOptions.fieldSelector`
 *   `metadata.name=<x>` with `nameFilter` Exact|Prefix|Contains, `namePattern`
 *   (templates), `listOptions.limit`/`listOptions.continue` with an opaque
 *   `metadata.continue`, and `fields` (see doubleLists.ts). A malformed selector
 *   or a continue the server did not issue is 400 code 3.
 * - `/api/v1/archived-workflows` (list, get and delete by uid) as
 *   server/workflowarchive/archived_workflow_server.go: `namespace` query
 *   parameter with its permission check (403 "Permission denied, you are not
 *   allowed to list workflows in namespace ..."), `namePrefix`, label
 *   selectors, an integer-offset `continue`, newest started first. With
 *   `archive: true` a run is archived when it finishes; without, the lists are
 *   empty (Argo's NullWorkflowArchive when persistence is off).
 * - Not Argo: GET /api/v1/namespaces/{ns}/configmaps/{name} answers the
 *   ConfigMaps in `configMaps` as the Kubernetes API would (404 "configmaps
 *   "x" not found"), for the editor's config-from-ConfigMap, which real
 *   deployments route to the Kubernetes API through the same proxy.
 * - `clusterScope: false`: every cluster-workflow-templates route is 403 code 7
 *   with Kubernetes' "... at the cluster scope" wording.
 * - Watching `metadata.name=<x>` for a missing workflow is a 404 (Argo's
 *   WatchWorkflows gets the workflow first); otherwise the stream starts with an
 *   ADDED event per matching workflow, then one MODIFIED per controller step.
 * The stream error shape, the 501 and `items: null` are read from grpc-gateway v1
 * and encoding/json behaviour, not observed on a live server.
 *
 * Deviations from the real server (keep these in mind when a test passes here):
 * - Create answers `status: {phase: 'Pending'}`; Argo answers an empty status.
 *   `status.storedWorkflowTemplateSpec` (workflowTemplateRef) is set at once,
 *   not by a controller, and a missing referenced template fails create with 404.
 * - Simulation: every DAG task is one pod whatever its template kind;
 *   failFast, retryStrategy, exit handlers, outputs, steps and loops are not
 *   modelled; a non-DAG entrypoint runs as a single pod. A task starts when all
 *   tasks it names finished; its `depends` / `dependencies` are evaluated with
 *   the core's evaluator (src/core/simulate/dependsLogic.ts, Argo's semantics:
 *   a bare name is Succeeded || Skipped || Daemoned, continueOn widens it) and a
 *   false one makes it Omitted; its `when`, with workflow parameters
 *   substituted, is evaluated as govaluate does (false: Skipped, invalid:
 *   Error); one that names task outputs (not simulated here) runs. The DAG fails if any task Failed
 *   or Errored (Argo's assessDAGPhase is in the core's simulator, not here).
 *   `failTasks` also fails a single-pod workflow whose entrypoint template has that name.
 * - Every namespaced route, lint included, checks the namespace (Argo's lint
 *   needs no RBAC). The body is decoded before the auth check, as the gateway does.
 * - Bodies over 3 MiB get 400 code 3 "Request entity too large: limit is 3145728"
 *   (the Kubernetes API limit as Argo maps it) on every route; the etcd limit
 *   (~1.5 MiB) is not modelled. Malformed JSON gets 400 code 3 with Node's parser
 *   message. Body checks use `validateManifest` (skipped, with one log line, when
 *   ../shared is absent) and the core's `validate`, so messages are ours, not Argo's.
 * - Log `podName` accepts the node id as well as the pod name (Argo: pod name
 *   only); entries report the pod name. Only the `main` container has lines, and
 *   they are generated: image, the command with `{{inputs.parameters.x}}` and
 *   `{{workflow.parameters.x}}` substituted, an exit line (an error line on failure).
 * - Memoized resubmit reruns everything; retry ignores nodeFieldSelector and
 *   restartSuccessful; stop ignores nodeFieldSelector and message.
 * - `resourceVersion` of watches and CronWorkflow schedules (never triggered)
 *   are ignored. Timestamps have second precision. Workflow lists are sorted
 *   newest first across pages (Argo 3.5+ sorts its list; Kubernetes pages by
 *   name); the live list does not include archived runs, and the archive keeps
 *   a copy of a run even while it is live (the client dedupes by uid). Label
 *   values are not checked against the Kubernetes rules on create.
 * - Extra control routes for out-of-process use (no auth, not under /api/):
 *   POST /__double/fault (a Fault as JSON, `path` a regex source, or null),
 *   POST /__double/fail-tasks (string[]), GET /__double/requests,
 *   POST /__double/pause, /__double/resume, /__double/step (the controller's
 *   clock, below; step answers every workflow's phase and its tasks' phases).
 *
 * - Injected faults (`fault()`) are not Argo behaviour but what a network, a
 *   proxy or a wrong address does: a status with Argo's wording (optionally
 *   echoing the Authorization header, as a careless proxy's error page does),
 *   a delay, a stream dropped after N events, any body verbatim (`reply`: a
 *   wrong shape such as `[1,2,3]`, HTML), the real answer cut off mid-body
 *   (`cutBodyAfterBytes`) or stalled there with the connection open
 *   (`stallBodyAfterBytes`), and a connection closed without an answer (`hangUp`).
 *
 * The controller's clock: by default every run takes one step each `stepMs` of
 * wall time, so what a test sees between two steps depends on how fast the
 * machine is. A test that must act while a run is in a given state (stop it
 * while it runs, see a task Running before it succeeds) pauses the controller,
 * takes the steps it needs with `step()`, acts, and resumes: runs then never
 * move on their own, however loaded the machine.
 */
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { join } from 'node:path';
import { importManifest, topologicalOrder, validate, type Task } from '../../src/core';
import { argoNodeId, argoPodName } from '../../src/core/argo/nodeIds';

export { argoNodeId, argoPodName };
import {
  dependsLogic,
  evaluateDepends,
  taskResults,
  whenResult,
  type DependsLogic,
} from '../../src/core/simulate';
import { validateManifest } from './argoSchema';
import {
  cleanFields,
  labelSelector,
  ListError,
  nameMatcher,
  offsetPage,
  page,
} from './doubleLists';
import { ARGO_DIR } from './sharedData';

export interface ArgoServerDoubleOptions {
  /** Bearer token accepted; default 'test-token'. */
  token?: string;
  /** Namespaces the token may use; default ['argo']. */
  namespaces?: string[];
  /** Simulated time per phase step; default 200 ms. */
  stepMs?: number;
  /** DAG task names that fail ('Error (exit code 1)'). */
  failTasks?: string[];
  /** Reported by /api/v1/version; default 'v4.1.2'. */
  version?: string;
  /**
   * The server has a workflow archive (persistence.archive): finished runs are
   * kept there by uid. Without one the archive routes answer empty lists, as
   * Argo's NullWorkflowArchive does. Default false.
   */
  archive?: boolean;
  /** The token may use cluster-scoped resources (ClusterWorkflowTemplates); default true. */
  clusterScope?: boolean;
}

export type Fault =
  | {
      status: 401 | 403 | 500 | 503;
      times?: number;
      path?: RegExp;
      /** Puts the request's Authorization header in the error message, as a careless proxy does. */
      echoAuthorization?: boolean;
    }
  | { delayMs: number; path?: RegExp }
  | { dropStreamAfterEvents: number }
  /** Answers `reply` verbatim (status 200 unless given): a wrong shape, HTML, a truncated JSON. */
  | { reply: string; status?: number; times?: number; path?: RegExp }
  /** Sends the real answer's headers (its full Content-Length) and this many bytes, then closes. */
  | { cutBodyAfterBytes: number; times?: number; path?: RegExp }
  /** Like `cutBodyAfterBytes`, but keeps the connection open (as Vite's proxy does after a drop). */
  | { stallBodyAfterBytes: number; times?: number; path?: RegExp }
  /** Closes the connection without answering. */
  | { hangUp: true; times?: number; path?: RegExp };

export interface RecordedRequest {
  method: string;
  /** Path without the query string. */
  path: string;
  /** The query string, '' or starting with '?'. */
  query: string;
  authorization?: string;
  body?: unknown;
  /** The HTTP status answered, once the response has started. */
  status?: number;
}

/** An object as the API sends it (Workflow, WorkflowTemplate, ...), read loosely by tests. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type ArgoObject = Record<string, any>;

export interface ArgoServerDouble {
  url: string;
  port: number;
  requests: RecordedRequest[];
  /** `${ns}/${name}` -> stored Workflow (live: the simulation mutates it). */
  workflows: Map<string, ArgoObject>;
  /** `${ns}/${name}` -> WorkflowTemplate. */
  workflowTemplates: Map<string, ArgoObject>;
  /** `${ns}/${name}` -> CronWorkflow. */
  cronWorkflows: Map<string, ArgoObject>;
  /** name -> ClusterWorkflowTemplate. */
  clusterWorkflowTemplates: Map<string, ArgoObject>;
  /** uid -> archived Workflow (filled as runs finish when `archive` is on; tests may add their own). */
  archivedWorkflows: Map<string, ArgoObject>;
  /** `${ns}/${name}` -> ConfigMap, served as the Kubernetes API would (not Argo: see the header). */
  configMaps: Map<string, ArgoObject>;
  /** False when ../shared is absent and bodies are not checked against the schema. */
  schemaValidation: boolean;
  /** Injects a fault for the following /api/ requests (or streams); undefined clears it. */
  fault(f: Fault | undefined): void;
  /** Replaces the failing task names (a retry re-runs them with the new list). */
  setFailTasks(names: string[]): void;
  /**
   * Stops the controller's clock: runs (those in `namespace` only, when given)
   * stay as they are until step() or resume().
   */
  pause(namespace?: string): void;
  /** Restarts the clock (for `namespace` only, when given; for all without). */
  resume(namespace?: string): void;
  /** One controller step of every unfinished run (in `namespace`, when given), now, paused or not. */
  step(namespace?: string): void;
  close(): Promise<void>;
}

// ---------------------------------------------------------------- basics

type Json = Record<string, unknown>;
type Param = { name: string; value: string };
type Meta = Json & { name: string; namespace?: string; labels?: Record<string, string> };
type Obj = Json & { apiVersion: string; kind: string; metadata: Meta; spec: Json };
type NodeStatus = {
  id: string;
  name: string;
  displayName: string;
  type: 'DAG' | 'Pod' | 'Skipped';
  templateName: string;
  templateScope: string;
  phase: string;
  boundaryID?: string;
  children?: string[];
  outboundNodes?: string[];
  startedAt: string | null;
  finishedAt: string | null;
  progress?: string;
  message?: string;
  inputs?: { parameters: Param[] };
};
type Status = {
  phase: string;
  startedAt?: string | null;
  finishedAt?: string | null;
  progress?: string;
  message?: string;
  nodes?: Record<string, NodeStatus>;
  storedWorkflowTemplateSpec?: Json;
};
type Workflow = Obj & { status: Status };

const SERVICE_ACCOUNT = 'system:serviceaccount:argo:argo-ui';
const BODY_LIMIT = 3 * 1024 * 1024;
const DRAIN_LIMIT = 64 * 1024 * 1024;
const DONE = new Set(['Succeeded', 'Failed', 'Error', 'Skipped', 'Omitted']);
const L = 'workflows.argoproj.io/';

class ApiError extends Error {
  constructor(
    readonly http: number,
    readonly code: number,
    message: string,
  ) {
    super(message);
  }
}
const bad = (message: string) => new ApiError(400, 3, message);
const notFound = (resource: string, name: string) =>
  new ApiError(404, 5, `${resource}.argoproj.io "${name}" not found`);
const HTTP_TEXT: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  409: 'Conflict',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

const isObj = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const clone = <T>(v: T): T => structuredClone(v);
const now = () => new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

function randomSuffix(): string {
  const abc = 'abcdefghijklmnopqrstuvwxyz0123456789';
  return Array.from({ length: 5 }, () => abc[Math.floor(Math.random() * abc.length)]).join('');
}

/** `['a=1', 'b=x=y']` -> params; Argo rejects an entry without '='. */
function parseParams(list: unknown): Param[] {
  if (list === undefined || list === null) return [];
  if (!Array.isArray(list)) throw bad('parameters must be a list of "NAME=VALUE" strings');
  return list.map((p) => {
    const s = String(p);
    const at = s.indexOf('=');
    if (at < 1) throw bad(`Expected parameter of the form: NAME=VALUE. Received: ${s}`);
    return { name: s.slice(0, at), value: s.slice(at + 1) };
  });
}

/** Sets `spec.arguments.parameters` values by name, appending unknown names. */
function applyParams(spec: Json, params: Param[]): void {
  if (params.length === 0) return;
  const args = isObj(spec.arguments) ? spec.arguments : {};
  const list = (Array.isArray(args.parameters) ? args.parameters : []) as Json[];
  for (const p of params) {
    const hit = list.find((x) => x.name === p.name);
    if (hit) hit.value = p.value;
    else list.push({ name: p.name, value: p.value });
  }
  spec.arguments = { ...args, parameters: list };
}

function labelsOf(text: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  for (const kv of String(text ?? '').split(',')) {
    const [k, v] = kv.split('=');
    if (k && v !== undefined) out[k.trim()] = v.trim();
  }
  return out;
}

// ---------------------------------------------------------------- validation

const schemaFile = join(ARGO_DIR, 'schema.json');

/** Problems with a manifest: the core's DAG rules first (Argo-like wording), then the schema. */
function problems(obj: Obj, useSchema: boolean): string[] {
  const out: string[] = [];
  const imported = importManifest(obj);
  for (const d of imported.diagnostics) if (d.severity === 'error') out.push(d.message);
  if (imported.value)
    for (const d of validate(imported.value)) if (d.severity === 'error') out.push(d.message);
  if (useSchema) out.push(...validateManifest(obj));
  return out;
}

// ---------------------------------------------------------------- simulation

type SimTask = {
  name: string;
  templateName: string;
  deps: string[];
  logic: DependsLogic;
  /** `when` with the workflow's parameters substituted. */
  when?: string;
  nodeName: string;
  nodeId: string;
  podName: string;
  image: string;
  command: string;
  inputs: Param[];
};
type LogEntry = { nodeId: string; podName: string; content: string };
type Run = {
  key: string;
  wf: Workflow;
  /** DAG template name and tasks in topological order; undefined for a single-pod workflow. */
  dag?: { name: string; tasks: SimTask[] };
  root: SimTask;
  timer?: NodeJS.Timeout;
  logs: LogEntry[];
};

type Lookup = (ref: Json) => Obj | undefined;

/** The spec that runs: a workflowTemplateRef's spec with the workflow's own fields on top. */
function effectiveSpec(wf: Obj, lookup: Lookup): Json {
  const { workflowTemplateRef: ref, ...own } = wf.spec;
  if (!isObj(ref)) return wf.spec;
  const tmpl = lookup(ref);
  const resource = ref.clusterScope ? 'clusterworkflowtemplates' : 'workflowtemplates';
  if (!tmpl) throw notFound(resource, String(ref.name));
  const base = clone(tmpl.spec);
  const merged: Json = { ...base, ...own };
  merged.arguments = clone(isObj(base.arguments) ? base.arguments : {});
  const ownArgs = isObj(own.arguments) && Array.isArray(own.arguments.parameters);
  if (ownArgs) {
    const params = (own.arguments as Json).parameters as Json[];
    applyParams(
      merged,
      params.map((p) => ({ name: String(p.name), value: String(p.value ?? '') })),
    );
  }
  return merged;
}

function substitute(text: string, vars: Map<string, string>): string {
  return text.replace(/\{\{\s*([\w.-]+)\s*\}\}/g, (m, key: string) => vars.get(key) ?? m);
}

/** Builds what the simulation needs for one pod: node id, pod name, inputs, image, command. */
function simTask(
  wfName: string,
  nodeName: string,
  display: string,
  tmplName: string,
  tmpl: Json | undefined,
  args: Json[],
  vars: Map<string, string>,
): SimTask {
  const given = new Map(args.map((a) => [String(a.name), substitute(String(a.value ?? ''), vars)]));
  const declared = (
    isObj(tmpl?.inputs) && Array.isArray(tmpl.inputs.parameters) ? tmpl.inputs.parameters : []
  ) as Json[];
  const inputs = declared.map((p) => ({
    name: String(p.name),
    value: given.get(String(p.name)) ?? String(p.value ?? p.default ?? ''),
  }));
  const local = new Map(vars);
  for (const p of inputs) local.set(`inputs.parameters.${p.name}`, p.value);
  const c = (tmpl?.container ?? tmpl?.script) as Json | undefined;
  const words = (v: unknown) => (Array.isArray(v) ? v.map(String) : []);
  let command = `(a ${Object.keys(tmpl ?? {}).find((k) => k !== 'name') ?? 'missing'} template, simulated as a pod)`;
  if (isObj(c)) {
    const parts = [...words(c.command), ...words(c.args)];
    if (typeof c.source === 'string') parts.push(c.source.trim());
    command = parts.join(' ');
  }
  return {
    name: display,
    templateName: tmplName,
    deps: [],
    logic: { kind: 'none' },
    nodeName,
    nodeId: argoNodeId(wfName, nodeName),
    podName: argoPodName(wfName, tmplName, nodeName),
    image: isObj(c) ? String(c.image ?? 'unknown') : 'unknown',
    command: substitute(command, local),
    inputs,
  };
}

/** The run plan for a workflow: its entrypoint DAG's tasks, or one pod. */
function planRun(wf: Workflow, spec: Json, lookup: Lookup): Pick<Run, 'dag' | 'root'> {
  const wfName = wf.metadata.name;
  const templates = (Array.isArray(spec.templates) ? spec.templates : []).filter(isObj);
  const byName = (n: unknown) => templates.find((t) => t.name === n);
  const vars = new Map<string, string>([
    ['workflow.name', wfName],
    ['workflow.namespace', String(wf.metadata.namespace)],
  ]);
  const wfArgs = isObj(spec.arguments) && Array.isArray(spec.arguments.parameters);
  for (const p of (wfArgs ? (spec.arguments as Json).parameters : []) as Json[])
    vars.set(`workflow.parameters.${String(p.name)}`, String(p.value ?? p.default ?? ''));
  const entry = String(spec.entrypoint ?? '');
  const entryTmpl = byName(entry);
  const dag = entryTmpl && isObj(entryTmpl.dag) ? entryTmpl.dag : undefined;
  if (!dag || !Array.isArray(dag.tasks)) {
    const wfParams = ((wfArgs ? (spec.arguments as Json).parameters : []) as Json[]).map((p) => ({
      name: p.name,
      value: p.value ?? p.default,
    }));
    return { root: simTask(wfName, wfName, wfName, entry, entryTmpl, wfParams, vars) };
  }
  const tasks = (dag.tasks as unknown[]).filter(isObj) as Task[];
  const order = topologicalOrder(tasks) ?? tasks.map((t) => t.name);
  const byTask = new Map(tasks.map((t) => [t.name, t]));
  const sims = order.map((name) => {
    const t = byTask.get(name)!;
    const ref = isObj(t.templateRef) ? t.templateRef : undefined;
    const refTmpl = ref ? lookup({ name: ref.name, clusterScope: ref.clusterScope }) : undefined;
    const refTemplates = (
      refTmpl && Array.isArray(refTmpl.spec.templates) ? refTmpl.spec.templates : []
    ) as Json[];
    const tmpl = isObj(t.inline)
      ? t.inline
      : ref
        ? refTemplates.find((x) => x.name === ref.template)
        : byName(t.template);
    const tmplName = String(t.template ?? ref?.template ?? 'inline');
    const args = (
      isObj(t.arguments) && Array.isArray(t.arguments.parameters) ? t.arguments.parameters : []
    ) as Json[];
    const sim = simTask(wfName, `${wfName}.${name}`, name, tmplName, tmpl, args, vars);
    sim.logic = dependsLogic(t, (n) => byTask.get(n));
    if (typeof t.when === 'string') sim.when = substitute(t.when, vars);
    const deps = new Set(sim.logic.kind === 'none' ? [] : sim.logic.tasks);
    sim.deps = [...deps].filter((d) => byTask.has(d));
    return sim;
  });
  return {
    dag: { name: String(entryTmpl!.name), tasks: sims },
    root: simTask(wfName, wfName, wfName, entry, entryTmpl, [], vars),
  };
}

// ---------------------------------------------------------------- streams

/** One NDJSON or SSE response; destroys the socket after `dropAfter` lines when asked. */
class Stream {
  private sent = 0;
  private dropped = false;
  constructor(
    readonly res: ServerResponse,
    private readonly sse: boolean,
    private readonly dropAfter: number | undefined,
  ) {
    head(res, 200, {
      'Content-Type': sse ? 'text/event-stream' : 'application/json',
      'Cache-Control': 'no-cache',
    });
    res.flushHeaders();
  }
  get open(): boolean {
    return !this.dropped && !this.res.destroyed && !this.res.writableEnded;
  }
  write(result: unknown): void {
    if (!this.open) return;
    const line = JSON.stringify({ result });
    this.sent++;
    const drop = this.dropAfter !== undefined && this.sent >= this.dropAfter;
    if (drop) this.dropped = true;
    this.res.write(this.sse ? `data: ${line}\n\n` : `${line}\n`, () => {
      if (drop) this.res.socket?.destroy();
    });
  }
  end(): void {
    if (this.open) this.res.end();
  }
}

type Watcher = { ns: string; name?: string; stream: Stream };
type Follower = {
  run: Run;
  stream: Stream;
  index: number;
  pod?: string;
  follow: boolean;
  grep?: RegExp;
};

// ---------------------------------------------------------------- the double

type Call = {
  req: IncomingMessage;
  res: ServerResponse;
  params: Record<string, string>;
  query: URLSearchParams;
  body: Json;
};
type Handler = (c: Call) => unknown;
type Route = {
  method: string;
  pattern: RegExp;
  keys: string[];
  verb: string;
  resource: string;
  stream: boolean;
  handler: Handler;
};
const STREAMING = Symbol('streaming');

type ResKind = {
  kind: 'WorkflowTemplate' | 'CronWorkflow' | 'ClusterWorkflowTemplate';
  resource: string;
  bodyKey: 'template' | 'cronWorkflow';
  store: Map<string, Obj>;
};

class Double {
  readonly requests: RecordedRequest[] = [];
  readonly workflows = new Map<string, Workflow>();
  readonly workflowTemplates = new Map<string, Obj>();
  readonly cronWorkflows = new Map<string, Obj>();
  readonly clusterWorkflowTemplates = new Map<string, Obj>();
  readonly archivedWorkflows = new Map<string, Workflow>();
  readonly configMaps = new Map<string, Json>();
  private readonly runs = new Map<string, Run>();
  private readonly watchers = new Set<Watcher>();
  private readonly followers = new Set<Follower>();
  private readonly routes: Route[] = [];
  private readonly token: string;
  private readonly namespaces: Set<string>;
  private readonly stepMs: number;
  private readonly version: string;
  private readonly archive: boolean;
  private readonly clusterScope: boolean;
  private failTasks: Set<string>;
  private activeFault: (Fault & { used?: number }) | undefined;
  private paused = false;
  private readonly pausedNamespaces = new Set<string>();
  private rv = 1000;

  constructor(
    opts: ArgoServerDoubleOptions,
    readonly schemaValidation: boolean,
  ) {
    this.token = opts.token ?? 'test-token';
    this.namespaces = new Set(opts.namespaces ?? ['argo']);
    this.stepMs = opts.stepMs ?? 200;
    this.version = opts.version ?? 'v4.1.2';
    this.archive = opts.archive ?? false;
    this.clusterScope = opts.clusterScope ?? true;
    this.failTasks = new Set(opts.failTasks ?? []);
    this.defineRoutes();
  }

  fault(f: Fault | undefined): void {
    this.activeFault = f ? { ...f, used: 0 } : undefined;
  }
  setFailTasks(names: string[]): void {
    this.failTasks = new Set(names);
  }
  pause(namespace?: string): void {
    if (namespace === undefined) this.paused = true;
    else this.pausedNamespaces.add(namespace);
  }
  resume(namespace?: string): void {
    if (namespace !== undefined) return void this.pausedNamespaces.delete(namespace);
    this.paused = false;
    this.pausedNamespaces.clear();
  }
  step(namespace?: string): void {
    for (const run of this.runs.values()) {
      const ns = run.wf.metadata.namespace;
      if (!DONE.has(run.wf.status.phase) && (namespace === undefined || ns === namespace))
        this.tick(run);
    }
  }
  shutdown(): void {
    for (const run of this.runs.values()) clearInterval(run.timer);
    for (const w of this.watchers) w.stream.res.destroy();
    for (const f of this.followers) f.stream.res.destroy();
    this.watchers.clear();
    this.followers.clear();
  }

  // ------------------------------------------------------------ routes

  private route(method: string, path: string, verb: string, resource: string, handler: Handler) {
    const keys: string[] = [];
    const source = path.replace(/\{(\w+)\}/g, (_, k: string) => {
      keys.push(k);
      return '([^/]+)';
    });
    const stream = resource === 'workflows' && (verb === 'watch' || path.endsWith('/log'));
    this.routes.push({
      method,
      pattern: new RegExp(`^${source}/?$`),
      keys,
      verb,
      resource,
      stream,
      handler,
    });
  }

  private defineRoutes(): void {
    const wf = '/api/v1/workflows/{namespace}';
    const one = `${wf}/{name}`;
    this.route('GET', '/api/v1/version', '', '', () => this.versionInfo());
    this.route('GET', '/api/v1/userinfo', '', '', () => ({
      issuer: 'kubernetes/serviceaccount',
      subject: SERVICE_ACCOUNT,
      serviceAccountName: 'argo-ui',
      serviceAccountNamespace: 'argo',
    }));
    this.route('POST', `${wf}/lint`, 'create', 'workflows', (c) => this.lintWorkflow(c));
    this.route('POST', wf, 'create', 'workflows', (c) => this.createFromBody(c));
    this.route('GET', wf, 'list', 'workflows', (c) =>
      this.list(c, this.workflows, c.params.namespace!),
    );
    // Not Argo: the Kubernetes API's ConfigMap read, which deployments route through the same proxy.
    this.route(
      'GET',
      '/api/v1/namespaces/{namespace}/configmaps/{name}',
      'get',
      'configmaps',
      (c) => {
        const cm = this.configMaps.get(key(c.params.namespace!, c.params.name!));
        if (!cm) throw new ApiError(404, 5, `configmaps "${c.params.name}" not found`);
        return cm;
      },
    );
    this.route('GET', '/api/v1/archived-workflows', 'list', 'workflows', (c) =>
      this.listArchived(c),
    );
    this.route('GET', '/api/v1/archived-workflows/{uid}', 'get', 'workflows', (c) =>
      this.getArchived(c),
    );
    this.route('DELETE', '/api/v1/archived-workflows/{uid}', 'delete', 'workflows', (c) => {
      this.getArchived(c);
      this.archivedWorkflows.delete(c.params.uid!);
      return {};
    });
    this.route('POST', `${wf}/submit`, 'create', 'workflows', (c) => this.submit(c));
    this.route('GET', one, 'get', 'workflows', (c) => this.getWorkflow(c));
    this.route('DELETE', one, 'delete', 'workflows', (c) => this.deleteWorkflow(c));
    for (const s of ['stop', 'terminate'] as const)
      this.route('PUT', `${one}/${s}`, 'update', 'workflows', (c) =>
        this.requestShutdown(c, s === 'stop' ? 'Stop' : 'Terminate'),
      );
    this.route('PUT', `${one}/retry`, 'update', 'workflows', (c) => this.retry(c));
    this.route('PUT', `${one}/resubmit`, 'create', 'workflows', (c) => this.resubmit(c));
    this.route('GET', `${one}/log`, 'get', 'workflows', (c) =>
      this.logs(c, c.query.get('podName')),
    );
    this.route('GET', `${one}/{podName}/log`, 'get', 'workflows', (c) =>
      this.logs(c, c.params.podName!),
    );
    this.route('GET', '/api/v1/workflow-events/{namespace}', 'watch', 'workflows', (c) =>
      this.watch(c),
    );
    const kinds: [string, ResKind, boolean][] = [
      [
        '/api/v1/workflow-templates/{namespace}',
        {
          kind: 'WorkflowTemplate',
          resource: 'workflowtemplates',
          bodyKey: 'template',
          store: this.workflowTemplates,
        },
        true,
      ],
      [
        '/api/v1/cron-workflows/{namespace}',
        {
          kind: 'CronWorkflow',
          resource: 'cronworkflows',
          bodyKey: 'cronWorkflow',
          store: this.cronWorkflows,
        },
        true,
      ],
      [
        '/api/v1/cluster-workflow-templates',
        {
          kind: 'ClusterWorkflowTemplate',
          resource: 'clusterworkflowtemplates',
          bodyKey: 'template',
          store: this.clusterWorkflowTemplates,
        },
        false,
      ],
    ];
    for (const [base, k, namespaced] of kinds) {
      const r = k.resource;
      const ns = (c: Call) => (namespaced ? c.params.namespace! : '');
      this.route('POST', `${base}/lint`, 'create', r, (c) => this.lintResource(k, ns(c), c.body));
      this.route('POST', base, 'create', r, (c) => this.createResource(k, ns(c), c.body));
      this.route('GET', base, 'list', r, (c) => this.list(c, k.store, ns(c)));
      this.route('GET', `${base}/{name}`, 'get', r, (c) =>
        this.getResource(k, ns(c), c.params.name!),
      );
      this.route('PUT', `${base}/{name}`, 'update', r, (c) =>
        this.updateResource(k, ns(c), c.params.name!, c.body),
      );
      this.route('DELETE', `${base}/{name}`, 'delete', r, (c) => {
        this.getResource(k, ns(c), c.params.name!);
        k.store.delete(key(ns(c), c.params.name!));
        return {};
      });
    }
  }

  private versionInfo(): Json {
    return {
      version: this.version,
      buildDate: '2026-08-21T00:00:00Z',
      gitCommit: 'f016ad89eb269d282aec06dc491c29f396a38df4',
      gitTag: this.version,
      gitTreeState: 'clean',
      goVersion: 'go1.24.6',
      compiler: 'gc',
      platform: 'linux/amd64',
    };
  }

  // ------------------------------------------------------------ HTTP

  async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://double');
    const path = url.pathname;
    let streamRoute = false;
    try {
      const raw = await readBody(req);
      if (path.startsWith('/__double/'))
        return this.control(req.method ?? 'GET', path, raw.text, res);
      const rec: RecordedRequest = { method: req.method ?? 'GET', path, query: url.search };
      if (req.headers.authorization !== undefined) rec.authorization = req.headers.authorization;
      if (raw.tooLarge) rec.body = `<${raw.bytes} bytes>`;
      else if (raw.text) rec.body = tryJson(raw.text);
      this.requests.push(rec);
      recorded.set(res, rec);

      const matches = this.routes.filter((r) => r.pattern.test(path));
      const route = matches.find((r) => r.method === req.method);
      streamRoute = route?.stream ?? false;
      const faulted = await this.applyFault(path, req, res);
      if (faulted === 'answered') return;
      if (!route) {
        if (matches.length > 0) throw new ApiError(501, 12, 'Method Not Allowed');
        throw new ApiError(404, 5, 'Not Found');
      }
      const params: Record<string, string> = {};
      const m = route.pattern.exec(path)!;
      route.keys.forEach((k, i) => (params[k] = decodeURIComponent(m[i + 1]!)));
      if (raw.tooLarge) throw bad(`Request entity too large: limit is ${BODY_LIMIT}`);
      let body: Json = {};
      if (raw.text && raw.text.trim() !== '') {
        let parsed: unknown;
        try {
          parsed = JSON.parse(raw.text);
        } catch (e) {
          throw bad((e as Error).message);
        }
        if (!isObj(parsed)) throw bad('request body must be a JSON object');
        body = parsed;
      }
      if (req.headers.authorization !== `Bearer ${this.token}`)
        throw new ApiError(
          401,
          16,
          'token not valid. see https://argo-workflows.readthedocs.io/en/latest/faq/',
        );
      const ns = params.namespace;
      if (ns !== undefined && !this.namespaces.has(ns))
        throw this.forbidden(
          route.verb,
          route.resource,
          ns,
          route.verb === 'get' ? params.name : undefined,
        );
      if (!this.clusterScope && route.resource === 'clusterworkflowtemplates')
        throw this.forbidden(route.verb, route.resource, undefined, params.name);
      const out = await route.handler({ req, res, params, query: url.searchParams, body });
      if (out === STREAMING) return;
      if (typeof faulted === 'object') sendCut(res, 200, out, faulted.bytes, faulted.close);
      else send(res, 200, out);
    } catch (e) {
      const err = e instanceof ApiError ? e : new ApiError(500, 13, (e as Error).message);
      if (res.headersSent) res.destroy();
      else if (streamRoute)
        send(res, err.http, {
          error: {
            grpc_code: err.code,
            http_code: err.http,
            message: err.message,
            http_status: HTTP_TEXT[err.http] ?? 'Error',
          },
        });
      else send(res, err.http, { code: err.code, message: err.message });
    }
  }

  /** Kubernetes RBAC's wording; without a namespace, "at the cluster scope". */
  private forbidden(
    verb: string,
    resource: string,
    ns: string | undefined,
    name?: string,
  ): ApiError {
    const group = resource === 'configmaps' ? '' : 'argoproj.io';
    const qualified = group ? `${resource}.${group}` : resource;
    const what = name ? `${qualified} "${name}"` : qualified;
    const where = ns === undefined ? 'at the cluster scope' : `in the namespace "${ns}"`;
    return new ApiError(
      403,
      7,
      `${what} is forbidden: User "${SERVICE_ACCOUNT}" cannot ${verb} resource "${resource}" in API group "${group}" ${where}`,
    );
  }

  /**
   * The injected fault for this request: throws the error it answers,
   * 'answered' when it wrote (or dropped) the response itself, the byte count
   * to cut the real answer at, or undefined.
   */
  private async applyFault(
    path: string,
    req: IncomingMessage,
    res: ServerResponse,
  ): Promise<'answered' | { bytes: number; close: boolean } | undefined> {
    const f = this.activeFault;
    if (!f || 'dropStreamAfterEvents' in f) return;
    if (f.path && !f.path.test(path)) return;
    if ('delayMs' in f) return sleep(f.delayMs).then(() => undefined);
    if (f.times !== undefined && (f.used ?? 0) >= f.times) return;
    f.used = (f.used ?? 0) + 1;
    if ('reply' in f) {
      head(res, f.status ?? 200, {
        'Content-Type': 'application/json',
        'Content-Length': Buffer.byteLength(f.reply),
      });
      res.end(f.reply);
      return 'answered';
    }
    if ('hangUp' in f) {
      res.socket?.destroy();
      return 'answered';
    }
    if ('cutBodyAfterBytes' in f) return { bytes: f.cutBodyAfterBytes, close: true };
    if ('stallBodyAfterBytes' in f) return { bytes: f.stallBodyAfterBytes, close: false };
    const table: Record<number, [number, string]> = {
      401: [16, 'token not valid. see https://argo-workflows.readthedocs.io/en/latest/faq/'],
      403: [7, `User "${SERVICE_ACCOUNT}" is forbidden (injected fault)`],
      500: [13, 'internal error (injected fault)'],
      503: [14, 'the server is currently unable to handle the request (injected fault)'],
    };
    const [code, message] = table[f.status]!;
    const echoed = f.echoAuthorization
      ? ` (request headers: Authorization: ${req.headers.authorization ?? '(none)'})`
      : '';
    throw new ApiError(f.status, code, message + echoed);
  }

  private dropAfter(): number | undefined {
    const f = this.activeFault;
    return f && 'dropStreamAfterEvents' in f ? f.dropStreamAfterEvents : undefined;
  }

  private control(method: string, path: string, text: string | undefined, res: ServerResponse) {
    const body = text ? tryJson(text) : undefined;
    if (method === 'GET' && path === '/__double/requests') return send(res, 200, this.requests);
    if (method === 'POST' && path === '/__double/fault') {
      const f = isObj(body) ? { ...body } : undefined;
      if (f && typeof f.path === 'string') f.path = new RegExp(f.path);
      this.fault(f as Fault | undefined);
      return send(res, 200, {});
    }
    if (method === 'POST' && path === '/__double/fail-tasks' && Array.isArray(body)) {
      this.setFailTasks(body.map(String));
      return send(res, 200, {});
    }
    if (method === 'POST' && path === '/__double/pause') {
      this.pause();
      return send(res, 200, {});
    }
    if (method === 'POST' && path === '/__double/resume') {
      this.resume();
      return send(res, 200, {});
    }
    if (method === 'POST' && path === '/__double/step') {
      this.step();
      return send(res, 200, this.phases());
    }
    send(res, 404, { code: 5, message: 'Not Found' });
  }

  /** `{ "<ns>/<name>": { phase, tasks: { <task>: phase } } }` for every workflow. */
  private phases(): Record<string, { phase: string; tasks: Record<string, string> }> {
    const out: Record<string, { phase: string; tasks: Record<string, string> }> = {};
    for (const [k, wf] of this.workflows) {
      const tasks: Record<string, string> = {};
      for (const n of Object.values(wf.status.nodes ?? {}))
        if (n.type !== 'DAG') tasks[n.displayName] = n.phase;
      out[k] = { phase: wf.status.phase, tasks };
    }
    return out;
  }

  // ------------------------------------------------------------ stores

  /**
   * A list reply (see doubleLists.ts): workflows newest first (creation order
   * breaks ties of the second-precision timestamps), other kinds by name as
   * Kubernetes lists them; filtered, paged, fields applied.
   */
  private list(c: Call, store: Map<string, Obj>, ns: string): Json {
    const q = c.query;
    const wanted = this.listed(() => labelSelector(q.get('listOptions.labelSelector')));
    const named = nameMatcher(q.get('listOptions.fieldSelector'), q.get('nameFilter'));
    const pattern = q.get('namePattern') ?? '';
    const all = [...store.values()].filter(
      (o) =>
        (o.metadata.namespace ?? '') === ns &&
        wanted(o.metadata.labels) &&
        named(o.metadata.name) &&
        o.metadata.name.includes(pattern),
    );
    const sorted =
      store === (this.workflows as Map<string, Obj>)
        ? all.reverse().sort((a, b) => stamp(b).localeCompare(stamp(a)))
        : all.sort((a, b) => a.metadata.name.localeCompare(b.metadata.name));
    const p = this.listed(() =>
      page(sorted, q.get('listOptions.limit'), q.get('listOptions.continue')),
    );
    const metadata: Json = { resourceVersion: String(this.rv) };
    if (p.continue) metadata.continue = p.continue;
    return cleanFields({ metadata, items: p.items.length ? p.items : null }, q.get('fields'));
  }

  /** Runs a list helper, turning its errors into Argo's 400 code 3. */
  private listed<T>(f: () => T): T {
    try {
      return f();
    } catch (e) {
      if (e instanceof ListError) throw bad(e.message);
      throw e;
    }
  }

  /** GET /api/v1/archived-workflows (archived_workflow_server.go ListArchivedWorkflows). */
  private listArchived(c: Call): Json {
    const q = c.query;
    const ns = q.get('namespace') ?? '';
    if (!this.namespaces.has(ns))
      throw new ApiError(
        403,
        7,
        `Permission denied, you are not allowed to list workflows in namespace "${ns}". Maybe you want to specify a namespace with query parameter \`.namespace=${ns}\`?`,
      );
    const wanted = this.listed(() => labelSelector(q.get('listOptions.labelSelector')));
    const named = nameMatcher(q.get('listOptions.fieldSelector'), q.get('nameFilter'));
    const prefix = q.get('namePrefix') ?? '';
    const items = [...this.archivedWorkflows.values()]
      .filter(
        (w) =>
          w.metadata.namespace === ns &&
          wanted(w.metadata.labels) &&
          named(w.metadata.name) &&
          w.metadata.name.startsWith(prefix),
      )
      .reverse()
      .sort((a, b) =>
        String(b.status.startedAt ?? '').localeCompare(String(a.status.startedAt ?? '')),
      );
    const p = this.listed(() =>
      offsetPage(items, q.get('listOptions.limit'), q.get('listOptions.continue')),
    );
    const metadata: Json = {};
    if (p.continue) metadata.continue = p.continue;
    return { metadata, items: p.items.length ? p.items : null };
  }

  private getArchived(c: Call): Workflow {
    const wf = this.archivedWorkflows.get(c.params.uid!);
    if (!wf) throw new ApiError(404, 5, 'not found');
    if (!this.namespaces.has(wf.metadata.namespace!))
      throw new ApiError(403, 7, 'permission denied');
    return wf;
  }

  /** The controller archives a run once it finished (when the server has an archive). */
  private archiveRun(wf: Workflow): void {
    if (!this.archive) return;
    this.archivedWorkflows.set(String(wf.metadata.uid), clone(wf));
  }

  private nextRv(o: Obj): void {
    o.metadata.resourceVersion = String(++this.rv);
  }

  /** Fills kind/apiVersion/namespace, checks the body and gives the object its server-side metadata. */
  private admit(kind: string, ns: string, input: unknown, what: string, lintOnly = false): Obj {
    if (!isObj(input)) throw bad(`${what} body not specified`);
    const obj = clone(input) as Obj;
    obj.apiVersion ??= 'argoproj.io/v1alpha1';
    obj.kind ??= kind;
    if (obj.kind !== kind) throw bad(`kind must be ${kind}, not ${JSON.stringify(obj.kind)}`);
    obj.metadata = isObj(obj.metadata) ? obj.metadata : ({} as Meta);
    if (!isObj(obj.spec)) obj.spec = {};
    const meta = obj.metadata;
    if (ns) {
      if (meta.namespace !== undefined && meta.namespace !== ns)
        throw bad(
          'the namespace of the provided object does not match the namespace sent on the request',
        );
      meta.namespace = ns;
    }
    const found = problems(obj, this.schemaValidation);
    if (found.length > 0) throw lintOnly ? new ApiError(500, 2, found[0]!) : bad(found[0]!);
    return obj;
  }

  private stamp(obj: Obj, store: Map<string, Obj>, resource: string): void {
    const meta = obj.metadata;
    const ns = meta.namespace ?? '';
    if (typeof meta.name !== 'string' || meta.name === '') {
      const stem = str(meta.generateName);
      if (!stem)
        throw bad(
          `${resource}.argoproj.io "" is invalid: metadata.name: Required value: name or generateName is required`,
        );
      do meta.name = stem + randomSuffix();
      while (store.has(key(ns, meta.name)));
    }
    if (store.has(key(ns, meta.name)))
      throw new ApiError(409, 6, `${resource}.argoproj.io "${meta.name}" already exists`);
    meta.uid = randomUUID();
    meta.generation = 1;
    meta.creationTimestamp = now();
    this.nextRv(obj);
  }

  private lintResource(k: ResKind, ns: string, body: Json): Obj {
    return this.admit(k.kind, ns, body[k.bodyKey], k.kind);
  }

  private createResource(k: ResKind, ns: string, body: Json): Obj {
    const obj = this.admit(k.kind, ns, body[k.bodyKey], k.kind);
    this.stamp(obj, k.store, k.resource);
    k.store.set(key(ns, obj.metadata.name), obj);
    return obj;
  }

  private getResource(k: ResKind, ns: string, name: string): Obj {
    const obj = k.store.get(key(ns, name));
    if (!obj) throw notFound(k.resource, name);
    return obj;
  }

  private updateResource(k: ResKind, ns: string, name: string, body: Json): Obj {
    const obj = this.admit(k.kind, ns, body[k.bodyKey], k.kind);
    const meta = obj.metadata;
    if (meta.name !== name)
      throw bad(
        `the name of the object (${String(meta.name)}) does not match the name on the URL (${name})`,
      );
    const old = this.getResource(k, ns, name);
    if (meta.resourceVersion === undefined || meta.resourceVersion === '')
      throw bad(
        `${k.resource}.argoproj.io "${name}" is invalid: metadata.resourceVersion: Invalid value: 0x0: must be specified for an update`,
      );
    if (meta.resourceVersion !== old.metadata.resourceVersion)
      throw new ApiError(
        409,
        6,
        `Operation cannot be fulfilled on ${k.resource}.argoproj.io "${name}": the object has been modified; please apply your changes to the latest version and try again`,
      );
    meta.uid = old.metadata.uid;
    meta.creationTimestamp = old.metadata.creationTimestamp;
    meta.generation = Number(old.metadata.generation ?? 1) + 1;
    this.nextRv(obj);
    k.store.set(key(ns, name), obj);
    return obj;
  }

  /** Resolves a workflowTemplateRef / templateRef from workflows in `ns`. */
  private lookupIn(ns: string): Lookup {
    return (ref) =>
      ref.clusterScope
        ? this.clusterWorkflowTemplates.get(key('', String(ref.name)))
        : this.workflowTemplates.get(key(ns, String(ref.name)));
  }

  // ------------------------------------------------------------ workflows

  private lintWorkflow(c: Call): Obj {
    return this.admit('Workflow', c.params.namespace!, c.body.workflow, 'workflow', true);
  }

  private createFromBody(c: Call): Obj {
    const ns = c.params.namespace!;
    const wf = this.admit('Workflow', ns, c.body.workflow, 'workflow');
    return this.createWorkflow(wf, c.body.serverDryRun === true);
  }

  private createWorkflow(wf: Obj, dryRun: boolean): Workflow {
    const ns = wf.metadata.namespace!;
    const stored = wf as Workflow;
    stored.status = { phase: 'Pending' };
    const lookup = this.lookupIn(ns);
    effectiveSpec(stored, lookup); // 404 when the referenced template is missing
    this.stamp(stored, this.workflows, 'workflows');
    if (dryRun) return stored;
    const run: Run = {
      key: key(ns, stored.metadata.name),
      wf: stored,
      logs: [],
      ...this.plan(stored),
    };
    this.workflows.set(run.key, stored);
    this.runs.set(run.key, run);
    this.emit('ADDED', stored);
    this.startTimer(run);
    return stored;
  }

  private plan(wf: Workflow): Pick<Run, 'dag' | 'root'> {
    const lookup = this.lookupIn(wf.metadata.namespace!);
    const spec = effectiveSpec(wf, lookup);
    if (isObj(wf.spec.workflowTemplateRef)) wf.status.storedWorkflowTemplateSpec = spec;
    return planRun(wf, spec, lookup);
  }

  private workflow(c: Call): Workflow {
    const wf = this.workflows.get(key(c.params.namespace!, c.params.name!));
    if (!wf) throw notFound('workflows', c.params.name!);
    return wf;
  }

  private getWorkflow(c: Call): Workflow {
    return this.workflow(c);
  }

  private deleteWorkflow(c: Call): Json {
    const wf = this.workflow(c);
    const k = key(c.params.namespace!, c.params.name!);
    clearInterval(this.runs.get(k)?.timer);
    this.runs.delete(k);
    this.workflows.delete(k);
    this.emit('DELETED', wf);
    for (const f of this.followers) if (f.run.key === k) this.endFollower(f);
    return {};
  }

  private submit(c: Call): Workflow {
    const ns = c.params.namespace!;
    const kind = String(c.body.resourceKind ?? '');
    const name = String(c.body.resourceName ?? '');
    const opts = isObj(c.body.submitOptions) ? c.body.submitOptions : {};
    const aliases: Record<string, string> = {};
    for (const [canon, ...alts] of [
      ['WorkflowTemplate', 'workflowtemplate', 'workflowtemplates', 'wftmpl'],
      ['ClusterWorkflowTemplate', 'clusterworkflowtemplate', 'clusterworkflowtemplates', 'cwftmpl'],
      ['CronWorkflow', 'cronworkflow', 'cronworkflows', 'cwf', 'cronwf'],
    ])
      for (const a of [canon!, ...alts]) aliases[a] = canon!;
    const canon = aliases[kind];
    if (!canon) throw bad(`Resource kind '${kind}' is not supported for submitting`);
    const labels: Record<string, string> = {};
    let spec: Json;
    if (canon === 'CronWorkflow') {
      const cron = this.cronWorkflows.get(key(ns, name));
      if (!cron) throw notFound('cronworkflows', name);
      spec = clone(isObj(cron.spec.workflowSpec) ? cron.spec.workflowSpec : {});
      labels[`${L}cron-workflow`] = name;
    } else {
      const cluster = canon === 'ClusterWorkflowTemplate';
      const tmpl = cluster
        ? this.clusterWorkflowTemplates.get(key('', name))
        : this.workflowTemplates.get(key(ns, name));
      if (!tmpl) throw notFound(cluster ? 'clusterworkflowtemplates' : 'workflowtemplates', name);
      spec = { workflowTemplateRef: cluster ? { name, clusterScope: true } : { name } };
      labels[`${L}${cluster ? 'cluster-workflow-template' : 'workflow-template'}`] = name;
    }
    applyParams(spec, parseParams(opts.parameters));
    if (typeof opts.entryPoint === 'string' && opts.entryPoint) spec.entrypoint = opts.entryPoint;
    if (typeof opts.serviceAccount === 'string') spec.serviceAccountName = opts.serviceAccount;
    const metadata: Meta = {
      name: str(opts.name) ?? '',
      generateName: str(opts.generateName) ?? `${name}-`,
      namespace: ns,
      labels: { ...labels, ...labelsOf(opts.labels) },
    };
    const wf: Obj = { apiVersion: 'argoproj.io/v1alpha1', kind: 'Workflow', metadata, spec };
    return this.createWorkflow(wf, opts.serverDryRun === true || opts.dryRun === true);
  }

  private requestShutdown(c: Call, strategy: 'Stop' | 'Terminate'): Workflow {
    const wf = this.workflow(c);
    if (DONE.has(wf.status.phase))
      throw new ApiError(
        500,
        13,
        `cannot shutdown a completed workflow: workflow: "${wf.metadata.name}", namespace: "${wf.metadata.namespace}"`,
      );
    wf.spec.shutdown = strategy;
    this.nextRv(wf);
    this.emit('MODIFIED', wf);
    return wf;
  }

  private retry(c: Call): Workflow {
    const wf = this.workflow(c);
    const phase = wf.status.phase;
    if (phase === 'Succeeded')
      throw bad(
        'To retry a succeeded workflow, set the options restartSuccessful and nodeFieldSelector',
      );
    if (phase !== 'Failed' && phase !== 'Error')
      throw bad(`Cannot retry a workflow in phase ${phase}`);
    applyParams(wf.spec, parseParams(c.body.parameters));
    delete wf.spec.shutdown;
    const run = this.runs.get(key(wf.metadata.namespace!, wf.metadata.name))!;
    Object.assign(run, this.plan(wf));
    const nodes = wf.status.nodes ?? {};
    const removed = new Set<string>();
    for (const n of Object.values(nodes)) {
      if (n.type === 'DAG') {
        n.phase = 'Running';
        n.finishedAt = null;
        delete n.message;
        delete n.outboundNodes;
      } else if (n.phase !== 'Succeeded' && n.phase !== 'Skipped') {
        removed.add(n.id);
        delete nodes[n.id];
      }
    }
    for (const n of Object.values(nodes))
      if (n.children) n.children = n.children.filter((id) => !removed.has(id));
    run.logs = run.logs.filter((e) => !removed.has(e.nodeId));
    Object.assign(wf.status, { phase: 'Running', finishedAt: null });
    delete wf.status.message;
    wf.metadata.labels = {
      ...wf.metadata.labels,
      [`${L}phase`]: 'Running',
      [`${L}completed`]: 'false',
    };
    this.nextRv(wf);
    this.emit('MODIFIED', wf);
    this.startTimer(run);
    return wf;
  }

  private resubmit(c: Call): Workflow {
    const old = this.workflow(c);
    const phase = old.status.phase;
    if (c.body.memoized === true && phase !== 'Failed' && phase !== 'Error')
      throw bad('workflow must be Failed/Error to resubmit in memoized mode');
    const labels: Record<string, string> = {};
    for (const [k, v] of Object.entries(old.metadata.labels ?? {}))
      if (!k.startsWith(L) || k === `${L}controller-instanceid`) labels[k] = v;
    labels[`${L}resubmitted-from-workflow`] = old.metadata.name;
    const spec = clone(old.spec);
    delete spec.shutdown;
    applyParams(spec, parseParams(c.body.parameters));
    const metadata: Meta = {
      name: '',
      generateName: str(old.metadata.generateName) ?? `${old.metadata.name}-`,
      namespace: old.metadata.namespace!,
      labels,
    };
    if (isObj(old.metadata.annotations)) metadata.annotations = clone(old.metadata.annotations);
    return this.createWorkflow(
      { apiVersion: old.apiVersion, kind: 'Workflow', metadata, spec },
      false,
    );
  }

  // ------------------------------------------------------------ controller

  private startTimer(run: Run): void {
    clearInterval(run.timer);
    run.timer = setInterval(() => {
      if (!this.paused && !this.pausedNamespaces.has(run.wf.metadata.namespace!)) this.tick(run);
    }, this.stepMs);
  }

  /** One controller reconciliation: every node moves one phase, ready tasks are scheduled. */
  private tick(run: Run): void {
    const { wf } = run;
    const status = wf.status;
    const t = now();
    const shutdown = str(wf.spec.shutdown);
    if (shutdown) this.applyShutdown(run, shutdown, t);
    else if (status.phase === 'Pending') this.begin(run, t);
    else this.advance(run, t);
    const pods = Object.values(status.nodes ?? {}).filter((n) => n.type === 'Pod');
    status.progress = `${pods.filter((n) => DONE.has(n.phase)).length}/${pods.length}`;
    const dagNode = status.nodes?.[wf.metadata.name];
    if (dagNode?.type === 'DAG') dagNode.progress = status.progress;
    const finished = DONE.has(status.phase);
    wf.metadata.labels = {
      ...wf.metadata.labels,
      [`${L}phase`]: status.phase,
      [`${L}completed`]: String(finished),
    };
    if (finished) clearInterval(run.timer);
    this.nextRv(wf);
    this.emit('MODIFIED', wf);
    this.flushLogs(run);
  }

  private node(run: Run, sim: SimTask, t: string, fields: Partial<NodeStatus>): NodeStatus {
    const n: NodeStatus = {
      id: sim.nodeId,
      name: sim.nodeName,
      displayName: sim.name,
      type: 'Pod',
      templateName: sim.templateName,
      templateScope: `local/${run.wf.metadata.name}`,
      phase: 'Pending',
      startedAt: t,
      finishedAt: null,
      ...fields,
    };
    if (sim.inputs.length > 0) n.inputs = { parameters: sim.inputs };
    run.wf.status.nodes![n.id] = n;
    return n;
  }

  private begin(run: Run, t: string): void {
    const { wf } = run;
    Object.assign(wf.status, {
      phase: 'Running',
      startedAt: t,
      finishedAt: null,
      progress: '0/0',
      nodes: {},
    });
    wf.metadata.annotations = {
      ...(wf.metadata.annotations as object),
      [`${L}pod-name-format`]: 'v2',
    };
    if (run.dag) {
      this.node(run, run.root, t, {
        type: 'DAG',
        phase: 'Running',
        templateName: run.dag.name,
        children: [],
      });
      this.schedule(run, t);
    } else this.node(run, run.root, t, {});
  }

  private advance(run: Run, t: string): void {
    const status = run.wf.status;
    const nodes = status.nodes!;
    const sims = new Map([run.root, ...(run.dag?.tasks ?? [])].map((s) => [s.nodeId, s]));
    if (!run.dag && !nodes[run.root.nodeId]) {
      this.node(run, run.root, t, {}); // a retried single-pod workflow starts again
      return;
    }
    for (const n of Object.values(nodes)) {
      const sim = sims.get(n.id);
      if (n.type !== 'Pod' || !sim) continue;
      if (n.phase === 'Pending') {
        n.phase = 'Running';
        this.log(
          run,
          sim,
          `time="${new Date().toISOString()}" level=info msg="running image ${sim.image}"`,
        );
        this.log(run, sim, `+ ${sim.command}`);
      } else if (n.phase === 'Running') {
        const failed = this.failTasks.has(run.dag ? sim.name : sim.templateName);
        n.phase = failed ? 'Failed' : 'Succeeded';
        n.finishedAt = t;
        n.progress = '1/1';
        const at = new Date().toISOString();
        if (failed) {
          n.message = 'Error (exit code 1)';
          this.log(
            run,
            sim,
            `time="${at}" level=error msg="task ${sim.name} failed: Error (exit code 1)"`,
          );
        }
        this.log(
          run,
          sim,
          `time="${at}" level=info msg="sub-process exited" argo=true error="${failed ? 'exit status 1' : '<nil>'}"`,
        );
      }
    }
    if (run.dag) {
      this.schedule(run, t);
      const taskNodes = run.dag.tasks.map((s) => nodes[s.nodeId]);
      if (taskNodes.every((n) => n && DONE.has(n.phase))) {
        const failed = taskNodes.find((n) => n!.phase === 'Failed' || n!.phase === 'Error');
        const root = nodes[run.root.nodeId]!;
        const downstream = new Set(run.dag.tasks.flatMap((s) => s.deps));
        root.outboundNodes = run.dag.tasks
          .filter((s) => !downstream.has(s.name))
          .map((s) => s.nodeId);
        this.finish(run, root, failed ? `child '${failed.id}' failed` : undefined, t);
      }
    } else {
      const root = nodes[run.root.nodeId]!;
      if (DONE.has(root.phase)) this.finish(run, root, root.message, t);
    }
  }

  /** Creates nodes for tasks whose upstream tasks all finished: Pending, or Omitted when `depends` is false. */
  private schedule(run: Run, t: string): void {
    const nodes = run.wf.status.nodes!;
    const byName = new Map(run.dag!.tasks.map((s) => [s.name, s]));
    const phase = (task: string) => nodes[byName.get(task)?.nodeId ?? '']?.phase;
    for (const sim of run.dag!.tasks) {
      if (nodes[sim.nodeId]) continue;
      if (!sim.deps.every((d) => DONE.has(phase(d) ?? ''))) continue;
      const ok =
        sim.logic.kind === 'none' ||
        (sim.logic.kind === 'logic' &&
          evaluateDepends(sim.logic.expr, (d) => taskResults(phase(d) ?? '')));
      // A `when` that still names task outputs (not simulated here) runs.
      const decidable = sim.when !== undefined && !sim.when.includes('{{');
      const when = ok && decidable ? whenResult(sim.when!) : { value: true };
      const skip = (phase: string, message: string): Partial<NodeStatus> => ({
        type: 'Skipped',
        phase,
        boundaryID: run.root.nodeId,
        message,
        finishedAt: t,
      });
      const extra: Partial<NodeStatus> = !ok
        ? skip('Omitted', 'omitted: depends condition not met')
        : 'error' in when
          ? skip('Error', when.error)
          : !when.value
            ? skip('Skipped', `when '${sim.when}' evaluated false`)
            : { boundaryID: run.root.nodeId };
      const n = this.node(run, sim, t, extra);
      const parents = sim.deps.length
        ? sim.deps.map((d) => byName.get(d)!.nodeId)
        : [run.root.nodeId];
      for (const p of parents) (nodes[p]!.children ??= []).push(n.id);
    }
  }

  private finish(run: Run, root: NodeStatus, message: string | undefined, t: string): void {
    const failed = root.type === 'DAG' ? message !== undefined : root.phase !== 'Succeeded';
    root.phase = failed ? 'Failed' : 'Succeeded';
    root.finishedAt = t;
    if (message) root.message = message;
    Object.assign(run.wf.status, { phase: root.phase, finishedAt: t });
    if (message) run.wf.status.message = message;
    this.archiveRun(run.wf);
  }

  private applyShutdown(run: Run, strategy: string, t: string): void {
    const status = run.wf.status;
    const message = `Stopped with strategy '${strategy}'`;
    for (const n of Object.values(status.nodes ?? {}))
      if (!DONE.has(n.phase)) Object.assign(n, { phase: 'Failed', finishedAt: t, message });
    Object.assign(status, {
      phase: 'Failed',
      finishedAt: t,
      message,
      startedAt: status.startedAt ?? t,
    });
    this.archiveRun(run.wf);
  }

  // ------------------------------------------------------------ streams

  private emit(type: 'ADDED' | 'MODIFIED' | 'DELETED', wf: Workflow): void {
    for (const w of this.watchers) {
      if (!w.stream.open) this.watchers.delete(w);
      else if (w.ns === wf.metadata.namespace && (!w.name || w.name === wf.metadata.name))
        w.stream.write({ type, object: wf });
    }
  }

  private watch(c: Call): symbol {
    const ns = c.params.namespace!;
    const selector = c.query.get('listOptions.fieldSelector') ?? '';
    let name: string | undefined;
    for (const part of selector.split(',')) {
      const m = /^\s*metadata\.name\s*==?\s*(.+?)\s*$/.exec(part);
      if (m) name = m[1];
    }
    if (name && !this.workflows.has(key(ns, name))) throw notFound('workflows', name);
    const sse = (c.req.headers.accept ?? '').includes('text/event-stream');
    const w: Watcher = { ns, stream: new Stream(c.res, sse, this.dropAfter()) };
    if (name) w.name = name;
    for (const wf of this.workflows.values())
      if (wf.metadata.namespace === ns && (!name || wf.metadata.name === name))
        w.stream.write({ type: 'ADDED', object: wf });
    this.watchers.add(w);
    c.res.on('close', () => this.watchers.delete(w));
    return STREAMING;
  }

  private log(run: Run, sim: SimTask, content: string): void {
    run.logs.push({ nodeId: sim.nodeId, podName: sim.podName, content });
  }

  private logs(c: Call, podName: string | null): symbol {
    const wf = this.workflow(c);
    const run = this.runs.get(key(wf.metadata.namespace!, wf.metadata.name))!;
    const f: Follower = {
      run,
      index: 0,
      follow: c.query.get('logOptions.follow') === 'true',
      stream: new Stream(
        c.res,
        (c.req.headers.accept ?? '').includes('text/event-stream'),
        this.dropAfter(),
      ),
    };
    if (podName) f.pod = podName;
    const grep = c.query.get('grep');
    if (grep) f.grep = safeRegExp(grep);
    // Only the main container is simulated; other containers have no lines.
    const container = c.query.get('logOptions.container');
    if (container && container !== 'main') f.grep = /$^/;
    this.followers.add(f);
    c.res.on('close', () => this.followers.delete(f));
    this.flushFollower(f);
    return STREAMING;
  }

  private flushLogs(run: Run): void {
    for (const f of this.followers) if (f.run === run) this.flushFollower(f);
  }

  private flushFollower(f: Follower): void {
    const { run } = f;
    const sims = [run.root, ...(run.dag?.tasks ?? [])];
    const target = f.pod ? sims.find((s) => s.nodeId === f.pod || s.podName === f.pod) : undefined;
    while (f.index < run.logs.length) {
      const e = run.logs[f.index++]!;
      if (target && e.nodeId !== target.nodeId) continue;
      if (f.grep && !f.grep.test(e.content)) continue;
      f.stream.write({ content: e.content, podName: e.podName });
    }
    const node = target && run.wf.status.nodes?.[target.nodeId];
    const done =
      !f.follow ||
      DONE.has(run.wf.status.phase) ||
      (f.pod !== undefined && !target) ||
      (node !== undefined && DONE.has(node.phase));
    if (done) this.endFollower(f);
  }

  private endFollower(f: Follower): void {
    this.followers.delete(f);
    f.stream.end();
  }
}

const key = (ns: string, name: string) => `${ns}/${name}`;
const stamp = (o: Obj) => String(o.metadata.creationTimestamp ?? '');

function tryJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

function safeRegExp(source: string): RegExp {
  try {
    return new RegExp(source);
  } catch {
    return new RegExp(source.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  }
}

/** The recorded request of each response, so its status can be noted. */
const recorded = new WeakMap<ServerResponse, RecordedRequest>();

function head(res: ServerResponse, status: number, headers: Record<string, string | number>) {
  const rec = recorded.get(res);
  if (rec) rec.status = status;
  res.writeHead(status, headers);
}

/**
 * The answer's headers (its full length) and only its first `bytes` bytes;
 * then the socket closes, or (`close` false) stays open with nothing more.
 */
function sendCut(
  res: ServerResponse,
  status: number,
  body: unknown,
  bytes: number,
  close: boolean,
): void {
  const text = Buffer.from(JSON.stringify(body));
  head(res, status, { 'Content-Type': 'application/json', 'Content-Length': text.length });
  res.write(text.subarray(0, Math.min(bytes, text.length - 1)), () => {
    if (close) res.socket?.destroy();
  });
}

function send(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  head(res, status, {
    'Content-Type': 'application/json',
    'Content-Length': Buffer.byteLength(text),
  });
  res.end(text);
}

/** Reads the whole body, keeping at most BODY_LIMIT bytes (the rest is drained, not stored). */
function readBody(
  req: IncomingMessage,
): Promise<{ text?: string; bytes: number; tooLarge: boolean }> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let bytes = 0;
    req.on('data', (chunk: Buffer) => {
      bytes += chunk.length;
      if (bytes <= BODY_LIMIT) chunks.push(chunk);
      else chunks.length = 0;
      if (bytes > DRAIN_LIMIT) req.destroy();
    });
    req.on('end', () =>
      resolve(
        bytes > BODY_LIMIT
          ? { bytes, tooLarge: true }
          : { text: Buffer.concat(chunks).toString('utf8'), bytes, tooLarge: false },
      ),
    );
    req.on('error', reject);
  });
}

let warnedNoSchema = false;

/**
 * Starts the test double on 127.0.0.1 (`port` 0 or absent: a free port).
 * @example
 * const argo = await startArgoServerDouble({ stepMs: 20, failTasks: ['b'] });
 * await fetch(`${argo.url}/api/v1/version`, { headers: { Authorization: 'Bearer test-token' } });
 * await argo.close();
 */
export async function startArgoServerDouble(
  opts: ArgoServerDoubleOptions & { port?: number } = {},
): Promise<ArgoServerDouble> {
  const schema = existsSync(schemaFile);
  if (!schema && !warnedNoSchema) {
    warnedNoSchema = true;
    console.warn(
      `argo-server-double: ${schemaFile} is absent; request bodies are not checked against the Argo JSON schema`,
    );
  }
  if (schema) validateManifest({ kind: 'Workflow' }); // compile the schema now, not in the first request
  const double = new Double(opts, schema);
  const sockets = new Set<Socket>();
  const server = createServer((req, res) => void double.handle(req, res));
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    requests: double.requests,
    workflows: double.workflows,
    workflowTemplates: double.workflowTemplates,
    cronWorkflows: double.cronWorkflows,
    clusterWorkflowTemplates: double.clusterWorkflowTemplates,
    archivedWorkflows: double.archivedWorkflows,
    configMaps: double.configMaps,
    schemaValidation: schema,
    fault: (f) => double.fault(f),
    setFailTasks: (names) => double.setFailTasks(names),
    pause: (namespace) => double.pause(namespace),
    resume: (namespace) => double.resume(namespace),
    step: (namespace) => double.step(namespace),
    close: () =>
      new Promise<void>((resolve) => {
        double.shutdown();
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
