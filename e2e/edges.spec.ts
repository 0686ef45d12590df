/**
 * The edge inspector in a real browser: select an edge, choose the result it
 * waits for, edit the depends text (refused while invalid), remove the edge.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { edgeCount, launch, openEditor, twoConnected, yamlText } from './support/browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const EDGE = 'jobprofilerclient->busybox-shell';
const edge = (page: Page) => page.locator(`.react-flow__edge[data-id="${EDGE}"]`);

/** Clicks the middle of an edge's path (its bounding box centre may miss a curve). */
async function clickEdge(page: Page, id: string): Promise<void> {
  const point = await page.evaluate((edgeId) => {
    const g = [...document.querySelectorAll('.react-flow__edge')].find(
      (e) => e.getAttribute('data-id') === edgeId,
    );
    const path = g?.querySelector<SVGPathElement>('path.react-flow__edge-path');
    if (!path) throw new Error(`no edge ${edgeId}`);
    const p = path.getPointAtLength(path.getTotalLength() / 2);
    const m = path.getScreenCTM()!;
    return { x: p.x * m.a + p.y * m.c + m.e, y: p.x * m.b + p.y * m.d + m.f };
  }, id);
  await page.mouse.click(point.x, point.y);
}

describe('edge inspector', () => {
  it('sets the result an edge waits for, shown in the YAML and on the edge', async () => {
    const { page, errors } = await openEditor(browser);
    await twoConnected(page);
    await clickEdge(page, EDGE);
    const inspector = page.locator('[data-testid=edge-inspector]');
    await expect.poll(() => inspector.textContent()).toContain('busybox-shell waits for');

    await page.locator('#edge-result').selectOption('Failed');
    await expect.poll(() => yamlText(page)).toContain('depends: jobprofilerclient.Failed');
    await expect.poll(() => edge(page).getAttribute('class')).toContain('edge-failed');
    expect(await edge(page).textContent()).toContain('Failed');

    await page.locator('#edge-result').selectOption('Completed');
    await expect
      .poll(() => yamlText(page))
      .toContain(
        'jobprofilerclient.Succeeded || jobprofilerclient.Failed || jobprofilerclient.Errored',
      );
    await expect.poll(() => edge(page).textContent()).toContain('Completed');
    expect(await page.locator('#edge-result').inputValue()).toBe('Completed');
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('edits the depends text, refusing an unknown task, and removes the dependency', async () => {
    const { page } = await openEditor(browser);
    await twoConnected(page);
    await clickEdge(page, EDGE);
    const text = page.locator('[data-testid=edge-inspector] input[name=depends]');
    await text.fill('jobprofilerclient && nosuchtask');
    await expect
      .poll(() => page.locator('[data-testid=edge-inspector] [role=alert]').textContent())
      .toContain("no task named 'nosuchtask'");
    await text.press('Enter');
    expect(await yamlText(page)).toContain('depends: jobprofilerclient\n');

    await text.fill('jobprofilerclient.Errored');
    await text.press('Enter');
    await expect.poll(() => yamlText(page)).toContain('depends: jobprofilerclient.Errored');
    expect(await page.locator('#edge-result').inputValue()).toBe('Errored');

    await page.getByRole('button', { name: 'Remove dependency' }).click();
    await expect.poll(() => edgeCount(page)).toBe(0);
    expect(await yamlText(page)).not.toContain('depends:');
    await page.context().close();
  });
});
