/**
 * Large files in the browser, against a running build (figures in
 * docs/PERFORMANCE.md, "Layout and large files"):
 *
 *   npx vite build && npx vite preview --port 4173 &
 *   npx tsx bench/largeFiles.ts http://127.0.0.1:4173/
 *
 * 1. A 5,000-task DAG without positions (the canvas benchmark's seeded
 *    graph): time from choosing the file to the first node drawn and to all
 *    nodes drawn.
 * 2. A Workflow with 5,000 arguments.parameters: time until the inspector
 *    shows its rows, then per edit (commit a value, Remove) until the YAML
 *    preview shows it.
 * Debian's Chromium as in the browser tests. Single runs: they vary with load.
 */
import { chromium, type Page } from 'playwright-core';
import { generateGraph } from './canvas/generate';

const url = process.argv[2] ?? 'http://127.0.0.1:4173/';

function dagYaml(n: number): string {
  const g = generateGraph(n);
  const deps = new Map<string, string[]>();
  for (const e of g.edges) deps.set(e.target, [...(deps.get(e.target) ?? []), e.source]);
  const tasks = g.tasks
    .map((t, i) => {
      const d = deps.get(t.name);
      return `      - name: ${t.name}\n        template: step${i % 4}\n${d ? `        depends: ${d.join(' && ')}\n` : ''}`;
    })
    .join('');
  const templates = [0, 1, 2, 3]
    .map((i) => `  - name: step${i}\n    container: {image: alpine:3.20}\n`)
    .join('');
  return `apiVersion: argoproj.io/v1alpha1\nkind: Workflow\nmetadata:\n  generateName: big-\nspec:\n  entrypoint: main\n  templates:\n  - name: main\n    dag:\n      tasks:\n${tasks}${templates}`;
}

function parametersYaml(n: number): string {
  const params = Array.from({ length: n }, (_, i) => `    - name: p${i}\n      value: v${i}\n`);
  return `apiVersion: argoproj.io/v1alpha1\nkind: Workflow\nmetadata:\n  generateName: params-\nspec:\n  entrypoint: main\n  arguments:\n    parameters:\n${params.join('')}  templates:\n  - name: main\n    dag:\n      tasks:\n      - name: a\n        template: echo\n  - name: echo\n    container: {image: alpine}\n`;
}

async function open(page: Page, name: string, text: string): Promise<number> {
  const [chooser] = await Promise.all([
    page.waitForEvent('filechooser'),
    page.getByRole('button', { name: 'Open…' }).click(),
  ]);
  const started = Date.now();
  await chooser.setFiles({ name, mimeType: 'application/yaml', buffer: Buffer.from(text) });
  return started;
}

const frame = (page: Page) =>
  page.evaluate(() => new Promise((r) => requestAnimationFrame(() => r(null))));

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
});
async function fresh(): Promise<Page> {
  const page = await (
    await browser.newContext({ viewport: { width: 1400, height: 900 } })
  ).newPage();
  await page.goto(url);
  await page.locator('.palette-entry').first().waitFor();
  return page;
}

{
  const page = await fresh();
  const started = await open(page, 'big.yaml', dagYaml(5000));
  await page.locator('.react-flow__node').first().waitFor({ timeout: 600_000 });
  console.log(`5,000 tasks: first node drawn after ${Date.now() - started} ms`);
  await page.waitForFunction(
    () => document.querySelectorAll('.react-flow__node').length === 5000,
    null,
    {
      timeout: 600_000,
      polling: 200,
    },
  );
  console.log(`5,000 tasks: all drawn after ${Date.now() - started} ms`);
  await page.context().close();
}
{
  const page = await fresh();
  const started = await open(page, 'params.yaml', parametersYaml(5000));
  await page.locator('[data-testid=wf-parameter-0]').waitFor({ timeout: 600_000 });
  console.log(`5,000 parameters: rows shown after ${Date.now() - started} ms`);
  const yamlHas = (s: string, present = true) =>
    page.waitForFunction(
      ([s, present]) =>
        (document.querySelector('[data-testid=yaml-text]')?.textContent?.includes(s as string) ??
          false) === present,
      [s, present] as const,
      { timeout: 600_000 },
    );
  for (let k = 0; k < 3; k++) {
    const field = page.locator('input[name="wf-param-1-value"]');
    await field.fill(`edited${k}`);
    const t0 = Date.now();
    await field.press('Enter');
    await yamlHas(`value: edited${k}`);
    await frame(page);
    console.log(`5,000 parameters: commit a value ${Date.now() - t0} ms`);
  }
  for (let k = 0; k < 2; k++) {
    const t0 = Date.now();
    await page.getByRole('button', { name: `Remove parameter p${2 + k}`, exact: true }).click();
    await yamlHas(`name: p${2 + k}\n`, false);
    await frame(page);
    console.log(`5,000 parameters: remove one ${Date.now() - t0} ms`);
  }
  await page.context().close();
}
await browser.close();
