/**
 * Canvas benchmark (`npm run bench:canvas`): production builds of the editor
 * and of a bare React Flow page, served by one `vite preview`, driven in
 * headless Debian Chromium. For generated pipelines of 100 to 2,000 tasks
 * (about 1.2 edges per task, all in view) it measures on both pages the time
 * to first full paint and, while dragging one node with 120 mouse moves, the
 * latency from each mousemove to the frame that paints the node at its new
 * place, and the frame durations; then our/bare ratios. On the editor it also
 * times a connect at 1,000 tasks until the YAML shows it, and checks that
 * dragging leaves the YAML preview untouched. The method is in probe.ts.
 *
 * Options: --sizes=100,500  --moves=120  --rounds=6  --strict (exit 1 when a
 * budget is missed: entry chunk over 200 kB gzipped, or a median or p95
 * ratio over 1.2)  --trace (also break each drag's main-thread time down by
 * kind of work; see trace.ts)  --json=FILE (write the raw results).
 * Always exits 1 when a drag recompiled the YAML or a move was not verified.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { preview } from 'vite';
import { connect, openDocuments, previewDocument } from '../../src/core';
import { buildAll, REPO, type ChunkReport } from './build';
import { generateGraph, toArgoYaml, toFlowGraph, type BenchGraph } from './generate';
import {
  canvasSize,
  connectInEditor,
  loadBare,
  measureMoves,
  mergeDrags,
  newPage,
  openEditor,
  openInEditor,
  pressNode,
  VIEWPORT,
  WARM_UP_MOVES,
  watchYaml,
  yamlMutations,
} from './pages';
import type { ConnectTiming, DragResult, FullPaint } from './probe';
import { emptyBreakdown, traced, type Breakdown } from './trace';

const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
// Issue 11's goal, as scripts/bundleCheck.ts holds it in `npm test` (issue 13
// had raised both to 250 kB until the entry was back under 200).
const ENTRY_BUDGET_KB = 200;
const RATIO_BUDGET = 1.2;
/** Below this zoom our nodes draw only their name (src/ui/canvas/TaskNode.tsx). */
const DETAIL_ZOOM = 0.45;

const arg = (name: string): string | undefined =>
  process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const SIZES = (arg('sizes') ?? '100,500,1000,2000').split(',').map(Number);
const MOVES = Number(arg('moves') ?? 120);
const ROUNDS = Number(arg('rounds') ?? 6);
const STRICT = process.argv.includes('--strict');
const TRACE = process.argv.includes('--trace');
const CONNECT_SIZE = 1000;
const CONNECTS = 3;

// ---------------------------------------------------------------------------
// Statistics

function quantile(values: number[], q: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
}
const median = (v: number[]): number => quantile(v, 0.5);
const p95 = (v: number[]): number => quantile(v, 0.95);
const ms = (v: number): string => (Number.isFinite(v) ? v.toFixed(v < 10 ? 1 : 0) : '—');
const ratio = (a: number, b: number): string => (a / b).toFixed(2);
const kB = (bytes: number): string => (bytes / 1000).toFixed(1);

// ---------------------------------------------------------------------------
// Setup

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

interface Sized {
  n: number;
  graph: BenchGraph;
  yamlFile: string;
  graphUrl: string;
  /** The task dragged: the one nearest the middle of the drawing. */
  dragged: string;
}

function prepare(n: number, dir: string, aspect: number): Sized {
  const graph = generateGraph(n, 7, aspect);
  const yamlFile = join(dir, 'inputs', `pipeline-${n}.yaml`);
  writeFileSync(yamlFile, toArgoYaml(graph));
  writeFileSync(join(dir, 'bare', `graph-${n}.json`), JSON.stringify(toFlowGraph(graph)));
  const middle = graph.tasks.find(
    (t) => t.layer === Math.floor(graph.layers / 2) && t.row === Math.floor(graph.rows / 2),
  )!;
  return { n, graph, yamlFile, graphUrl: `graph-${n}.json`, dragged: middle.name };
}

/**
 * `count` connections to draw at 1,000 tasks (layer 1 -> layer 4, on rows
 * near the middle, none an edge yet) and, for each, the text its target's
 * block will have in the YAML preview: the file as the editor opens it plus
 * the edges drawn so far, through the core.
 */
