/**
 * Large files and awkward names in a real browser: a 5,000-task DAG without
 * positions shows at once, fitted, placed by level; a smaller one is laid out
 * in the background and can be cancelled; tasks named like built-in object
 * properties all show. Times are printed for the record, never asserted.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateGraph } from '../bench/canvas/generate';
import { launch, nodeCount, openEditor } from './support/browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

/** A Workflow of the benchmark's seeded layered DAG, with no layout annotation. */
function dagYaml(n: number): string {
  const g = generateGraph(n);
  const deps = new Map<string, string[]>();
  for (const e of g.edges) deps.set(e.target, [...(deps.get(e.target) ?? []), e.source]);
  const tasks = g.tasks
    .map((t, i) => {
      const depends = deps.get(t.name);
      return (
        `      - name: ${t.name}\n        template: step${i % 4}\n` +
        (depends ? `        depends: ${depends.join(' && ')}\n` : '')
      );
    })
    .join('');
  const templates = [0, 1, 2, 3]
    .map((i) => `  - name: step${i}\n    container: {image: alpine:3.20}\n`)
    .join('');
  return `apiVersion: argoproj.io/v1alpha1\nkind: Workflow\nmetadata:\n  generateName: big-\nspec:\n  entrypoint: main\n  templates:\n  - name: main\n    dag:\n      tasks:\n${tasks}${templates}`;
}

async function openText(page: Page, name: string, text: string): Promise<number> {
  const [chooser] = await Promise.all([
    page.waitForEvent('filechooser'),
    page.getByRole('button', { name: 'Open…' }).click(),
  ]);
  const started = Date.now();
  await chooser.setFiles({ name, mimeType: 'application/yaml', buffer: Buffer.from(text) });
  return started;
}

/** Rendered nodes whose box lies outside the canvas (React Flow draws only those in view). */
async function nodesOutsideCanvas(page: Page): Promise<{ shown: number; outside: number }> {
  return page.evaluate(() => {
    const canvas = document.querySelector('.react-flow')!.getBoundingClientRect();
    const nodes = [...document.querySelectorAll('.react-flow__node')];
    const outside = nodes.filter((n) => {
      const r = n.getBoundingClientRect();
      return (
        r.left < canvas.left - 1 ||
        r.right > canvas.right + 1 ||
        r.top < canvas.top - 1 ||
        r.bottom > canvas.bottom + 1 ||
        !Number.isFinite(r.left + r.top)
      );
    }).length;
    return { shown: nodes.length, outside };
  });
}

const status = (page: Page) => page.locator('[data-testid=layout-status]');

describe('large files', () => {
  it('a 5,000-task DAG without positions shows at once, fitted to the view, placed by level', async () => {
    const { page, errors } = await openEditor(browser);
    const started = await openText(page, 'big.yaml', dagYaml(5000));
    await page.locator('.react-flow__node').first().waitFor({ timeout: 60_000 });
    console.log(
      `5,000 tasks: first node visible ${Date.now() - started} ms after choosing the file`,
    );
    await expect
      .poll(() => status(page).textContent(), { timeout: 60_000 })
      .toMatch(/^5,000 tasks placed by dependency level\. The full layout was not started/);
    // Fitted: every node is in view, so React Flow draws all 5,000, and none outside.
    await expect.poll(() => nodeCount(page), { timeout: 60_000 }).toBe(5000);
    console.log(`5,000 tasks: all drawn ${Date.now() - started} ms after choosing the file`);
    expect(await nodesOutsideCanvas(page)).toEqual({ shown: 5000, outside: 0 });
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('after a reload the document restored from autosave is fitted to the view (issue 11)', async () => {
    const { page, errors } = await openEditor(browser);
    await openText(page, 'wide.yaml', dagYaml(2000));
    await expect
      .poll(() => status(page).textContent(), { timeout: 60_000 })
      .toMatch(/^2,000 tasks placed by dependency level/);
    await expect.poll(() => nodeCount(page), { timeout: 60_000 }).toBe(2000);
    await page.reload();
    await page.locator('.palette-entry').first().waitFor({ timeout: 60_000 });
    // Fitted: every node is in view, so React Flow draws all of them (before: 18 of 1,000).
    await expect.poll(() => nodeCount(page), { timeout: 60_000 }).toBe(2000);
    expect(await nodesOutsideCanvas(page)).toEqual({ shown: 2000, outside: 0 });
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('a 300-task DAG is placed at once, then laid out in the background', async () => {
    const { page, errors } = await openEditor(browser);
    const started = await openText(page, 'medium.yaml', dagYaml(300));
    await expect.poll(() => nodeCount(page), { timeout: 30_000 }).toBeGreaterThan(0);
    const placed = await page.locator('.react-flow__node[data-id="t0150"]').getAttribute('style');
    await expect.poll(() => status(page).count(), { timeout: 60_000 }).toBe(0);
    console.log(`300 tasks: laid out ${Date.now() - started} ms after choosing the file`);
    await expect
      .poll(() => page.locator('.react-flow__node[data-id="t0150"]').getAttribute('style'))
      .not.toBe(placed);
    expect(await nodesOutsideCanvas(page)).toMatchObject({ outside: 0 });
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('Cancel stops the background layout and keeps the placement by level', async () => {
    const { page, errors } = await openEditor(browser);
    // About 2,800 layered nodes, under the limit: dagre takes seconds on it.
    await openText(page, 'slow.yaml', dagYaml(1150));
    await status(page).getByRole('button', { name: 'Cancel' }).click({ timeout: 30_000 });
    await expect
      .poll(() => status(page).textContent())
      .toContain('Layout cancelled: they stay placed by dependency level.');
    expect(await nodesOutsideCanvas(page)).toMatchObject({ outside: 0 });
    expect(errors).toEqual([]);
    await page.context().close();
  });
});

describe('built-in names', () => {
  it('opens a file with tasks named constructor, toString, valueOf and hasOwnProperty and shows every node', async () => {
    const { page, errors } = await openEditor(browser);
    const names = ['constructor', 'toString', 'valueOf', 'hasOwnProperty'];
    const tasks = names
      .map(
        (n, i) =>
          `      - name: ${n}\n        template: echo\n` +
          (i > 0 ? `        depends: ${names[i - 1]}\n` : ''),
      )
      .join('');
    await openText(
      page,
      'builtin.yaml',
      `apiVersion: argoproj.io/v1alpha1\nkind: Workflow\nmetadata:\n  generateName: builtin-\nspec:\n  entrypoint: main\n  templates:\n  - name: main\n    dag:\n      tasks:\n${tasks}  - name: echo\n    container: {image: alpine}\n`,
    );
    await expect.poll(() => nodeCount(page)).toBe(4);
    for (const n of names) await page.locator(`.react-flow__node[data-id="${n}"]`).waitFor();
    expect(await nodesOutsideCanvas(page)).toEqual({ shown: 4, outside: 0 });
    // Left to right in dependency order.
    const xs = await Promise.all(
      names.map(
        async (n) => (await page.locator(`.react-flow__node[data-id="${n}"]`).boundingBox())!.x,
      ),
    );
    expect(xs).toEqual([...xs].sort((a, b) => a - b));
    expect(new Set(xs).size).toBe(4);
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
