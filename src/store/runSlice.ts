/**
 * The Argo Server loop: connection, submit, and the run watched on the
 * canvas. Network work goes through the core's client with the `fetch` the
 * store was created with, so tests drive it against a test double. The client
 * loads on first use (argoClient.ts); only the run's status (runStatus, which
 * the canvas reads) is part of the editor's start.
 */
import type { StateCreator } from 'zustand/vanilla';
import type { ArgoClient, FetchLike, SubmitOutcome } from '../core/argo/client';
import { runState, type RunState } from '../core/argo/client/runStatus';
import type { Diagnostic } from '../core/diagnostics';
import { pipelineLabelValue, PIPELINE_LABEL } from '../core/argo/pipelineLabel';
import type { SubmitOptions } from '../core/argo/submitOptions';
import type { JsonObject, Pipeline, WorkflowKind } from '../core/model/types';
import { TOKEN_KEY, writeSettings, type ConnectionSettings } from './connectionSettings';
import { explainArgoError, loadArgoClient, type ArgoModule } from './argoClient';
import type { EditorState } from './editorStore';

export interface RunDeps {
  fetch: FetchLike;
  /** For connection settings (never the token). */
  localStorage?: Storage;
  /** For the token, only when the user asks to remember it for this tab. */
  sessionStorage?: Storage;
  settings: ConnectionSettings;
}

export interface CheckResult {
  status: 'checking' | 'ok' | 'failed';
  message: string;
}

export interface SubmitResult {
  kind: 'created' | 'exists' | 'failed' | 'invalid';
  message: string;
  name?: string;
  link?: string;
  objectKind?: WorkflowKind;
}

export interface ActiveRun {
  /** The run at the workflow's entrypoint level. */
  state: RunState;
  /** The Workflow as the server last sent it: every level's nodes (drill-down). */
  workflow?: JsonObject;
  /** 'simulated': a what-if run of the simulator (simulationSlice), no server involved. */
  watch: 'streaming' | 'reconnecting' | 'polling' | 'finished' | 'stopped' | 'simulated';
  /** The document as submitted, to mark the tasks changed on the canvas since (at any level). */
  submitted: Pipeline;
  error?: string;
}

export interface RunSlice {
  connection: ConnectionSettings;
  token: string;
  rememberToken: boolean;
  check: CheckResult | undefined;
  submitting: boolean;
  submitResult: SubmitResult | undefined;
  /** Problems the server's lint found, pinned to tasks like our own. */
  serverDiagnostics: Diagnostic[];
  run: ActiveRun | undefined;
  setConnection(patch: Partial<ConnectionSettings>): void;
  setToken(token: string, remember: boolean): void;
  testConnection(): Promise<void>;
  /** Submits the document, with the values, entrypoint and labels of the submit form. */
  submit(options?: SubmitOptions): Promise<void>;
  updateExisting(): Promise<void>;
  submitFromTemplate(
    parameters: Record<string, string>,
    options?: { entryPoint?: string; labels?: Record<string, string> },
  ): Promise<void>;
  openRun(name: string): void;
  runAction(action: 'stop' | 'terminate' | 'retry' | 'resubmit'): Promise<void>;
  closeRun(): void;
  /** The namespace calls go to: the document's own, else the connection's. */
  namespace(): string;
  /** A client for the connection and namespace as they are now (the client loads on first use). */
  client(): Promise<ArgoClient>;
}

