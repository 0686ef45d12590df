// Editor ergonomics in the core (issue 13): insert on an edge, upstream and
// downstream, align and distribute, bulk field edits, move into a new DAG.
import { describe, expect, it } from 'vitest';
import {
  createPipeline,
  findTask,
  templates,
  withTemplates,
  type Pipeline,
  type Task,
} from '../../../src/core';
import { insertOnEdge } from '../../../src/core/ergonomics/insertOnEdge';
import { downstreamOf, upstreamOf } from '../../../src/core/ergonomics/reach';
import { alignBoxes, distributeBoxes } from '../../../src/core/ergonomics/arrange';
import { moveIntoNewDag, setFieldOnTasks } from '../../../src/core/ergonomics/bulk';
import { scopeLayout, scopeTasks } from '../../../src/core/model/scope';
import { findTemplate } from '../../../src/core/model/spec';
import { layoutOf } from '../../../src/core/model/layout';
import { withTasks } from '../../support/scope';

const echo = { name: 'echo', container: { image: 'alpine' } };
const t = (name: string, fields: Partial<Task> = {}): Task => ({
  name,
  template: 'echo',
  ...fields,
});
function dagOf(tasks: Task[], layout?: Record<string, { x: number; y: number }>): Pipeline {
  const p = createPipeline({ name: 'wf' });
  return withTasks(
    withTemplates(p, [...templates(p), echo]),
    tasks,
    layout ? layoutOf(Object.entries(layout)) : undefined,
  );
}

//   a -> b -> c, a -> d
const chain = () =>
  dagOf([
    t('a'),
    t('b', { depends: 'a.Succeeded' }),
    t('c', { depends: 'b' }),
    t('d', { depends: 'a' }),
  ]);

describe('insertOnEdge', () => {
  it('puts the new task between the two and keeps the downstream result', () => {
    const { pipeline, name, diagnostics } = insertOnEdge(chain(), 'a', 'b', {
      name: 'check',
      fields: { template: 'echo' },
      position: { x: 5, y: 6 },
    });
    expect(diagnostics).toEqual([]);
    expect(name).toBe('check');
    expect(findTask(pipeline, 'check')?.depends).toBe('a');
    expect(findTask(pipeline, 'b')?.depends).toBe('check.Succeeded');
    expect(findTask(pipeline, 'd')?.depends).toBe('a');
    expect(scopeLayout(pipeline).check).toEqual({ x: 5, y: 6 });
  });

  it('rewires a dependencies list', () => {
    const p = dagOf([t('a'), t('b', { dependencies: ['a'] })]);
    const { pipeline } = insertOnEdge(p, 'a', 'b', { name: 'mid', fields: { template: 'echo' } });
    expect(findTask(pipeline, 'b')?.dependencies).toEqual(['mid']);
    expect(findTask(pipeline, 'mid')?.dependencies).toEqual(['a']);
  });

  it('refuses an edge that does not exist and changes nothing', () => {
    const p = chain();
    const out = insertOnEdge(p, 'c', 'a', { name: 'x' });
    expect(out.pipeline).toBe(p);
    expect(out.diagnostics[0]?.code).toBe('unknown-dependency');
  });
});

describe('upstream and downstream', () => {
  it('follows dependencies transitively, both ways', () => {
    expect(upstreamOf(chain(), ['c']).sort()).toEqual(['a', 'b']);
    expect(downstreamOf(chain(), ['a']).sort()).toEqual(['b', 'c', 'd']);
    expect(downstreamOf(chain(), ['c'])).toEqual([]);
  });
});

