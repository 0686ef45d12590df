/**
 * Drives one page of the canvas benchmark: the editor (opens the generated
 * YAML through Open…) or the bare React Flow page (loads the same graph as
 * JSON), then the same drag on both. The timing itself happens in the page
 * (probe.ts); calls into it are strings, so no bundled helper leaks into the
 * page.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import ts from 'typescript';
import type { CanvasCheck, DragResult, EditTiming, FullPaint } from './probe';

export const VIEWPORT = { width: 1400, height: 900 };
export const WARM_UP_MOVES = 5;

const probeScript = ts
  .transpileModule(readFileSync(join(import.meta.dirname, 'probe.ts'), 'utf8'), {
    compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext },
  })
  .outputText.replace(/^export \{\};?$/m, '');

/** Calls `window.__bench[method](...args)` and awaits its result. */
function call<T>(page: Page, method: string, ...args: unknown[]): Promise<T> {
  return page.evaluate(`window.__bench.${method}(...${JSON.stringify(args)})`) as Promise<T>;
}

export async function newPage(browser: Browser, url: string): Promise<Page> {
  const context = await browser.newContext({ viewport: VIEWPORT });
  const page = await context.newPage();
  page.on('pageerror', (e) => console.error(`  page error (${url}): ${e.message}`));
  await page.addInitScript({ content: probeScript });
  await page.goto(url);
  return page;
}

/** Opens the editor and waits for its palette (the app has booted). */
export async function openEditor(browser: Browser, base: string): Promise<Page> {
  const page = await newPage(browser, base);
  await page.locator('.palette-entry').first().waitFor();
  return page;
}

/** The canvas's size in the editor's layout, for the bare page and the generator. */
export async function canvasSize(page: Page): Promise<{ width: number; height: number }> {
  const box = await page.locator('.react-flow').boundingBox();
  if (!box) throw new Error('no canvas');
  return { width: Math.round(box.width), height: Math.round(box.height) };
}

/** Opens `file` through Open… and times the first full paint from the file chosen. */
export async function openInEditor(
  page: Page,
  file: string,
  nodes: number,
  edges: number,
): Promise<FullPaint> {
  const [chooser] = await Promise.all([
    page.waitForEvent('filechooser'),
    page.getByRole('button', { name: 'Open…' }).click(),
  ]);
  await call(page, 'armFullPaint', '[data-testid=canvas]', nodes, edges);
  await chooser.setFiles(file);
  return call<FullPaint>(page, 'fullPaintResult');
}

/** Loads a graph JSON into the bare page and times its first full paint. */
export async function loadBare(
  page: Page,
  graphUrl: string,
  size: { width: number; height: number },
  nodes: number,
  edges: number,
): Promise<FullPaint> {
  await page.waitForFunction('typeof window.benchLoad === "function"');
  await page.evaluate(
    `window.__bench.armFullPaint('#root', ${nodes}, ${edges});
     void window.benchLoad(${JSON.stringify(graphUrl)}, ${size.width}, ${size.height});`,
  );
  return call<FullPaint>(page, 'fullPaintResult');
}

async function centreOf(page: Page, selector: string): Promise<{ x: number; y: number }> {
  const box = await page.locator(selector).boundingBox();
  if (!box) throw new Error(`${selector} is not on screen`);
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

/** Fails unless the element at (x, y) is inside `selector`: the mouse must hit what we mean. */
async function expectHit(page: Page, at: { x: number; y: number }, selector: string) {
  const hit = await page.evaluate(
    `!!document.elementFromPoint(${at.x}, ${at.y})?.closest(${JSON.stringify(selector)})`,
  );
  if (!hit) throw new Error(`the point (${at.x}, ${at.y}) is not on ${selector}`);
}

/**
 * Presses on the node's centre and makes a few warm-up moves (the drag
 * starts and the node gets selected). Returns the centre of the circle of
 * 40 px that the measured moves then follow, starting where the mouse is.
 */
export async function pressNode(page: Page, id: string): Promise<{ x: number; y: number }> {
  const node = `.react-flow__node[data-id="${id}"]`;
  const start = await centreOf(page, node);
  await expectHit(page, start, node);
  await page.mouse.move(start.x, start.y);
  await page.mouse.down();
  for (let i = 1; i <= WARM_UP_MOVES; i++) await page.mouse.move(start.x + 2 * i, start.y);
  return { x: start.x + 2 * WARM_UP_MOVES - 40, y: start.y };
}

/**
 * How moves are sent: `burst` as fast as the page takes them (each
 * `mouse.move` returns once the page has the event, not once it painted), or
 * `frame`, one move per animation frame, as a real mouse delivers them (the
 * next move waits for the page's next frame).
 */
export type Pace = 'burst' | 'frame';

/**
 * Measures moves `from + 1` to `to` of `total` around the circle (about
 * 2 px each for 120 moves), with the mouse still pressed.
 */
export async function measureMoves(
  page: Page,
  id: string,
  centre: { x: number; y: number },
  from: number,
  to: number,
  total: number,
  pace: Pace = 'burst',
): Promise<DragResult> {
  await call(page, 'startDrag', id);
  for (let i = from + 1; i <= to; i++) {
    const angle = (2 * Math.PI * i) / total;
    await page.mouse.move(centre.x + 40 * Math.cos(angle), centre.y + 40 * Math.sin(angle));
    if (pace === 'frame') await call(page, 'nextFrame');
  }
  return call<DragResult>(page, 'stopDrag');
}

/** The JavaScript heap in use after a full garbage collection, in bytes. */
export async function heapAfterGc(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send('HeapProfiler.collectGarbage');
    const { usedSize } = await cdp.send('Runtime.getHeapUsage');
    return usedSize;
  } finally {
    await cdp.detach();
  }
}

