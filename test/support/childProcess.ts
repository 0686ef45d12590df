// Test support: running a child process to its end, and the CLI as one.
//
// A child runs asynchronously (the test's event loop keeps serving, e.g. the
// Argo Server double the child talks to), under a generous limit: on the 2-core
// CI machine at load 20 a Node process takes 5-15 s just to start. When the
// limit is reached the child is killed, and the run says so: its status is
// then null ("no exit status") because a signal ended it, which is otherwise
// easy to misread. `explain(run)` tells how a child ended, with all it printed,
// for the message of a failed assertion.
//
// The CLI runs from a bundle of src/cli.ts built once per test run by esbuild
// (test/setup/global.ts), as `npm run build:cli` builds the `argoflow` bin
// (scripts/cliBuild.mjs): Node loads one file instead of tsx compiling every
// module in a loader thread, which is 4 times less CPU per child (0.15 s
// against 0.55 s quiet). Its dependencies stay external, loaded from
// node_modules as with tsx; test/cli.test.ts also runs the tsx entry itself.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildCli } from '../../scripts/cliBuild.mjs';
import { TIMEOUT } from './timeouts';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
/** Inside node_modules, so the bundle's external imports resolve from there. */
export const CLI_BUNDLE = join(REPO_ROOT, 'node_modules', '.cache', 'argoflow-test', 'cli.mjs');

/**
 * Bundles src/cli.ts into CLI_BUNDLE with the build `npm run build:cli` uses
 * (scripts/cliBuild.mjs), leaving packages external.
 */
export function buildCliBundle(): Promise<number> {
  return buildCli({ outfile: CLI_BUNDLE, packages: 'external' });
}

export interface ChildRun {
  /** The exit code; null when a signal ended the child. */
  status: number | null;
  signal: NodeJS.Signals | null;
  /** True when the child was still running at the limit and was killed for it. */
  timedOut: boolean;
  stdout: string;
  stderr: string;
  ms: number;
  /** The command line, for messages. */
  command: string;
}

export interface ChildOptions {
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  /** Killed (SIGTERM, then SIGKILL 5 s later) when still running after this long. */
  timeoutMs?: number;
}

/** Milliseconds a child may run: a little below the test timeout for child processes. */
export const CHILD_LIMIT_MS = TIMEOUT.child - 15_000;

/** Runs `command args` to its end, collecting what it prints. Never rejects for how it ended. */
export function runChild(
  command: string,
  args: string[],
  opts: ChildOptions = {},
): Promise<ChildRun> {
  const limit = opts.timeoutMs ?? CHILD_LIMIT_MS;
  const start = performance.now();
  const line = [command, ...args].join(' ');
  return new Promise((done, fail) => {
    const child = spawn(command, args, {
      cwd: opts.cwd ?? REPO_ROOT,
      env: opts.env ?? process.env,
      stdio: ['ignore', 'pipe', 'pipe'],
      // its own process group, so a kill reaches whatever it started too (a
      // grandchild holding the output pipes open would delay 'close')
      detached: true,
    });
    const kill = (signal: NodeJS.Signals) => {
      try {
        process.kill(-child.pid!, signal);
      } catch {
        // already gone
      }
    };
    let stdout = '';
    let stderr = '';
    let timedOut = false;
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    let hardKill: NodeJS.Timeout | undefined;
    const timer = setTimeout(() => {
      timedOut = true;
      kill('SIGTERM');
      hardKill = setTimeout(() => kill('SIGKILL'), 5000);
    }, limit);
    child.on('error', (e) => {
      clearTimeout(timer);
      fail(new Error(`could not start ${line}: ${e.message}`));
    });
    child.on('close', (status, signal) => {
      clearTimeout(timer);
      clearTimeout(hardKill);
      done({
        status,
        signal,
        timedOut,
        stdout,
        stderr,
        ms: performance.now() - start,
        command: line,
      });
    });
  });
}

/** How the child ended and everything it printed: the message for a failed assertion. */
export function explain(run: ChildRun): string {
  const secs = (run.ms / 1000).toFixed(1);
  const end = run.timedOut
    ? `was killed (${run.signal ?? 'SIGTERM'}) by the test after ${secs} s without finishing, so it has no exit status`
    : run.status === null
      ? `was ended by signal ${run.signal} after ${secs} s (not by the test), so it has no exit status`
      : `exited with status ${run.status} after ${secs} s`;
  const block = (name: string, text: string) =>
    text === '' ? `${name}: (empty)` : `${name}:\n${text.replace(/\n$/, '')}`;
  return [
    `\`${run.command}\` ${end}`,
    block('stdout', run.stdout),
    block('stderr', run.stderr),
  ].join('\n');
}

/** Runs the bundled CLI (`argoflow ...args`) in the repository root. */
export function runCli(args: string[], opts: ChildOptions = {}): Promise<ChildRun> {
  if (!existsSync(CLI_BUNDLE))
    throw new Error(`${CLI_BUNDLE} is missing: the unit tests' global setup builds it`);
  return runChild(process.execPath, [CLI_BUNDLE, ...args], opts);
}
