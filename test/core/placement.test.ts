// Applying many positions a part per frame (issue 11): which positions are
// worth a part, and how large the next part is from how long frames took.
// The samples are made up: nothing here depends on the machine's speed.
import { describe, expect, it } from 'vitest';
import { emptyLayout, layoutOf, unionBounds } from '../../src/core/model/layout';
import {
  CHUNK_SIZING,
  frameCost,
  nextChunkSize,
  pointsToMove,
  sizingFor,
  type ChunkSizing,
  type FrameSample,
} from '../../src/core/model/placement';

describe('pointsToMove', () => {
  const layout = layoutOf([
    ['a', { x: 0, y: 0 }],
    ['b', { x: 10, y: 10 }],
  ]);

  it('keeps only positions that change, in the order given', () => {
    expect(
      pointsToMove(layout, [
        ['c', { x: 5, y: 5 }],
        ['a', { x: 0, y: 0 }],
        ['b', { x: 10, y: 11 }],
      ]),
    ).toEqual([
      ['c', { x: 5, y: 5 }],
      ['b', { x: 10, y: 11 }],
    ]);
  });

  it('takes the last position given for a name', () => {
    expect(
      pointsToMove(layout, [
        ['b', { x: 1, y: 1 }],
        ['b', { x: 10, y: 10 }],
        ['c', { x: 2, y: 2 }],
        ['c', { x: 3, y: 3 }],
      ]),
    ).toEqual([['c', { x: 3, y: 3 }]]);
  });

  it('reads names like built-in properties as names', () => {
    expect(pointsToMove(emptyLayout(), [['constructor', { x: 1, y: 2 }]])).toEqual([
      ['constructor', { x: 1, y: 2 }],
    ]);
  });

  it('copies the points (a layout from a worker is not shared)', () => {
    const to = { x: 4, y: 4, extra: true };
    const [[, point]] = pointsToMove(layout, [['c', to]]) as [[string, object]];
    expect(point).toEqual({ x: 4, y: 4 });
    expect(point).not.toBe(to);
  });
});

describe('frameCost', () => {
  it('needs two sizes', () => {
    expect(frameCost([])).toBeUndefined();
    expect(
      frameCost([
        { size: 10, ms: 30 },
        { size: 10, ms: 40 },
      ]),
    ).toBeUndefined();
  });

  it('fits fixed + per-position cost', () => {
    // 20 ms fixed, 0.5 ms a position.
    const samples = [10, 20, 40, 80].map((size) => ({ size, ms: 20 + 0.5 * size }));
    expect(frameCost(samples)).toEqual({ fixedMs: 20, perItemMs: 0.5 });
  });

  it('is not thrown off by one slow frame (a garbage collection)', () => {
    const samples = [10, 20, 40, 80, 40].map((size) => ({ size, ms: 20 + 0.5 * size }));
    samples[2]!.ms += 500;
    const cost = frameCost(samples)!;
    expect(cost.perItemMs).toBeCloseTo(0.5, 5);
    expect(cost.fixedMs).toBeCloseTo(20, 5);
  });
});

describe('nextChunkSize', () => {
  const sizing: ChunkSizing = { first: 25, min: 10, max: 1000, budgetMs: 40, maxParts: 30 };
  const frames = (...pairs: [number, number][]): FrameSample[] =>
    pairs.map(([size, ms]) => ({ size, ms }));

  it.each<[string, FrameSample[], number]>([
    ['starts at the first size', [], 25],
    ['grows while one size under the budget is known', frames([25, 17]), 37],
    ['halves while one size over the budget is known', frames([25, 90]), 12],
    ['at the smallest size over the budget, grows to learn the cost', frames([10, 90]), 15],
    // 20 ms fixed, 0.4 ms a position: (40 - 20) / 0.4.
    ['fills the budget after the fixed cost', frames([25, 30], [50, 40]), 50],
    // 34 ms fixed, 0.4 ms: a quarter of the budget, 10 ms, is 25 positions (frames of 44 ms).
    ['moves at least a quarter budget’s worth', frames([10, 38], [20, 42], [40, 50]), 25],
    // 80 ms fixed, 0.4 ms: every frame is long; as short as it can be, a quarter budget.
    ['over the budget anyway: a quarter budget’s worth', frames([25, 90], [50, 100]), 25],
    [
      'after four frames of one size, tries a larger one',
      frames([9, 30], [20, 35], [20, 36], [20, 34], [20, 35]),
      30,
    ],
    // Sizes 10 and 11 tell nothing of the cost (a fit would say 2 ms a position): it grows.
    ['sizes too close to fit', frames([10, 20], [11, 22]), 16],
    ['grows at most 1.5 times', frames([10, 20.5], [20, 21]), 30],
    ['never under the minimum', frames([12, 90]), 10],
  ])('%s', (_, samples, expected) => {
    expect(nextChunkSize(samples, sizing)).toBe(expected);
  });

  it('never more than the maximum', () => {
    expect(nextChunkSize(frames([400, 20], [700, 21]), sizing)).toBe(1000);
  });

  it('at most maxParts parts: a larger minimum for many positions', () => {
    expect(sizingFor(100, sizing)).toEqual(sizing);
    expect(sizingFor(2000, sizing)).toMatchObject({ min: 67, first: 67 });
    expect(sizingFor(50_000, sizing)).toMatchObject({ min: 1667, first: 1667, max: 1667 });
    expect(nextChunkSize(frames([67, 150], [100, 160]), sizingFor(2000, sizing))).toBe(67);
  });

  it('the shipped sizing starts small and aims under a long task (50 ms)', () => {
    expect(CHUNK_SIZING.first).toBeLessThanOrEqual(50);
    expect(CHUNK_SIZING.budgetMs * 1.25).toBeLessThanOrEqual(50);
  });
});

describe('unionBounds', () => {
  it('is the box around both, or the one there is', () => {
    const a = { x: 0, y: 0, width: 10, height: 10 };
    const b = { x: 5, y: -5, width: 20, height: 5 };
    expect(unionBounds(a, b)).toEqual({ x: 0, y: -5, width: 25, height: 15 });
    expect(unionBounds(a, undefined)).toBe(a);
    expect(unionBounds(undefined, undefined)).toBeUndefined();
  });
});
