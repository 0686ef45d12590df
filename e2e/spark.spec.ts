/**
 * The Spark form in a real browser: drop the Spark palette entry, fill the
 * form, and see the SparkApplication manifest in the YAML; a second drop of
 * the same entry gets its own manifest on its first edit; the raw manifest
 * editor refuses invalid YAML with its line.
 */
import { load } from 'js-yaml';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dropEntry, launch, nodeCount, openEditor, yamlText } from './support/browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

type Obj = Record<string, unknown>;

/** Each task of the previewed workflow with the SparkApplication its template creates. */
async function sparkApplications(page: Page): Promise<Map<string, Obj>> {
  const wf = load(await yamlText(page)) as { spec: { templates: Obj[] } };
  const byName = new Map(wf.spec.templates.map((t) => [t.name, t]));
  const dag = wf.spec.templates.find((t) => t.dag) as { dag: { tasks: Obj[] } };
  const out = new Map<string, Obj>();
  for (const task of dag.dag.tasks) {
    const resource = byName.get(task.template as string)?.resource as Obj | undefined;
    if (typeof resource?.manifest === 'string')
      out.set(task.name as string, load(resource.manifest) as Obj);
  }
  return out;
}
const executorOf = (app: Obj | undefined) => (app?.spec as Obj | undefined)?.executor as Obj;

/** Selects a node and fills one field of the Spark form (committed on Enter). */
async function fillSpark(page: Page, task: string, field: string, value: string): Promise<void> {
  await page.locator(`.react-flow__node[data-id="${task}"]`).click();
  const input = page.locator(`[data-testid=spark-form] input[name=spark-${field}]`);
  await input.fill(value);
  await input.press('Enter');
}

describe('Spark form', () => {
  it('fills the form of a dropped Spark entry and sees the SparkApplication in the YAML', async () => {
    const { page, errors } = await openEditor(browser);
    await dropEntry(page, 'sparkk8sScala', 200, 150);
    await expect.poll(() => nodeCount(page)).toBe(1);
    await fillSpark(page, 'sparkk8sscala', 'executorInstances', '3');
    await fillSpark(page, 'sparkk8sscala', 'mainClass', 'org.example.NightlyEtl');
    await expect.poll(() => yamlText(page)).toContain('instances: 3');
    const yaml = await yamlText(page);
    expect(yaml).toContain('kind: SparkApplication');
    expect(yaml).toContain('mainClass: org.example.NightlyEtl');
    expect(yaml).toContain('successCondition: status.applicationState.state == COMPLETED');
    const app = (await sparkApplications(page)).get('sparkk8sscala');
    expect(app?.spec).toMatchObject({
      mainClass: 'org.example.NightlyEtl',
      executor: { instances: 3 },
    });
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('gives the second of two identical Spark drops its own manifest on its first edit', async () => {
    const { page, errors } = await openEditor(browser);
    await dropEntry(page, 'sparkk8sScala', 200, 150);
    await dropEntry(page, 'sparkk8sScala', 200, 350);
    await expect.poll(() => nodeCount(page)).toBe(2);
    // Dropped unchanged, the two tasks share one template.
    expect((await yamlText(page)).match(/kind: SparkApplication/g)).toHaveLength(1);
    await page.locator('.react-flow__node[data-id="sparkk8sscala-2"]').click();
    await expect
      .poll(() => page.locator('[data-testid=resource-section] [role=note]').textContent())
      .toContain('gives this task its own copy');
    await fillSpark(page, 'sparkk8sscala-2', 'executorInstances', '5');
    await expect
      .poll(async () => {
        const apps = await sparkApplications(page);
        return [apps.get('sparkk8sscala'), apps.get('sparkk8sscala-2')].map(
          (a) => executorOf(a)?.instances,
        );
      })
      .toEqual([1, 5]);
    await expect
      .poll(() => page.locator('[data-testid=notice]').textContent())
      .toContain('now runs its own copy');
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('refuses an invalid value in a field and invalid YAML in the manifest', async () => {
    const { page } = await openEditor(browser);
    await dropEntry(page, 'sparkk8sScala', 200, 150);
    await page.locator('.react-flow__node[data-id="sparkk8sscala"]').click();
    const memory = page.locator('[data-testid=spark-form] input[name=spark-executorMemory]');
    await memory.fill('2 GB');
    await memory.press('Enter');
    await expect
      .poll(() => page.locator('[data-testid=spark-form] [role=alert]').first().textContent())
      .toContain('size like 512m or 2g');
    expect(await yamlText(page)).not.toContain('2 GB');

    const before = await yamlText(page);
    const editor = page.locator('[data-testid=manifest-editor]');
    await editor.locator('textarea').fill('apiVersion: v1\nkind: ConfigMap\ndata:\n  a: [1\n');
    await expect.poll(() => editor.locator('[role=alert]').textContent()).toContain('line 4');
    await expect(editor.getByRole('button', { name: 'Apply' }).isDisabled()).resolves.toBe(true);
    expect(await yamlText(page)).toBe(before);
    await page.context().close();
  });
});
