/**
 * Benchmarks of the headless core on large layered DAGs (`npm run bench`).
 *
 * Generates random layered DAGs of 1,000 and 10,000 tasks (about 1.2 edges
 * per task, a few shared container templates, realistic arguments), then
 * times compile, emit, export, import and validate, and the cost of adding
 * one edge with its cycle check on the 10,000-task DAG. Each row has a
 * warm-up and then as many iterations as fit in its time budget; the table
 * gives the median and the 95th percentile. A seeded generator makes every
 * run use the same graphs.
 */
import { availableParallelism, cpus } from 'node:os';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import {
  addTask,
  checkConnection,
  compile,
  connect,
  createPipeline,
  dumpYaml,
  exportDocument,
  openDocuments,
  previewDocument,
  removeTask,
  renameTask,
  updateTask,
  validate,
  type Pipeline,
  type Task,
  type Template,
} from '../src/core';
import { graphIndex } from '../src/core/graph/graphIndex';
import { random } from './canvas/generate';
import { scopeTasks } from '../src/core/model/scope';
import { tasksOf, withTasks } from '../test/support/scope';
import { emptyLayout } from '../src/core/model/layout';
import type { Layout } from '../src/core/model/types';

// ---------------------------------------------------------------------------
// Timing

interface Row {
  group: string;
  what: string;
  samples: number[];
  note?: string;
}

const rows: Row[] = [];

const now = (): number => Number(process.hrtime.bigint()) / 1e6; // ms

// A full collection before each row, so one row's garbage is not collected in
// the next row's time. (Not before every iteration: after a forced full
// collection V8 shrinks the young generation, and the next iterations run
// up to 2-3 times slower while it grows back.)
setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

interface Budget {
  warmup: number;
  min: number;
  max: number;
  /** Stop after this many ms of measuring once `min` samples are taken. */
  ms: number;
}

/**
 * Times `run` once per iteration. `setup` prepares each iteration's input
 * outside the timed region (fresh objects, a random pair, ...).
 */
function measure<T>(
  group: string,
  what: string,
  budget: Budget,
  setup: (k: number) => T,
  run: (input: T) => unknown,
  note?: string,
): Row {
  let sink: unknown;
  for (let k = 0; k < budget.warmup; k++) sink = run(setup(k));
  gc();
  const samples: number[] = [];
  const started = now();
  for (let k = 0; k < budget.max; k++) {
    if (samples.length >= budget.min && now() - started > budget.ms) break;
    const input = setup(budget.warmup + k);
    const t0 = now();
    sink = run(input);
    samples.push(now() - t0);
  }
  if (sink === Symbol.for('never')) console.log(sink); // keep the result alive
  const row: Row = { group, what, samples, ...(note ? { note } : {}) };
  rows.push(row);
  process.stderr.write(`  ${group} | ${what}: ${format(quantile(samples, 0.5))}\n`);
  return row;
}

function quantile(samples: readonly number[], q: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
}

function format(ms: number): string {
  if (ms < 0.001) return `${(ms * 1e6).toFixed(0)} ns`;
  if (ms < 1) return `${(ms * 1e3).toFixed(ms < 0.01 ? 2 : 1)} µs`;
  return `${ms.toFixed(ms < 10 ? 2 : 1)} ms`;
}

// ---------------------------------------------------------------------------
// Layered random DAGs

const IMAGES = ['python:3.12-slim', 'alpine:3.20', 'ghcr.io/acme/etl:1.8.2', 'bitnami/spark:3.5'];

/** Five container templates shared by all tasks, as a palette would add them. */
function sharedTemplates(): Template[] {
  return ['extract', 'clean', 'join', 'train', 'report'].map((name, k) => ({
    name,
    inputs: { parameters: [{ name: 'input' }, { name: 'partition', default: '0' }] },
    outputs: {
      parameters: [{ name: 'out', valueFrom: { path: '/tmp/out.txt' } }],
    },
    container: {
      image: IMAGES[k % IMAGES.length]!,
      command: ['python', '-m', `jobs.${name}`],
      args: [
        '--input',
        '{{inputs.parameters.input}}',
        '--partition',
        '{{inputs.parameters.partition}}',
      ],
      resources: { requests: { cpu: '500m', memory: '512Mi' }, limits: { memory: '1Gi' } },
      env: [{ name: 'LOG_LEVEL', value: 'info' }],
    },
  }));
}

interface Dag {
  pipeline: Pipeline;
  /** Task indices by layer. */
  layers: number[][];
  layerOf: Int32Array;
}

/**
 * `n` tasks in layers about 1.5·√n wide. Every task past the first layer
 * depends on one task of the layer before, and on a second one of any earlier
 * layer with the probability that makes the total about 1.2 edges per task.
 */
