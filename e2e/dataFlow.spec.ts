/**
 * Data flows by wiring: drag an output port onto an input port and the YAML
 * gets the reference and the dependency.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { dropEntry, launch, openEditor, openFile, yamlText } from './support/browser';

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

  // Level of detail (src/ui/canvas/levelOfDetail.ts): zoomed out below 0.45,
  // a node draws no ports and the data wire ends on the nodes' own handles;
  // zoomed back in, the ports and the wire between them return.
  const handles = page.locator('.react-flow__node[data-id="busybox-shell"] .react-flow__handle');
  const detailedHandles = await handles.count();
  expect(detailedHandles).toBeGreaterThan(2);
  const zoom = async (button: 'zoomout' | 'zoomin', until: (z: number) => boolean) => {
    for (let i = 0; i < 30 && !until(await zoomOf(page)); i++) {
      await page.locator(`.react-flow__controls-${button}`).click();
      await page.waitForTimeout(100);
    }
    expect(until(await zoomOf(page))).toBe(true);
  };
  await zoom('zoomout', (z) => z < 0.4);
  await expect.poll(() => handles.count()).toBe(2);
  expect(await page.locator('.react-flow__edge.edge-data').count()).toBe(1);
  await zoom('zoomin', (z) => z > 0.5);
  await expect.poll(() => handles.count()).toBe(detailedHandles);
  await expect.poll(() => page.locator('.react-flow__edge.edge-data').count()).toBe(1);
  expect(errors).toEqual([]);
  await page.context().close();
});

/** The canvas's zoom, from React Flow's viewport transform. */
async function zoomOf(page: Page): Promise<number> {
  const transform = await page
    .locator('.react-flow__viewport')
    .evaluate((e) => (e as HTMLElement).style.transform);
  return Number(/scale\(([\d.e-]+)\)/.exec(transform)?.[1] ?? NaN);
}

it('wires ports in a steps template: {{steps.X.outputs...}}, and a step of the same group is refused with the reason', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'steps-data-'));
  const file = join(dir, 'steps-data.yaml');
  writeFileSync(file, STEPS);
  const { page, errors } = await openEditor(browser);
  await openFile(page, file);
  const port = (node: string, handle: string) =>
    page.locator(`.react-flow__node[data-id="${node}"] [data-handleid="${handle}"]`);
  const drag = async (fromNode: string, fromHandle: string, toNode: string, toHandle: string) => {
    const a = (await port(fromNode, fromHandle).boundingBox())!;
    const b = (await port(toNode, toHandle).boundingBox())!;
    await page.mouse.move(a.x + a.width / 2, a.y + a.height / 2);
    await page.mouse.down();
    await page.mouse.move((a.x + b.x) / 2, (a.y + b.y) / 2, { steps: 5 });
    await page.mouse.move(b.x + b.width / 2, b.y + b.height / 2, { steps: 5 });
    await page.mouse.up();
  };
  await port('load', 'in:parameter:table').waitFor();
  await drag('extract', 'out:parameter:table', 'load', 'in:parameter:table');
  await expect
    .poll(() => yamlText(page))
    .toContain('value: "{{steps.extract.outputs.parameters.table}}"');
  expect(await page.locator('.react-flow__edge.edge-data').count()).toBe(1);
  expect(await yamlText(page)).not.toContain('depends:');
  // load -> side: side runs in the first group, before load.
  await drag('load', 'out:parameter:table', 'side', 'in:parameter:table');
  await expect.poll(() => page.locator('.notice').innerText()).toContain('earlier groups');
  expect(await page.locator('.react-flow__edge.edge-data').count()).toBe(1);
  expect(errors).toEqual([]);
  await page.context().close();
});

const STEPS = `apiVersion: argoproj.io/v1alpha1
kind: Workflow
metadata:
  generateName: steps-data-
spec:
  entrypoint: main
  templates:
    - name: main
      steps:
        - - name: extract
            template: produce
          - name: side
            template: consume
            arguments:
              parameters:
                - name: table
                  value: x
        - - name: load
            template: consume
    - name: produce
      outputs:
        parameters:
          - name: table
            valueFrom:
              path: /tmp/table
      container:
        image: alpine:3
    - name: consume
      inputs:
        parameters:
          - name: table
      outputs:
        parameters:
          - name: table
            value: "{{inputs.parameters.table}}"
      container:
        image: alpine:3
`;
