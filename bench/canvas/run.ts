/**
 * Canvas benchmark (`npm run bench:canvas`): production builds of the editor
 * and of a bare React Flow page, served by one `vite preview`, driven in
 * headless Debian Chromium. For generated pipelines of 100 to 10,000 tasks
 * (about 1.2 edges per task, all in view) it measures on both pages the time
 * to first full paint, the heap after load, and, while dragging one node,
 * the latency from each mousemove to the frame that paints the node at its
 * new place, with the moves sent in a burst and one per frame; then our/bare
 * ratios. At the edit sizes (1,000 and 10,000) it times add, connect, delete
 * and rename on both pages, from the input event to the painted frame, and on
 * the editor to the YAML preview's new text. It checks that dragging leaves
 * the YAML preview untouched. The method is in probe.ts.
 *
 * Options: --sizes=100,500  --edit-sizes=1000,10000  --moves=120  --rounds=6
 * --edits=3 (of each kind, per page)  --strict (exit 1 when a budget is
 * missed: entry chunk over 200 kB gzipped, a drag ratio over 1.2 (burst) or
 * 1.0 (one move per frame), first paint or heap over 1.3× bare)  --trace
 * (also break each drag's main-thread time down by kind of work; see
 * trace.ts)  --json=FILE (write the raw results).
 * Always exits 1 when a drag recompiled the YAML or a move was not verified.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { buildAll, type ChunkReport } from './build';
import { launchChromium, serveBuild, type BenchServer } from './serve';
import { generateGraph, toArgoYaml, toFlowGraph, type BenchGraph } from './generate';
import {
  canvasSize,
  domCounts,
  EDIT_KINDS,
  heapAfterGc,
  loadBare,
  measureMoves,
  mergeDrags,
  newPage,
  openEditor,
  openInEditor,
  pressNode,
  timeEdit,
  VIEWPORT,
  waitQuiet,
  WARM_UP_MOVES,
  watchYaml,
  yamlMutations,
  type EditKind,
  type EditPlan,
  type Pace,
} from './pages';
import type { DragResult, EditTiming, FullPaint } from './probe';
import { emptyBreakdown, traced, type Breakdown } from './trace';

// Issue 11's goal, as scripts/bundleCheck.ts holds it in `npm test` (issue 13
// had raised both to 250 kB until the entry was back under 200).
const ENTRY_BUDGET_KB = 200;
/** Issue 11's budgets, ours / bare. */
const RATIO_BUDGET: Record<Pace, number> = { burst: 1.2, frame: 1.0 };
const LOAD_BUDGET = 1.3;
const PACES: Pace[] = ['burst', 'frame'];
/** Below this zoom our nodes draw only their name (src/ui/canvas/levelOfDetail.ts). */
const DETAIL_ZOOM = 0.45;

const arg = (name: string): string | undefined =>
  process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const SIZES = (arg('sizes') ?? '100,500,1000,2000,10000').split(',').map(Number);
const EDIT_SIZES = new Set((arg('edit-sizes') ?? '1000,10000').split(',').map(Number));
const MOVES = Number(arg('moves') ?? 120);
/** Above 2,000 tasks a move takes most of a second: fewer of them. */
const movesAt = (n: number): number => (n > 2000 ? Math.min(MOVES, 30) : MOVES);
const ROUNDS = Number(arg('rounds') ?? 6);
const EDITS = Number(arg('edits') ?? 3);
const STRICT = process.argv.includes('--strict');
const TRACE = process.argv.includes('--trace');

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
 * The tasks `rounds` rounds of edits work on, away from the dragged task:
 * round r connects layer 1 to layer 4 on a row near the middle (not an edge
 * yet), deletes a task of layer 2 and renames one of layer 3 on that row.
 */