function layeredDag(n: number, seed: number): Dag {
  const rnd = random(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)]!;
  const width = Math.round(1.5 * Math.sqrt(n));
  const second = (1.2 * n) / (n - width) - 1;
  const templates = sharedTemplates();
  const layers: number[][] = [];
  const layerOf = new Int32Array(n);
  const tasks: Task[] = [];
  const layout: Layout = emptyLayout();
  for (let i = 0; i < n; i++) {
    const layer = Math.floor(i / width);
    (layers[layer] ??= []).push(i);
    layerOf[i] = layer;
    const name = `${templates[layer % templates.length]!.name}-${i}`;
    const task: Task = { name, template: templates[(layer + (i % 2)) % templates.length]!.name };
    if (layer > 0) {
      const ups = [pick(layers[layer - 1]!)];
      if (rnd() < second) {
        const other = pick(layers[Math.floor(rnd() * layer)]!);
        if (other !== ups[0]) ups.push(other);
      }
      task.depends = ups.map((u) => tasks[u]!.name).join(' && ');
      task.arguments = {
        parameters: [
          { name: 'input', value: `{{tasks.${tasks[ups[0]!]!.name}.outputs.parameters.out}}` },
          { name: 'partition', value: String(i % 16) },
        ],
      };
    } else {
      task.arguments = {
        parameters: [
          { name: 'input', value: `s3://lake/raw/{{workflow.parameters.date}}/${i}.parquet` },
        ],
      };
    }
    tasks.push(task);
    layout[name] = { x: layer * 260, y: (i % width) * 90 };
  }
  const base = createPipeline({ generateName: `bench-${n}-`, namespace: 'argo' });
  const pipeline = withTasks(
    {
      ...base,
      spec: {
        ...base.spec,
        arguments: { parameters: [{ name: 'date', value: '2025-01-01' }] },
        templates: [...(base.spec.templates as Template[]), ...templates],
      },
    },
    tasks,
    layout,
  );
  return { pipeline, layers, layerOf };
}

const edgeCount = (p: Pipeline): number =>
  graphIndex(scopeTasks(p)).up.reduce((sum, ups) => sum + ups.length, 0);

// ---------------------------------------------------------------------------
// Whole-document operations

function documentRows(n: number, budget: Budget): void {
  const { pipeline: p } = layeredDag(n, n);
  const group = `${n.toLocaleString('en')} tasks`;
  const text = exportDocument(p);
  const opened = openDocuments(text).documents[0]?.pipeline;
  if (tasksOf(opened)?.length !== n) throw new Error(`import of ${n} tasks failed`);
  const kib = (s: string): string => `${Math.round(s.length / 1024).toLocaleString('en')} KiB`;
  const edges = edgeCount(p);
  console.log(`${group}: ${edges} edges (${(edges / n).toFixed(2)} per task), YAML ${kib(text)}`);
  measure(group, 'compile (`compile`)', budget, () => p, compile);
  // The editor's emitter caches text per object (incrementalYaml.ts): a fresh
  // copy of every task and template measures a first emit, not a cache hit.
  const fresh = (): Pipeline => {
    const tasks = scopeTasks(p).map((t) => ({ ...t }));
    return withTasks({ ...p, spec: { ...p.spec } }, tasks);
  };
  measure(
    group,
    'emit, whole (js-yaml `dumpYaml(compile(p))`)',
    budget,
    () => p,
    (doc) => dumpYaml(compile(doc)),
    kib(previewDocument(p)),
  );
  measure(
    group,
    'emit, first time (`previewDocument`, fresh objects)',
    budget,
    fresh,
    previewDocument,
  );
  measure(
    group,
    'export with layout, whole (js-yaml)',
    budget,
    () => p,
    (doc) => dumpYaml(compile(doc, { layout: true })),
    kib(text),
  );
  measure(group, 'import (`openDocuments`)', budget, () => text, openDocuments);
  graphIndex(scopeTasks(p));
  measure(group, 'validate (`validate`), warm caches', budget, () => p, validate);
  // Fresh task objects and array: the index and every `depends` parse are redone.
  measure(
    group,
    'validate, cold (fresh task objects)',
    budget,
    () => ({ ...p, tasks: scopeTasks(p).map((t) => ({ ...t })) }),
    validate,
  );
}

// ---------------------------------------------------------------------------
// One edit -> the YAML preview's new text

/**
 * The preview's text after one edit, as the editor makes it (`previewDocument`:
 * cached pieces, `src/core/argo/incrementalYaml.ts`), beside the same text
 * dumped whole by js-yaml (`dumpYaml(compile(p))`, what the editor did before)
 * for the same edited documents, in the same run. Each iteration edits the
 * document the previous text was made from, as a user does.
 */
