/**
 * Vitest global setup for browser tests: builds the app (production mode, as
 * users get it), starts the Argo Server test double, and serves the app with
 * `vite preview` proxying /api/v1 to the double (ARGO_SERVER), as a user's
 * `npm start` would to a real server. Stops both afterwards.
 * Set E2E_SKIP_BUILD=1 to reuse an existing dist/, E2E_PORT for the preview
 * server's port (default 4319).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import type { TestProject } from 'vitest/node';
import { startArgoServerDouble } from '../../test/support/argoServerDouble';

export const PREVIEW_PORT = Number(process.env.E2E_PORT ?? 4319);
/** `vite preview` starting (npx, then Vite): 2 s quiet, much longer at load 20. */
const PREVIEW_START_MS = 120_000;

/** Polls `url` until it answers, the server process ends, or `timeoutMs` passes. */
async function waitFor(url: string, server: ChildProcess, timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    try {
      const res = await fetch(url);
      if (res.ok) return;
    } catch {
      // not up yet
    }
    if (server.exitCode !== null || server.signalCode !== null)
      throw new Error(
        `vite preview ended (${server.exitCode ?? server.signalCode}) before serving ${url}; its errors are above`,
      );
    if (Date.now() > until)
      throw new Error(`preview server at ${url} did not start within ${timeoutMs / 1000} s`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

let server: ChildProcess | undefined;

export default async function setup(project: TestProject): Promise<() => void> {
  if (!process.env.E2E_SKIP_BUILD) {
    // Vitest sets NODE_ENV=test, which would give the build React's development
    // mode: build what users get.
    const build = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn'], {
      stdio: 'inherit',
      env: { ...process.env, NODE_ENV: 'production' },
    });
    if (build.status !== 0)
      throw new Error(`vite build failed (${build.status ?? build.signal}); its output is above`);
  }
  const double = await startArgoServerDouble({ port: 0, stepMs: 400 });
  server = spawn('npx', ['vite', 'preview', '--port', String(PREVIEW_PORT), '--strictPort'], {
    stdio: ['ignore', 'ignore', 'inherit'],
    detached: true,
    env: { ...process.env, ARGO_SERVER: double.url },
  });
  const base = `http://127.0.0.1:${PREVIEW_PORT}/`;
  try {
    await waitFor(base, server, PREVIEW_START_MS);
  } catch (e) {
    if (server.pid && server.exitCode === null) process.kill(-server.pid, 'SIGTERM');
    await double.close();
    throw e;
  }
  project.provide('baseUrl', base);
  project.provide('doubleUrl', double.url);
  return async () => {
    if (server?.pid) process.kill(-server.pid, 'SIGTERM');
    await double.close();
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    /** The Argo Server test double, for its control routes (/__double/...). */
    doubleUrl: string;
  }
}
