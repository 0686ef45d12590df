/**
 * Browser storage in a real Chromium: whatever it holds or refuses, the
 * editor starts and says what happened; a document it cannot show is kept
 * aside and offered for download; a full storage loses nothing that
 * IndexedDB kept; two tabs know of each other and follow each other's saves.
 */
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DOCUMENT_KEY, META_KEY } from '../src/store/storageKeys';
import { HOSTILE_DOCUMENTS, PARAMETERS_OPEN } from '../test/support/hostileDocuments';
import { baseUrl, dropEntry, launch, nodeCount, openEditor, yamlText } from './support/browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

/** Puts `text` in storage as the autosaved document and starts the editor again. */
async function reloadWith(page: Page, text: string): Promise<void> {
  await page.evaluate(
    ([key, metaKey, value]) => {
      localStorage.setItem(key!, value!);
      localStorage.setItem(
        metaKey!,
        JSON.stringify({ revision: 99, savedAt: new Date().toISOString(), tab: 'x' }),
      );
    },
    [DOCUMENT_KEY, META_KEY, text],
  );
  await page.reload();
  await page.locator('.palette-entry').first().waitFor({ timeout: 60_000 });
}

async function expectEditorUp(page: Page): Promise<void> {
  expect(await page.getByText('Something went wrong').count()).toBe(0);
  await page.getByRole('toolbar', { name: 'Editor' }).waitFor();
  await page.getByRole('region', { name: 'YAML' }).waitFor();
}

describe('a document in storage the editor cannot open', () => {
  it('starts, says why, keeps it aside (not deleted) and offers it for download', async () => {
    const { page, errors } = await openEditor(browser);
    const broken = 'apiVersion: argoproj.io/v1alpha1\nkind: [Workflow\n';
    await reloadWith(page, broken);
    await expectEditorUp(page);
    const message = page.locator('[data-testid=storage-message]').first();
    await expect
      .poll(() => message.textContent())
      .toMatch(
        /The autosaved document \(saved .+\) could not be opened: .+\. It is kept aside for download; the editor started with an empty workflow\./,
      );
    const stored = await page.evaluate(() => ({ ...localStorage }));
    expect(stored[DOCUMENT_KEY]).toBeUndefined();
    expect(
      Object.entries(stored).filter(
        ([k, v]) => k.startsWith('argoflow.aside.') && v.includes('kind: [Workflow'),
      ),
    ).toHaveLength(1);

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page
        .getByRole('region', { name: 'Kept aside' })
        .getByRole('button', { name: 'Download' })
        .click(),
    ]);
    expect(readFileSync((await download.path())!, 'utf8')).toBe(broken);

    // The next start has nothing more to say about it, and the editor saves again.
    await page.reload();
    await page.locator('.palette-entry').first().waitFor();
    // The banner comes in a chunk of its own (issue 11): wait for its list first.
    await expect.poll(() => page.locator('[data-testid=aside-entry]').count()).toBe(1);
    expect(await page.locator('[data-testid=storage-message]').count()).toBe(0);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('starts with each hostile document in storage, and after another reload', async () => {
    const { page, errors } = await openEditor(browser);
    for (const [name, text] of Object.entries(HOSTILE_DOCUMENTS)) {
      await reloadWith(page, text);
      await expectEditorUp(page);
      await page.reload();
      await page.locator('.palette-entry').first().waitFor({ timeout: 60_000 });
      await expectEditorUp(page);
      expect(errors, name).toEqual([]);
    }
    await page.context().close();
  });
});

it('one keystroke in the YAML panel that the editor cannot show does not lock the editor out', async () => {
  const { page, errors } = await openEditor(browser);
  await reloadWith(page, PARAMETERS_OPEN);
  await expect.poll(() => nodeCount(page)).toBe(1);
  // The panel shows the document as the editor writes it; type it as the user had it,
  // ending under `arguments.parameters:`, then the keystroke: `- `.
  const editor = page.locator('[data-testid=yaml-editor] .cm-content');
  await editor.click();
  await page.keyboard.press('Control+a');
  await page.keyboard.insertText(PARAMETERS_OPEN);
  await page.keyboard.insertText('\n          - ');
  // The panel applies typing within 300 ms: wait until it did (an error shown, or the document changed).
  const before = await yamlText(page);
  await page.waitForFunction(
    (preview) =>
      document.querySelector('.yaml-problems') !== null ||
      document.querySelector('[data-testid=yaml-text]')?.textContent !== preview,
    before,
    { timeout: 30_000 },
  );
  await expectEditorUp(page);
  await page.reload();
  await page.locator('.palette-entry').first().waitFor({ timeout: 60_000 });
  await expectEditorUp(page);
  expect(await yamlText(page)).toContain('- name: a');
  expect(errors).toEqual([]);
  await page.context().close();
});

