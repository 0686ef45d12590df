/**
 * Issue 12 in a real browser, through the Vite preview proxy and the Argo
 * Server TEST DOUBLE: a WorkflowTemplate dragged from the palette's server
 * section and its output wired, submitted with a parameter changed in the
 * form, the run found in the runs panel and opened; and Simulate on Argo's
 * dag-enhanced-depends.yaml with C failing, without any server.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { argoExamplePath, hasShared, SKIP_REASON } from '../test/support/sharedData';
import { configureConnection, launch, openEditor, openFile, yamlText } from './support/browser';

const doubleUrl = () => inject('doubleUrl');
const AUTH = { Authorization: 'Bearer test-token' };

let browser: Browser;
let dir: string;
beforeAll(async () => {
  browser = await launch();
  dir = mkdtempSync(join(tmpdir(), 'argoflow-e2e-lib-'));
});
afterAll(async () => {
  await browser?.close();
});

/** Drags a palette entry onto the canvas at (x, y) relative to the canvas. */
async function drop(page: Page, id: string, x: number, y: number): Promise<void> {
  await page.locator(`[data-testid="palette-${id}"]`).dragTo(page.locator('.react-flow__pane'), {
    targetPosition: { x, y },
  });
}

/** Drags from one port handle to another. */
async function wire(page: Page, from: string, fromHandle: string, to: string, toHandle: string) {
  const a = (await page
    .locator(`.react-flow__node[data-id="${from}"] [data-handleid="${fromHandle}"]`)
    .boundingBox())!;
  const b = (await page
    .locator(`.react-flow__node[data-id="${to}"] [data-handleid="${toHandle}"]`)
    .boundingBox())!;
  await page.mouse.move(a.x + a.width / 2, a.y + a.height / 2);
  await page.mouse.down();
  await page.mouse.move((a.x + b.x) / 2, (a.y + b.y) / 2, { steps: 5 });
  await page.mouse.move(b.x + b.width / 2, b.y + b.height / 2, { steps: 5 });
  await page.mouse.up();
}

const phaseOf = (page: Page, task: string) =>
  page.locator(`[data-testid="phase-${task}"]`).getAttribute('data-phase');