function editRows(n: number, budget: Budget): void {
  const { pipeline: start, layers } = layeredDag(n, n + 1);
  const group = `edit → YAML text, ${n.toLocaleString('en')} tasks`;
  const names = scopeTasks(start).map((t) => t.name);
  const last = layers[layers.length - 1]!;
  const edits: [string, (p: Pipeline, k: number) => Pipeline][] = [
    [
      'add a task',
      (p, k) =>
        addTask(p, {
          name: `added-${k}`,
          fields: { template: 'extract' },
          position: { x: 0, y: 0 },
        }).pipeline,
    ],
    [
      'connect two tasks',
      (p, k) => connect(p, names[k % layers[0]!.length]!, names[last[k % last.length]!]!).pipeline,
    ],
    ['delete a task', (p, k) => removeTask(p, names[(k * 7919) % n]!)],
    [
      'rename a task',
      (p, k) => {
        const tasks = scopeTasks(p);
        const from = tasks[(k * 7919) % tasks.length]!.name;
        const r = renameTask(p, from, `renamed-${k}`);
        return r.value;
      },
    ],
    [
      'change a field (when)',
      (p, k) => updateTask(p, names[(k * 7919) % n]!, (t) => ({ ...t, when: `{{item}} == ${k}` })),
    ],
  ];
  for (const [what, edit] of edits) {
    let p = start;
    previewDocument(p);
    measure(
      group,
      `${what}: incremental (\`previewDocument\`)`,
      budget,
      (k) => (p = edit(p, k)),
      previewDocument,
    );
    let q = start;
    measure(
      group,
      `${what}: whole dump (js-yaml)`,
      budget,
      (k) => (q = edit(q, k)),
      (doc) => dumpYaml(compile(doc)),
    );
    if (previewDocument(p) !== dumpYaml(compile(p))) throw new Error(`${what}: texts differ`);
  }
}

// ---------------------------------------------------------------------------
// Connecting on the 10,000-task DAG

function connectRows(n: number): void {
  const dag = layeredDag(n, 7);
  const p = dag.pipeline;
  const group = `connect, ${n.toLocaleString('en')} tasks`;
  const rnd = random(99);
  const names = scopeTasks(p).map((t) => t.name);
  const index = graphIndex(scopeTasks(p)); // warm
  const lastLayer = dag.layers.length - 1;
  const pickIn = (layer: number): number => {
    const list = dag.layers[layer]!;
    return list[Math.floor(rnd() * list.length)]!;
  };
  /** From an earlier layer to a later one, not already an edge: the usual drag on the canvas. */
  const forward = (): [string, string] => {
    for (;;) {
      const a = Math.floor(rnd() * lastLayer);
      const b = a + 1 + Math.floor(rnd() * (lastLayer - a));
      const i = pickIn(a);
      const j = pickIn(b);
      if (!index.up[j]!.includes(i)) return [names[i]!, names[j]!];
    }
  };
  /** A task and one of its descendants, several steps down: `descendant -> task` closes a cycle. */
  const backward = (): [string, string] => {
    for (;;) {
      let j = Math.floor(rnd() * n);
      const top = j;
      const steps = 1 + Math.floor(rnd() * 20);
      for (let s = 0; s < steps && index.down[j]!.length > 0; s++)
        j = index.down[j]![Math.floor(rnd() * index.down[j]!.length)]!;
      if (j !== top) return [names[j]!, names[top]!];
    }
  };
  /** A later task to an earlier one with no path between them: legal, but the search runs. */
  const backwardLegal = (): [string, string] => {
    for (;;) {
      const a = 1 + Math.floor(rnd() * lastLayer);
      const b = Math.floor(rnd() * a);
      const i = pickIn(a);
      const j = pickIn(b);
      if (!checkConnection(p, names[i]!, names[j]!)) return [names[i]!, names[j]!];
    }
  };
  const quick: Budget = { warmup: 500, min: 2000, max: 20000, ms: 1000 };
  const slow: Budget = { warmup: 5, min: 40, max: 400, ms: 1500 };

  const check = (kind: string, pairs: () => [string, string], expect: boolean): void => {
    measure(group, `check only (\`checkConnection\`), ${kind}`, quick, pairs, ([a, b]) => {
      const refused = checkConnection(p, a, b);
      if ((refused?.cycle !== undefined) !== expect)
        throw new Error(`${a} -> ${b}: ${JSON.stringify(refused)}`);
      return refused;
    });
  };
  check('forward pair', forward, false);
  check('backward pair closing a cycle', backward, true);
  check('backward pair, no cycle', backwardLegal, false);

  measure(group, 'connect (check + add + derived index), forward', quick, forward, ([a, b]) => {
    const r = connect(p, a, b);
    if (r.diagnostics.length > 0) throw new Error(r.diagnostics[0]!.message);
    return r;
  });
  measure(
    group,
    'connect on the result of a connect (derived index)',
    quick,
    () => {
      const [a, b] = forward();
      return [connect(p, a, b).pipeline, ...forward()] as const;
    },
    ([q, a, b]) => connect(q, a, b),
  );
  measure(
    group,
    'connect, backward pair, no cycle (re-rank)',
    slow,
    backwardLegal,
    ([a, b]) => connect(p, a, b),
    'Kahn re-rank, O(V+E)',
  );
  measure(
    group,
    'full index rebuild (`graphIndex(tasks.slice())`)',
    slow,
    () => scopeTasks(p).slice(),
    graphIndex,
    'depends already parsed (per-task cache)',
  );
  measure(
    group,
    'full index rebuild, cold (fresh task objects)',
    slow,
    () => scopeTasks(p).map((t) => ({ ...t })),
    graphIndex,
    'parses every depends',
  );
}

