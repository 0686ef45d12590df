/**
 * Align and distribute for a selection of nodes: plain arithmetic over their
 * positions and sizes, returning the moves (a plan, applied by the store as
 * one undo step).
 */
import type { Point } from '../model/types';

export interface Box {
  name: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

export type Alignment = 'left' | 'right' | 'top' | 'bottom' | 'centre-x' | 'centre-y';
export type Axis = 'horizontal' | 'vertical';

/** New positions lining the boxes up on one edge or centre line of the selection. */
export function alignBoxes(boxes: readonly Box[], how: Alignment): Map<string, Point> {
  const moves = new Map<string, Point>();
  if (boxes.length < 2) return moves;
  const left = Math.min(...boxes.map((b) => b.x));
  const right = Math.max(...boxes.map((b) => b.x + b.width));
  const top = Math.min(...boxes.map((b) => b.y));
  const bottom = Math.max(...boxes.map((b) => b.y + b.height));
  for (const b of boxes) {
    const at: Point = { x: b.x, y: b.y };
    if (how === 'left') at.x = left;
    else if (how === 'right') at.x = right - b.width;
    else if (how === 'centre-x') at.x = (left + right) / 2 - b.width / 2;
    else if (how === 'top') at.y = top;
    else if (how === 'bottom') at.y = bottom - b.height;
    else at.y = (top + bottom) / 2 - b.height / 2;
    moves.set(b.name, at);
  }
  return moves;
}

/**
 * Equal gaps between the boxes along an axis, the first and last staying put
 * (as in Figma and draw.io). Needs three boxes or more.
 */
export function distributeBoxes(boxes: readonly Box[], axis: Axis): Map<string, Point> {
  const moves = new Map<string, Point>();
  if (boxes.length < 3) return moves;
  const start = (b: Box) => (axis === 'horizontal' ? b.x : b.y);
  const size = (b: Box) => (axis === 'horizontal' ? b.width : b.height);
  const sorted = [...boxes].sort((a, b) => start(a) - start(b));
  const first = sorted[0]!;
  const last = sorted[sorted.length - 1]!;
  const span = start(last) + size(last) - start(first);
  const total = sorted.reduce((sum, b) => sum + size(b), 0);
  const gap = (span - total) / (sorted.length - 1);
  let at = start(first);
  for (const b of sorted) {
    moves.set(b.name, axis === 'horizontal' ? { x: at, y: b.y } : { x: b.x, y: at });
    at += size(b) + gap;
  }
  return moves;
}
