/**
 * Data flows by wiring: drag an output port onto an input port and the YAML
 * gets the reference and the dependency.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { dropEntry, launch, openEditor, yamlText } from './support/browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

it('wires an output port to an input port: reference and dependency appear in the YAML', async () => {
  const { page, errors } = await openEditor(browser);
  await dropEntry(page, 'python-script', 120, 120);
  await dropEntry(page, 'busybox-shell', 520, 160);
  const from = page.locator(
    '.react-flow__node[data-id="python-script"] [data-handleid="out:result:result"]',
  );
  const to = page.locator(
    '.react-flow__node[data-id="busybox-shell"] [data-handleid="in:parameter:message"]',
  );
  await to.waitFor();
  const a = (await from.boundingBox())!;
  const b = (await to.boundingBox())!;
  await page.mouse.move(a.x + a.width / 2, a.y + a.height / 2);
  await page.mouse.down();
  await page.mouse.move((a.x + b.x) / 2, (a.y + b.y) / 2, { steps: 5 });
  await page.mouse.move(b.x + b.width / 2, b.y + b.height / 2, { steps: 5 });
  await page.mouse.up();
  await expect
    .poll(() => yamlText(page))
    .toContain('value: "{{tasks.python-script.outputs.result}}"');
  const yaml = await yamlText(page);
  expect(yaml).toContain('depends: python-script');
  expect(await page.locator('.react-flow__edge.edge-data').count()).toBe(1);
  expect(errors).toEqual([]);
  await page.context().close();
});
