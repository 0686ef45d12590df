/**
 * `argoflow submit FILE --server URL --namespace NS [--watch] [-p name=value]...
 * [--entrypoint T] [-l k=v,k2=v2 | --label k=v]...`: validate, lint and create
 * on an Argo Server, with parameter values, entrypoint and labels as `argo
 * submit` spells them (the file is not changed); with --watch, print phase
 * changes until the run ends. The token comes from ARGO_TOKEN (never a flag,
 * so it stays out of shell history) and is never printed.
 */
import { openDocuments } from './core/argo/document';
import {
  createArgoClient,
  explainError,
  redactToken,
  runState,
  submitPipeline,
  watchRun,
  type FetchLike,
} from './core/argo/client';
import { formatDiagnostic } from './core/diagnostics';
import { locateDiagnostics } from './core/argo/locate';
import { parsePairs, type SubmitOptions } from './core/argo/submitOptions';
import type { CliIO } from './cliCommands';

export interface SubmitArgs {
  file: string;
  server: string;
  namespace?: string;
  watch: boolean;
  options?: SubmitOptions;
}

const VALUE_FLAGS = new Set([
  '--server',
  '--namespace',
  '-p',
  '--parameter',
  '--entrypoint',
  '-l',
  '--labels',
  '--label',
]);

/** Parses `submit` flags; returns a usage message when they are wrong. */
export function parseSubmitArgs(args: string[]): SubmitArgs | string {
  const out: Partial<SubmitArgs> = { watch: false };
  const params: string[] = [];
  const labels: string[] = [];
  let entrypoint: string | undefined;
  for (let i = 0; i < args.length; i++) {
    let a = args[i]!;
    let inline: string | undefined;
    const eq = a.indexOf('=');
    if (a.startsWith('--') && eq > 0 && VALUE_FLAGS.has(a.slice(0, eq))) {
      inline = a.slice(eq + 1);
      a = a.slice(0, eq);
    }
    if (a === '--watch') out.watch = true;
    else if (VALUE_FLAGS.has(a)) {
      const value = inline ?? args[++i];
      if (value === undefined || value === '') return `${a} needs a value`;
      if (a === '--server') out.server = value;
      else if (a === '--namespace') out.namespace = value;
      else if (a === '-p' || a === '--parameter') params.push(value);
      else if (a === '--entrypoint') entrypoint = value;
      else labels.push(value);
    } else if (a === '--token' || a.startsWith('--token='))
      // Refused without echoing the value: it must not reach a log either.
      return 'the token is read from the ARGO_TOKEN environment variable, never from a flag';
    else if (a.startsWith('-')) return `unknown option ${a}`;
    else if (out.file) return `unexpected argument ${a}`;
    else out.file = a;
  }
  if (!out.file) return 'submit needs a FILE';
  if (!out.server) return 'submit needs --server URL (e.g. https://localhost:2746)';
  const p = parsePairs(params, 'parameter');
  if ('error' in p) return p.error;
  const l = parsePairs(labels, 'label');
  if ('error' in l) return l.error;
  const options: SubmitOptions = {};
  if (params.length > 0) options.parameters = p.values;
  if (labels.length > 0) options.labels = l.values;
  if (entrypoint) options.entrypoint = entrypoint;
  return (Object.keys(options).length > 0 ? { ...out, options } : out) as SubmitArgs;
}

export async function runSubmit(
  args: SubmitArgs,
  text: string,
  io: CliIO,
  fetch: FetchLike,
  token: string | undefined,
): Promise<number> {
  const opened = openDocuments(text, args.file);
  const pipelines = opened.documents.flatMap((d) => (d.pipeline ? [d.pipeline] : []));
  const problems = [...opened.diagnostics, ...opened.documents.flatMap((d) => d.diagnostics)];
  if (pipelines.length !== 1) {
    for (const d of problems) io.err(formatDiagnostic(d, args.file));
    io.err(
      pipelines.length === 0
        ? `${args.file}: no Argo workflow to submit`
        : `${args.file}: holds ${pipelines.length} workflows; submit one at a time`,
    );
    return 2;
  }
  const p = pipelines[0]!;
  const namespace =
    args.namespace ?? (typeof p.metadata.namespace === 'string' ? p.metadata.namespace : 'argo');
  const client = createArgoClient({ server: args.server, namespace, token }, { fetch });
  const ctx = { server: args.server, namespace, browser: false, token };
  const outcome = await submitPipeline(client, p, args.options);
  if (outcome.status === 'invalid') {
    // Our validator's problems carry a field path: print them as FILE:LINE:COL, as `lint` does.
    const index = opened.documents.find((d) => d.pipeline)?.index ?? 0;
    for (const d of locateDiagnostics(text, outcome.diagnostics, index))
      io.err(formatDiagnostic(d, args.file));
    return 1;
  }
  if (outcome.status === 'failed') {
    io.err(`argoflow: ${explainError(outcome.error, ctx)}`);
    return 1;
  }
  if (outcome.status === 'exists') {
    io.err(`argoflow: ${p.kind} ${outcome.name} already exists in ${namespace}`);
    return 1;
  }
  io.out(outcome.name);
  if (!args.watch || p.kind !== 'Workflow') return 0;
  let last = '';
  try {
    const final = await watchRun(client, outcome.name, (wf) => {
      const state = runState(wf);
      const line = `${state.phase}${state.progress ? ` ${state.progress}` : ''}${state.message ? `: ${state.message}` : ''}`;
      // Status messages come from the server: the token is kept out of them too.
      if (line !== last) io.err(redactToken(line, token));
      last = line;
    });
    return final && runState(final).phase === 'Succeeded' ? 0 : 1;
  } catch (e) {
    io.err(`argoflow: ${explainError(e, ctx)}`);
    return 1;
  }
}
