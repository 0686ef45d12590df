/**
 * What every canvas benchmark starts with: a built app (and maybe the bare
 * page) served by one `vite preview` on a free port, and Debian's Chromium
 * with the flags this machine needs.
 */
import { createServer } from 'node:net';
import { chromium, type Browser } from 'playwright-core';
import { preview } from 'vite';
import { REPO } from './build';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

export interface BenchServer {
  /** `http://127.0.0.1:PORT/` */
  base: string;
  close(): Promise<void>;
}

/** Serves the build in `dir` (the app at /, the bare page at /bare/ when built). */
export async function serveBuild(dir: string): Promise<BenchServer> {
  const port = await freePort();
  const server = await preview({
    configFile: false,
    root: REPO,
    logLevel: 'warn',
    build: { outDir: dir },
    preview: { port, strictPort: true, host: '127.0.0.1', open: false },
  });
  return { base: `http://127.0.0.1:${port}/`, close: () => server.close() };
}

export const launchChromium = (): Promise<Browser> =>
  chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
