// Where copies land: at the pointer, else one step off, further while a copy
// would cover a node already there.
import { describe, expect, it } from 'vitest';
import { pasteOffset } from '../../../src/core/ergonomics/pasteOffset';
import { layoutOf } from '../../../src/core/model/layout';

const clip = layoutOf([
  ['a', { x: 100, y: 50 }],
  ['b', { x: 300, y: 80 }],
]);

describe('pasteOffset', () => {
  it("puts the clip's top-left at the pointer", () => {
    expect(pasteOffset(clip, clip, { x: 0, y: 0 })).toEqual({ x: -100, y: -50 });
  });

  it('steps off by 40, and by another 40 for each copy already in the way', () => {
    expect(pasteOffset(clip, clip)).toEqual({ x: 40, y: 40 });
    const once = layoutOf([...Object.entries(clip), ['a-2', { x: 140, y: 90 }]]);
    expect(pasteOffset(clip, once)).toEqual({ x: 80, y: 80 });
    const twice = layoutOf([...Object.entries(once), ['b-3', { x: 380, y: 160 }]]);
    expect(pasteOffset(clip, twice)).toEqual({ x: 120, y: 120 });
  });

  it('gives unplaced copies the first step', () => {
    expect(pasteOffset(layoutOf([]), clip)).toEqual({ x: 40, y: 40 });
  });
});
