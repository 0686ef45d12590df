/**
 * Regenerates the screenshots of issue 12: a simulation (no server), the
 * server's templates in the palette, the submit form, and the runs panel,
 * against the Argo Server TEST DOUBLE.
 *   npm run build && npx tsx scripts/screenshots-cluster.ts
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { startArgoServerDouble } from '../test/support/argoServerDouble';
import { argoExamplePath } from '../test/support/sharedData';
import { openFile as open, withPreviewPage } from './support/previewPage';

const double = await startArgoServerDouble({ port: 0, stepMs: 300, archive: true });
const port = 4392;
const seed = (path: string, body: unknown) =>
  fetch(double.url + path, {
    method: 'POST',
    headers: { Authorization: 'Bearer test-token' },
    body: JSON.stringify(body),
  });

const container = (image: string, ...command: string[]) => ({ image, command });

async function drop(page: Page, id: string, x: number, y: number) {
  await page.locator(`[data-testid="palette-${id}"]`).dragTo(page.locator('.react-flow__pane'), {
    targetPosition: { x, y },
  });
}

async function wire(page: Page, from: string, out: string, to: string, input: string) {
  const a = (await page
    .locator(`.react-flow__node[data-id="${from}"] [data-handleid="${out}"]`)
    .boundingBox())!;
  const b = (await page
    .locator(`.react-flow__node[data-id="${to}"] [data-handleid="${input}"]`)
    .boundingBox())!;
  await page.mouse.move(a.x + a.width / 2, a.y + a.height / 2);
  await page.mouse.down();
  await page.mouse.move(b.x + b.width / 2, b.y + b.height / 2, { steps: 8 });
  await page.mouse.up();
}

try {
  await seed('/api/v1/workflow-templates/argo', {
    template: {
      metadata: {
        name: 'data-platform',
        annotations: { 'workflows.argoproj.io/description': 'Shared ETL steps of the data team' },
      },
      spec: {
        templates: [
          {
            name: 'extract',
            inputs: { parameters: [{ name: 'source' }, { name: 'limit', value: '1000' }] },
            outputs: { parameters: [{ name: 'table', valueFrom: { path: '/tmp/table' } }] },
            container: container('ghcr.io/acme/extract:2.3', 'extract'),
          },
          {
            name: 'validate',
            inputs: { parameters: [{ name: 'table' }] },
            outputs: { parameters: [{ name: 'report', valueFrom: { path: '/tmp/report' } }] },
            container: container('ghcr.io/acme/great-expectations:0.18', 'validate'),
          },
          {
            name: 'load',
            inputs: { parameters: [{ name: 'table' }, { name: 'target', value: 'warehouse' }] },
            container: container('ghcr.io/acme/load:1.9', 'load'),
          },
        ],
      },
    },
  });
  await seed('/api/v1/cluster-workflow-templates', {
    template: {
      metadata: { name: 'notify' },
      spec: {
        templates: [
          {
            name: 'slack',
            inputs: { parameters: [{ name: 'channel' }, { name: 'text' }] },
            container: container('curlimages/curl:8.10.1', 'curl'),
          },
        ],
      },
    },
  });
  const dir = mkdtempSync(join(tmpdir(), 'shots-'));
  const file = join(dir, 'nightly-etl.yaml');
  writeFileSync(
    file,
    `apiVersion: argoproj.io/v1alpha1
kind: Workflow
metadata:
  generateName: nightly-etl-
spec:
  entrypoint: main
  arguments:
    parameters:
      - name: source
        value: s3://lake/raw/orders
        description: Bucket and prefix extract reads from
      - name: env
        value: staging
        enum: [staging, production]
        description: Where the tables are loaded
  templates:
    - name: main
      dag:
        tasks: []
`,
  );

  await withPreviewPage(port, { ARGO_SERVER: double.url }, (page) => shoot(page, file));
} finally {
  await double.close();
}

async function shoot(page: Page, file: string): Promise<void> {
  // A simulation of Argo's dag-enhanced-depends.yaml with C failing: no server involved.
  await open(page, argoExamplePath('dag-enhanced-depends.yaml'));
  await page.locator('.react-flow__node[data-id="should-execute-3"]').waitFor();
  await page.locator('[data-testid=simulate]').click();
  await page.locator('.react-flow__node[data-id="C"]').click();
  await page.locator('[data-testid=sim-outcome]').selectOption('Failed');
  await page.locator('[data-testid="phase-should-not-execute"][data-phase="Omitted"]').waitFor();
  await page.waitForTimeout(400);
  await page.screenshot({ path: 'docs/simulation.png' });
  await page.locator('[data-testid=simulate]').click();

  // The server's templates in the palette, two of them wired on the canvas.
  await open(page, file);
  await page.waitForFunction(() =>
    document.querySelector('[data-testid=yaml-text]')?.textContent?.includes('nightly-etl-'),
  );
  await page.getByRole('button', { name: 'Server…' }).click();
  await page.locator('#conn-token').fill('test-token');
  await page.getByRole('button', { name: 'Save' }).click();
  await page.locator('[data-testid="palette-ref:ns:data-platform:extract"]').waitFor();
  await page.locator('.palette').evaluate((el) => (el.scrollTop = el.scrollHeight));
  await drop(page, 'ref:ns:data-platform:extract', 140, 140);
  await drop(page, 'ref:ns:data-platform:validate', 470, 100);
  await drop(page, 'ref:ns:data-platform:load', 470, 300);
  await wire(page, 'extract', 'out:parameter:table', 'validate', 'in:parameter:table');
  await wire(page, 'extract', 'out:parameter:table', 'load', 'in:parameter:table');
  await page.locator('.react-flow__node[data-id="load"]').click();
  await page.locator('.palette').evaluate((el) => (el.scrollTop = el.scrollHeight));
  await page.waitForTimeout(400);
  await page.screenshot({ path: 'docs/templates-palette.png' });

  // The submit form.
  await page.locator('[data-testid=submit]').click();
  await page.getByRole('dialog', { name: 'Submit' }).waitFor();
  await page.getByRole('dialog', { name: 'Submit' }).getByLabel('env').selectOption('production');
  await page.getByLabel('Labels to add').fill('team=data');
  await page.waitForTimeout(300);
  await page.screenshot({ path: 'docs/submit-form.png' });
  await page.getByTestId('submit-form-submit').click();
  await page.locator('[data-testid=submit-result]').waitFor();

  // The runs panel, with a second run submitted as it is.
  await page
    .locator('[data-testid=run-phase]')
    .filter({ hasText: 'Succeeded' })
    .waitFor({ timeout: 60_000 });
  const first = await page.locator('.run-panel .run-name').textContent();
  await page.locator('[data-testid=submit]').click();
  await page.getByTestId('submit-form-submit').click();
  await page.waitForFunction(
    (name) => {
      const shown = document.querySelector('.run-panel .run-name')?.textContent;
      const phase = document.querySelector('[data-testid=run-phase]')?.textContent;
      return shown && shown !== name && phase === 'Succeeded';
    },
    first,
    { timeout: 60_000 },
  );
  await page.locator('.run-panel').getByRole('button', { name: 'Close' }).click();
  await page
    .locator('[data-testid=submit-result]')
    .getByRole('button', { name: 'Dismiss' })
    .click();
  await page.getByText('Runs of this workflow').click();
  await page.getByRole('button', { name: 'Refresh', exact: true }).last().click();
  await page.locator('.runs-table tbody tr').nth(1).waitFor();
  // Room for the list: the problems list below it is empty anyway.
  await page.locator('.problems').evaluate((el) => ((el as HTMLElement).style.display = 'none'));
  await page.waitForTimeout(300);
  await page.screenshot({ path: 'docs/runs.png' });
}
