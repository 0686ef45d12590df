import { describe, expect, it } from 'vitest';
import { addTask, connect, createPipeline, type Pipeline, type Template } from '../../src/core';
import { autoLayout, NODE_HEIGHT, NODE_WIDTH } from '../../src/core/graph/autoLayout';
import { layoutInput } from '../../src/core/graph/layoutPlan';
import { nodeHeights } from '../../src/core/model/dataFlow';
import { scopeTasks } from '../../src/core/model/scope';

const withPorts: Template = {
  name: 'ported',
  inputs: { parameters: [{ name: 'a' }, { name: 'b' }, { name: 'c' }] },
  container: { image: 'alpine:3' },
};

//   a ──► b ──► d
//    └──► c ──┘
function diamond(): Pipeline {
  let p = createPipeline();
  for (const name of ['a', 'b', 'c', 'd']) p = addTask(p, { name, template: withPorts }).pipeline;
  for (const [from, to] of [
    ['a', 'b'],
    ['a', 'c'],
    ['b', 'd'],
    ['c', 'd'],
  ] as const) {
    const result = connect(p, from, to);
    expect(result.diagnostics).toEqual([]);
    p = result.pipeline;
  }
  return p;
}

describe('autoLayout', () => {
  it('places tasks left to right by dependency level', () => {
    const p = diamond();
    const layout = autoLayout(scopeTasks(p));
    expect(layout.a!.x).toBeLessThan(layout.b!.x);
    expect(layout.b!.x).toBe(layout.c!.x);
    expect(layout.c!.x).toBeLessThan(layout.d!.x);
  });

  it('leaves room for taller nodes so boxes never overlap', () => {
    const p = diamond();
    const heights = nodeHeights(p, NODE_HEIGHT);
    // Three input ports (plus result) make each node taller than the base.
    expect(heights.get('a')).toBeGreaterThan(NODE_HEIGHT);
    const layout = autoLayout(scopeTasks(p), heights);
    const box = (n: string) => ({ ...layout[n]!, w: NODE_WIDTH, h: heights.get(n) ?? NODE_HEIGHT });
    const overlap = (a: ReturnType<typeof box>, b: ReturnType<typeof box>) =>
      a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
    expect(overlap(box('b'), box('c'))).toBe(false);
  });
});

describe('layoutInput', () => {
  it('keeps names and dependencies only, and lays out the same', () => {
    const tasks = [
      { name: 'a', arguments: { parameters: [{ name: 'x', value: '1' }] } },
      { name: 'b', depends: 'a.Succeeded || a.Failed' },
      { name: 'c', dependencies: ['a', 'b'], template: 'echo' },
    ];
    const input = layoutInput(tasks);
    expect(input).toEqual([
      { name: 'a', dependencies: [] },
      { name: 'b', dependencies: ['a'] },
      { name: 'c', dependencies: ['a', 'b'] },
    ]);
    expect(autoLayout(input)).toEqual(autoLayout(tasks));
  });
});
