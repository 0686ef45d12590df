/**
 * Deterministic layered DAGs for the canvas benchmark. One graph feeds both
 * pages: Argo YAML (built with the core, positions in the layout annotation)
 * for Argoflow Studio, plain React Flow nodes and edges for the bare page.
 *
 *   layer 0   layer 1   layer 2 ...      every task after layer 0 depends on
 *   t0000 --> t0048 --> t0096            one task of the previous layer, and
 *   t0001 --> t0049 \                    extra edges from earlier layers bring
 *   ...          ... `-> t0097           the total to round(1.2 × N).
 *
 * Tasks sit on a grid (LAYER_GAP × ROW_GAP flow units) whose shape roughly
 * matches the canvas, so `fitView` shows them all at a similar zoom.
 */
import {
  addTask,
  connect,
  createPipeline,
  exportDocument,
  type Pipeline,
  type Template,
} from '../../src/core';

export const EDGES_PER_TASK = 1.2;
export const LAYER_GAP = 300;
export const ROW_GAP = 100;

export interface BenchGraph {
  tasks: { name: string; x: number; y: number; layer: number; row: number }[];
  edges: { source: string; target: string }[];
  layers: number;
  rows: number;
}

/** Mulberry32: a small seeded generator, so every run measures the same graphs. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const taskName = (i: number): string => `t${String(i).padStart(4, '0')}`;

/**
 * A layered DAG of `n` tasks and round(1.2 n) edges, always the same for the
 * same `n` and `seed`. `aspect` is the wanted width/height of the drawing.
 */
export function generateGraph(n: number, seed = 7, aspect = 1.6): BenchGraph {
  const rand = random(seed + n);
  // Width L × LAYER_GAP over height (n / L) × ROW_GAP ≈ aspect.
  const layers = Math.max(2, Math.round(Math.sqrt((aspect * n * ROW_GAP) / LAYER_GAP)));
  const rows = Math.ceil(n / layers);
  const tasks: BenchGraph['tasks'] = [];
  for (let i = 0; i < n; i++) {
    const layer = Math.floor(i / rows);
    const row = i % rows;
    tasks.push({ name: taskName(i), x: layer * LAYER_GAP, y: row * ROW_GAP, layer, row });
  }
  const byLayer: number[][] = [];
  for (const [i, t] of tasks.entries()) (byLayer[t.layer] ??= []).push(i);
  const seen = new Set<string>();
  const edges: BenchGraph['edges'] = [];
  const add = (from: number, to: number): boolean => {
    const key = `${from}>${to}`;
    if (seen.has(key)) return false;
    seen.add(key);
    edges.push({ source: tasks[from]!.name, target: tasks[to]!.name });
    return true;
  };
  // One parent in the previous layer, near the same row.
  for (const t of tasks) {
    if (t.layer === 0) continue;
    const previous = byLayer[t.layer - 1]!;
    const near = Math.min(previous.length - 1, Math.max(0, t.row + Math.floor(rand() * 5) - 2));
    add(previous[near]!, tasks.indexOf(t));
  }
  // Extra edges from any earlier layer (forward only: the graph stays acyclic).
  const wanted = Math.round(EDGES_PER_TASK * n);
  const later = tasks.filter((t) => t.layer > 0);
  for (let guard = 0; edges.length < wanted && guard < wanted * 20; guard++) {
    const target = later[Math.floor(rand() * later.length)]!;
    const fromLayer = Math.floor(rand() * target.layer);
    const candidates = byLayer[fromLayer]!;
    add(candidates[Math.floor(rand() * candidates.length)]!, tasks.indexOf(target));
  }
  return { tasks, edges, layers, rows };
}

/** A few shared container templates, as real pipelines reuse theirs. */
const TEMPLATES: Template[] = ['extract', 'transform', 'validate', 'load'].map((name) => ({
  name,
  inputs: { parameters: [{ name: 'part', value: '0' }] },
  container: {
    image: 'alpine:3.20',
    command: ['sh', '-c'],
    args: [`echo ${name} {{inputs.parameters.part}}`],
  },
}));

/** The graph as a pipeline, built through the core as a user's edits would. */
export function toPipeline(g: BenchGraph): Pipeline {
  let p = createPipeline({ generateName: `bench-${g.tasks.length}-` });
  for (const [i, t] of g.tasks.entries()) {
    p = addTask(p, {
      name: t.name,
      template: TEMPLATES[i % TEMPLATES.length]!,
      fields: { arguments: { parameters: [{ name: 'part', value: String(i) }] } },
      position: { x: t.x, y: t.y },
    }).pipeline;
  }
  for (const e of g.edges) {
    const result = connect(p, e.source, e.target);
    if (result.diagnostics.length > 0)
      throw new Error(
        `generator bug: ${e.source} -> ${e.target}: ${result.diagnostics[0]!.message}`,
      );
    p = result.pipeline;
  }
  return p;
}

/** The file the editor opens: Argo YAML with the layout annotation. */
export function toArgoYaml(g: BenchGraph): string {
  return exportDocument(toPipeline(g));
}

export interface FlowGraph {
  nodes: {
    id: string;
    position: { x: number; y: number };
    data: { label: string };
    sourcePosition: 'right';
    targetPosition: 'left';
  }[];
  edges: { id: string; source: string; target: string }[];
}

/** The same graph for the bare page: default nodes, handles left and right like ours. */
export function toFlowGraph(g: BenchGraph): FlowGraph {
  return {
    nodes: g.tasks.map((t) => ({
      id: t.name,
      position: { x: t.x, y: t.y },
      data: { label: t.name },
      sourcePosition: 'right',
      targetPosition: 'left',
    })),
    edges: g.edges.map((e) => ({ id: `${e.source}->${e.target}`, ...e })),
  };
}
