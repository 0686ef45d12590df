// Fitting the graph so the minimap (OverviewMap.tsx, 200×150 px at 15 px from the
// bottom-right corner) never covers a node: the fit keeps clear of it either
// on the right or at the bottom, whichever leaves the larger zoom.
import { getViewportForBounds, type FitViewOptions, type Rect, type Viewport } from '@xyflow/react';

/** The minimap's size (React Flow's MiniMap's), and the margin its panel sits at. */
export const MINIMAP = { width: 200, height: 150, margin: 15 } as const;
/** Around the graph, as a fraction of the view (the fit's padding before the minimap). */
const PAD = 0.1;
const beside = MINIMAP.width + 2 * MINIMAP.margin;
const below = MINIMAP.height + 2 * MINIMAP.margin;

/** For the Controls' fit button, which takes one padding: clear of the minimap on the right. */
export const MINIMAP_CLEAR: FitViewOptions = {
  padding: {
    top: `${PAD * 50}%`,
    bottom: `${PAD * 50}%`,
    left: `${PAD * 50}%`,
    right: `${beside}px`,
  },
};

/**
 * The viewport that shows `bounds` whole in a `width`×`height` view, away from
 * the minimap when it is shown.
 */
export function fitViewport(
  bounds: Rect,
  width: number,
  height: number,
  minimap: boolean,
  zoom: { min: number; max: number },
): Viewport {
  const fit = (w: number, h: number) => getViewportForBounds(bounds, w, h, zoom.min, zoom.max, PAD);
  if (!minimap) return fit(width, height);
  // The graph fitted into the view less a strip on the right, or less one at the bottom.
  const right = fit(Math.max(width - beside, 1), height);
  const bottom = fit(width, Math.max(height - below, 1));
  return right.zoom >= bottom.zoom ? right : bottom;
}

/**
 * Whether two viewports show the same, to within a pixel on screen and a
 * percent of zoom: fitting to what is already shown would only repaint
 * every node (an auto-layout fits to where its nodes go before they move,
 * and again after: the two are often the same).
 */
export function sameView(a: Viewport, b: Viewport): boolean {
  return Math.abs(a.zoom / b.zoom - 1) < 0.01 && Math.abs(a.x - b.x) < 1 && Math.abs(a.y - b.y) < 1;
}