function editPlans(s: Sized, rounds: number): EditPlan[][] {
  const { graph } = s;
  const at = (layer: number, row: number) =>
    graph.tasks.find((t) => t.layer === layer && t.row === row)?.name;
  const edges = new Set(graph.edges.map((e) => `${e.source}>${e.target}`));
  const plans: EditPlan[][] = [];
  for (let row = Math.floor(graph.rows / 2) + 1; plans.length < rounds; row += 2) {
    const [from, to, gone, renamed] = [at(1, row), at(4, row), at(2, row), at(3, row)];
    if (row >= graph.rows) throw new Error(`not enough rows for ${rounds} rounds of edits`);
    if (!from || !to || !gone || !renamed || edges.has(`${from}>${to}`)) continue;
    plans.push([
      { kind: 'add', a: '' },
      { kind: 'connect', a: from, b: to },
      { kind: 'delete', a: gone },
      { kind: 'rename', a: renamed },
    ]);
  }
  return plans;
}

// ---------------------------------------------------------------------------
// Runs

interface PageRun {
  paint: FullPaint;
  /** JavaScript heap in use after load and a full GC, bytes. */
  heap: number;
  /** Elements under the canvas, and React Flow handles among them, after load. */
  dom: { elements: number; handles: number };
  drag: Record<Pace, DragResult>;
  /** DOM mutations of the YAML preview during the drags (editor only; must be 0). */
  yamlMutations?: number;
  /** Main-thread CPU during the measured burst moves (with --trace). */
  cpu?: Breakdown;
  /** Timed edits by kind (at the edit sizes). */
  edits?: Record<EditKind, EditTiming[]>;
}

interface SizeRun {
  n: number;
  edges: number;
  moves: number;
  ours: PageRun;
  bare: PageRun;
}

/**
 * Drags the same node on both pages: the moves are split into ROUNDS that
 * alternate between the two pages (each page keeps its mouse pressed), so a
 * burst of load from other processes on a shared machine falls on both
 * rather than on one.
 */
async function dragBoth(
  browser: Browser,
  pages: { ours: Page; bare: Page },
  centres: { ours: { x: number; y: number }; bare: { x: number; y: number } },
  id: string,
  moves: number,
  pace: Pace,
  cpu: { ours: Breakdown; bare: Breakdown },
): Promise<{ ours: DragResult; bare: DragResult }> {
  const parts = { ours: [] as DragResult[], bare: [] as DragResult[] };
  const maybeTraced = <T>(into: Breakdown, work: () => Promise<T>) =>
    TRACE && pace === 'burst' ? traced(browser, into, work) : work();
  for (let r = 0; r < ROUNDS; r++) {
    const [from, to] = [Math.round((r * moves) / ROUNDS), Math.round(((r + 1) * moves) / ROUNDS)];
    const part = (who: 'ours' | 'bare') => async () =>
      parts[who].push(
        await maybeTraced(cpu[who], () =>
          measureMoves(pages[who], id, centres[who], from, to, moves, pace),
        ),
      );
    // Alternate which page goes first, too.
    const order = r % 2 === 0 ? (['ours', 'bare'] as const) : (['bare', 'ours'] as const);
    for (const who of order) await part(who)();
  }
  return { ours: mergeDrags(parts.ours), bare: mergeDrags(parts.bare) };
}

/**
 * EDITS rounds of the four edits on both pages, alternating which page goes
 * first; each edit waits for its page to settle (no frame over 50 ms for a
 * second: the previous edit's validation and autosave are done).
 */
async function editBoth(
  pages: { ours: Page; bare: Page },
  s: Sized,
): Promise<{ ours: Record<EditKind, EditTiming[]>; bare: Record<EditKind, EditTiming[]> }> {
  const empty = () =>
    Object.fromEntries(EDIT_KINDS.map((k) => [k, [] as EditTiming[]])) as Record<
      EditKind,
      EditTiming[]
    >;
  const out = { ours: empty(), bare: empty() };
  for (const [r, round] of editPlans(s, EDITS).entries()) {
    for (const plan of round) {
      const order = r % 2 === 0 ? (['ours', 'bare'] as const) : (['bare', 'ours'] as const);
      for (const who of order) {
        await waitQuiet(pages[who], 1000);
        out[who][plan.kind].push(await timeEdit(pages[who], who, plan));
      }
    }
  }
  return out;
}

