/**
 * The editor in a real browser: drag, connect, refuse a cycle, download and
 * reopen, rename, undo/redo, reload, open an Argo example, hostile labels.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { load } from 'js-yaml';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LAYOUT_ANNOTATION } from '../src/core/model/types';
import { ARGO_DIR, hasShared, SKIP_REASON } from '../test/support/sharedData';
import {
  connectNodes,
  dropEntry,
  edgeCount,
  launch,
  nodeCount,
  openEditor,
  twoConnected,
  yamlText,
} from './support/browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

describe('canvas editing', () => {
  it('drags a palette entry onto the canvas and sees the node and its template in the YAML', async () => {
    const { page, errors } = await openEditor(browser);
    await dropEntry(page, 'jobprofilerclient', 200, 150);
    await expect.poll(() => nodeCount(page)).toBe(1);
    await expect(page.locator('.react-flow__node').first().textContent()).resolves.toContain(
      'pydeequ:0.1.7',
    );
    const yaml = await yamlText(page);
    expect(yaml).toContain('- name: jobprofilerclient');
    expect(yaml).toContain('image: pydeequ:0.1.7');
    // A second drop of the same entry gets a unique name and reuses the template.
    await dropEntry(page, 'jobprofilerclient', 200, 350);
    await expect.poll(() => yamlText(page)).toContain('- name: jobprofilerclient-2');
    expect((await yamlText(page)).match(/image: pydeequ/g)).toHaveLength(1);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('adds an entry with the keyboard (Enter on a focused palette entry)', async () => {
    const { page } = await openEditor(browser);
    await page.locator('[data-testid="palette-python-script"]').focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => nodeCount(page)).toBe(1);
    await page.context().close();
  });

  it('connects two nodes and sees depends in the YAML; refuses a cycle and leaves the YAML unchanged', async () => {
    const { page } = await openEditor(browser);
    await twoConnected(page);
    await expect.poll(() => edgeCount(page)).toBe(1);
    const before = await yamlText(page);
    await connectNodes(page, 'busybox-shell', 'jobprofilerclient');
    const notice = page.locator('[data-testid=notice]');
    await expect
      .poll(() => notice.textContent())
      .toContain(
        'would close a dependency cycle: busybox-shell → jobprofilerclient → busybox-shell',
      );
    expect(await yamlText(page)).toBe(before);
    expect(await edgeCount(page)).toBe(1);
    await page.context().close();
  });

  it('marks nodes that would close a cycle as not connectable while dragging', async () => {
    const { page } = await openEditor(browser);
    await twoConnected(page);
    const handle = page.locator(
      '.react-flow__node[data-id="busybox-shell"] .task-node > .react-flow__handle.source',
    );
    const box = (await handle.boundingBox())!;
    await page.mouse.move(box.x + 3, box.y + 3);
    await page.mouse.down();
    await page.mouse.move(box.x + 80, box.y + 80, { steps: 4 });
    await expect
      .poll(() => page.locator('[data-testid="task-jobprofilerclient"].blocked').count())
      .toBe(1);
    await page.mouse.up();
    await expect.poll(() => page.locator('.blocked').count()).toBe(0);
    await page.context().close();
  });

  it('renames a task in the inspector and the YAML follows, references included', async () => {
    const { page } = await openEditor(browser);
    await twoConnected(page);
    await page.locator('.react-flow__node[data-id="jobprofilerclient"]').click();
    const name = page.locator('[data-testid=task-inspector] input[name=task-name]');
    await name.fill('profile');
    await name.press('Enter');
    await expect.poll(() => yamlText(page)).toContain('depends: profile');
    expect(await yamlText(page)).not.toContain('depends: jobprofilerclient');
    await page.context().close();
  });

  it('undoes and redoes every edit', async () => {
    const { page } = await openEditor(browser);
    await twoConnected(page);
    await page.locator('.react-flow__pane').click({ position: { x: 20, y: 140 } });
    await page.keyboard.press('Control+z');
    await expect.poll(() => yamlText(page)).not.toContain('depends:');
    await page.keyboard.press('Control+z');
    await expect.poll(() => nodeCount(page)).toBe(1);
    await page.keyboard.press('Control+Shift+z');
    await page.keyboard.press('Control+y');
    await expect.poll(() => yamlText(page)).toContain('depends: jobprofilerclient');
    expect(await nodeCount(page)).toBe(2);
    await page.context().close();
  });

  it('restores the document after a reload', async () => {
    const { page } = await openEditor(browser);
    await twoConnected(page);
    const before = await yamlText(page);
    // autosave is debounced: reload once the connected document is stored
    await expect
      .poll(() => page.evaluate(() => localStorage.getItem('argoflow.document') ?? ''))
      .toContain('depends: jobprofilerclient');
    await page.reload();
    await page.locator('.react-flow__node').first().waitFor();
    expect(await yamlText(page)).toBe(before);
    expect(await nodeCount(page)).toBe(2);
    await page.context().close();
  });

  it('downloads a file equal to the preview (plus layout) that opens again', async () => {
    const { page } = await openEditor(browser);
    await twoConnected(page);
    const preview = await yamlText(page);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download' }).first().click(),
    ]);
    expect(download.suggestedFilename()).toBe('pipeline.yaml');
    const path = await download.path();
    const saved = load(readFileSync(path, 'utf8')) as {
      metadata: { annotations: Record<string, string> };
    };
    // Positions per template: the main DAG's tasks.
    expect(JSON.parse(saved.metadata.annotations[LAYOUT_ANNOTATION]!).main).toHaveProperty(
      'busybox-shell',
    );
    delete (saved.metadata as { annotations?: unknown }).annotations;
    expect(saved).toEqual(load(preview));
    // Start anew, then open the downloaded file.
    page.once('dialog', (d) => void d.accept());
    await page.getByRole('button', { name: 'New' }).click();
    await expect.poll(() => nodeCount(page)).toBe(0);
    const [chooser] = await Promise.all([
      page.waitForEvent('filechooser'),
      page.getByRole('button', { name: 'Open…' }).click(),
    ]);
    await chooser.setFiles(path);
    await expect.poll(() => nodeCount(page)).toBe(2);
    expect(await yamlText(page)).toBe(preview);
    await page.context().close();
  });
});

describe.skipIf(!hasShared)(
  `opening Argo examples (${hasShared ? 'from ../shared' : SKIP_REASON})`,
  () => {
    it('opens dag-diamond.yaml and shows 4 nodes and 4 edges', async () => {
      const { page } = await openEditor(browser);
      const [chooser] = await Promise.all([
        page.waitForEvent('filechooser'),
        page.getByRole('button', { name: 'Open…' }).click(),
      ]);
      await chooser.setFiles(join(ARGO_DIR, 'examples', 'dag-diamond.yaml'));
      await expect.poll(() => nodeCount(page)).toBe(4);
      await expect.poll(() => edgeCount(page)).toBe(4);
      await page.context().close();
    });
  },
);

describe('hostile input', () => {
  it('renders a label from a YAML file as text and runs nothing', async () => {
    const { page, errors } = await openEditor(browser);
    let dialogs = 0;
    page.on('dialog', (d) => {
      dialogs++;
      void d.dismiss();
    });
    const hostile = '<img src=x onerror=alert(1)>';
    const file = {
      name: 'hostile.yaml',
      mimeType: 'application/yaml',
      buffer: Buffer.from(
        `apiVersion: argoproj.io/v1alpha1\nkind: Workflow\nmetadata:\n  generateName: x-\nspec:\n  entrypoint: main\n  templates:\n    - name: main\n      dag:\n        tasks:\n          - name: "${hostile}"\n            template: "${hostile}"\n`,
      ),
    };
    const [chooser] = await Promise.all([
      page.waitForEvent('filechooser'),
      page.getByRole('button', { name: 'Open…' }).click(),
    ]);
    await chooser.setFiles(file);
    await expect.poll(() => nodeCount(page)).toBe(1);
    await expect
      .poll(() => page.locator('.react-flow__node').first().textContent())
      .toContain(hostile);
    expect(await page.locator('.react-flow__node img').count()).toBe(0);
    await page.waitForTimeout(300);
    expect(dialogs).toBe(0);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('a file that fails to open leaves the current document untouched and says which line', async () => {
    const { page } = await openEditor(browser);
    await dropEntry(page, 'jobprofilerclient', 200, 150);
    await expect.poll(() => nodeCount(page)).toBe(1);
    const file = {
      name: 'broken.yaml',
      mimeType: 'application/yaml',
      buffer: Buffer.from(
        'apiVersion: argoproj.io/v1alpha1\nkind: Workflow\nspec:\n  templates: [\n',
      ),
    };
    const [chooser] = await Promise.all([
      page.waitForEvent('filechooser'),
      page.getByRole('button', { name: 'Open…' }).click(),
    ]);
    await chooser.setFiles(file);
    await expect
      .poll(() => page.locator('[data-testid=notice]').textContent())
      .toMatch(/broken\.yaml:\d+:\d+/);
    expect(await nodeCount(page)).toBe(1);
    await page.context().close();
  });
});
