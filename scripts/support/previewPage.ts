/**
 * For the screenshot scripts: the built app served by `vite preview` and a
 * Chromium page on it, 1440x900, with the palette loaded.
 */
import { spawn } from 'node:child_process';
import { chromium, type Page } from 'playwright-core';

/** Runs `use` on a page of the built app at `port`; the server and browser stop after. */
export async function withPreviewPage(
  port: number,
  env: Record<string, string>,
  use: (page: Page) => Promise<void>,
): Promise<void> {
  const preview = spawn('npx', ['vite', 'preview', '--port', String(port), '--strictPort'], {
    stdio: 'ignore',
    detached: true,
    env: { ...process.env, ...env },
  });
  try {
    for (let i = 0; i < 100; i++) {
      try {
        if ((await fetch(`http://127.0.0.1:${port}/`)).ok) break;
      } catch {
        await new Promise((r) => setTimeout(r, 200));
      }
    }
    const browser = await chromium.launch({
      executablePath: '/usr/bin/chromium',
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
    });
    try {
      const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
      await page.goto(`http://127.0.0.1:${port}/`);
      await page.locator('.palette-entry').first().waitFor();
      await use(page);
    } finally {
      await browser.close();
    }
  } finally {
    try {
      if (preview.pid) process.kill(-preview.pid, 'SIGTERM');
    } catch {
      // already gone
    }
  }
}

/** Opens `file` through the app's Open… button. */
export async function openFile(page: Page, file: string): Promise<void> {
  const [chooser] = await Promise.all([
    page.waitForEvent('filechooser'),
    page.getByRole('button', { name: 'Open…' }).click(),
  ]);
  await chooser.setFiles(file);
}
