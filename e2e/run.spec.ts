/**
 * The Argo Server loop in a real browser, against the Argo Server TEST DOUBLE
 * (test/support/argoServerDouble.ts): once through the Vite preview proxy, and
 * once through Debian's real nginx running deploy/nginx.conf.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { configureConnection, launch, openEditor, twoConnected, yamlText } from './support/browser';
import { startNginx } from './support/nginx';

const doubleUrl = () => inject('doubleUrl');

async function control(path: string, body: unknown): Promise<void> {
  const res = await fetch(`${doubleUrl()}/__double/${path}`, {
    method: 'POST',
    body: JSON.stringify(body),
  });
  expect(res.ok).toBe(true);
}

async function createdWorkflows(): Promise<number> {
  const res = await fetch(`${doubleUrl()}/__double/requests`);
  const requests = (await res.json()) as { method: string; path: string; status?: number }[];
  return requests.filter((r) => r.method === 'POST' && r.path === '/api/v1/workflows/argo').length;
}

const phaseOf = (page: Page, task: string) =>
  page.locator(`[data-testid="phase-${task}"]`).getAttribute('data-phase');

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});
afterEach(async () => {
  await control('fail-tasks', []);
  await control('fault', null);
});

/** The whole loop on one page: connect, submit, watch Running then Succeeded. */
async function submitAndWatch(page: Page): Promise<void> {
  await configureConnection(page, 'test-token');
  await page.getByRole('button', { name: 'Server…' }).click();
  await page.getByRole('button', { name: 'Test connection' }).click();
  await expect
    .poll(() => page.locator('[data-testid=connection-check]').textContent())
    .toContain('Connected to Argo v4.1.2');
  await page.getByRole('button', { name: 'Cancel' }).click();
  await twoConnected(page);
  await page.locator('[data-testid=submit]').click();
  await expect
    .poll(() => page.locator('[data-testid=submit-result]').textContent())
    .toMatch(/Workflow pipeline-[a-z0-9]{5} created in argo/);
  await expect.poll(() => phaseOf(page, 'jobprofilerclient'), { timeout: 15_000 }).toBe('Running');
  await expect.poll(() => phaseOf(page, 'busybox-shell'), { timeout: 15_000 }).toBe('Running');
  await expect
    .poll(() => page.locator('[data-testid=run-phase]').textContent(), { timeout: 15_000 })
    .toBe('Succeeded');
  expect(await phaseOf(page, 'jobprofilerclient')).toBe('Succeeded');
  expect(await phaseOf(page, 'busybox-shell')).toBe('Succeeded');
}

describe('through the Vite preview proxy', () => {
  it('tests the connection, submits, and watches the nodes turn Running then Succeeded', async () => {
    const { page, errors } = await openEditor(browser);
    await submitAndWatch(page);
    // The token was never written to localStorage.
    const stored = await page.evaluate(() => JSON.stringify({ ...localStorage }));
    expect(stored).not.toContain('test-token');
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('shows a failing task as Failed, with its logs', async () => {
    await control('fail-tasks', ['busybox-shell']);
    const { page } = await openEditor(browser);
    await configureConnection(page, 'test-token');
    await twoConnected(page);
    await page.locator('[data-testid=submit]').click();
    await expect.poll(() => phaseOf(page, 'busybox-shell'), { timeout: 15_000 }).toBe('Failed');
    await expect
      .poll(() => page.locator('[data-testid=run-phase]').textContent(), { timeout: 15_000 })
      .toBe('Failed');
    await page.locator('.react-flow__node[data-id="busybox-shell"]').click();
    await expect
      .poll(() => page.locator('[data-testid=logs]').textContent(), { timeout: 10_000 })
      .toMatch(/exit code 1|error/i);
    await page.context().close();
  });

  it('a wrong token shows the 401 message and keeps the draft', async () => {
    const { page } = await openEditor(browser);
    await configureConnection(page, 'not-the-token');
    await twoConnected(page);
    const before = await yamlText(page);
    await page.locator('[data-testid=submit]').click();
    await expect
      .poll(() => page.locator('[data-testid=submit-result]').textContent())
      .toContain('rejected the token (401)');
    expect(await yamlText(page)).toBe(before);
    await page.context().close();
  });

  it('a double click creates one workflow', async () => {
    await control('fault', { delayMs: 600, path: '^/api/v1/workflows/argo/lint$' });
    const { page } = await openEditor(browser);
    await configureConnection(page, 'test-token');
    await twoConnected(page);
    const before = await createdWorkflows();
    await page.locator('[data-testid=submit]').dblclick();
    await expect
      .poll(() => page.locator('[data-testid=submit-result]').textContent(), { timeout: 10_000 })
      .toContain('created');
    expect((await createdWorkflows()) - before).toBe(1);
    await page.context().close();
  });
});

describe('through nginx with deploy/nginx.conf', () => {
  let nginx: { url: string; stop(): void } | undefined;
  let url = '';
  beforeAll(async () => {
    nginx = await startNginx(doubleUrl());
    url = nginx.url;
  });
  afterAll(() => {
    nginx?.stop();
  });

  it('serves the app and proxies submit, the event stream and logs', async () => {
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    const page = await context.newPage();
    await page.goto(url);
    await page.locator('.palette-entry').first().waitFor();
    await submitAndWatch(page);
    await page.locator('.react-flow__node[data-id="busybox-shell"]').click();
    await expect
      .poll(() => page.locator('[data-testid=logs]').textContent(), { timeout: 10_000 })
      .toContain('busybox');
    await context.close();
  });
});
