/**
 * Where pasted or duplicated copies go, so that they never land exactly on
 * nodes already there: the clip's top-left at a given point (the pointer),
 * else one step down and right, and further while any copy would cover an
 * existing node's position (pasting twice, duplicating the same task twice).
 */
import { pointAt } from '../model/layout';
import type { Layout, Point } from '../model/types';

export const PASTE_STEP = 40;

/**
 * @param clip positions of the copied tasks as they were copied
 * @param taken positions of the nodes on the canvas now
 * @param at where the clip's top-left should go, if anywhere in particular
 */
export function pasteOffset(clip: Readonly<Layout>, taken: Readonly<Layout>, at?: Point): Point {
  const points = Object.keys(clip).map((n) => pointAt(clip, n)!);
  if (points.length === 0) return { x: PASTE_STEP, y: PASTE_STEP };
  if (at) {
    const x = Math.min(...points.map((q) => q.x));
    const y = Math.min(...points.map((q) => q.y));
    return { x: at.x - x, y: at.y - y };
  }
  const occupied = new Set(Object.keys(taken).map((n) => key(pointAt(taken, n)!)));
  let step = 1;
  // Bounded: at most one step per node on the canvas can be blocked.
  while (step <= occupied.size && points.some((q) => occupied.has(key(shift(q, step))))) step++;
  return { x: PASTE_STEP * step, y: PASTE_STEP * step };
}

const shift = (q: Point, step: number): Point => ({
  x: q.x + PASTE_STEP * step,
  y: q.y + PASTE_STEP * step,
});
const key = (q: Point) => `${Math.round(q.x)},${Math.round(q.y)}`;
