/**
 * Regenerates the README screenshots: the editor with a 6-task pipeline, the
 * same in the dark theme, and a run in progress against the Argo Server TEST
 * DOUBLE.
 *   npm run build && npx tsx scripts/screenshots.ts
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { addTask, connect, createPipeline, exportDocument, type Pipeline } from '../src/core';
import { parseConfig } from '../src/core/config';
import { autoLayout, NODE_HEIGHT } from '../src/core/graph/autoLayout';
import { nodeHeights } from '../src/core/model/dataFlow';
import { startArgoServerDouble } from '../test/support/argoServerDouble';
import { scopeTasks, withScopeLayout } from '../src/core/model/scope';

function samplePipeline(): Pipeline {
  const entries = parseConfig(readFileSync('public/config.yaml', 'utf8')).value;
  const entry = (id: string) => entries.find((e) => e.id === id)!;
  let p = createPipeline({ generateName: 'daily-profile-', namespace: 'argo' });
  const add = (name: string, id: string) => {
    p = addTask(p, { name, template: entry(id).template }).pipeline;
  };
  add('fetch-orders', 'curl');
  add('fetch-customers', 'busybox-shell');
  add('profile-orders', 'jobprofilerclient');
  add('profile-customers', 'jobprofilerclient');
  add('spark-join', 'sparkk8sScala');
  add('report', 'python-script');
  for (const [a, b] of [
    ['fetch-orders', 'profile-orders'],
    ['fetch-customers', 'profile-customers'],
    ['profile-orders', 'spark-join'],
    ['profile-customers', 'spark-join'],
    ['spark-join', 'report'],
  ] as const)
    p = connect(p, a, b).pipeline;
  return withScopeLayout(p, autoLayout(scopeTasks(p), nodeHeights(p, NODE_HEIGHT)));
}

const double = await startArgoServerDouble({ port: 0, stepMs: 1500 });
const port = Number(process.env.SHOTS_PORT ?? 4391);
const preview = spawn('npx', ['vite', 'preview', '--port', String(port), '--strictPort'], {
  stdio: 'ignore',
  detached: true,
  env: { ...process.env, ARGO_SERVER: double.url },
});
try {
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/`)).ok) break;
    } catch {
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  const file = join(mkdtempSync(join(tmpdir(), 'shots-')), 'daily-profile.yaml');
  writeFileSync(file, exportDocument(samplePipeline()));
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  await page.goto(`http://127.0.0.1:${port}/`);
  await page.locator('.palette-entry').first().waitFor();
  const [chooser] = await Promise.all([
    page.waitForEvent('filechooser'),
    page.getByRole('button', { name: 'Open…' }).click(),
  ]);
  await chooser.setFiles(file);
  await page.locator('.react-flow__node').nth(5).waitFor();
  await page.waitForTimeout(500);
  await page.locator('.react-flow__node[data-id="spark-join"]').click();
  await page.waitForTimeout(300);
  await page.screenshot({ path: 'docs/editor.png' });

  // The dark theme (the OS preference), the fan-out example's badges and arrowheads.
  const dark = await browser.newPage({
    viewport: { width: 1440, height: 900 },
    colorScheme: 'dark',
  });
  await dark.goto(`http://127.0.0.1:${port}/`);
  await dark.locator('.palette-entry').first().waitFor();
  const [darkChooser] = await Promise.all([
    dark.waitForEvent('filechooser'),
    dark.getByRole('button', { name: 'Open…' }).click(),
  ]);
  await darkChooser.setFiles(file);
  await dark.locator('.react-flow__node').nth(5).waitFor();
  await dark.waitForTimeout(500);
  await dark.locator('.react-flow__node[data-id="spark-join"]').click();
  await dark.waitForTimeout(300);
  await dark.screenshot({ path: 'docs/dark-mode.png' });
  await dark.close();

  // Quick-add: a sticky note, then an edge from report's output dropped on empty canvas.
  const first = (await page.locator('.react-flow__node[data-id="fetch-customers"]').boundingBox())!;
  await page.mouse.click(first.x + 40, first.y + 170, { button: 'right' });
  await page.getByRole('menuitem', { name: 'Add a note here' }).click();
  await page.getByTestId('note').dblclick();
  await page
    .getByRole('textbox', { name: 'Note text' })
    .fill('## Daily profile\n- **fetch** both sources\n- join in *Spark*, then report');
  await page.mouse.click(first.x + 300, first.y + 260);
  const handle = page.locator(
    '.react-flow__node[data-id="report"] .task-node > .react-flow__handle.source',
  );
  const h = (await handle.boundingBox())!;
  await page.mouse.move(h.x + h.width / 2, h.y + h.height / 2);
  await page.mouse.down();
  await page.mouse.move(h.x - 100, h.y + 60, { steps: 5 });
  await page.mouse.move(h.x - 260, h.y + 110, { steps: 5 });
  await page.mouse.up();
  await page.locator('.step-picker [cmdk-input]').fill('s');
  await page.waitForTimeout(300);
  await page.screenshot({ path: 'docs/quick-add.png' });
  await page.keyboard.press('Escape');
  await page.keyboard.press('Control+z');

  await page.getByRole('button', { name: 'Server…' }).click();
  await page.locator('#conn-token').fill('test-token');
  await page.getByRole('button', { name: 'Save' }).click();
  await page.locator('[data-testid=submit]').click();
  await page
    .locator('[data-testid="phase-spark-join"][data-phase="Running"]')
    .waitFor({ timeout: 30_000 });
  await page.locator('.react-flow__node[data-id="profile-orders"]').click();
  await page.waitForTimeout(800);
  await page.screenshot({ path: 'docs/run.png' });
  await browser.close();
} finally {
  try {
    if (preview.pid) process.kill(-preview.pid, 'SIGTERM');
  } catch {
    // already gone
  }
  await double.close();
}