export function createRunSlice(deps: RunDeps): StateCreator<EditorState, [], [], RunSlice> {
  return (set, get) => {
    let watching: AbortController | undefined;
    const savedToken = deps.sessionStorage?.getItem(TOKEN_KEY) ?? '';

    const namespace = (): string => {
      const { connection, pipeline } = get();
      return typeof pipeline.metadata.namespace === 'string' && pipeline.metadata.namespace
        ? pipeline.metadata.namespace
        : connection.namespace;
    };
    const clientOf = (m: ArgoModule): ArgoClient => {
      const { connection, token } = get();
      return m.createArgoClient(
        { server: connection.server, namespace: namespace(), token },
        { fetch: deps.fetch },
      );
    };
    const client = async (): Promise<ArgoClient> => clientOf(await loadArgoClient());
    const explain = (e: unknown) =>
      explainArgoError(e, {
        server: get().connection.server,
        namespace: namespace(),
        token: get().token,
      });
    const uiBase = () => get().connection.uiBase || get().connection.server || '';

    const report = async (m: ArgoModule, outcome: SubmitOutcome, p: Pipeline): Promise<void> => {
      const ns = namespace();
      switch (outcome.status) {
        case 'created':
          set({
            submitResult: {
              kind: 'created',
              name: outcome.name,
              objectKind: p.kind,
              message: `${p.kind} ${outcome.name} created in ${ns}`,
              link: m.argoUiLink(uiBase(), p.kind, ns, outcome.name),
            },
            serverDiagnostics: [],
          });
          if (p.kind === 'Workflow') startWatch(outcome.name, p, outcome.object);
          break;
        case 'exists':
          set({
            submitResult: {
              kind: 'exists',
              name: outcome.name,
              objectKind: p.kind,
              message: `${p.kind} ${outcome.name} already exists in ${ns}. Update it?`,
            },
          });
          break;
        case 'invalid':
          set({
            submitResult: {
              kind: 'invalid',
              message: outcome.diagnostics[0]?.message ?? 'the workflow is invalid',
            },
            serverDiagnostics: outcome.diagnostics.filter((d) => d.code === 'server-lint'),
          });
          break;
        case 'failed':
          set({ submitResult: { kind: 'failed', message: await explain(outcome.error) } });
          break;
      }
    };

    const startWatch = (name: string, p: Pipeline, initial?: JsonObject): void => {
      watching?.abort();
      const controller = new AbortController();
      watching = controller;
      const submitted = p;
      const blank: RunState = { name, phase: 'Pending', tasks: new Map() };
      set({
        run: {
          state: initial ? runState(initial) : blank,
          ...(initial ? { workflow: initial } : {}),
          watch: 'streaming',
          submitted,
        },
      });
      const update = (patch: Partial<ActiveRun>) => {
        const run = get().run;
        if (run && watching === controller) set({ run: { ...run, ...patch } });
      };
      loadArgoClient()
        .then((m) => {
          if (controller.signal.aborted) return undefined;
          return m.watchRun(
            clientOf(m),
            name,
            (wf) => update({ state: runState(wf), workflow: wf }),
            { signal: controller.signal, onStatus: (watch) => update({ watch }) },
          );
        })
        .then(
          (final) => update({ watch: final ? 'finished' : 'stopped' }),
          async (e: unknown) => update({ watch: 'stopped', error: await explain(e) }),
        );
    };

    return {
      connection: deps.settings,
      token: savedToken,
      rememberToken: savedToken !== '',
      check: undefined,
      submitting: false,
      submitResult: undefined,
      serverDiagnostics: [],
      run: undefined,
      namespace,
      client,
      setConnection(patch) {
        const connection = { ...get().connection, ...patch };
        writeSettings(deps.localStorage, connection);
        set({ connection, check: undefined });
      },
      setToken(token, remember) {
        try {
          if (remember && token) deps.sessionStorage?.setItem(TOKEN_KEY, token);
          else deps.sessionStorage?.removeItem(TOKEN_KEY);
        } catch {
          // sessionStorage unavailable: the token stays in memory only.
        }
        set({ token, rememberToken: remember, check: undefined });
      },
      async testConnection() {
        set({ check: { status: 'checking', message: 'Checking…' } });
        try {
          const m = await loadArgoClient();
          const c = clientOf(m);
          /** Text from the server shown as it is (names, versions): the token is kept out of it too. */
          const shown = (text: string) => m.redactToken(text, get().token);
          const version = await c.version();
          const user = await c.userInfo();
          // version and userinfo are not namespaced: a 403 for the namespace shows up only here.
          await c.listWorkflows(1);
          const who = [user.serviceAccountName, user.subject, user.email].find(
            (x) => typeof x === 'string' && x,
          ) as string | undefined;
          set({
            check: {
              status: 'ok',
              message: shown(
                `Connected to Argo ${String(version.version)}${who ? ` as ${who}` : ''}, namespace ${c.connection.namespace}`,
              ),
            },
          });
        } catch (e) {
          set({ check: { status: 'failed', message: await explain(e) } });
        }
      },
      async submit(options) {
        if (get().submitting) return; // a double click submits once
        const p = get().pipeline;
        set({ submitting: true, submitResult: undefined });
        try {
          const m = await loadArgoClient();
          await report(m, await m.submitPipeline(clientOf(m), p, options), p);
        } catch (e) {
          set({ submitResult: { kind: 'failed', message: await explain(e) } });
        } finally {
          set({ submitting: false });
        }
      },
      async updateExisting() {
        if (get().submitting) return;
        const p = get().pipeline;
        set({ submitting: true });
        try {
          const m = await loadArgoClient();
          const outcome = await m.updateStored(clientOf(m), p);
          if (outcome.status === 'created')
            set({
              submitResult: {
                kind: 'created',
                name: outcome.name,
                objectKind: p.kind,
                message: `${p.kind} ${outcome.name} updated`,
                link: m.argoUiLink(uiBase(), p.kind, namespace(), outcome.name),
              },
            });
          else await report(m, outcome, p);
        } catch (e) {
          set({ submitResult: { kind: 'failed', message: await explain(e) } });
        } finally {
          set({ submitting: false });
        }
      },
      async submitFromTemplate(parameters, options = {}) {
        const p = get().pipeline;
        if (get().submitting || p.kind === 'Workflow') return;
        set({ submitting: true });
        try {
          // Runs started from the template are found by the same label as submitted ones.
          const value = pipelineLabelValue(p.metadata);
          const labels = { ...(value ? { [PIPELINE_LABEL]: value } : {}), ...options.labels };
          const m = await loadArgoClient();
          const wf = await clientOf(m).submitFrom(
            p.kind,
            String(p.metadata.name ?? ''),
            parameters,
            {
              ...options,
              labels,
            },
          );
          const name = String((wf.metadata as JsonObject | undefined)?.name ?? '');
          set({
            submitResult: {
              kind: 'created',
              name,
              objectKind: 'Workflow',
              message: `Workflow ${name} started from ${p.kind} ${String(p.metadata.name)}`,
              link: m.argoUiLink(uiBase(), 'Workflow', namespace(), name),
            },
          });
          startWatch(name, p, wf);
        } catch (e) {
          set({ submitResult: { kind: 'failed', message: await explain(e) } });
        } finally {
          set({ submitting: false });
        }
      },
      openRun(name) {
        startWatch(name, get().pipeline);
      },
      async runAction(action) {
        const run = get().run;
        if (!run) return;
        try {
          const wf = await (await client())[action](run.state.name);
          if (action === 'resubmit') {
            startWatch(
              String((wf.metadata as JsonObject | undefined)?.name ?? ''),
              get().pipeline,
              wf,
            );
          } else {
            set({ run: { ...run, state: runState(wf), workflow: wf } });
            if (action === 'retry') startWatch(run.state.name, get().pipeline, wf);
          }
        } catch (e) {
          set({ run: { ...run, error: await explain(e) } });
        }
      },
      closeRun() {
        watching?.abort();
        watching = undefined;
        set({ run: undefined });
      },
    };
  };
}
