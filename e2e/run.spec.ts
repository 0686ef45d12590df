/**
 * The Argo Server loop in a real browser, against the Argo Server TEST DOUBLE
 * (test/support/argoServerDouble.ts): once through the Vite preview proxy, and
 * once through Debian's real nginx running deploy/nginx.conf.
 * To see each task Running before it succeeds, a test pauses the double's
 * controller and steps it until the task runs, then waits for the page: the
 * run does not move on meanwhile, however slow the machine.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import {
  configureConnection,
  launch,
  newContext,
  openEditor,
  twoConnected,
  yamlText,
} from './support/browser';
import { startNginx } from './support/nginx';

const doubleUrl = () => inject('doubleUrl');

async function control(path: string, body: unknown): Promise<void> {
  const res = await fetch(`${doubleUrl()}/__double/${path}`, {
    method: 'POST',
    body: JSON.stringify(body),
  });
  expect(res.ok).toBe(true);
}

type Phases = { phase: string; tasks: Record<string, string> };

/** Steps the paused controller until the workflow `name` (in argo) satisfies `ok`. */
async function stepUntil(name: string, ok: (wf: Phases) => boolean): Promise<void> {
  let last: Phases | undefined;
  for (let i = 0; i < 20; i++) {
    const res = await fetch(`${doubleUrl()}/__double/step`, { method: 'POST' });
    last = ((await res.json()) as Record<string, Phases>)[`argo/${name}`];
    if (last && ok(last)) return;
  }
  throw new Error(`${name}: not there after 20 steps: ${JSON.stringify(last)}`);
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
  await control('resume', {});
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
  await control('pause', {});
  await page.locator('[data-testid=submit]').click();
  await expect
    .poll(() => page.locator('[data-testid=submit-result]').textContent())
    .toMatch(/Workflow pipeline-[a-z0-9]{5} created in argo/);
  const result = await page.locator('[data-testid=submit-result]').textContent();
  const name = /Workflow (pipeline-[a-z0-9]{5}) created/.exec(result ?? '')![1]!;
  await stepUntil(name, (wf) => wf.tasks.jobprofilerclient === 'Running');
  await expect.poll(() => phaseOf(page, 'jobprofilerclient')).toBe('Running');
  await stepUntil(name, (wf) => wf.tasks['busybox-shell'] === 'Running');
  await expect.poll(() => phaseOf(page, 'busybox-shell')).toBe('Running');
  await control('resume', {});
  await expect.poll(() => page.locator('[data-testid=run-phase]').textContent()).toBe('Succeeded');
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
    await expect.poll(() => phaseOf(page, 'busybox-shell')).toBe('Failed');
    await expect.poll(() => page.locator('[data-testid=run-phase]').textContent()).toBe('Failed');
    await page.locator('.react-flow__node[data-id="busybox-shell"]').click();
    await expect
      .poll(() => page.locator('[data-testid=logs]').textContent())
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
    // The first click's submit waits 5 s for its lint reply: the second click
    // comes while it is in flight, even in a renderer slowed by load.
    await control('fault', { delayMs: 5000, path: '^/api/v1/workflows/argo/lint$' });
    const { page } = await openEditor(browser);
    await configureConnection(page, 'test-token');
    await twoConnected(page);
    const before = await createdWorkflows();
    await page.locator('[data-testid=submit]').dblclick();
    await expect
      .poll(() => page.locator('[data-testid=submit-result]').textContent())
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
    const context = await newContext(browser);
    const page = await context.newPage();
    await page.goto(url);
    await page.locator('.palette-entry').first().waitFor();
    await submitAndWatch(page);
    await page.locator('.react-flow__node[data-id="busybox-shell"]').click();
    await expect.poll(() => page.locator('[data-testid=logs]').textContent()).toContain('busybox');
    await context.close();
  });
});
