/**
 * Applying many positions a part at a time (issue 11). The canvas redraws
 * every node that moves and every edge that touches one: moving 1,000 nodes
 * in one update blocked the page for a quarter to over a second. Applied in
 * parts, one a frame, each part is a short task; the part's size follows how
 * long the previous frame took, so a slow or busy machine gets smaller parts.
 * Pure: the store drives it (`store/placeInChunks.ts`).
 */
import { pointAt } from './layout';
import type { Layout, Point } from './types';

/**
 * The positions of `points` that differ from `layout`, in the order given
 * (later entries for the same name win). Unchanged ones cost a part nothing.
 *
 * @example
 * pointsToMove({ a: { x: 0, y: 0 } }, [['a', { x: 0, y: 0 }], ['b', { x: 5, y: 5 }]]);
 * // [['b', { x: 5, y: 5 }]]
 */
export function pointsToMove(
  layout: Readonly<Layout>,
  points: Iterable<readonly [string, Point]>,
): [string, Point][] {
  const last = new Map<string, Point>();
  for (const [name, to] of points) last.set(name, to);
  const out: [string, Point][] = [];
  for (const [name, to] of last) {
    const at = pointAt(layout, name);
    if (!at || at.x !== to.x || at.y !== to.y) out.push([name, { x: to.x, y: to.y }]);
  }
  return out;
}

export interface ChunkSizing {
  /** Positions in the first part. */
  first: number;
  min: number;
  max: number;
  /** Time one frame (the part, the re-render and the paint) should take, at most. */
  budgetMs: number;
  /**
   * At most this many parts, however slow the frames: when a frame's fixed
   * cost alone is a long task (2,000 tasks in view, a busy machine), small
   * parts would take many seconds and every frame is long anyway.
   */
  maxParts: number;
}

/**
 * Frames are aimed below a long task. Measured with bench/canvas/autoLayout.ts
 * (headless Chromium, two shared cores, load average about 2): at 1,000 tasks
 * in view a frame that moves nodes costs a fixed 40-45 ms whatever moves
 * (React Flow's selectors over every node and edge, Chromium's layout and
 * layerize of every element in view), plus 0.2-0.5 ms for each node moved;
 * at 2,000 tasks the fixed cost is 90-150 ms.
 */
export const CHUNK_SIZING: ChunkSizing = {
  first: 10,
  min: 10,
  max: 1000,
  budgetMs: 40,
  // 1,000 positions in parts of 67 or more: frames of about 45 ms on a quiet
  // machine (fixed 25-30 ms), 70-90 ms at load 2 (fixed 45-55 ms).
  maxParts: 15,
};

/** `sizing` for `total` positions: parts large enough that there are at most `maxParts`. */
export function sizingFor(total: number, sizing: ChunkSizing): ChunkSizing {
  const min = Math.max(sizing.min, Math.ceil(total / sizing.maxParts));
  return { ...sizing, min, first: Math.max(sizing.first, min), max: Math.max(sizing.max, min) };
}

/** How long the frame that applied `size` positions took. */
export interface FrameSample {
  size: number;
  ms: number;
}

/** A part is at most this many times the last: a fit from few samples can be far off. */
const GROWTH = 1.5;

/** The last samples the sizing looks at: the page's load changes. */
const RECENT = 32;

/** Samples closer in size than this tell noise more than cost. */
const SIZE_RATIO = 1.25;

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

/**
 * A frame's cost as `fixedMs + perItemMs · size`, fitted to the samples
 * (Theil-Sen: the median of the slopes between samples whose sizes differ by
 * a quarter or more, so one frame that a garbage collection or another tab
 * made slow does not skew it); undefined until two such samples exist.
 */
export function frameCost(
  samples: readonly FrameSample[],
): { fixedMs: number; perItemMs: number } | undefined {
  const slopes: number[] = [];
  for (let i = 0; i < samples.length; i++)
    for (let j = i + 1; j < samples.length; j++) {
      const [a, b] = [samples[i]!, samples[j]!];
      const ratio = Math.max(a.size, b.size) / Math.min(a.size, b.size);
      if (ratio >= SIZE_RATIO) slopes.push((b.ms - a.ms) / (b.size - a.size));
    }
  if (slopes.length === 0) return undefined;
  const perItemMs = median(slopes);
  return { fixedMs: median(samples.map((s) => s.ms - perItemMs * s.size)), perItemMs };
}

/**
 * The size of the next part, from how long the last frames took. While no
 * cost can be fitted, it grows under the budget and halves over it (at the
 * smallest size it grows: a second size is what a fit needs); after four
 * frames of one size it tries a larger one, for the same reason. With a
 * fitted cost, a part gets the time the budget leaves after the fixed cost,
 * and never less than a quarter of the budget: when the fixed cost alone is
 * over the budget, frames are as short as they can be. At most 1.5 times
 * the last size; always within [min, max] (see `sizingFor`).
 *
 * @example
 * // 25 positions took 30 ms, 50 took 40 ms: fixed 20 ms, 0.4 ms a position.
 * nextChunkSize([{ size: 25, ms: 30 }, { size: 50, ms: 40 }], CHUNK_SIZING); // 50
 */
export function nextChunkSize(samples: readonly FrameSample[], sizing: ChunkSizing): number {
  const within = (size: number) => Math.max(sizing.min, Math.min(sizing.max, Math.floor(size)));
  const last = samples[samples.length - 1];
  if (!last) return within(sizing.first);
  const recent = samples.slice(-RECENT);
  const cost = frameCost(recent);
  const budget = sizing.budgetMs;
  const stuck = recent.length >= 4 && recent.slice(-4).every((s) => s.size === last.size);
  let size: number;
  if (stuck) size = last.size * GROWTH;
  else if (!cost || !(cost.perItemMs > 0))
    size = last.ms <= budget || last.size <= sizing.min ? last.size * GROWTH : last.size / 2;
  else size = Math.max(budget - Math.max(0, cost.fixedMs), budget / 4) / cost.perItemMs;
  return within(Math.min(last.size * GROWTH, size));
}
