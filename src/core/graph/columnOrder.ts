/**
 * Row order within the columns of the placement by level: barycentre sweeps
 * (Sugiyama's heuristic) over the edges between adjacent columns, keeping the
 * order with the fewest crossings seen. Each sweep costs O(V log V + E); the
 * crossings between two columns are counted in O(E log V) (Barth, Jünger and
 * Mutzel's accumulator tree, here a Fenwick tree).
 */
import type { GraphIndex } from './graphIndex';

/**
 * Reorders each column, left to right (`forward`, by predecessors) or right
 * to left (by successors), by the mean relative row of each task's
 * neighbours in the column just placed. A task without such neighbours keeps
 * its relative row. Long edges are left out: they pull towards rows of far
 * columns, which measured worse than ignoring them.
 */
function sweep(cols: number[][], index: GraphIndex, level: Int32Array, forward: boolean): void {
  const neighbours = forward ? index.up : index.down;
  const rel = new Float64Array(level.length);
  for (const col of cols) col.forEach((t, r) => (rel[t] = (r + 0.5) / col.length));
  const step = forward ? 1 : -1;
  for (let c = forward ? 1 : cols.length - 2; c >= 0 && c < cols.length; c += step) {
    const col = cols[c]!;
    const key = new Float64Array(col.length);
    col.forEach((t, r) => {
      let sum = 0;
      let count = 0;
      for (const j of neighbours[t]!) {
        if (level[j] !== c - step) continue;
        sum += rel[j]!;
        count++;
      }
      key[r] = count > 0 ? sum / count : rel[t]!;
    });
    const rows = col.map((_, r) => r).sort((a, b) => key[a]! - key[b]! || a - b);
    const sorted = rows.map((r) => col[r]!);
    cols[c] = sorted;
    sorted.forEach((t, r) => (rel[t] = (r + 0.5) / sorted.length));
  }
}

/** Crossings among edges between adjacent columns. */
export function adjacentCrossings(cols: number[][], index: GraphIndex, level: Int32Array): number {
  const row = new Int32Array(level.length);
  for (const col of cols) col.forEach((t, r) => (row[t] = r));
  let total = 0;
  for (let c = 0; c + 1 < cols.length; c++) {
    // Edges sorted by upper row, then lower row; crossings are the inversions of the lower rows.
    const lower: number[] = [];
    for (const t of cols[c]!) {
      const targets = index.down[t]!.filter((j) => level[j] === c + 1).map((j) => row[j]!);
      lower.push(...targets.sort((a, b) => a - b));
    }
    const size = cols[c + 1]!.length;
    const tree = new Int32Array(size + 1);
    lower.forEach((r, seen) => {
      let atOrBelow = 0;
      for (let i = r + 1; i > 0; i -= i & -i) atOrBelow += tree[i]!;
      total += seen - atOrBelow;
      for (let i = r + 1; i <= size; i += i & -i) tree[i] = tree[i]! + 1;
    });
  }
  return total;
}

/**
 * Orders the rows of `cols` in place: `sweeps` alternating sweeps, ending
 * with the order that had the fewest crossings.
 */
export function orderColumns(
  cols: number[][],
  index: GraphIndex,
  level: Int32Array,
  sweeps: number,
): void {
  let best = cols.map((c) => c.slice());
  let fewest = sweeps > 0 ? adjacentCrossings(cols, index, level) : 0;
  for (let s = 0; s < sweeps && fewest > 0; s++) {
    sweep(cols, index, level, s % 2 === 0);
    const crossings = adjacentCrossings(cols, index, level);
    if (crossings < fewest) {
      fewest = crossings;
      best = cols.map((c) => c.slice());
    }
  }
  best.forEach((c, i) => (cols[i] = c));
}
