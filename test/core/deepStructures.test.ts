// Walks over documents nested deeper than the call stack allows (issue 8).
// The YAML loader will refuse such text (its own depth limit), but a pipeline
// can also be built in code, and every walk in the core must finish either
// way: these build 20,000 levels directly, past where the recursive versions overflowed.
import { describe, expect, it } from 'vitest';
import {
  addTask,
  compile,
  createPipeline,
  renameTask,
  validate,
  type JsonObject,
  type Pipeline,
} from '../../src/core';
import { orderManifest } from '../../src/core/argo/keyOrder';
import { usedTemplateNames } from '../../src/core/model/templateRefs';
import { templateUseCount } from '../../src/core/model/resourceFields';
import { deepEqual } from '../../src/core/util/deepEqual';
import { scopeTasks } from '../../src/core/model/scope';
import { withTasks } from '../support/scope';

const DEPTH = 20_000;

/** `[{b: 1, name: 'x', c: [{... leaf}]}]` nested `depth` times around `leaf`. */
function deepList(depth: number, leaf: unknown): unknown {
  let value = leaf;
  for (let i = 0; i < depth; i++) value = [{ b: i, name: `n${i}`, c: value }];
  return value;
}

/** The depth of nesting of lists in `deepList`'s shape, counted without recursion. */
function listDepth(value: unknown): number {
  let depth = 0;
  let v = value;
  while (Array.isArray(v)) {
    depth++;
    v = (v[0] as { c: unknown }).c;
  }
  return depth;
}

/** A pipeline whose task `a` carries a deeply nested argument value. */
function deepPipeline(): Pipeline {
  let p = createPipeline({ name: 'deep' });
  const echo = { name: 'echo', container: { image: 'alpine' } };
  ({ pipeline: p } = addTask(p, { name: 'a', template: echo }));
  const deep = deepList(DEPTH, '{{tasks.ghost.outputs.result}}');
  const tasks = scopeTasks(p).map((t) => ({ ...t, withItems: deep as unknown[] }));
  return { ...withTasks(p, tasks), extra: { status: { nodes: deep } } };
}

describe('walks over deep structures', { timeout: 30_000 }, () => {
  it('key ordering puts name first at every level without overflowing', () => {
    const ordered = orderManifest({ spec: { x: deepList(DEPTH, 'leaf') } }) as {
      spec: { x: unknown };
    };
    expect(listDepth(ordered.spec.x)).toBe(DEPTH);
    let v = ordered.spec.x;
    for (let i = 0; i < 3; i++) {
      const item = (v as JsonObject[])[0]!;
      expect(Object.keys(item)).toEqual(['name', 'b', 'c']);
      v = item.c;
    }
  });

  it('compile copies a deep task field and a deep top-level field', () => {
    const m = compile(deepPipeline());
    expect(listDepth((m.status as { nodes: unknown }).nodes)).toBe(DEPTH);
  });

  it('deepEqual compares deep values', () => {
    expect(deepEqual(deepList(DEPTH, 'x'), deepList(DEPTH, 'x'))).toBe(true);
    expect(deepEqual(deepList(DEPTH, 'x'), deepList(DEPTH, 'y'))).toBe(false);
  });

  it('validate finds the output reference at the bottom of a deep field', () => {
    const found = validate(deepPipeline());
    expect(found.map((d) => d.code)).toContain('unknown-reference');
  });

  it('renaming a task rewrites a reference at the bottom of a deep field, sharing the rest', () => {
    let p = deepPipeline();
    const echo = { name: 'echo', container: { image: 'alpine' } };
    ({ pipeline: p } = addTask(p, { name: 'ghost', template: echo }));
    const renamed = renameTask(p, 'ghost', 'spirit').value;
    let v: unknown = scopeTasks(renamed).find((t) => t.name === 'a')!.withItems;
    while (Array.isArray(v)) v = (v[0] as { c: unknown }).c;
    expect(v).toBe('{{tasks.spirit.outputs.result}}');
    // the untouched top-level field keeps its identity
    expect(renamed.extra).toBe(p.extra);
  });

  it('template use counts walk deep specs', () => {
    const p = deepPipeline();
    const spec = { ...p.spec, deep: deepList(DEPTH, { template: 'echo' }) };
    const withDeep = { ...p, spec };
    expect(usedTemplateNames(withDeep).has('echo')).toBe(true);
    expect(templateUseCount(withDeep, 'echo')).toBe(2);
  });
});
