/**
 * `argoflow submit FILE --server URL --namespace NS [--watch]`: validate, lint
 * and create on an Argo Server; with --watch, print phase changes until the
 * run ends. The token comes from ARGO_TOKEN (never a flag, so it stays out of
 * shell history) and is never printed.
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
import type { CliIO } from './cliCommands';

export interface SubmitArgs {
  file: string;
  server: string;
  namespace?: string;
  watch: boolean;
}

/** Parses `submit` flags; returns a usage message when they are wrong. */
export function parseSubmitArgs(args: string[]): SubmitArgs | string {
  const out: Partial<SubmitArgs> = { watch: false };
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--watch') out.watch = true;
    else if (a === '--server' || a === '--namespace') {
      const value = args[++i];
      if (!value) return `${a} needs a value`;
      if (a === '--server') out.server = value;
      else out.namespace = value;
    } else if (a === '--token' || a.startsWith('--token='))
      // Refused without echoing the value: it must not reach a log either.
      return 'the token is read from the ARGO_TOKEN environment variable, never from a flag';
    else if (a.startsWith('-')) return `unknown option ${a}`;
    else if (out.file) return `unexpected argument ${a}`;
    else out.file = a;
  }
  if (!out.file) return 'submit needs a FILE';
  if (!out.server) return 'submit needs --server URL (e.g. https://localhost:2746)';
  return out as SubmitArgs;
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
  const outcome = await submitPipeline(client, p);
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