/** Both pages at one size: first paint, heap, the drags, and the edits at the edit sizes. */
async function runSize(
  browser: Browser,
  base: string,
  s: Sized,
  size: { width: number; height: number },
): Promise<SizeRun> {
  const edges = s.graph.edges.length;
  const moves = movesAt(s.n);
  const ours = await openEditor(browser, base);
  const bare = await newPage(browser, `${base}bare/`);
  const pages = { ours, bare };
  try {
    const oursPaint = await openInEditor(ours, s.yamlFile, s.n, edges);
    const barePaint = await loadBare(bare, s.graphUrl, size, s.n, edges);
    await waitQuiet(ours, 1000);
    const heap = { ours: await heapAfterGc(ours), bare: await heapAfterGc(bare) };
    const dom = {
      ours: await domCounts(ours, '[data-testid=canvas]'),
      bare: await domCounts(bare, '#root'),
    };
    const centres = {
      ours: await pressNode(ours, s.dragged),
      bare: await pressNode(bare, s.dragged),
    };
    await watchYaml(ours);
    const cpu = { ours: emptyBreakdown(), bare: emptyBreakdown() };
    const drags = { ours: {} as Record<Pace, DragResult>, bare: {} as Record<Pace, DragResult> };
    for (const pace of PACES) {
      const d = await dragBoth(browser, pages, centres, s.dragged, moves, pace, cpu);
      drags.ours[pace] = d.ours;
      drags.bare[pace] = d.bare;
    }
    const mutations = await yamlMutations(ours);
    await ours.mouse.up();
    await bare.mouse.up();
    const edits = EDIT_SIZES.has(s.n) ? await editBoth(pages, s) : undefined;
    return {
      n: s.n,
      edges,
      moves,
      ours: {
        paint: oursPaint,
        heap: heap.ours,
        dom: dom.ours,
        drag: drags.ours,
        yamlMutations: mutations,
        ...(TRACE ? { cpu: cpu.ours } : {}),
        ...(edits ? { edits: edits.ours } : {}),
      },
      bare: {
        paint: barePaint,
        heap: heap.bare,
        dom: dom.bare,
        drag: drags.bare,
        ...(TRACE ? { cpu: cpu.bare } : {}),
        ...(edits ? { edits: edits.bare } : {}),
      },
    };
  } finally {
    await ours.context().close();
    await bare.context().close();
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

const MB = (bytes: number): string => (bytes / 2 ** 20).toFixed(1);

function loadTable(runs: SizeRun[]): string {
  const head =
    '| tasks | edges | zoom (ours / bare) | first full paint ms (ours / bare / ratio) | heap MB after GC (ours / bare / ratio) | elements under the canvas (ours / bare) | handles (ours / bare) |';
  const rows = runs.map(({ n, edges, ours, bare }) => {
    const lod = ours.paint.zoom < DETAIL_ZOOM ? ' (LOD)' : '';
    return `| ${n} | ${edges} | ${ours.paint.zoom.toFixed(3)}${lod} / ${bare.paint.zoom.toFixed(3)} | ${ms(ours.paint.ms)} / ${ms(bare.paint.ms)} / **${ratio(ours.paint.ms, bare.paint.ms)}** | ${MB(ours.heap)} / ${MB(bare.heap)} / **${ratio(ours.heap, bare.heap)}** | ${ours.dom.elements} / ${bare.dom.elements} | ${ours.dom.handles} / ${bare.dom.handles} |`;
  });
  return [head, `|${' --- |'.repeat(7)}`, ...rows].join('\n');
}

function dragTable(runs: SizeRun[]): string {
  const head =
    '| tasks | moves sent | move→paint median ms (ours / bare / ratio) | move→paint p95 ms (ours / bare / ratio) | frame median / p95 ms, ours | frame median / p95 ms, bare | moves painted ours / bare | YAML mutations during drag |';
  const rows = runs.flatMap(({ n, moves, ours, bare }) =>
    PACES.map((pace) => {
      const [o, b] = [ours.drag[pace], bare.drag[pace]];
      return `| ${n} | ${pace === 'burst' ? 'burst' : 'one per frame'} | ${ms(median(o.latencies))} / ${ms(median(b.latencies))} / **${ratio(median(o.latencies), median(b.latencies))}** | ${ms(p95(o.latencies))} / ${ms(p95(b.latencies))} / **${ratio(p95(o.latencies), p95(b.latencies))}** | ${ms(median(o.frames))} / ${ms(p95(o.frames))} | ${ms(median(b.frames))} / ${ms(p95(b.frames))} | ${o.latencies.length} / ${b.latencies.length} of ${moves} | ${pace === 'burst' ? (ours.yamlMutations ?? '—') : '(both)'} |`;
    }),
  );
  return [head, `|${' --- |'.repeat(8)}`, ...rows].join('\n');
}

function editTable(runs: SizeRun[]): string {
  const head =
    '| tasks | edit | input → canvas painted, median / p95 ms (ours / bare) | ratio median / p95 | input → YAML text, median / p95 ms | input → YAML painted, median / p95 ms | n |';
  const rows = runs.flatMap(({ n, ours, bare }) =>
    !ours.edits || !bare.edits
      ? []
      : EDIT_KINDS.map((kind) => {
          const o = ours.edits![kind];
          const b = bare.edits![kind];
          const pick = (t: EditTiming[], f: (e: EditTiming) => number | undefined) =>
            t.map(f).filter((x): x is number => x !== undefined);
          const [oc, bc] = [pick(o, (e) => e.canvasPaintMs), pick(b, (e) => e.canvasPaintMs)];
          const [yt, yp] = [pick(o, (e) => e.yamlTextMs), pick(o, (e) => e.yamlPaintMs)];
          return `| ${n} | ${kind} | ${ms(median(oc))} / ${ms(p95(oc))} (ours), ${ms(median(bc))} / ${ms(p95(bc))} (bare) | **${ratio(median(oc), median(bc))}** / ${ratio(p95(oc), p95(bc))} | ${ms(median(yt))} / ${ms(p95(yt))} | ${ms(median(yp))} / ${ms(p95(yp))} | ${o.length} |`;
        }),
  );
  return [head, `|${' --- |'.repeat(7)}`, ...rows].join('\n');
}

function cpuTable(runs: SizeRun[]): string {
  const kinds = ['script', 'layout', 'paint', 'layerize', 'other', 'total'] as const;
  const cells = (b: Breakdown | undefined, moves: number) =>
    kinds.map((k) => ms((b?.[k] ?? NaN) / moves));
  const rows = runs.flatMap(({ n, moves, ours, bare }) => [
    `| ${n} | ours | ${cells(ours.cpu, moves).join(' | ')} |`,
    `| ${n} | bare | ${cells(bare.cpu, moves).join(' | ')} |`,
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
  let server: BenchServer | undefined;
  const failures: string[] = [];
  const budgets: string[] = [];
  try {
    console.log(`Building the app and the bare page into ${dir} ...`);
    const chunks = await buildAll(dir);
    mkdirSync(join(dir, 'inputs'));

    server = await serveBuild(dir);
    const { base } = server;
    browser = await launchChromium();

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
      const [o, b] = [run.ours.drag.frame.latencies, run.bare.drag.frame.latencies];
      console.log(
        `  ${s.n} tasks: move→paint (one per frame) median ${ms(median(o))} ms, bare ${ms(median(b))} ms; first full paint ${ms(run.ours.paint.ms)} ms, bare ${ms(run.bare.paint.ms)} ms`,
      );
    }
    const loadAfter = loadavg()[0]!;

    // ---- Checks
    for (const r of runs) {
      for (const pace of PACES) {
        for (const who of ['ours', 'bare'] as const) {
          const drag = r[who].drag[pace];
          if (drag.unverified > 0)
            failures.push(
              `${r.n} tasks, ${who}, ${pace}: ${drag.unverified} moves painted no new transform`,
            );
          if (drag.latencies.length < r.moves * 0.9)
            failures.push(
              `${r.n} tasks, ${who}, ${pace}: only ${drag.latencies.length} of ${r.moves} moves reached the screen`,
            );
        }
        for (const [what, f] of [
          ['median', median],
          ['p95', p95],
        ] as const) {
          const x = f(r.ours.drag[pace].latencies) / f(r.bare.drag[pace].latencies);
          if (x > RATIO_BUDGET[pace])
            budgets.push(
              `${r.n} tasks: ${what} move→paint (${pace}) is ${x.toFixed(2)}× bare (budget ${RATIO_BUDGET[pace]}×)`,
            );
        }
      }
      if (r.ours.yamlMutations !== 0)
        failures.push(
          `${r.n} tasks: the YAML preview changed ${r.ours.yamlMutations} times during the drag`,
        );
      for (const [what, x] of [
        ['first full paint', r.ours.paint.ms / r.bare.paint.ms],
        ['heap', r.ours.heap / r.bare.heap],
      ] as const)
        if (x > LOAD_BUDGET)
          budgets.push(`${r.n} tasks: ${what} is ${x.toFixed(2)}× bare (budget ${LOAD_BUDGET}×)`);
    }
    const initial = chunks.filter((c) => c.initial);
    const entryGzip = initial.reduce((sum, c) => sum + c.gzip, 0);
    if (entryGzip / 1000 > ENTRY_BUDGET_KB)
      budgets.push(`entry chunk ${kB(entryGzip)} kB gzipped (budget ${ENTRY_BUDGET_KB} kB)`);
    for (const lib of ['CodeMirror', 'dagre'])
      if (initial.some((c) => c.holds.includes(lib))) budgets.push(`${lib} is in the entry chunk`);

    // ---- Report
    console.log(`
## Canvas benchmark

Machine: ${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, ${Math.round(totalmem() / 2 ** 30)} GiB, ${process.platform}; load average ${loadBefore.toFixed(1)} before, ${loadAfter.toFixed(1)} after. Chromium ${browser.version()} headless, --disable-gpu; viewport ${VIEWPORT.width}×${VIEWPORT.height}, editor canvas ${size.width}×${size.height} px (the bare page gets the same size).
Drag: ${MOVES} measured moves of about 2 px (${movesAt(Infinity)} above 2,000 tasks; after ${WARM_UP_MOVES} warm-up moves), in ${ROUNDS} rounds alternating between the two pages, first sent in a burst, then one per animation frame. Latency: mousemove timeStamp → end of the frame that paints the node's new transform.
Edits: ${EDITS} of each kind per page at ${[...EDIT_SIZES].join(' and ')} tasks, alternating pages; input event timeStamp → end of the frame that paints the canvas's change (and, on the editor, the YAML preview's new text and the frame after it).

### Entry chunk

Initial JavaScript: **${kB(entryGzip)} kB gzipped** (gzip -9; budget ${ENTRY_BUDGET_KB} kB).

${chunkTable(chunks)}

### First full paint and heap

${loadTable(runs)}

### Drag

${dragTable(runs)}

${TRACE ? `### Main-thread CPU per measured move (--trace, burst; thread time)\n\n${cpuTable(runs)}\n\n` : ''}### Edits

${editTable(runs)}

Total run: ${((Date.now() - began) / 1000).toFixed(0)} s.`);
    for (const b of budgets) console.log(`Over budget: ${b}`);
    for (const f of failures) console.log(`FAILED: ${f}`);

    const jsonFile = arg('json');
    if (jsonFile)
      writeFileSync(jsonFile, JSON.stringify({ size, chunks, runs, budgets, failures }, null, 1));
  } finally {
    await browser?.close();
    await server?.close();
    rmSync(dir, { recursive: true, force: true });
  }
  if (failures.length > 0 || (STRICT && budgets.length > 0)) process.exitCode = 1;
}

await main();
