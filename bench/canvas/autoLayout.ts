/**
 * Auto-layout on the main thread (issue 11): `npx tsx bench/canvas/autoLayout.ts`.
 * Opens a generated pipeline (positions on a grid, so nothing is laid out on
 * open), clicks Auto-layout as a user does, and watches the page until the
 * layout has ended and the nodes have stopped moving: every long task
 * (PerformanceObserver 'longtask', installed before the click), the gaps
 * between animation frames, and the time from the click to the frame that
 * paints the last moved node. dagre runs in a Web Worker; the figures that
 * matter are those of the main thread, before and after the worker answers.
 *
 * Options: --sizes=1000,2000  --rounds=1  --trace=FILE (a Chromium trace of
 * the last round, to open in DevTools' Performance panel)  --json=FILE
 * --app=DIR (serve a build made before, e.g. of another commit, instead of
 * building this one).
 * Goal: no main-thread task over 50 ms at 1,000 tasks.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { buildApp } from './build';
import { launchChromium, serveBuild, type BenchServer } from './serve';
import { generateGraph, toArgoYaml } from './generate';
import { canvasSize, openEditor, openInEditor } from './pages';

/** A long task, as the Long Tasks API defines it. */
const LONG_TASK_MS = 50;
/** The nodes are taken to have stopped moving after this long without a change. */
const QUIET_MS = 1500;

export interface AutoLayoutResult {
  n: number;
  /** Long tasks from the click until the page was quiet (start ms after the click, duration). */
  longTasks: { start: number; duration: number }[];
  longest: number;
  /** Sum over long tasks of (duration − 50 ms). */
  blocked: number;
  /** Longest gap between two animation frames. */
  longestFrameGap: number;
  /** Click to the worker's answer (dagre's time, plus the answer's wait for the main thread). */
  workerMs: number | undefined;
  /** Click to the frame that painted the last node move. */
  paintedMs: number;
  /** Worker's answer to that frame: the time spent applying the positions. */
  applyMs: number | undefined;
  /** Node style changes seen, and whether a sample node really moved. */
  mutations: number;
  moved: boolean;
  /** What the layout status said at the end, if anything. */
  status: string | null;
}

/**
 * The in-page recorder, as a string so no bundled helper leaks into the page.
 * `arm()` installs it (before the click), `result()` resolves once the page is quiet.
 */
const RECORDER = `
(() => {
  const rec = { click: undefined, worker: undefined, frames: [], tasks: [], lastMutation: 0, mutations: 0 };
  const observer = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) rec.tasks.push({ start: e.startTime, duration: e.duration });
  });
  observer.observe({ type: 'longtask', buffered: false });
  let running = true;
  const tick = (t) => { rec.frames.push(performance.now()); if (running) requestAnimationFrame(tick); };
  requestAnimationFrame(tick);
  const nodes = document.querySelector('.react-flow__nodes');
  const mo = new MutationObserver((records) => {
    rec.mutations += records.length;
    rec.lastMutation = performance.now();
  });
  mo.observe(nodes, { subtree: true, attributes: true, attributeFilter: ['style'] });
  const Base = window.__benchWorker ?? window.Worker;
  window.__benchWorker = Base;
  window.Worker = class extends Base {
    constructor(...args) {
      super(...args);
      this.addEventListener('message', () => { rec.worker ??= performance.now(); });
    }
  };
  const button = [...document.querySelectorAll('button')].find((b) => b.textContent.trim() === 'Auto-layout');
  button.addEventListener('click', (e) => { rec.click ??= e.timeStamp; }, { capture: true, once: true });
  const sample = document.querySelector('.react-flow__node[data-id="' + SAMPLE + '"]');
  const before = sample?.style.transform;
  window.__layoutResult = async () => {
    const status = () => document.querySelector('[data-testid=layout-status]')?.textContent ?? null;
    const started = performance.now();
    for (;;) {
      await new Promise((r) => setTimeout(r, 100));
      const now = performance.now();
      if (now - started > 120000) throw new Error('no end of the layout within 120 s');
      if (rec.click === undefined || /^Laying out/.test(status() ?? '')) continue;
      const lastTask = rec.tasks.reduce((m, t) => Math.max(m, t.start + t.duration), 0);
      if (rec.mutations > 0 && now - Math.max(rec.lastMutation, lastTask) > ${QUIET_MS}) break;
      if (rec.mutations === 0 && now - rec.click > 20000) break;
    }
    running = false;
    observer.disconnect();
    mo.disconnect();
    window.Worker = Base;
    const painted = rec.frames.find((f) => f > rec.lastMutation) ?? NaN;
    const frames = rec.frames.filter((f) => f >= rec.click);
    let gap = 0;
    for (let i = 1; i < frames.length; i++) gap = Math.max(gap, frames[i] - frames[i - 1]);
    const after = document.querySelector('.react-flow__node[data-id="' + SAMPLE + '"]')?.style.transform;
    return {
      longTasks: rec.tasks.filter((t) => t.start + t.duration >= rec.click).map((t) => ({ start: t.start - rec.click, duration: t.duration })),
      longestFrameGap: gap,
      workerMs: rec.worker === undefined ? undefined : rec.worker - rec.click,
      paintedMs: painted - rec.click,
      applyMs: rec.worker === undefined ? undefined : painted - rec.worker,
      mutations: rec.mutations,
      moved: before !== undefined && after !== undefined && before !== after,
      status: status(),
    };
  };
})();
`;

