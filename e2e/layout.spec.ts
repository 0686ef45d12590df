/**
 * The window's layout in a real browser: a dragged divider and a folded panel
 * are the same after a reload; focus mode gives the canvas the window; Fit
 * keeps every node clear of the minimap, which can be hidden (remembered);
 * the examples gallery opens a copy from the empty canvas.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  configureConnection,
  launch,
  LIMITS,
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

const box = async (page: Page, selector: string) => {
  const b = await page.locator(selector).boundingBox();
  if (!b) throw new Error(`${selector} is not shown`);
  return b;
};

async function reload(page: Page) {
  await page.reload();
  await page.locator('.palette-entry').first().waitFor();
}

async function openExample(page: Page, id: string) {
  await page.getByRole('button', { name: 'Start from an example…' }).click();
  await page.getByTestId(`example-${id}`).click();
  await page.getByRole('dialog', { name: 'Examples' }).waitFor({ state: 'detached' });
  await expect.poll(() => nodeCount(page)).toBeGreaterThan(1);
}

describe('panels', () => {
  it('keeps a dragged divider where it was left after a reload', async () => {
    const { page, errors } = await openEditor(browser);
    const before = await box(page, '#pane-sidebar');
    const divider = page.getByRole('separator', { name: 'Resize the palette' });
    const d = (await divider.boundingBox())!;
    const y = d.y + d.height / 2;
    await page.mouse.move(d.x + d.width / 2, y);
    await page.mouse.down();
    await page.mouse.move(d.x + 120, y, { steps: 8 });
    await page.mouse.up();
    await expect
      .poll(async () => (await box(page, '#pane-sidebar')).width)
      .toBeGreaterThan(before.width + 80);
    const resized = (await box(page, '#pane-sidebar')).width;
    await reload(page);
    const after = (await box(page, '#pane-sidebar')).width;
    expect(Math.abs(after - resized)).toBeLessThan(3);
    // Remembered under argoflow.view.*, and nothing there is a token.
    const stored = await page.evaluate(() =>
      Object.keys(localStorage).filter((k) => k.startsWith('argoflow.view.')),
    );
    expect(stored).toContain('argoflow.view.layout.pane-sidebar');
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('folds the inspector to a rail, keeps it folded after a reload, and brings it back', async () => {
    const { page } = await openEditor(browser);
    const canvasBefore = (await box(page, '.canvas')).width;
    await page.getByRole('button', { name: 'Hide the inspector' }).click();
    const rail = page.getByRole('button', { name: 'Show the inspector' });
    await rail.waitFor();
    expect((await box(page, '#pane-inspector')).width).toBeLessThan(40);
    expect((await box(page, '.canvas')).width).toBeGreaterThan(canvasBefore + 200);
    await reload(page);
    await rail.waitFor();
    await rail.click();
    await page.getByRole('button', { name: 'Hide the inspector' }).waitFor();
    expect((await box(page, '#pane-inspector')).width).toBeGreaterThan(200);
    await page.context().close();
  });

  it('focus mode gives the canvas the whole window; Escape leaves it', async () => {
    const { page } = await openEditor(browser);
    await page.getByRole('button', { name: 'Focus mode' }).click();
    const viewport = page.viewportSize()!;
    await expect
      .poll(async () => (await box(page, '.canvas')).width)
      .toBeGreaterThan(viewport.width - 2);
    expect((await box(page, '.canvas')).height).toBeGreaterThan(viewport.height - 2);
    expect(await page.locator('.toolbar').isVisible()).toBe(false);
    await page.keyboard.press('Escape');
    await page.locator('.toolbar').waitFor();
    expect((await box(page, '.canvas')).width).toBeLessThan(viewport.width - 300);
    await page.context().close();
  });
});

describe('the minimap', () => {
  it('covers no node after Fit, and stays hidden after a reload once hidden', async () => {
    const { page } = await openEditor(browser);
    await openExample(page, 'fan-out-fan-in');
    // A short canvas: the YAML panel dragged up, so the fit is tight.
    const divider = page.getByRole('separator', { name: 'Resize the YAML panel' });
    await divider.focus();
    for (let i = 0; i < 6; i++) await page.keyboard.press('ArrowUp');
    await page.getByRole('button', { name: 'Fit', exact: true }).click();
    const map = await box(page, '.react-flow__minimap');
    await expect
      .poll(
        async () => {
          const nodes = await page.locator('.react-flow__node').evaluateAll((ns) =>
            ns.map((n) => {
              const r = n.getBoundingClientRect();
              return { left: r.left, top: r.top, right: r.right, bottom: r.bottom };
            }),
          );
          return nodes.filter(
            (n) =>
              n.right > map.x &&
              n.left < map.x + map.width &&
              n.bottom > map.y &&
              n.top < map.y + map.height,
          ).length;
        },
        { timeout: LIMITS.actionMs },
      )
      .toBe(0);
    await page.getByRole('button', { name: 'Minimap' }).click();
    await page.locator('.react-flow__minimap').waitFor({ state: 'detached' });
    await reload(page);
    await page.locator('.react-flow__controls').waitFor();
    expect(await page.locator('.react-flow__minimap').count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Minimap' }).getAttribute('aria-pressed')).toBe(
      'false',
    );
    await page.context().close();
  });
});

describe('the minimap draws the nodes and moves the view', () => {
  it('draws a rectangle per node in one path, and a drag on it pans the canvas', async () => {
    const { page } = await openEditor(browser);
    await openExample(page, 'fan-out-fan-in');
    const nodes = await nodeCount(page);
    const path = page.locator('.react-flow__minimap .overview-nodes');
    await expect
      .poll(async () => ((await path.getAttribute('d')) ?? '').split('M').length - 1, {
        timeout: LIMITS.actionMs,
      })
      .toBe(nodes);
    const transform = () =>
      page.locator('.react-flow__viewport').evaluate((v) => (v as HTMLElement).style.transform);
    const before = await transform();
    const map = await box(page, '.react-flow__minimap svg');
    await page.mouse.move(map.x + map.width / 2, map.y + map.height / 2);
    await page.mouse.down();
    await page.mouse.move(map.x + map.width / 2 + 30, map.y + map.height / 2 + 20, { steps: 6 });
    await page.mouse.up();
    await expect.poll(transform, { timeout: LIMITS.actionMs }).not.toBe(before);
    await page.context().close();
  });
});

describe('error bars', () => {
  it('a submit error covers neither the zoom controls nor the minimap', async () => {
    const { page } = await openEditor(browser);
    await configureConnection(page, 'not-the-token');
    await twoConnected(page);
    await page.locator('[data-testid=submit]').click();
    const bar = page.locator('[data-testid=submit-result]');
    await expect.poll(() => bar.textContent()).toContain('(401)');
    const b = await box(page, '[data-testid=submit-result]');
    for (const corner of ['.react-flow__controls', '.react-flow__minimap']) {
      const c = await box(page, corner);
      const overlaps =
        b.x < c.x + c.width && c.x < b.x + b.width && b.y < c.y + c.height && c.y < b.y + b.height;
      expect(overlaps, `the bar covers ${corner}`).toBe(false);
    }
    await page.context().close();
  });
});

describe('examples', () => {
  it('opens a copy of an example from the empty canvas, with arrowheads on its edges', async () => {
    const { page, errors } = await openEditor(browser);
    await openExample(page, 'profile-then-spark');
    const yaml = await yamlText(page);
    expect(yaml).toContain('kind: SparkApplication');
    expect(yaml).toContain('depends: jobprofilerclient');
    const marker = await page
      .locator('.react-flow__edge path.react-flow__edge-path')
      .first()
      .getAttribute('marker-end');
    expect(marker).toMatch(/^url\(/);
    await expect(
      page.locator('.react-flow__node[data-id="sparkk8sscala"]').getAttribute('aria-label'),
    ).resolves.toMatch(/^Task sparkk8sscala/);
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
