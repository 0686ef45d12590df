/**
 * Where the steps of a steps template are drawn: one column per group (the
 * groups run left to right, one after another; the steps of a column run in
 * parallel), steps stacked in their column. And the other way round: which
 * place in the groups a point on the canvas stands for, for drops and drags.
 */
import { NODE_HEIGHT, NODE_WIDTH } from '../../core/graph/layoutSpacing';
import type { StepPlace } from '../../core/model/steps';
import type { Point } from '../../core/model/types';

/** From one group's column to the next. */
export const GROUP_PITCH = NODE_WIDTH + 120;
/** Between two steps of a group. */
export const STEP_GAP = 28;
/** Room for the group's label above its first step. */
export const GROUP_HEADER = 34;
/** The frame drawn around a group's steps. */
export const GROUP_PADDING = 14;

export interface StepBox {
  id: string;
  group: number;
  index: number;
}

/** Positions of every step, and the frame of every group. */
export function stepsGeometry(
  steps: readonly StepBox[],
  groups: readonly number[],
  heightOf: (id: string) => number,
): {
  positions: Map<string, Point>;
  frames: { x: number; y: number; width: number; height: number }[];
} {
  const positions = new Map<string, Point>();
  const bottoms = groups.map(() => GROUP_HEADER);
  for (const s of steps) {
    const y = bottoms[s.group] ?? GROUP_HEADER;
    positions.set(s.id, { x: s.group * GROUP_PITCH, y });
    bottoms[s.group] = y + (heightOf(s.id) || NODE_HEIGHT) + STEP_GAP;
  }
  const frames = groups.map((_, g) => ({
    x: g * GROUP_PITCH - GROUP_PADDING,
    y: 0,
    width: NODE_WIDTH + 2 * GROUP_PADDING,
    height: Math.max(bottoms[g]! - STEP_GAP + GROUP_PADDING, GROUP_HEADER + NODE_HEIGHT),
  }));
  return { positions, frames };
}

/**
 * The place a point stands for: over a group's column, into that group before
 * the first step whose middle is below the point; in the gap between columns
 * (or beyond the last), a new group there.
 */
export function placeAt(
  point: Point,
  steps: readonly StepBox[],
  groups: readonly number[],
  positions: ReadonlyMap<string, Point>,
  heightOf: (id: string) => number,
): StepPlace {
  if (groups.length === 0) return { newGroup: 0 };
  const column = Math.floor((point.x + GROUP_PADDING) / GROUP_PITCH);
  const within = point.x + GROUP_PADDING - column * GROUP_PITCH;
  if (column < 0) return { newGroup: 0 };
  if (column >= groups.length) return { newGroup: groups.length };
  if (within > NODE_WIDTH + 2 * GROUP_PADDING) return { newGroup: column + 1 };
  let index = 0;
  for (const s of steps) {
    if (s.group !== column) continue;
    const at = positions.get(s.id);
    if (at && at.y + (heightOf(s.id) || NODE_HEIGHT) / 2 < point.y) index = s.index + 1;
  }
  return { group: column, index };
}
