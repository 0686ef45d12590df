/**
 * Regenerates the screenshots of templates other than a single DAG (issue 9):
 * Argo's steps.yaml as groups of parallel steps, and dag-nested.yaml drilled
 * into its nested DAG, with the breadcrumb and the templates outline.
 * Reads the examples from ../shared/argo/examples.
 *   npm run build && npx tsx scripts/screenshots-scopes.ts
 */
import { argoExamplePath } from '../test/support/sharedData';
import { openFile, withPreviewPage } from './support/previewPage';

await withPreviewPage(4393, {}, async (page) => {
  await openFile(page, argoExamplePath('steps.yaml'));
  await page.locator('.react-flow__node[data-id="hello2b"]').waitFor();
  await page.locator('.react-flow__node[data-id="hello2a"]').click();
  await page.waitForTimeout(500);
  await page.screenshot({ path: 'docs/steps.png' });

  await openFile(page, argoExamplePath('dag-nested.yaml'));
  await page.locator('.react-flow__node[data-id="A"]').waitFor();
  await page.locator('.react-flow__node[data-id="A"]').dblclick();
  await page.locator('.breadcrumb').getByText('nested-diamond').waitFor();
  await page.locator('.react-flow__node[data-id="C"]').click();
  await page.waitForTimeout(500);
  await page.screenshot({ path: 'docs/nested-dag.png' });
});