describe('align and distribute', () => {
  const boxes = [
    { name: 'a', x: 0, y: 0, width: 100, height: 40 },
    { name: 'b', x: 50, y: 100, width: 200, height: 40 },
    { name: 'c', x: 400, y: 30, width: 100, height: 40 },
  ];
  it('aligns left, right and centres', () => {
    expect(alignBoxes(boxes, 'left').get('b')).toEqual({ x: 0, y: 100 });
    expect(alignBoxes(boxes, 'right').get('a')).toEqual({ x: 400, y: 0 });
    expect(alignBoxes(boxes, 'top').get('b')).toEqual({ x: 50, y: 0 });
    expect(alignBoxes(boxes, 'centre-y').get('a')).toEqual({ x: 0, y: 50 });
  });
  it('distributes with equal gaps, the ends staying put', () => {
    const moves = distributeBoxes(boxes, 'horizontal');
    // span 0..500, widths 400: gaps of 50.
    expect(moves.get('a')).toEqual({ x: 0, y: 0 });
    expect(moves.get('b')).toEqual({ x: 150, y: 100 });
    expect(moves.get('c')).toEqual({ x: 400, y: 30 });
    expect(distributeBoxes(boxes.slice(0, 2), 'vertical').size).toBe(0);
  });
});

describe('bulk actions', () => {
  it('sets a template field on the templates the tasks run and names the others', () => {
    const p = withTemplates(chain(), [...templates(chain()), { name: 'other', container: {} }]);
    const q = withTasks(p, [...scopeTasks(p), t('e', { template: 'other' })]);
    const { value, diagnostics } = setFieldOnTasks(q, ['a', 'e'], 'retryStrategy', { limit: 2 });
    expect(findTemplate(value, 'echo')?.retryStrategy).toEqual({ limit: 2 });
    expect(findTemplate(value, 'other')?.retryStrategy).toEqual({ limit: 2 });
    expect(diagnostics[0]?.message).toMatch(/b, c, d run the same template/);
  });
  it('sets a task field on the tasks only', () => {
    const { value } = setFieldOnTasks(chain(), ['b', 'c'], 'when', '{{workflow.status}} == x');
    expect(findTask(value, 'b')?.when).toBe('{{workflow.status}} == x');
    expect(findTask(value, 'a')?.when).toBeUndefined();
  });

  it('moves tasks into a new DAG called where they were', () => {
    // a -> b -> c, a -> d: move b and c
    const p = dagOf(
      [t('a'), t('b', { depends: 'a' }), t('c', { depends: 'b' }), t('d', { depends: 'a && c' })],
      { a: { x: 0, y: 0 }, b: { x: 100, y: 0 }, c: { x: 200, y: 100 } },
    );
    const out = moveIntoNewDag(p, ['b', 'c']);
    expect(out.diagnostics).toEqual([]);
    const dag = findTemplate(out.value, out.template)?.dag as { tasks: Task[] };
    expect(dag.tasks.map((x) => [x.name, x.depends])).toEqual([
      ['b', undefined],
      ['c', 'b'],
    ]);
    expect(findTask(out.value, 'group')).toMatchObject({ template: 'group', depends: 'a' });
    expect(findTask(out.value, 'd')?.depends).toBe('a && group');
    expect(scopeLayout(out.value).group).toEqual({ x: 150, y: 50 });
    expect(out.value.layouts.group?.c).toEqual({ x: 200, y: 100 });
  });

  it('refuses a move that would close a cycle', () => {
    // b -> x -> c, moving b and c makes group -> x -> group
    const p = dagOf([t('b'), t('x', { depends: 'b' }), t('c', { depends: 'x' })]);
    const out = moveIntoNewDag(p, ['b', 'c']);
    expect(out.value).toBe(p);
    expect(out.diagnostics[0]?.code).toBe('cycle');
  });

  it('refuses a move that would cut a reference to outputs', () => {
    const p = dagOf([
      t('a'),
      t('b', {
        depends: 'a',
        arguments: { parameters: [{ name: 'x', value: '{{tasks.a.outputs.result}}' }] },
      }),
    ]);
    expect(moveIntoNewDag(p, ['b']).diagnostics[0]?.code).toBe('crossing-reference');
  });
});
