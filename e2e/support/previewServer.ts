/**
 * Vitest global setup for browser tests: builds the app (production mode, as
 * users get it), starts the Argo Server test double, and serves the app with
 * `vite preview` proxying /api/v1 to the double (ARGO_SERVER), as a user's
 * `npm start` would to a real server. Stops both afterwards.
 * Set E2E_SKIP_BUILD=1 to reuse an existing dist/.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import type { TestProject } from 'vitest/node';
import { startArgoServerDouble } from '../../test/support/argoServerDouble';

export const PREVIEW_PORT = Number(process.env.E2E_PORT ?? 4319);

async function waitFor(url: string, timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    try {
      const res = await fetch(url);
      if (res.ok) return;
    } catch {
      // not up yet
    }
    if (Date.now() > until)
      throw new Error(`preview server at ${url} did not start within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

let server: ChildProcess | undefined;

export default async function setup(project: TestProject): Promise<() => void> {
  if (!process.env.E2E_SKIP_BUILD) {
    const build = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn'], { stdio: 'inherit' });
    if (build.status !== 0) throw new Error('vite build failed');
  }
  const double = await startArgoServerDouble({ port: 0, stepMs: 400 });
  server = spawn('npx', ['vite', 'preview', '--port', String(PREVIEW_PORT), '--strictPort'], {
    stdio: ['ignore', 'ignore', 'inherit'],
    detached: true,
    env: { ...process.env, ARGO_SERVER: double.url },
  });
  const base = `http://127.0.0.1:${PREVIEW_PORT}/`;
  await waitFor(base, 30_000);
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
