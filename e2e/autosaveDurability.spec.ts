/**
 * What survives when the page goes away right after an edit: six edits
 * (add ×3, connect, rename, add), then, 0, 50, 200 or 1,000 ms after the last
 * one, the page is closed without beforeunload, or the whole browser is
 * killed (SIGKILL, on a profile on disk). The editor is reopened and each
 * edit is looked for. Figures are printed; what is asserted is only what is
 * deterministic: a closed page loses nothing (each edit is written to
 * localStorage in its own task), and a killed browser keeps every edit whose
 * durable (IndexedDB) write had been confirmed before the kill.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, connectNodes, dropEntry, launch, nodeCount, yamlText } from './support/browser';
import { profileDir, removeProfile, startKillable, type Killable } from './support/killableBrowser';

const DELAYS = [0, 50, 200, 1000];

interface Edit {
  name: string;
  make(page: Page): Promise<void>;
  /** Whether the reopened document shows the edit. */
  kept(yaml: string): boolean;
}

const addByKeyboard = async (page: Page, entry: string) => {
  await page.locator(`[data-testid="palette-${entry}"]`).focus();
  await page.keyboard.press('Enter');
};

const EDITS: Edit[] = [
  {
    name: 'add jobprofilerclient',
    make: async (page) => {
      await dropEntry(page, 'jobprofilerclient', 150, 150);
      await page.locator('.react-flow__node[data-id="jobprofilerclient"]').waitFor();
    },
    kept: (y) => /- name: (jobprofilerclient|profile)$/m.test(y),
  },
  {
    name: 'add busybox-shell',
    make: async (page) => {
      await dropEntry(page, 'busybox-shell', 550, 250);
      await page.locator('.react-flow__node[data-id="busybox-shell"]').waitFor();
    },
    kept: (y) => /- name: busybox-shell$/m.test(y),
  },
  {
    name: 'add python-script',
    make: async (page) => {
      await addByKeyboard(page, 'python-script');
      await page.locator('.react-flow__node[data-id="python-script"]').waitFor();
    },
    kept: (y) => /- name: python-script$/m.test(y),
  },
  {
    name: 'connect',
    make: async (page) => {
      await connectNodes(page, 'jobprofilerclient', 'busybox-shell');
      await page.waitForFunction(() =>
        document.querySelector('[data-testid=yaml-text]')?.textContent?.includes('depends: '),
      );
    },
    kept: (y) => /depends: (jobprofilerclient|profile)/.test(y),
  },
  {
    name: 'rename',
    make: async (page) => {
      await page.locator('.react-flow__node[data-id="jobprofilerclient"]').click();
      const field = page.locator('[data-testid=task-inspector] input[name=task-name]');
      await field.fill('profile');
      await field.press('Enter');
      await page.locator('.react-flow__node[data-id="profile"]').waitFor();
    },
    kept: (y) => /- name: profile$/m.test(y),
  },
  // The last edit: nothing waits on it before the page goes away.
  {
    name: 'add curl',
    make: (page) => addByKeyboard(page, 'curl'),
    kept: (y) => /- name: curl$/m.test(y),
  },
];

/** The revision autosave reports (the save status chip's attributes). */
async function revisions(page: Page): Promise<{ saved: number; durable: number }> {
  const chip = page.locator('[data-testid=save-status]');
  return {
    saved: Number((await chip.getAttribute('data-revision')) ?? 0),
    durable: Number((await chip.getAttribute('data-durable-revision')) ?? 0),
  };
}

/** Makes the edits; returns the revision each one was saved as. */
async function makeEdits(page: Page): Promise<number[]> {
  await page.goto(baseUrl());
  await page.locator('.palette-entry').first().waitFor({ timeout: 60_000 });
  const saved: number[] = [];
  for (const edit of EDITS) {
    await edit.make(page);
    saved.push(saved.length < EDITS.length - 1 ? (await revisions(page)).saved : NaN);
  }
  // The last edit is one write after the one before it.
  saved[EDITS.length - 1] = saved[EDITS.length - 2]! + 1;
  return saved;
}

/** Which edits the reopened editor shows. */
async function survivors(page: Page): Promise<boolean[]> {
  await page.goto(baseUrl());
  await page.locator('.palette-entry').first().waitFor({ timeout: 60_000 });
  const yaml = await yamlText(page);
  return EDITS.map((e) => e.kept(yaml));
}

const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));
const figures: string[] = [];
afterAll(() => {
  console.log(['Kill-and-reload figures (edits survived of made):', ...figures].join('\n'));
});

describe('closing the page without beforeunload', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('loses no edit at any delay', { timeout: 300_000 }, async () => {
    for (const delay of DELAYS) {
      const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
      const page = await context.newPage();
      await makeEdits(page);
      await wait(delay);
      await page.close({ runBeforeUnload: false });
      const reopened = await context.newPage();
      const kept = await survivors(reopened);
      await expect.poll(() => nodeCount(reopened), { timeout: 30_000 }).toBe(4);
      figures.push(
        `  page closed ${delay} ms after the last edit: ${kept.filter(Boolean).length}/${EDITS.length}`,
      );
      expect(
        EDITS.filter((_, i) => !kept[i]).map((e) => e.name),
        `lost when closed ${delay} ms after`,
      ).toEqual([]);
      await context.close();
    }
  });
});

describe('killing the browser', () => {
  it(
    'keeps every edit whose durable write was confirmed before the kill',
    { timeout: 480_000 },
    async () => {
      for (const delay of DELAYS) {
        const profile = profileDir();
        // Whatever fails, no browser is left running.
        const running = new Set<Killable>();
        const start = async () => {
          const k = await startKillable(profile);
          running.add(k);
          return k;
        };
        const kill = async (k: Killable) => {
          running.delete(k);
          await k.kill();
        };
        try {
          const first = await start();
          const page = await first.page();
          const saved = await makeEdits(page);
          await wait(delay);
          const { durable } = await revisions(page);
          await kill(first);

          const second = await start();
          const kept = await survivors(await second.page());
          await kill(second);
          figures.push(
            `  browser killed ${delay} ms after the last edit: ${kept.filter(Boolean).length}/${EDITS.length} (durable revision ${durable} of ${saved[saved.length - 1]})`,
          );
          const confirmedButLost = EDITS.filter((_, i) => saved[i]! <= durable && !kept[i]);
          expect(
            confirmedButLost.map((e) => e.name),
            `killed ${delay} ms after`,
          ).toEqual([]);
        } finally {
          for (const k of running) await k.kill();
          removeProfile(profile);
        }
      }
    },
  );
});