function connectPlans(s: Sized, count: number): { from: string; to: string; expected: string }[] {
  const { graph } = s;
  const at = (layer: number, row: number) =>
    graph.tasks.find((t) => t.layer === layer && t.row === row)!.name;
  const edges = new Set(graph.edges.map((e) => `${e.source}>${e.target}`));
  let pipeline = openDocuments(toArgoYaml(graph)).documents[0]!.pipeline!;
  const plans: { from: string; to: string; expected: string }[] = [];
  for (let row = Math.floor(graph.rows / 2); plans.length < count; row += 2) {
    const [from, to] = [at(1, row), at(4, row)];
    if (edges.has(`${from}>${to}`)) continue;
    const result = connect(pipeline, from, to);
    if (result.diagnostics.length > 0) throw new Error(result.diagnostics[0]!.message);
    pipeline = result.pipeline;
    const lines = previewDocument(pipeline).split('\n');
    const first = lines.findIndex((l) => l.trimStart() === `- name: ${to}`);
    const indent = lines[first]!.indexOf('-');
    let last = first + 1;
    while (last < lines.length && lines[last]!.search(/\S/) > indent) last++;
    plans.push({ from, to, expected: lines.slice(first, last).join('\n') });
  }
  return plans;
}

// ---------------------------------------------------------------------------
// Runs

interface PageRun {
  paint: FullPaint;
  drag: DragResult;
  /** DOM mutations of the YAML preview during the drag (editor only; must be 0). */
  yamlMutations?: number;
  /** Main-thread CPU during the measured moves (with --trace). */
  cpu?: Breakdown;
}

interface SizeRun {
  n: number;
  edges: number;
  ours: PageRun;
  bare: PageRun;
}

/**
 * Both pages at one size. Each loads its graph (timed), then both drag the
 * same node: the moves are split into ROUNDS that alternate between the two
 * pages (each page keeps its mouse pressed), so a burst of load from other
 * processes on a shared machine falls on both rather than on one.
 */
async function runSize(
  browser: Browser,
  base: string,
  s: Sized,
  size: { width: number; height: number },
): Promise<SizeRun> {
  const edges = s.graph.edges.length;
  const ours = await openEditor(browser, base);
  const bare = await newPage(browser, `${base}bare/`);
  try {
    const oursPaint = await openInEditor(ours, s.yamlFile, s.n, edges);
    const barePaint = await loadBare(bare, s.graphUrl, size, s.n, edges);
    const oursCentre = await pressNode(ours, s.dragged);
    const bareCentre = await pressNode(bare, s.dragged);
    await watchYaml(ours);
    const oursParts: DragResult[] = [];
    const bareParts: DragResult[] = [];
    const [oursCpu, bareCpu] = [emptyBreakdown(), emptyBreakdown()];
    const maybeTraced = <T>(into: Breakdown, work: () => Promise<T>) =>
      TRACE ? traced(browser, into, work) : work();
    for (let r = 0; r < ROUNDS; r++) {
      const [from, to] = [Math.round((r * MOVES) / ROUNDS), Math.round(((r + 1) * MOVES) / ROUNDS)];
      const oursPart = () =>
        maybeTraced(oursCpu, () => measureMoves(ours, s.dragged, oursCentre, from, to, MOVES));
      const barePart = () =>
        maybeTraced(bareCpu, () => measureMoves(bare, s.dragged, bareCentre, from, to, MOVES));
      // Alternate which page goes first, too.
      if (r % 2 === 0) {
        oursParts.push(await oursPart());
        bareParts.push(await barePart());
      } else {
        bareParts.push(await barePart());
        oursParts.push(await oursPart());
      }
    }
    const mutations = await yamlMutations(ours);
    await ours.mouse.up();
    await bare.mouse.up();
    return {
      n: s.n,
      edges,
      ours: {
        paint: oursPaint,
        drag: mergeDrags(oursParts),
        yamlMutations: mutations,
        ...(TRACE ? { cpu: oursCpu } : {}),
      },
      bare: { paint: barePaint, drag: mergeDrags(bareParts), ...(TRACE ? { cpu: bareCpu } : {}) },
    };
  } finally {
    await ours.context().close();
    await bare.context().close();
  }
}

/** CONNECTS connections drawn one after another at CONNECT_SIZE tasks. */
async function runConnects(browser: Browser, base: string, s: Sized): Promise<ConnectTiming[]> {
  const plans = connectPlans(s, CONNECTS);
  const page = await openEditor(browser, base);
  try {
    await openInEditor(page, s.yamlFile, s.n, s.graph.edges.length);
    const timings: ConnectTiming[] = [];
    for (const plan of plans) {
      timings.push(await connectInEditor(page, plan.from, plan.to, plan.expected));
      await page.waitForTimeout(500); // let the autosave after the edit pass
    }
    return timings;
  } finally {
    await page.context().close();
  }
}

