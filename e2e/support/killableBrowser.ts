/**
 * A Chromium we can kill like a crash: started by hand on a profile folder
 * (so storage is on disk, as a user's is), driven over CDP, and ended with
 * SIGKILL to its whole process group, so nothing gets to flush on the way out.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { CHROMIUM_PATH } from './browser';

export interface Killable {
  browser: Browser;
  /** A new page in the profile's context. */
  page(): Promise<Page>;
  kill(): Promise<void>;
}

/** A fresh profile folder; remove it with `rmSync` when done. */
export const profileDir = (): string => mkdtempSync(join(tmpdir(), 'argoflow-profile-'));
export const removeProfile = (dir: string): void => rmSync(dir, { recursive: true, force: true });

export async function startKillable(profile: string, timeoutMs = 60_000): Promise<Killable> {
  const child: ChildProcess = spawn(
    CHROMIUM_PATH,
    [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      `--user-data-dir=${profile}`,
      '--remote-debugging-port=0',
      '--no-first-run',
      'about:blank',
    ],
    { detached: true, stdio: ['ignore', 'ignore', 'pipe'] },
  );
  const endpoint = await new Promise<string>((resolve, reject) => {
    let output = '';
    const timer = setTimeout(
      () => reject(new Error(`Chromium did not start within ${timeoutMs} ms:\n${output}`)),
      timeoutMs,
    );
    child.stderr!.on('data', (d: Buffer) => {
      output += d.toString();
      const m = /DevTools listening on (ws:\S+)/.exec(output);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`Chromium exited (${code}) before it listened:\n${output}`));
    });
  });
  const browser = await chromium.connectOverCDP(endpoint, { timeout: timeoutMs });
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  return {
    browser,
    async page() {
      const page = await browser.contexts()[0]!.newPage();
      await page.setViewportSize({ width: 1400, height: 900 });
      return page;
    },
    async kill() {
      process.kill(-child.pid!, 'SIGKILL');
      await exited;
    },
  };
}
