/**
 * Accessibility in a real browser: axe-core (injected from the package, a
 * test-only dependency) runs its WCAG 2.1 A and AA rules, colour contrast
 * included, over the main views in the light and the dark theme, and must
 * find nothing. Then the keyboard: Escape closes the Server dialog and gives
 * focus back, Tab stays inside it, and the panels' controls are reachable.
 */
import { createRequire } from 'node:module';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, newContext, baseUrl, nodeCount } from './support/browser';

const AXE_PATH = createRequire(import.meta.url).resolve('axe-core');
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

interface AxeResult {
  violations: {
    id: string;
    impact: string;
    help: string;
    nodes: { target: string[]; failureSummary: string }[];
  }[];
  passes: { id: string }[];
  incomplete: { id: string }[];
  inapplicable: { id: string }[];
}

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

async function open(scheme: 'light' | 'dark'): Promise<Page> {
  const context = await newContext(browser);
  const page = await context.newPage();
  await page.emulateMedia({ colorScheme: scheme });
  await page.goto(baseUrl());
  await page.locator('.palette-entry').first().waitFor();
  await page.locator(`.app.theme-${scheme}`).waitFor();
  return page;
}

/** axe over the page (or one part of it); the violations in words, and the rules that ran. */
async function axe(page: Page, include?: string): Promise<{ problems: string[]; rules: string[] }> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: AXE_PATH });
  const result = (await page.evaluate(
    ([tags, include]) =>
      (
        window as unknown as {
          axe: { run(ctx: unknown, opts: unknown): Promise<unknown> };
        }
      ).axe.run(include ? { include: [include] } : document, {
        runOnly: { type: 'tag', values: tags },
        resultTypes: ['violations'],
      }),
    [TAGS, include] as const,
  )) as AxeResult;
  const problems = result.violations.flatMap((v) =>
    v.nodes.map((n) => `${v.id} (${v.impact}): ${n.target.join(' ')}: ${n.failureSummary}`),
  );
  const rules = [...result.passes, ...result.violations, ...result.incomplete].map((r) => r.id);
  result.inapplicable.forEach((r) => notApplicable.add(r.id));
  return { problems, rules };
}

/** WCAG contrast of two CSS rgb() colours. */
function contrast(a: string, b: string): number {
  const lum = (c: string) => {
    const [r, g, bl] = (c.match(/[\d.]+/g) ?? []).slice(0, 3).map((v) => {
      const x = Number(v) / 255;
      return x <= 0.03928 ? x / 12.92 : ((x + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * bl!;
  };
  const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

const ran = new Set<string>();
const notApplicable = new Set<string>();
let views = 0;

async function expectClean(page: Page, view: string, include?: string) {
  const { problems, rules } = await axe(page, include);
  rules.forEach((r) => ran.add(r));
  views++;
  expect(problems, `${view}:\n${problems.join('\n')}`).toEqual([]);
}

async function openExample(page: Page, id: string) {
  await page.getByRole('button', { name: 'Examples…' }).click();
  await page.getByTestId(`example-${id}`).click();
  await page.getByRole('dialog', { name: 'Examples' }).waitFor({ state: 'detached' });
  await expect.poll(() => nodeCount(page)).toBeGreaterThan(1);
}

describe.each(['light', 'dark'] as const)('axe-core, WCAG 2.1 AA, %s theme', (scheme) => {
  it('the editor: empty, then with a workflow, a task in the inspector, the YAML panel', async () => {
    const page = await open(scheme);
    await expectClean(page, `${scheme}: empty editor`);
    await openExample(page, 'greeting-template');
    // the notice about the copy is part of the view
    await expectClean(page, `${scheme}: editor with a workflow`);
    await page.locator('.react-flow__node[data-id="repeat"]').click();
    await expect.poll(() => page.locator('.inspector').innerText()).toContain('withSequence');
    await expectClean(page, `${scheme}: a task in the inspector`);
    await expectClean(page, `${scheme}: the YAML panel`, '.yaml-panel');
    // Edges are graphics, which axe does not measure: 3:1 against the canvas (WCAG 1.4.11).
    const [edge, canvas] = await page.evaluate(() => [
      getComputedStyle(document.querySelector('.react-flow__edge-path')!).stroke,
      getComputedStyle(document.querySelector('.react-flow')!).backgroundColor,
    ]);
    expect(contrast(edge, canvas), `edge ${edge} on ${canvas}`).toBeGreaterThanOrEqual(3);
    // A run on the canvas (simulated: no server needed), with its phases and run panel.
    await page.getByTestId('simulate').click();
    await page.locator('[data-testid="phase-repeat"]').waitFor();
    await expectClean(page, `${scheme}: a simulated run`);
    await page.context().close();
  });

  it('the dialogs: help, Server, examples', async () => {
    const page = await open(scheme);
    await page.getByRole('button', { name: 'Keyboard shortcuts' }).click();
    await page.getByRole('dialog', { name: 'Keyboard shortcuts' }).waitFor();
    await expectClean(page, `${scheme}: help`);
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Server…' }).click();
    await page.getByRole('dialog', { name: 'Argo Server connection' }).waitFor();
    await expectClean(page, `${scheme}: Server dialog`);
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Examples…' }).click();
    await page.getByRole('dialog', { name: 'Examples' }).waitFor();
    await expectClean(page, `${scheme}: examples`);
    await page.context().close();
  });
});

describe('keyboard', () => {
  it('Escape closes the Server dialog and focus returns to the Server… button', async () => {
    const page = await open('light');
    const opener = page.getByRole('button', { name: 'Server…' });
    await opener.focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Argo Server connection' });
    await dialog.waitFor();
    expect(await dialog.evaluate((d) => d.contains(document.activeElement))).toBe(true);
    // Tab round the dialog many times: focus never leaves it.
    for (let i = 0; i < 15; i++) await page.keyboard.press('Tab');
    expect(await dialog.evaluate((d) => d.contains(document.activeElement))).toBe(true);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    expect(await opener.evaluate((b) => b === document.activeElement)).toBe(true);
    await page.context().close();
  });

  it('Delete on a dialog button leaves the selected task alone', async () => {
    const page = await open('light');
    await openExample(page, 'fan-out-fan-in');
    const count = await nodeCount(page);
    await page.locator('.react-flow__node[data-id="merge"]').click();
    await page.getByRole('button', { name: 'Server…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Argo Server connection' });
    await dialog.getByRole('button', { name: 'Cancel' }).focus();
    await page.keyboard.press('Delete');
    await page.keyboard.press('Backspace');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    expect(await nodeCount(page)).toBe(count);
    await page.context().close();
  });

  it('reaches the panel dividers and the panel toggles with Tab', async () => {
    const page = await open('light');
    const reached = new Set<string>();
    for (let i = 0; i < 120 && reached.size < 4; i++) {
      await page.keyboard.press('Tab');
      const label = await page.evaluate(() => document.activeElement?.getAttribute('aria-label'));
      if (label && /^(Resize|Hide) the /.test(label)) reached.add(label);
    }
    expect([...reached]).toEqual(
      expect.arrayContaining(['Resize the palette', 'Hide the palette', 'Hide the inspector']),
    );
    await page.context().close();
  });
});

afterAll(() => {
  // The closing note's figures: which rules ran over how many views.
  const idle = [...notApplicable].filter((r) => !ran.has(r));
  console.log(
    `axe-core ${TAGS.join(', ')}: 0 violations over ${views} views; ${ran.size} rules applied: ${[...ran].sort().join(', ')}; ${idle.length} found nothing to check: ${idle.sort().join(', ')}`,
  );
});