// ---------------------------------------------------------------------------
// Report

function chunkTable(chunks: ChunkReport[]): string {
  const rows = chunks.map(
    (c) =>
      `| ${c.file} | ${c.initial ? 'entry (initial load)' : 'lazy'} | ${kB(c.bytes)} | ${kB(c.gzip)} | ${c.holds.join(', ') || '—'} |`,
  );
  return [
    '| chunk | loaded | raw kB | gzip kB | holds |',
    '| --- | --- | ---: | ---: | --- |',
    ...rows,
  ].join('\n');
}

function resultTable(runs: SizeRun[]): string {
  const head =
    '| tasks | edges | zoom | first full paint ms (ours / bare) | move→paint median ms (ours / bare / ratio) | move→paint p95 ms (ours / bare / ratio) | frame median / p95 ms, ours | frame median / p95 ms, bare | moves ours / bare | YAML mutations during drag |';
  const rows = runs.map(({ n, edges, ours, bare }) => {
    const [o, b] = [ours.drag, bare.drag];
    const lod = ours.paint.zoom < DETAIL_ZOOM ? ' (LOD)' : '';
    return `| ${n} | ${edges} | ${ours.paint.zoom.toFixed(3)}${lod} / ${bare.paint.zoom.toFixed(3)} | ${ms(ours.paint.ms)} / ${ms(bare.paint.ms)} | ${ms(median(o.latencies))} / ${ms(median(b.latencies))} / **${ratio(median(o.latencies), median(b.latencies))}** | ${ms(p95(o.latencies))} / ${ms(p95(b.latencies))} / **${ratio(p95(o.latencies), p95(b.latencies))}** | ${ms(median(o.frames))} / ${ms(p95(o.frames))} | ${ms(median(b.frames))} / ${ms(p95(b.frames))} | ${o.latencies.length} / ${b.latencies.length} | ${ours.yamlMutations ?? '—'} |`;
  });
  return [head, `|${' --- |'.repeat(10)}`, ...rows].join('\n');
}

function cpuTable(runs: SizeRun[], moves: number): string {
  const kinds = ['script', 'layout', 'paint', 'layerize', 'other', 'total'] as const;
  const cells = (b: Breakdown | undefined) => kinds.map((k) => ms((b?.[k] ?? NaN) / moves));
  const rows = runs.flatMap(({ n, ours, bare }) => [
    `| ${n} | ours | ${cells(ours.cpu).join(' | ')} |`,
    `| ${n} | bare | ${cells(bare.cpu).join(' | ')} |`,
  ]);
  return [
    '| tasks | page | script | style + layout | paint + commit | layerize | other | total |',
    '| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...rows,
  ].join('\n');
}

// ---------------------------------------------------------------------------

