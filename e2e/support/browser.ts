/**
 * Browser test helpers: Debian's Chromium driven by playwright-core, a fresh
 * profile per page, and small actions on the editor's canvas.
 *
 * Limits are explicit and generous: CI runs on 2 cores at load 10 to 20, where
 * Chromium takes many seconds to start and a page many seconds to load. They
 * are deadlines for failing, not delays: whatever is ready goes on at once.
 */
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { inject } from 'vitest';

/** The browser to drive (CHROMIUM_PATH, default Debian's /usr/bin/chromium). */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const LIMITS = {
  /** Starting Chromium (a second quiet, tens of seconds at load 20). */
  launchMs: 120_000,
  /** page.goto / reload until the load event. */
  navigationMs: 90_000,
  /** Each action and wait (click, fill, locator.waitFor, waitForFunction, events). */
  actionMs: 60_000,
} as const;

export async function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
    timeout: LIMITS.launchMs,
  });
}

/** A new context (empty profile) with the limits above. */
export async function newContext(browser: Browser): Promise<BrowserContext> {
  const context = await browser.newContext({
    viewport: { width: 1400, height: 900 },
    acceptDownloads: true,
  });
  context.setDefaultTimeout(LIMITS.actionMs);
  context.setDefaultNavigationTimeout(LIMITS.navigationMs);
  return context;
}

export const baseUrl = (): string => inject('baseUrl');

/** A new page on a fresh context (empty localStorage), with page errors collected. */
export async function openEditor(
  browser: Browser,
  path = '',
): Promise<{ page: Page; errors: string[] }> {
  const context = await newContext(browser);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(baseUrl() + path);
  await page.locator('.palette-entry').first().waitFor();
  return { page, errors };
}

/** The live YAML preview text. */
export async function yamlText(page: Page): Promise<string> {
  return (await page.locator('[data-testid=yaml-text]').textContent()) ?? '';
}

/** Drags a palette entry onto the canvas at (x, y) relative to the canvas. */
export async function dropEntry(page: Page, entryId: string, x: number, y: number): Promise<void> {
  await page
    .locator(`[data-testid="palette-${entryId}"]`)
    .dragTo(page.locator('.react-flow__pane'), {
      targetPosition: { x, y },
    });
}

/** Opens a file through the Open… button's file chooser. */
export async function openFile(page: Page, file: string): Promise<void> {
  const [chooser] = await Promise.all([
    page.waitForEvent('filechooser'),
    page.getByRole('button', { name: 'Open…' }).click(),
  ]);
  await chooser.setFiles(file);
}

/** Draws an edge from `from`'s output handle to `to`'s input handle with the mouse. */
export async function connectNodes(page: Page, from: string, to: string): Promise<void> {
  const source = page.locator(
    `.react-flow__node[data-id="${from}"] .task-node > .react-flow__handle.source`,
  );
  const target = page.locator(
    `.react-flow__node[data-id="${to}"] .task-node > .react-flow__handle.target`,
  );
  const a = (await source.boundingBox())!;
  const b = (await target.boundingBox())!;
  await page.mouse.move(a.x + a.width / 2, a.y + a.height / 2);
  await page.mouse.down();
  await page.mouse.move((a.x + b.x) / 2, (a.y + b.y) / 2, { steps: 5 });
  await page.mouse.move(b.x + b.width / 2, b.y + b.height / 2, { steps: 5 });
  await page.mouse.up();
}

export const nodeCount = (page: Page) => page.locator('.react-flow__node').count();
export const edgeCount = (page: Page) => page.locator('.react-flow__edge').count();

/** Two palette entries on the canvas, jobprofilerclient -> busybox-shell. */
export async function twoConnected(page: Page): Promise<void> {
  await dropEntry(page, 'jobprofilerclient', 150, 150);
  await dropEntry(page, 'busybox-shell', 550, 200);
  await page.locator('.react-flow__node[data-id="busybox-shell"]').waitFor();
  await connectNodes(page, 'jobprofilerclient', 'busybox-shell');
  await page.waitForFunction(() =>
    document
      .querySelector('[data-testid=yaml-text]')
      ?.textContent?.includes('depends: jobprofilerclient'),
  );
}

/** Sets the token (and namespace) in the Server… dialog and saves. */
export async function configureConnection(
  page: Page,
  token: string,
  namespace = 'argo',
): Promise<void> {
  await page.getByRole('button', { name: 'Server…' }).click();
  await page.locator('#conn-namespace').fill(namespace);
  await page.locator('#conn-token').fill(token);
  await page.getByRole('button', { name: 'Save' }).click();
}
