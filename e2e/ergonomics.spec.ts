/**
 * Editor ergonomics in a real browser (issue 13): quick-add by Tab and by an
 * edge dropped on empty canvas, a step inserted on an edge, a sticky note
 * that survives download and reopening, the context menu's select-upstream,
 * and paste at the pointer.
 */
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { load } from 'js-yaml';
import {
  dropEntry,
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

const node = (page: Page, id: string) => page.locator(`.react-flow__node[data-id="${id}"]`);

/** The pane's point (x, y) in window coordinates. */
async function panePoint(page: Page, x: number, y: number): Promise<{ x: number; y: number }> {
  const box = (await page.locator('.react-flow__pane').boundingBox())!;
  return { x: box.x + x, y: box.y + y };
}

/** Picks an entry in the open step picker by typing part of its name and pressing Enter. */
async function pickStep(page: Page, query: string): Promise<void> {
  const input = page.locator('.step-picker [cmdk-input]');
  await input.waitFor();
  await input.fill(query);
  await page.keyboard.press('Enter');
  await page.locator('.step-picker').waitFor({ state: 'detached' });
}

describe('quick-add', () => {
  it('opens the picker with Tab at the pointer and adds the step there', async () => {
    const { page, errors } = await openEditor(browser);
    const at = await panePoint(page, 300, 200);
    await page.mouse.move(at.x, at.y);
    await page.keyboard.press('Tab');
    const picker = page.locator('.step-picker');
    await picker.waitFor();
    const box = (await picker.boundingBox())!;
    expect(Math.abs(box.x - at.x)).toBeLessThan(2);
    await pickStep(page, 'busybox');
    await node(page, 'busybox-shell').waitFor();
    const drawn = (await node(page, 'busybox-shell').boundingBox())!;
    expect(Math.abs(drawn.x - at.x)).toBeLessThan(4);
    expect(Math.abs(drawn.y - at.y)).toBeLessThan(4);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('connects a step picked after dropping an edge on empty canvas', async () => {
    const { page, errors } = await openEditor(browser);
    await dropEntry(page, 'jobprofilerclient', 150, 150);
    const handle = node(page, 'jobprofilerclient').locator(
      '.task-node > .react-flow__handle.source',
    );
    const a = (await handle.boundingBox())!;
    const to = await panePoint(page, 600, 350);
    await page.mouse.move(a.x + a.width / 2, a.y + a.height / 2);
    await page.mouse.down();
    await page.mouse.move(to.x - 100, to.y - 50, { steps: 5 });
    await page.mouse.move(to.x, to.y, { steps: 5 });
    await page.mouse.up();
    await pickStep(page, 'busybox');
    await expect.poll(() => yamlText(page)).toContain('depends: jobprofilerclient');
    expect(await nodeCount(page)).toBe(2);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('inserts a step on an edge with its "+"', async () => {
    const { page, errors } = await openEditor(browser);
    await twoConnected(page);
    await page.locator('.react-flow__edge').first().click({ force: true });
    await page.getByTestId('insert-on-edge').click();
    await pickStep(page, 'spark');
    await expect.poll(() => yamlText(page)).toMatch(/depends: spark\S*\n/);
    const text = await yamlText(page);
    const tasks = (
      load(text) as {
        spec: { templates: { dag?: { tasks: { name: string; depends?: string }[] } }[] };
      }
    ).spec.templates.find((t) => t.dag)!.dag!.tasks;
    const inserted = tasks.find((t) => t.name.startsWith('spark'))!;
    expect(inserted.depends).toBe('jobprofilerclient');
    expect(tasks.find((t) => t.name === 'busybox-shell')!.depends).toBe(inserted.name);
    expect(errors).toEqual([]);
    await page.context().close();
  });
});

describe('sticky notes', () => {
  it('survive autosave, download and reopening', async () => {
    const { page, errors } = await openEditor(browser);
    await dropEntry(page, 'jobprofilerclient', 150, 150);
    const at = await panePoint(page, 500, 300);
    await page.mouse.click(at.x, at.y, { button: 'right' });
    await page.getByRole('menuitem', { name: 'Add a note here' }).click();
    const note = page.getByTestId('note');
    await note.dblclick();
    await page.getByRole('textbox', { name: 'Note text' }).fill('**Profile** first\n- then Spark');
    await page.mouse.click(at.x - 300, at.y + 200);
    await expect.poll(() => note.locator('strong').textContent()).toBe('Profile');
    // Autosave keeps it: reload, fit the view (opening fits it to the tasks), and it is there.
    await expect.poll(() => page.getByTestId('save-status').textContent()).toContain('Saved');
    await page.reload();
    await page.locator('.react-flow__node[data-id="jobprofilerclient"]').waitFor();
    await page.locator('.react-flow__controls-fitview').click();
    await expect.poll(() => note.locator('strong').textContent()).toBe('Profile');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download' }).first().click(),
    ]);
    const path = await download.path();
    const saved = load(readFileSync(path, 'utf8')) as {
      metadata: { annotations: Record<string, string> };
    };
    expect(JSON.parse(saved.metadata.annotations['studio.argoflow.io/notes']!).main[0].text).toBe(
      '**Profile** first\n- then Spark',
    );
    page.once('dialog', (d) => void d.accept());
    await page.getByRole('button', { name: 'New' }).click();
    await expect.poll(() => page.getByTestId('note').count()).toBe(0);
    const [chooser] = await Promise.all([
      page.waitForEvent('filechooser'),
      page.getByRole('button', { name: 'Open…' }).click(),
    ]);
    await chooser.setFiles(path);
    await expect.poll(() => yamlText(page)).toContain('then Spark');
    // Opening fits the view to the tasks; the note is drawn once it is in view.
    await page.locator('.react-flow__controls-fitview').click();
    await expect.poll(() => note.locator('li').textContent()).toBe('then Spark');
    expect(errors).toEqual([]);
    await page.context().close();
  });
});

describe('context menu, selection and paste', () => {
  it('selects only the clicked task after a box selection', async () => {
    const { page, errors } = await openEditor(browser);
    await twoConnected(page);
    const a = (await node(page, 'jobprofilerclient').boundingBox())!;
    const b = (await node(page, 'busybox-shell').boundingBox())!;
    await page.keyboard.down('Shift');
    await page.mouse.move(a.x - 30, a.y - 30);
    await page.mouse.down();
    await page.mouse.move(b.x + b.width + 30, b.y + b.height + 30, { steps: 8 });
    await page.mouse.up();
    await page.keyboard.up('Shift');
    await page.getByTestId('bulk-actions').waitFor();
    await node(page, 'busybox-shell').click();
    await page.getByTestId('task-inspector').waitFor();
    expect(await page.locator('.react-flow__node.selected').count()).toBe(1);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it("selects a task's upstream from its context menu", async () => {
    const { page, errors } = await openEditor(browser);
    await twoConnected(page);
    await node(page, 'busybox-shell').click({ button: 'right' });
    await page.getByRole('menuitem', { name: 'Select upstream' }).click();
    await expect
      .poll(() => node(page, 'jobprofilerclient').getAttribute('class'))
      .toContain('selected');
    expect(await node(page, 'busybox-shell').getAttribute('class')).not.toContain('selected');
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('pastes at the pointer, and each plain paste further off', async () => {
    const { page, errors } = await openEditor(browser);
    await dropEntry(page, 'busybox-shell', 150, 150);
    await node(page, 'busybox-shell').click();
    await page.keyboard.press('Control+c');
    const at = await panePoint(page, 500, 350);
    await page.mouse.move(at.x, at.y);
    await page.keyboard.press('Control+v');
    await node(page, 'busybox-shell-2').waitFor();
    const pasted = (await node(page, 'busybox-shell-2').boundingBox())!;
    expect(Math.abs(pasted.x - at.x)).toBeLessThan(4);
    expect(Math.abs(pasted.y - at.y)).toBeLessThan(4);
    // Away from the canvas, each paste lands one step (40 px at zoom 1) further off the original.
    const original = (await node(page, 'busybox-shell').boundingBox())!;
    const palette = (await page.locator('.palette').boundingBox())!;
    await page.mouse.move(palette.x + 20, palette.y + palette.height - 20);
    await page.keyboard.press('Control+v');
    await page.keyboard.press('Control+v');
    await node(page, 'busybox-shell-4').waitFor();
    const third = (await node(page, 'busybox-shell-3').boundingBox())!;
    const fourth = (await node(page, 'busybox-shell-4').boundingBox())!;
    const zoom = await page.evaluate(() => {
      const t = document.querySelector<HTMLElement>('.react-flow__viewport')!.style.transform;
      return Number(/scale\(([\d.]+)\)/.exec(t)![1]);
    });
    expect(third.x - original.x).toBeCloseTo(40 * zoom, 0);
    expect(fourth.y - original.y).toBeCloseTo(80 * zoom, 0);
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
