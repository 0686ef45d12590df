// Fit keeps the graph clear of the minimap: whatever the graph's shape and the
// view's size, no part of the fitted bounds lies under the minimap's box.
import { describe, expect, it } from 'vitest';
import { fitViewport, MINIMAP, sameView } from '../../src/ui/canvas/fitPadding';

const ZOOM = { min: 0.01, max: 2 };

function onScreen(
  b: { x: number; y: number; width: number; height: number },
  v: { x: number; y: number; zoom: number },
) {
  return {
    left: b.x * v.zoom + v.x,
    top: b.y * v.zoom + v.y,
    right: (b.x + b.width) * v.zoom + v.x,
    bottom: (b.y + b.height) * v.zoom + v.y,
  };
}

describe('fitViewport', () => {
  const graphs = {
    wide: { x: 0, y: 0, width: 4000, height: 300 },
    tall: { x: -200, y: 50, width: 300, height: 3000 },
    square: { x: 100, y: 100, width: 900, height: 900 },
    tiny: { x: 0, y: 0, width: 220, height: 60 },
  };
  const views = [
    [740, 415],
    [1200, 800],
    [500, 900],
  ] as const;
  for (const [shape, bounds] of Object.entries(graphs))
    for (const [w, h] of views)
      it(`keeps a ${shape} graph off the minimap in a ${w}×${h} view`, () => {
        const v = fitViewport(bounds, w, h, true, ZOOM);
        const g = onScreen(bounds, v);
        const map = {
          left: w - MINIMAP.margin - MINIMAP.width,
          top: h - MINIMAP.margin - MINIMAP.height,
        };
        const overlaps = g.right > map.left && g.bottom > map.top;
        expect(overlaps).toBe(false);
        // and the whole graph is in view
        expect(g.left).toBeGreaterThanOrEqual(-0.5);
        expect(g.top).toBeGreaterThanOrEqual(-0.5);
        expect(g.right).toBeLessThanOrEqual(w + 0.5);
        expect(g.bottom).toBeLessThanOrEqual(h + 0.5);
      });

  it('uses the whole view when the minimap is hidden', () => {
    // A graph of the view's own shape: keeping clear of the minimap costs zoom.
    const bounds = { x: 0, y: 0, width: 1480, height: 830 };
    expect(fitViewport(bounds, 740, 415, false, ZOOM).zoom).toBeGreaterThan(
      fitViewport(bounds, 740, 415, true, ZOOM).zoom,
    );
  });

  it('costs no zoom when the graph leaves room beside the minimap anyway', () => {
    // A wide, flat graph fills the width and leaves the bottom free.
    const bounds = graphs.wide;
    expect(fitViewport(bounds, 740, 415, true, ZOOM).zoom).toBeCloseTo(
      fitViewport(bounds, 740, 415, false, ZOOM).zoom,
    );
  });
});

describe('sameView', () => {
  const v = { x: 100, y: 50, zoom: 0.02 };
  it.each([
    ['the same', v, true],
    ['half a pixel off', { ...v, x: 100.5, y: 49.5 }, true],
    ['half a percent of zoom off', { ...v, zoom: 0.0201 }, true],
    ['two pixels off', { ...v, x: 102 }, false],
    ['zoomed by 2 %', { ...v, zoom: 0.0204 }, false],
  ])('%s', (_, other, expected) => {
    expect(sameView(v, other)).toBe(expected);
  });
});
