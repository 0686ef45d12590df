/**
 * Every Argo workflow on the canvas (issue 9), in a real browser: a steps
 * template as groups, steps added in parallel and in sequence, drilling into
 * a nested DAG and back (breadcrumb and the browser's Back), a leaf
 * entrypoint as one node, a multi-document file edited and downloaded whole,
 * and a steps template converted to a DAG and run against the Argo Server
 * TEST DOUBLE.
 */
import { readFileSync } from 'node:fs';
import { load } from 'js-yaml';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { splitDocuments } from '../src/core/argo/fileChunks';
import { argoExamplePath, hasShared, SKIP_REASON } from '../test/support/sharedData';
import {
  configureConnection,
  dropEntry,
  launch,
  nodeCount,
  openEditor,
  openFile,
  yamlText,
} from './support/browser';

const doubleUrl = () => inject('doubleUrl');

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const node = (page: Page, id: string) => page.locator(`.react-flow__node[data-id="${id}"]`);
const box = async (page: Page, id: string) => (await node(page, id).boundingBox())!;
const current = (page: Page) => page.locator('[data-testid=scope-current]').textContent();

describe.skipIf(!hasShared)(`every template on the canvas (${SKIP_REASON})`, () => {
  it('shows steps.yaml as hello1, then hello2a and hello2b in parallel', async () => {
    const { page, errors } = await openEditor(browser);
    await openFile(page, argoExamplePath('steps.yaml'));
    await node(page, 'hello2b').waitFor();
    expect(await current(page)).toBe('hello-hello-hello');
    expect(await page.locator('[data-testid=step-group-1]').count()).toBe(1);
    expect(await page.locator('[data-testid=step-group-2]').textContent()).toContain(
      '2 in parallel',
    );
    const [h1, a, b] = [
      await box(page, 'hello1'),
      await box(page, 'hello2a'),
      await box(page, 'hello2b'),
    ];
    expect(a.x).toBe(b.x); // one group: one column
    expect(a.x).toBeGreaterThan(h1.x + h1.width); // the next group runs after
    expect(b.y).toBeGreaterThan(a.y);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('adds a step in parallel (into a group) and one in sequence (after the last group)', async () => {
    const { page } = await openEditor(browser);
    await openFile(page, argoExamplePath('steps.yaml'));
    await node(page, 'hello2b').waitFor();
    // Zoomed out, so there is room right of the last group.
    await page.locator('.react-flow__controls-zoomout').click();
    await page.locator('.react-flow__controls-zoomout').click();
    const pane = (await page.locator('.react-flow__pane').boundingBox())!;
    const b = await box(page, 'hello2b');
    // Below hello2b, in its column: a third parallel step of group 2.
    await dropEntry(
      page,
      'busybox-shell',
      b.x - pane.x + b.width / 2,
      b.y - pane.y + b.height + 30,
    );
    await node(page, 'busybox-shell').waitFor();
    // Right of the last column: a new group, run last.
    const frame = (await page.locator('[data-testid=step-group-2]').boundingBox())!;
    await dropEntry(page, 'curl', frame.x - pane.x + frame.width + 40, frame.y - pane.y + 40);
    await node(page, 'curl').waitFor();
    const doc = load(await yamlText(page)) as {
      spec: { templates: { name: string; steps?: { name: string }[][] }[] };
    };
    const steps = doc.spec.templates.find((t) => t.name === 'hello-hello-hello')!.steps!;
    expect(steps.map((g) => g.map((s) => s.name))).toEqual([
      ['hello1'],
      ['hello2a', 'hello2b', 'busybox-shell'],
      ['curl'],
    ]);
    await page.context().close();
  });

  it('drills into nested-diamond from dag-nested.yaml and back, by breadcrumb and by Back', async () => {
    const { page } = await openEditor(browser);
    await openFile(page, argoExamplePath('dag-nested.yaml'));
    await node(page, 'D').waitFor();
    expect(await current(page)).toBe('diamond');
    await node(page, 'A').dblclick();
    await expect.poll(() => current(page)).toBe('nested-diamond');
    await expect.poll(() => nodeCount(page)).toBe(4);
    expect(await node(page, 'A').textContent()).toContain('echo');
    expect(page.url()).toContain('#/diamond/nested-diamond@A');
    await page.locator('.breadcrumb').getByRole('button', { name: 'diamond', exact: true }).click();
    await expect.poll(() => current(page)).toBe('diamond');
    expect(await node(page, 'A').textContent()).toContain('nested-diamond');
    // Into B with its Open button, then the browser's Back.
    await node(page, 'B')
      .getByRole('button', { name: /Open nested-diamond/ })
      .click();
    await expect.poll(() => current(page)).toBe('nested-diamond');
    await page.goBack();
    await expect.poll(() => current(page)).toBe('diamond');
    await page.context().close();
  });

  it('shows hello-world.yaml (a container entrypoint) as one node, with its inspector', async () => {
    const { page } = await openEditor(browser);
    await openFile(page, argoExamplePath('hello-world.yaml'));
    await node(page, 'hello-world').waitFor();
    expect(await nodeCount(page)).toBe(1);
    await node(page, 'hello-world').click();
    await page.locator('[data-testid=template-inspector]').waitFor();
    expect(await page.locator('[name=image]').inputValue()).toBe('busybox');
    await page.context().close();
  });

  it('edits the second document of workflow-template/templates.yaml and downloads all 5, only it changed', async () => {
    const { page } = await openEditor(browser);
    const path = argoExamplePath('workflow-template/templates.yaml');
    const original = readFileSync(path, 'utf8');
    await openFile(page, path);
    const switcher = page.locator('[data-testid=document-switcher]');
    await switcher.waitFor();
    expect(await switcher.locator('option').count()).toBe(5);
    await switcher.selectOption('1');
    await expect.poll(() => yamlText(page)).toContain('workflow-template-random-fail-template');
    await page.locator('[name=wf-labels]').fill('team=data');
    await page.locator('[name=wf-labels]').blur();
    await expect.poll(() => yamlText(page)).toContain('team: data');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download' }).first().click(),
    ]);
    expect(download.suggestedFilename()).toBe('templates.yaml');
    const saved = splitDocuments(readFileSync((await download.path())!, 'utf8'));
    const before = splitDocuments(original);
    expect(saved).toHaveLength(5);
    saved.forEach((chunk, i) => {
      if (i === 1) expect(chunk.body).toContain('team: data');
      else expect(chunk, `document ${i + 1}`).toEqual(before[i]);
    });
    await page.context().close();
  });

  it('converts steps.yaml to a DAG and runs it against the Argo Server test double', async () => {
    const { page } = await openEditor(browser);
    await openFile(page, argoExamplePath('steps.yaml'));
    await node(page, 'hello2b').waitFor();
    await page.getByRole('button', { name: 'Convert to DAG…' }).click();
    expect(await page.locator('[data-testid=convert-preview]').textContent()).toContain(
      'depends: hello1',
    );
    await page.getByRole('button', { name: 'Convert', exact: true }).click();
    await expect.poll(() => yamlText(page)).toContain('depends: hello1');
    expect(await yamlText(page)).not.toContain('steps:');
    await configureConnection(page, 'test-token');
    await page.locator('[data-testid=submit]').click();
    await expect
      .poll(() => page.locator('[data-testid=run-phase]').textContent(), { timeout: 120_000 })
      .toBe('Succeeded');
    for (const task of ['hello1', 'hello2a', 'hello2b'])
      expect(await page.locator(`[data-testid="phase-${task}"]`).getAttribute('data-phase')).toBe(
        'Succeeded',
      );
    expect(doubleUrl()).toBeTruthy();
    await page.context().close();
  });
});
