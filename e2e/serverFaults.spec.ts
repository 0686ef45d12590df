/**
 * Server faults as the user reads them in a real browser, through the Vite
 * preview proxy to the Argo Server TEST DOUBLE with injected faults: a reply
 * of the wrong shape, a body cut off mid-way, and an error that echoes the
 * Authorization header. (In Chromium a cut-off body used to read
 * "Unexpected error: Failed to fetch".)
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { configureConnection, launch, openEditor } from './support/browser';
import { startNginx } from './support/nginx';

const doubleUrl = () => inject('doubleUrl');

async function fault(body: unknown): Promise<void> {
  const res = await fetch(`${doubleUrl()}/__double/fault`, {
    method: 'POST',
    body: JSON.stringify(body),
  });
  expect(res.ok).toBe(true);
}

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});
afterEach(async () => {
  await fault(null);
});

async function checkConnection(page: Page, token: string): Promise<string> {
  return checkAt(page, token);
}

async function checkAt(page: Page, token: string): Promise<string> {
  await configureConnection(page, token);
  await page.getByRole('button', { name: 'Server…' }).click();
  await page.getByRole('button', { name: 'Test connection' }).click();
  const check = page.locator('[data-testid=connection-check]');
  await expect.poll(() => check.textContent()).not.toMatch(/Checking/);
  return (await check.textContent()) ?? '';
}

describe('the connection check in the browser', () => {
  it('a server answering [1,2,3] is named as not an Argo Server', async () => {
    await fault({ reply: '[1,2,3]', path: '/version$' });
    const { page, errors } = await openEditor(browser);
    const text = await checkConnection(page, 'test-token');
    expect(text).toContain(
      "answered GET /api/v1/version with a list, not Argo's version object: is this an Argo Server?",
    );
    expect(text).not.toContain('Connected to Argo');
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('an error echoing the Authorization header never shows the token', async () => {
    await fault({ status: 503, echoAuthorization: true });
    const { page } = await openEditor(browser);
    const text = await checkConnection(page, 'test-token');
    expect(text).toContain('Authorization: Bearer [token hidden]');
    expect(text).not.toContain('test-token');
    await page.context().close();
  });
});

// nginx closes the browser's connection when the server drops mid-answer
// (Vite's proxy keeps it open: the client's time limit covers that case).
describe('through nginx with deploy/nginx.conf', () => {
  let nginx: { url: string; stop(): void } | undefined;
  beforeAll(async () => {
    nginx = await startNginx(doubleUrl());
  });
  afterAll(() => nginx?.stop());

  it('a body cut off mid-way reads as a dropped connection, not "Failed to fetch"', async () => {
    await fault({ cutBodyAfterBytes: 20, path: '/userinfo$' });
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    const page = await context.newPage();
    await page.goto(nginx!.url);
    await page.locator('.palette-entry').first().waitFor();
    const text = await checkAt(page, 'test-token');
    expect(text).toMatch(/dropped: the answer to GET \/api\/v1\/userinfo was cut off/);
    expect(text).not.toMatch(/Unexpected error/);
    await context.close();
  });
});