it('starts with autosave off, and says so, when the browser refuses storage', async () => {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  await context.addInitScript(() => {
    Object.defineProperty(window, 'localStorage', {
      get() {
        throw new DOMException('Access is denied for this document.', 'SecurityError');
      },
    });
  });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(baseUrl());
  await page.locator('.palette-entry').first().waitFor({ timeout: 60_000 });
  await expect
    .poll(() => page.locator('[data-testid=storage-message]').first().textContent())
    .toMatch(/^Autosave is off: the browser does not let this page use storage/);
  expect(await page.locator('[data-testid=save-status]').textContent()).toContain('Autosave off');
  await dropEntry(page, 'busybox-shell', 300, 200);
  await expect.poll(() => nodeCount(page)).toBe(1);
  expect(errors).toEqual([]);
  await context.close();
});

it('with storage full: says so, and after a reload the newest edit is back from IndexedDB', async () => {
  const { page } = await openEditor(browser);
  await dropEntry(page, 'busybox-shell', 300, 200);
  await expect.poll(() => nodeCount(page)).toBe(1);
  // Fill localStorage to its quota.
  await page.evaluate(() => {
    let size = 1 << 20;
    for (let i = 0; size >= 16; i++) {
      try {
        localStorage.setItem(`filler.${i}`, 'x'.repeat(size));
      } catch {
        size >>= 1;
      }
    }
  });
  await dropEntry(page, 'curl', 600, 300);
  await expect
    .poll(() => page.locator('[data-testid=notice]').textContent())
    .toMatch(/^Autosave failed: browser storage is full\./);
  expect(await page.locator('[data-testid=save-status]').textContent()).toContain('Not saved');
  // The durable copy has it.
  await expect
    .poll(() => page.locator('[data-testid=save-status]').getAttribute('data-durable-revision'))
    .toBe('2');
  await page.reload();
  await page.locator('.palette-entry').first().waitFor({ timeout: 60_000 });
  await expect.poll(() => nodeCount(page)).toBe(2);
  expect(await yamlText(page)).toContain('- name: curl');
  await expect
    .poll(() => page.locator('[data-testid=storage-message] span').allTextContents())
    .toContainEqual(
      expect.stringMatching(
        /failed: browser storage is full\. Nothing was lost: the newer copy kept in IndexedDB was opened/,
      ),
    );
  await page.context().close();
});

it('two tabs: each is told of the other, and each follows the other’s saves', async () => {
  const { page: a } = await openEditor(browser);
  const b = await a.context().newPage();
  await b.goto(baseUrl());
  await b.locator('.palette-entry').first().waitFor({ timeout: 60_000 });
  await b.locator('[data-testid=other-tabs]').waitFor({ timeout: 30_000 });
  await a.locator('[data-testid=other-tabs]').waitFor({ timeout: 30_000 });
  expect(await b.locator('[data-testid=save-status]').textContent()).toContain(
    'open in 1 other tab',
  );

  // Each tab follows the other's save once it reaches its own localStorage,
  // which in Chromium can be a moment after the message announcing it.
  await dropEntry(a, 'busybox-shell', 300, 200);
  await expect.poll(() => nodeCount(a), { timeout: 30_000 }).toBe(1);
  await expect.poll(() => nodeCount(b), { timeout: 30_000 }).toBe(1);
  await dropEntry(b, 'curl', 600, 300);
  await expect.poll(() => nodeCount(b), { timeout: 30_000 }).toBe(2);
  await expect.poll(() => nodeCount(a), { timeout: 30_000 }).toBe(2);
  expect(await b.locator('.aside-list li').count()).toBe(0);
  const stored = await a.evaluate((key) => localStorage.getItem(key) ?? '', DOCUMENT_KEY);
  expect(stored).toContain('- name: busybox-shell');
  expect(stored).toContain('- name: curl');

  // B closes: A is told.
  await b.close({ runBeforeUnload: false });
  await a.locator('[data-testid=other-tabs]').waitFor({ state: 'detached', timeout: 30_000 });
  await a.context().close();
});
