// The minimap draws every node as one rectangle of a single path, computed
// once per nodes array (src/ui/canvas/OverviewMap.tsx).
import { describe, expect, it } from 'vitest';
import type { Node } from '@xyflow/react';
import { drawNodes } from '../../src/ui/canvas/OverviewMap';

const node = (id: string, x: number, y: number, size?: [number, number]): Node => ({
  id,
  position: { x, y },
  data: {},
  ...(size ? { measured: { width: size[0], height: size[1] } } : {}),
});

describe('the minimap drawing', () => {
  it('draws each measured node and bounds them all', () => {
    const nodes = [node('a', 0, 0, [100, 50]), node('b', 200, -30, [40, 40]), node('c', 900, 900)];
    const { path, bounds } = drawNodes(nodes);
    expect(path).toBe('M0,0h100v50h-100zM200,-30h40v40h-40z');
    // `c` is not measured yet: React Flow does not draw it either.
    expect(bounds).toEqual({ x: 0, y: -30, width: 240, height: 80 });
  });

  it('computes once per nodes array', () => {
    const nodes = [node('a', 0, 0, [10, 10])];
    expect(drawNodes(nodes)).toBe(drawNodes(nodes));
    expect(drawNodes([...nodes])).not.toBe(drawNodes(nodes));
  });

  it('has no bounds without a node to draw, and leaves hidden nodes out', () => {
    expect(drawNodes([]).bounds).toBeUndefined();
    const hidden = { ...node('h', 5, 5, [10, 10]), hidden: true };
    expect(drawNodes([hidden]).path).toBe('');
  });
});