/** Waits until no frame took over 50 ms for `ms` (validation, autosave and loading have settled). */
export const waitQuiet = (page: Page, ms: number): Promise<void> => call(page, 'waitQuiet', ms);

export type EditKind = 'add' | 'connect' | 'delete' | 'rename';
export const EDIT_KINDS: EditKind[] = ['add', 'connect', 'delete', 'rename'];

/** The tasks one edit works on: `a` (and `b` for connect, a pair that is not an edge yet). */
export interface EditPlan {
  kind: EditKind;
  a: string;
  b?: string;
}

const nodeSelector = (id: string) => `.react-flow__node[data-id="${id}"]`;

async function clickNode(page: Page, id: string): Promise<void> {
  const at = await centreOf(page, nodeSelector(id));
  await expectHit(page, at, nodeSelector(id));
  await page.mouse.click(at.x, at.y);
}

const count = (page: Page, selector: string, css: string): Promise<number> =>
  page.evaluate(
    `document.querySelector(${JSON.stringify(selector)}).querySelectorAll(${JSON.stringify(css)}).length`,
  ) as Promise<number>;

/** Elements under `root`, and React Flow handles among them. */
export const domCounts = async (
  page: Page,
  root: string,
): Promise<{ elements: number; handles: number }> => ({
  elements: await count(page, root, '*'),
  handles: await count(page, root, '.react-flow__handle'),
});

/**
 * One edit made as a user makes it, timed from the input event that makes
 * it (probe.ts `armEdit`). The editor: Enter on the first palette entry
 * (adds it at the middle), a connection drawn from `a`'s output handle to
 * `b`'s input handle, Backspace on a selected task, F2 then a new name and
 * Enter. The bare page: Insert, the same connection, Backspace, F2 (see
 * bare/main.tsx). Preparation (focus, selecting, typing the name) happens
 * before the timed input, and the page is let settle first.
 */
export async function timeEdit(
  page: Page,
  who: 'ours' | 'bare',
  plan: EditPlan,
): Promise<EditTiming> {
  const root = who === 'ours' ? '[data-testid=canvas]' : '#root';
  const yaml = who === 'ours';
  const arm = (key: string, check: CanvasCheck) => call(page, 'armEdit', root, key, check, yaml);
  const result = () => call<EditTiming>(page, 'editResult');
  switch (plan.kind) {
    case 'add': {
      const nodes = await count(page, root, '.react-flow__node');
      if (who === 'ours') await page.locator('.palette-entry').first().focus();
      const key = who === 'ours' ? 'Enter' : 'Insert';
      await arm(key, { kind: 'nodes', count: nodes + 1 });
      await page.keyboard.press(key);
      return result();
    }
    case 'connect': {
      // The task's own dependency handles, not its data ports' handles.
      const handle = (id: string, end: 'source' | 'target') =>
        who === 'ours'
          ? `${nodeSelector(id)} .task-node > .react-flow__handle.${end}`
          : `${nodeSelector(id)} .react-flow__handle.${end}`;
      const [source, target] = [handle(plan.a, 'source'), handle(plan.b!, 'target')];
      const a = await centreOf(page, source);
      const b = await centreOf(page, target);
      await expectHit(page, a, source);
      const edges = await count(page, root, '.react-flow__edge');
      await arm('mouseup', { kind: 'edges', count: edges + 1 });
      await page.mouse.move(a.x, a.y);
      await page.mouse.down();
      await page.mouse.move((a.x + b.x) / 2, (a.y + b.y) / 2, { steps: 5 });
      await page.mouse.move(b.x, b.y, { steps: 5 });
      await page.mouse.up();
      return result();
    }
    case 'delete': {
      await clickNode(page, plan.a);
      await waitQuiet(page, 500);
      await arm('Backspace', { kind: 'gone', id: plan.a });
      await page.keyboard.press('Backspace');
      return result();
    }
    case 'rename': {
      const renamed = `${plan.a}-renamed`;
      await clickNode(page, plan.a);
      await waitQuiet(page, 500);
      if (who === 'ours') {
        await page.keyboard.press('F2');
        const field = page.getByRole('textbox', { name: 'New name' });
        await field.waitFor();
        await field.fill(renamed);
        // As a user pauses before Enter: Chrome's autofill reads the page's
        // fields in a task of its own after a field changes (about 100 ms at
        // 1,000 tasks), which would otherwise run inside the timed edit.
        await waitQuiet(page, 500);
      }
      const key = who === 'ours' ? 'Enter' : 'F2';
      await arm(key, { kind: 'present', id: renamed });
      await page.keyboard.press(key);
      return result();
    }
  }
}

/** Starts counting DOM mutations of the editor's YAML preview. */
export const watchYaml = (page: Page): Promise<void> => call(page, 'watchYaml');
/** Mutations of the YAML preview since `watchYaml`. */
export const yamlMutations = (page: Page): Promise<number> => call(page, 'yamlMutations');

/** Concatenates the results of several rounds of one drag. */
export function mergeDrags(parts: DragResult[]): DragResult {
  return {
    moves: parts.reduce((n, p) => n + p.moves, 0),
    latencies: parts.flatMap((p) => p.latencies),
    queueing: parts.flatMap((p) => p.queueing),
    frames: parts.flatMap((p) => p.frames),
    unpainted: parts.reduce((n, p) => n + p.unpainted, 0),
    unverified: parts.reduce((n, p) => n + p.unverified, 0),
  };
}
