/**
 * The workflow inspector in a real browser: switching the kind between
 * Workflow, WorkflowTemplate and CronWorkflow rewrites the YAML, and a
 * CronWorkflow lists its next run times in the chosen time zone.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, openEditor, yamlText } from './support/browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

describe('workflow kinds', () => {
  it('switches to CronWorkflow: schedules in the YAML and the next run times listed', async () => {
    const { page, errors } = await openEditor(browser);
    await page.locator('#wf-kind').selectOption('CronWorkflow');
    await expect.poll(() => yamlText(page)).toContain('kind: CronWorkflow');
    const yaml = await yamlText(page);
    expect(yaml).toContain('schedules:');
    expect(yaml).toContain('workflowSpec:');
    const runs = page.locator('[data-testid=cron-next-runs] li');
    await expect.poll(() => runs.count()).toBe(5);
    expect(await runs.first().textContent()).toMatch(/:00 \(UTC\+00:00\)$/);

    // A weekday schedule in India: the list follows while typing, the YAML on commit.
    const schedules = page.locator('textarea[name=wf-schedules]');
    await schedules.fill('0 9 * * 1-5');
    await page.locator('input[name=wf-timezone]').fill('Asia/Kolkata');
    await expect
      .poll(() => runs.allTextContents())
      .toEqual(
        Array(5).fill(expect.stringMatching(/^(Mon|Tue|Wed|Thu|Fri) .* 09:00 \(UTC\+05:30\)$/)),
      );
    await page.locator('input[name=wf-timezone]').press('Enter');
    await schedules.focus();
    await schedules.blur();
    await expect.poll(() => yamlText(page)).toContain('timezone: Asia/Kolkata');
    expect(await yamlText(page)).toContain('0 9 * * 1-5');
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('goes Workflow -> WorkflowTemplate -> CronWorkflow -> Workflow and back with undo', async () => {
    const { page, errors } = await openEditor(browser);
    const kind = page.locator('#wf-kind');
    await kind.selectOption('WorkflowTemplate');
    await expect.poll(() => yamlText(page)).toContain('kind: WorkflowTemplate');
    // A stored template needs a fixed name instead of generateName.
    expect(await yamlText(page)).toContain('name: pipeline');
    await kind.selectOption('CronWorkflow');
    await expect.poll(() => yamlText(page)).toContain('kind: CronWorkflow');
    await kind.selectOption('Workflow');
    await expect.poll(() => yamlText(page)).toContain('kind: Workflow\n');
    expect(await yamlText(page)).not.toContain('schedules:');
    await expect.poll(() => page.locator('[data-testid=cron-next-runs]').count()).toBe(0);
    await page.locator('.react-flow__pane').click({ position: { x: 20, y: 140 } });
    await page.keyboard.press('Control+z');
    await expect.poll(() => yamlText(page)).toContain('kind: CronWorkflow');
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('creates an exit handler from the inspector', async () => {
    const { page } = await openEditor(browser);
    await page.getByText('Exit handler', { exact: true }).click();
    await page.getByRole('button', { name: 'Create exit handler' }).click();
    await expect.poll(() => yamlText(page)).toContain('onExit: exit-handler');
    expect(await yamlText(page)).toContain('{{workflow.status}}');
    await page.context().close();
  });
});
