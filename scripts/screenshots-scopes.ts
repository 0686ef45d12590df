/**
 * Regenerates the screenshots of templates other than a single DAG (issue 9):
 * Argo's steps.yaml as groups of parallel steps, and dag-nested.yaml drilled
 * into its nested DAG, with the breadcrumb and the templates outline.
 * Reads the examples from ../shared/argo/examples.
 *   npm run build && npx tsx scripts/screenshots-scopes.ts
 */
import { spawn } from 'node:child_process';
import { chromium, type Page } from 'playwright-core';
import { argoExamplePath } from '../test/support/sharedData';

const port = 4392;
const preview = spawn('npx', ['vite', 'preview', '--port', String(port), '--strictPort'], {
  stdio: 'ignore',
  detached: true,
});

async function open(page: Page, file: string): Promise<void> {
  const [chooser] = await Promise.all([
    page.waitForEvent('filechooser'),
    page.getByRole('button', { name: 'Open…' }).click(),
  ]);
  await chooser.setFiles(file);
}

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
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  await page.goto(`http://127.0.0.1:${port}/`);
  await page.locator('.palette-entry').first().waitFor();

  await open(page, argoExamplePath('steps.yaml'));
  await page.locator('.react-flow__node[data-id="hello2b"]').waitFor();
  await page.locator('.react-flow__node[data-id="hello2a"]').click();
  await page.waitForTimeout(500);
  await page.screenshot({ path: 'docs/steps.png' });

  await open(page, argoExamplePath('dag-nested.yaml'));
  await page.locator('.react-flow__node[data-id="A"]').waitFor();
  await page.locator('.react-flow__node[data-id="A"]').dblclick();
  await page.locator('.breadcrumb').getByText('nested-diamond').waitFor();
  await page.locator('.react-flow__node[data-id="C"]').click();
  await page.waitForTimeout(500);
  await page.screenshot({ path: 'docs/nested-dag.png' });
  await browser.close();
} finally {
  try {
    if (preview.pid) process.kill(-preview.pid, 'SIGTERM');
  } catch {
    // already gone
  }
}