async function main(): Promise<void> {
  const began = Date.now();
  const loadBefore = loadavg()[0]!;
  const dir = mkdtempSync(join(tmpdir(), 'argoflow-bench-canvas-'));
  let browser: Browser | undefined;
  let server: Awaited<ReturnType<typeof preview>> | undefined;
  const failures: string[] = [];
  const budgets: string[] = [];
  try {
    console.log(`Building the app and the bare page into ${dir} ...`);
    const chunks = await buildAll(dir);
    mkdirSync(join(dir, 'inputs'));

    const port = await freePort();
    server = await preview({
      configFile: false,
      root: REPO,
      logLevel: 'warn',
      build: { outDir: dir },
      preview: { port, strictPort: true, host: '127.0.0.1', open: false },
    });
    const base = `http://127.0.0.1:${port}/`;
    browser = await chromium.launch({
      executablePath: CHROMIUM_PATH,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
    });

    // The editor's canvas size: the bare page gets the same, the graphs its shape.
    const probePage = await openEditor(browser, base);
    const size = await canvasSize(probePage);
    await probePage.context().close();
    const aspect = size.width / size.height;
    const sized = SIZES.map((n) => prepare(n, dir, aspect));

    console.log('Warming up (one small run, not reported) ...');
    await runSize(browser, base, prepare(50, dir, aspect), size);

    const runs: SizeRun[] = [];
    for (const s of sized) {
      const run = await runSize(browser, base, s, size);
      runs.push(run);
      const [o, b] = [run.ours.drag.latencies, run.bare.drag.latencies];
      console.log(
        `  ${s.n} tasks: move→paint median ${ms(median(o))} ms, bare ${ms(median(b))} ms; first full paint ${ms(run.ours.paint.ms)} ms, bare ${ms(run.bare.paint.ms)} ms`,
      );
    }
    const connectSized =
      sized.find((s) => s.n === CONNECT_SIZE) ?? prepare(CONNECT_SIZE, dir, aspect);
    const connects = await runConnects(browser, base, connectSized);
    const loadAfter = loadavg()[0]!;

    // ---- Checks
    for (const r of runs) {
      for (const [who, run] of [
        ['ours', r.ours],
        ['bare', r.bare],
      ] as const) {
        if (run.drag.unverified > 0)
          failures.push(
            `${r.n} tasks, ${who}: ${run.drag.unverified} moves painted no new transform`,
          );
        if (run.drag.latencies.length < MOVES * 0.9)
          failures.push(
            `${r.n} tasks, ${who}: only ${run.drag.latencies.length} of ${MOVES} moves reached the screen`,
          );
      }
      if (r.ours.yamlMutations !== 0)
        failures.push(
          `${r.n} tasks: the YAML preview changed ${r.ours.yamlMutations} times during the drag`,
        );
      for (const [what, f] of [
        ['median', median],
        ['p95', p95],
      ] as const) {
        const x = f(r.ours.drag.latencies) / f(r.bare.drag.latencies);
        if (x > RATIO_BUDGET)
          budgets.push(
            `${r.n} tasks: ${what} move→paint is ${x.toFixed(2)}× bare (budget ${RATIO_BUDGET}×)`,
          );
      }
    }
    const initial = chunks.filter((c) => c.initial);
    const entryGzip = initial.reduce((sum, c) => sum + c.gzip, 0);
    if (entryGzip / 1000 > ENTRY_BUDGET_KB)
      budgets.push(`entry chunk ${kB(entryGzip)} kB gzipped (budget ${ENTRY_BUDGET_KB} kB)`);
    for (const lib of ['CodeMirror', 'dagre'])
      if (initial.some((c) => c.holds.includes(lib))) budgets.push(`${lib} is in the entry chunk`);

    // ---- Report
    const connectText = connects.map((c) => c.textMs);
    console.log(`
## Canvas benchmark

Machine: ${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, ${Math.round(totalmem() / 2 ** 30)} GiB, ${process.platform}; load average ${loadBefore.toFixed(1)} before, ${loadAfter.toFixed(1)} after. Chromium ${browser.version()} headless, --disable-gpu; viewport ${VIEWPORT.width}×${VIEWPORT.height}, editor canvas ${size.width}×${size.height} px (the bare page gets the same size).
Drag: ${MOVES} measured moves of about 2 px (after ${WARM_UP_MOVES} warm-up moves), in ${ROUNDS} rounds alternating between the two pages. Latency: mousemove timeStamp → end of the frame that paints the node's new transform.

### Entry chunk

Initial JavaScript: **${kB(entryGzip)} kB gzipped** (gzip -9; budget ${ENTRY_BUDGET_KB} kB).

${chunkTable(chunks)}

### Drag and first paint

${resultTable(runs)}

${TRACE ? `### Main-thread CPU per measured move (--trace; thread time)\n\n${cpuTable(runs, MOVES)}\n\n` : ''}### Connect at ${CONNECT_SIZE} tasks

mouseup on the target handle → YAML preview text holds the new dependency: **median ${ms(median(connectText))} ms** of ${connects.length} (${connectText.map(ms).join(', ')} ms); the next frame was painted after ${connects.map((c) => ms(c.paintMs)).join(', ')} ms.

Total run: ${((Date.now() - began) / 1000).toFixed(0)} s.`);
    for (const b of budgets) console.log(`Over budget: ${b}`);
    for (const f of failures) console.log(`FAILED: ${f}`);

    const jsonFile = arg('json');
    if (jsonFile)
      writeFileSync(
        jsonFile,
        JSON.stringify({ size, chunks, runs, connects, budgets, failures }, null, 1),
      );
  } finally {
    await browser?.close();
    await server?.close();
    rmSync(dir, { recursive: true, force: true });
  }
  if (failures.length > 0 || (STRICT && budgets.length > 0)) process.exitCode = 1;
}

await main();