async function settle(page: Page, ms: number): Promise<void> {
  // Let idle work after opening (validation, autosave, the YAML panel) pass.
  await page.waitForTimeout(ms);
  await page.evaluate('new Promise((r) => requestIdleCallback(() => r(), { timeout: 5000 }))');
}

/**
 * Opens `yamlFile` (a pipeline of `n` tasks and `edges` edges, positions on
 * a grid) in a new editor page, clicks Auto-layout and measures the main thread.
 */
export async function measureAutoLayout(
  browser: Browser,
  base: string,
  yamlFile: string,
  n: number,
  edges: number,
  options: {
    sample?: string;
    traceFile?: string;
    beforeClick?: (page: Page) => Promise<void>;
  } = {},
): Promise<AutoLayoutResult> {
  const page = await openEditor(browser, base);
  try {
    await openInEditor(page, yamlFile, n, edges);
    await settle(page, 1500);
    await options.beforeClick?.(page);
    const sample = options.sample ?? 't0001';
    await page.evaluate(RECORDER.replaceAll('SAMPLE', JSON.stringify(sample)));
    if (options.traceFile)
      await browser.startTracing(page, {
        path: options.traceFile,
        screenshots: false,
        categories: [
          'devtools.timeline',
          'disabled-by-default-devtools.timeline',
          'disabled-by-default-v8.cpu_profiler',
          'v8.execute',
        ],
      });
    await page.getByRole('button', { name: 'Auto-layout', exact: true }).click();
    const raw = (await page.evaluate('window.__layoutResult()')) as Omit<
      AutoLayoutResult,
      'n' | 'longest' | 'blocked'
    >;
    if (options.traceFile) await browser.stopTracing();
    const durations = raw.longTasks.map((t) => t.duration);
    return {
      n,
      ...raw,
      longest: Math.max(0, ...durations),
      blocked: durations.reduce((sum, d) => sum + Math.max(0, d - LONG_TASK_MS), 0),
    };
  } finally {
    await page.context().close();
  }
}

// ---------------------------------------------------------------------------

const arg = (name: string): string | undefined =>
  process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const ms = (v: number | undefined): string =>
  v === undefined || !Number.isFinite(v) ? '—' : v.toFixed(v < 10 ? 1 : 0);

export function resultTable(results: AutoLayoutResult[]): string {
  const rows = results.map(
    (r) =>
      `| ${r.n} | ${r.longTasks.length} | ${ms(r.longest)} | ${ms(r.blocked)} | ${ms(r.longestFrameGap)} | ${ms(r.workerMs)} | ${ms(r.applyMs)} | ${ms(r.paintedMs)} | ${r.moved ? 'yes' : 'NO'} |`,
  );
  return [
    '| tasks | long tasks | longest ms | blocked ms | longest frame gap ms | click→worker ms | worker→painted ms | click→painted ms | moved |',
    '| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |',
    ...rows,
  ].join('\n');
}

async function main(): Promise<void> {
  const sizes = (arg('sizes') ?? '1000,2000').split(',').map(Number);
  const rounds = Number(arg('rounds') ?? 1);
  const traceFile = arg('trace');
  // --app=DIR: a build made before (e.g. of another commit, to compare), served as it is.
  const app = arg('app');
  const dir = mkdtempSync(join(tmpdir(), 'argoflow-bench-layout-'));
  let browser: Browser | undefined;
  let server: BenchServer | undefined;
  const loadBefore = loadavg();
  const results: AutoLayoutResult[] = [];
  try {
    if (!app) {
      console.log(`Building the app into ${dir} ...`);
      await buildApp(dir);
    }
    mkdirSync(join(dir, 'inputs'));
    server = await serveBuild(app ?? dir);
    const { base } = server;
    browser = await launchChromium();
    const probe = await openEditor(browser, base);
    const size = await canvasSize(probe);
    await probe.context().close();
    for (const n of sizes) {
      const graph = generateGraph(n, 7, size.width / size.height);
      const yamlFile = join(dir, 'inputs', `pipeline-${n}.yaml`);
      writeFileSync(yamlFile, toArgoYaml(graph));
      for (let r = 0; r < rounds; r++) {
        const last = r === rounds - 1 && n === sizes[sizes.length - 1];
        const result = await measureAutoLayout(browser, base, yamlFile, n, graph.edges.length, {
          traceFile: last ? traceFile : undefined,
        });
        results.push(result);
        const top = [...result.longTasks]
          .sort((a, b) => b.duration - a.duration)
          .slice(0, 5)
          .map((t) => `${ms(t.duration)} ms at +${ms(t.start)}`)
          .join(', ');
        console.log(
          `  ${n} tasks: ${result.longTasks.length} long tasks, longest ${ms(result.longest)} ms, blocked ${ms(result.blocked)} ms, click→painted ${ms(result.paintedMs)} ms${top ? ` (${top})` : ''}${result.status ? `; status: ${result.status}` : ''}`,
        );
      }
    }
    const loadAfter = loadavg();
    console.log(`
## Auto-layout on the main thread

${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}; load average (1/5/15 min) ${loadBefore.map((l) => l.toFixed(1)).join(' / ')} before, ${loadAfter.map((l) => l.toFixed(1)).join(' / ')} after. Chromium ${browser.version()} headless, --disable-gpu; canvas ${size.width}×${size.height} px.

${resultTable(results)}
`);
    const jsonFile = arg('json');
    if (jsonFile) writeFileSync(jsonFile, JSON.stringify(results, null, 1));
  } finally {
    await browser?.close();
    await server?.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await main();