describe('the cluster as a library', () => {
  it('drags a WorkflowTemplate, wires its output, submits with a changed parameter, finds and opens the run', async () => {
    const created = await fetch(`${doubleUrl()}/api/v1/workflow-templates/argo`, {
      method: 'POST',
      headers: AUTH,
      body: JSON.stringify({
        template: {
          metadata: { name: 'e2e-etl' },
          spec: {
            templates: [
              {
                name: 'extract',
                inputs: { parameters: [{ name: 'source' }] },
                outputs: { parameters: [{ name: 'rows', valueFrom: { path: '/tmp/rows' } }] },
                container: { image: 'alpine:3.20', command: ['sh', '-c', 'echo 3 > /tmp/rows'] },
              },
              {
                name: 'load',
                inputs: { parameters: [{ name: 'rows' }] },
                container: {
                  image: 'alpine:3.20',
                  command: ['echo', '{{inputs.parameters.rows}}'],
                },
              },
            ],
          },
        },
      }),
    });
    expect(created.status).toBe(200);
    // A workflow with an argument, so Submit opens the form.
    const file = join(dir, 'library-run.yaml');
    writeFileSync(
      file,
      `apiVersion: argoproj.io/v1alpha1
kind: Workflow
metadata:
  generateName: library-run-
spec:
  entrypoint: main
  arguments:
    parameters:
      - name: source
        value: s3://bucket/raw
        description: Where extract reads from
  templates:
    - name: main
      dag:
        tasks: []
`,
    );
    const { page, errors } = await openEditor(browser);
    await openFile(page, file);
    await page.waitForFunction(() =>
      document.querySelector('[data-testid=yaml-text]')?.textContent?.includes('library-run-'),
    );
    await configureConnection(page, 'test-token');
    await page.locator('[data-testid="palette-ref:ns:e2e-etl:extract"]').waitFor();
    await drop(page, 'ref:ns:e2e-etl:extract', 150, 150);
    await drop(page, 'ref:ns:e2e-etl:load', 550, 220);
    await page
      .locator('.react-flow__node[data-id="load"] [data-handleid="in:parameter:rows"]')
      .waitFor();
    await wire(page, 'extract', 'out:parameter:rows', 'load', 'in:parameter:rows');
    await expect
      .poll(() => yamlText(page))
      .toContain('value: "{{tasks.extract.outputs.parameters.rows}}"');
    const yaml = await yamlText(page);
    expect(yaml).toContain('templateRef:');
    expect(yaml).toContain('depends: extract');

    await page.locator('[data-testid=submit]').click();
    const form = page.getByRole('dialog', { name: 'Submit' });
    await expect.poll(() => form.getByText('Where extract reads from').count()).toBe(1);
    await form.getByLabel('source').fill('s3://bucket/changed');
    await form.getByTestId('submit-form-submit').click();
    await expect
      .poll(() => page.locator('[data-testid=submit-result]').textContent())
      .toMatch(/Workflow library-run-[a-z0-9]{5} created in argo/);
    const name = /Workflow (library-run-[a-z0-9]{5})/.exec(
      (await page.locator('[data-testid=submit-result]').textContent()) ?? '',
    )![1]!;
    // The submitted workflow carries the value; the document keeps its own.
    const wf = (await (
      await fetch(`${doubleUrl()}/api/v1/workflows/argo/${name}`, { headers: AUTH })
    ).json()) as {
      spec: { arguments: { parameters: { value: string }[] } };
      metadata: { labels: Record<string, string> };
    };
    expect(wf.spec.arguments.parameters[0]!.value).toBe('s3://bucket/changed');
    expect(wf.metadata.labels['argoflow.dev/pipeline']).toBe('library-run');
    expect(await yamlText(page)).toContain('value: s3://bucket/raw');
    await expect
      .poll(() => page.locator('[data-testid=run-phase]').textContent())
      .toBe('Succeeded');

    // The run in the history, opened on the canvas.
    await page.getByRole('button', { name: 'Close' }).click();
    await page.getByText('Runs of this workflow').click();
    const row = page.locator(`[data-testid="run-${name}"]`);
    await row.waitFor();
    await expect.poll(() => row.textContent()).toContain('Succeeded');
    await row.getByRole('button', { name: 'Open' }).click();
    await expect.poll(() => phaseOf(page, 'load')).toBe('Succeeded');
    await expect.poll(() => page.locator('.run-panel .run-name').first().textContent()).toBe(name);
    expect(errors).toEqual([]);
    await page.context().close();
  });
});

describe.skipIf(!hasShared)(`Simulate (${hasShared ? 'no server needed' : SKIP_REASON})`, () => {
  it('dag-enhanced-depends.yaml with C failing: should-not-execute is omitted, the rest runs', async () => {
    const { page, errors } = await openEditor(browser);
    await openFile(page, argoExamplePath('dag-enhanced-depends.yaml'));
    await page.locator('.react-flow__node[data-id="should-execute-3"]').waitFor();
    await page.locator('[data-testid=simulate]').click();
    await page.locator('.react-flow__node[data-id="C"]').click();
    await page.locator('[data-testid=sim-outcome]').selectOption('Failed');
    await expect.poll(() => phaseOf(page, 'C')).toBe('Failed');
    const expected: Record<string, string> = {
      A: 'Succeeded',
      B: 'Succeeded',
      'should-execute-1': 'Succeeded',
      'should-execute-2': 'Succeeded',
      'should-not-execute': 'Omitted',
      'should-execute-3': 'Succeeded',
    };
    for (const [task, phase] of Object.entries(expected))
      await expect.poll(() => phaseOf(page, task)).toBe(phase);
    // Argo's example test expects this workflow to succeed: C's failure is handled.
    expect(await page.locator('[data-testid=run-phase]').textContent()).toBe('Succeeded');
    // Step by step from the start: A runs first, alone.
    await page.getByRole('button', { name: 'To the start' }).click();
    await page.getByRole('button', { name: 'Step forward' }).click();
    await expect.poll(() => phaseOf(page, 'A')).toBe('Running');
    expect(await phaseOf(page, 'B')).toBe('Pending');
    // The document did not change.
    expect(await yamlText(page)).toContain('depends: B && C');
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