// ---------------------------------------------------------------------------

function printTable(): void {
  const header = ['Group', 'Operation', 'Median', 'p95', 'n', 'Note'];
  const lines = rows.map((r) => [
    r.group,
    r.what,
    format(quantile(r.samples, 0.5)),
    format(quantile(r.samples, 0.95)),
    String(r.samples.length),
    r.note ?? '',
  ]);
  const widths = header.map((h, c) => Math.max(h.length, ...lines.map((l) => l[c]!.length)));
  const line = (cells: string[]): string =>
    `| ${cells.map((cell, c) => (c >= 2 && c <= 4 ? cell.padStart(widths[c]!) : cell.padEnd(widths[c]!))).join(' | ')} |`;
  console.log(line(header));
  console.log(
    `| ${widths.map((w, c) => (c >= 2 && c <= 4 ? `${'-'.repeat(w - 1)}:` : '-'.repeat(w))).join(' | ')} |`,
  );
  for (const l of lines) console.log(line(l));
}

function median(group: string, prefix: string): number {
  const row = rows.find((r) => r.group === group && r.what.startsWith(prefix));
  return row ? quantile(row.samples, 0.5) : NaN;
}

function printRatios(): void {
  const g = 'connect, 10,000 tasks';
  const rebuild = median(g, 'full index rebuild (');
  const ratio = (label: string, prefix: string): void => {
    const m = median(g, prefix);
    console.log(
      `- ${label}: ${format(m)}, ${(rebuild / m).toFixed(0)}× faster than a warm rebuild`,
    );
  };
  console.log('\nRatios (10,000 tasks, medians):');
  ratio('check, forward pair', 'check only (`checkConnection`), forward');
  ratio(
    'check, backward pair closing a cycle',
    'check only (`checkConnection`), backward pair closing',
  );
  ratio('connect, forward', 'connect (check');
  ratio('connect on a connected result', 'connect on the result');
  for (const prefix of ['compile', 'emit', 'import', 'validate (`validate`)']) {
    const small = median('1,000 tasks', prefix);
    const large = median('10,000 tasks', prefix);
    console.log(`- ${prefix} 10,000 / 1,000 tasks: ${(large / small).toFixed(1)}×`);
  }
  console.log('\nEdit → YAML text, whole js-yaml dump / incremental (medians, same run):');
  for (const n of ['1,000', '10,000']) {
    const group = `edit → YAML text, ${n} tasks`;
    for (const r of rows.filter((x) => x.group === group && x.what.includes('incremental'))) {
      const what = r.what.slice(0, r.what.indexOf(':'));
      const inc = median(group, `${what}: incremental`);
      const whole = median(group, `${what}: whole`);
      console.log(
        `- ${n} tasks, ${what}: ${format(inc)} vs ${format(whole)}, ${(whole / inc).toFixed(0)}×`,
      );
    }
  }
}

const started = now();
const cpu = cpus()[0]?.model ?? 'unknown CPU';
console.log(
  `Argoflow core benchmark: node ${process.version}, ${availableParallelism()} CPUs (${cpu}), ${process.platform}/${process.arch}\n`,
);
documentRows(1_000, { warmup: 3, min: 20, max: 200, ms: 1200 });
documentRows(10_000, { warmup: 1, min: 10, max: 40, ms: 2000 });
editRows(1_000, { warmup: 3, min: 20, max: 200, ms: 800 });
editRows(10_000, { warmup: 2, min: 10, max: 60, ms: 1500 });
connectRows(10_000);
printTable();
printRatios();
console.log(`\nTotal ${((now() - started) / 1000).toFixed(1)} s`);
