/**
 * Sizes and gaps shared by both layouts (by level, and dagre's). Kept apart
 * from `autoLayout` so the main thread can place nodes without loading dagre,
 * which lives in the layout worker's chunk.
 */

export const NODE_WIDTH = 220;
export const NODE_HEIGHT = 72;

export const LAYOUT_SPACING = {
  /** Between nodes of one column. */
  nodeSep: 32,
  /** Between columns. */
  rankSep: 80,
  /** Around the drawing. */
  margin: 20,
} as const;
