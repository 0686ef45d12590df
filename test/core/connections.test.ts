// Wiring dependencies: connect / disconnect, and the whole-graph questions
// (topological order, dependency levels, cycle paths).
import { describe, expect, it } from 'vitest';
import {
  addTask,
  checkConnection,
  connect,
  createPipeline,
  dependencyView,
  disconnect,
  findCycle,
  findTask,
  openDocuments,
  templates,
  topologicalOrder,
  validate,
  withTemplates,
  type Pipeline,
  type Task,
} from '../../src/core';
import { dagWorkflow, ECHO_TEMPLATE_FLOW } from '../support/fixtures';
import { TIMEOUT } from '../support/timeouts';
import { scopeTasks } from '../../src/core/model/scope';
import { withTasks } from '../support/scope';

function dagOf(tasks: Task[]): Pipeline {
  const p = createPipeline({ name: 'wf' });
  const echo = { name: 'echo', container: { image: 'alpine' } };
  return withTasks(withTemplates(p, [...templates(p), echo]), tasks);
}

const t = (name: string, fields: Partial<Task> = {}): Task => ({
  name,
  template: 'echo',
  ...fields,
});

/** Every edge `up -> down` of a task list, read back from its fields. */
function edgesOf(p: Pipeline): string[] {
  return (dependencyView(scopeTasks(p)) ?? []).flatMap((r) =>
    r.upstream.map((u) => `${u}->${r.task}`),
  );
}

describe('connect', () => {
  it.each<[string, Task[], [string, string, ('Failed' | 'Succeeded')?], Task]>([
    //   a    b      ->   a -> b
    ['adds depends', [t('a'), t('b')], ['a', 'b'], t('b', { depends: 'a' })],
    //   a -> c <- b  (second upstream is ANDed)
    [
      'ANDs a second upstream',
      [t('a'), t('b'), t('c', { depends: 'a' })],
      ['b', 'c'],
      t('c', { depends: 'a && b' }),
    ],
    [
      'extends a conjunction without nesting',
      [t('a'), t('b'), t('x'), t('c', { depends: 'a && b' })],
      ['x', 'c'],
      t('c', { depends: 'a && b && x' }),
    ],
    [
      'parenthesises a disjunction',
      [t('a'), t('b'), t('x'), t('c', { depends: 'a || b' })],
      ['x', 'c'],
      t('c', { depends: '(a || b) && x' }),
    ],
    ['per-edge result', [t('a'), t('b')], ['a', 'b', 'Failed'], t('b', { depends: 'a.Failed' })],
    [
      'uses a dependencies list when the DAG already does',
      [t('a'), t('b'), t('c', { dependencies: ['a'] })],
      ['b', 'c'],
      t('c', { dependencies: ['a', 'b'] }),
    ],
    [
      'starts a list in a DAG of lists',
      [t('a'), t('b', { dependencies: ['a'] }), t('c')],
      ['a', 'c'],
      t('c', { dependencies: ['a'] }),
    ],
    [
      'uses depends when any task uses depends',
      [t('a'), t('b', { depends: 'a' }), t('c')],
      ['a', 'c'],
      t('c', { depends: 'a' }),
    ],
  ])('%s', (_label, tasks, [from, to, result], expected) => {
    const p = dagOf(tasks);
    const r = connect(p, from, to, result);
    expect(r.diagnostics).toEqual([]);
    expect(findTask(r.pipeline, to)).toEqual(expected);
    expect(edgesOf(r.pipeline)).toContain(`${from}->${to}`);
    expect(validate(r.pipeline)).toEqual([]);
  });

  it('rewrites a DAG of lists as depends when an edge needs a result (Argo rejects both forms)', () => {
    //   a -> b    c      connect a -Failed-> c
    const p = dagOf([
      t('a'),
      t('b', { dependencies: ['a'] }),
      t('c'),
      t('d', { dependencies: [] }),
    ]);
    const r = connect(p, 'a', 'c', 'Failed');
    expect(r.diagnostics).toEqual([]);
    expect(scopeTasks(r.pipeline)).toEqual([
      t('a'),
      t('b', { depends: 'a' }),
      t('c', { depends: 'a.Failed' }),
      t('d'),
    ]);
    expect(validate(r.pipeline)).toEqual([]);
  });

  it.each<[string, Task[], string, string, string, string, string[] | undefined]>([
    ['self-loop', [t('a')], 'a', 'a', 'self-dependency', 'cannot depend on itself', ['a', 'a']],
    [
      'duplicate edge',
      [t('a'), t('b', { depends: 'a' })],
      'a',
      'b',
      'duplicate-dependency',
      'b already depends on a',
      undefined,
    ],
    [
      'duplicate edge with another result',
      [t('a'), t('b', { depends: 'a.Failed' })],
      'a',
      'b',
      'duplicate-dependency',
      'b already depends on a',
      undefined,
    ],
    [
      'duplicate list entry',
      [t('a'), t('b', { dependencies: ['a'] })],
      'a',
      'b',
      'duplicate-dependency',
      'b already depends on a',
      undefined,
    ],
    ['unknown upstream', [t('a')], 'x', 'a', 'unknown-task', "no task named 'x'", undefined],
    ['unknown downstream', [t('a')], 'a', 'x', 'unknown-task', "no task named 'x'", undefined],
    // a -> b -> c, then c -> a closes c -> a -> b -> c
    [
      'cycle of three',
      [t('a'), t('b', { depends: 'a' }), t('c', { depends: 'b' })],
      'c',
      'a',
      'cycle',
      'dependency cycle detected: c -> a -> b -> c',
      ['c', 'a', 'b', 'c'],
    ],
    // a -> b, then b -> a
    [
      'cycle of two',
      [t('a'), t('b', { depends: 'a.Failed' })],
      'b',
      'a',
      'cycle',
      'dependency cycle detected: b -> a -> b',
      ['b', 'a', 'b'],
    ],
    //   a -> b -> d        connect d -> a
    //    \-> c --^
    [
      'cycle through a diamond',
      [t('a'), t('b', { depends: 'a' }), t('c', { depends: 'a' }), t('d', { depends: 'c' })],
      'd',
      'a',
      'cycle',
      'dependency cycle detected: d -> a -> c -> d',
      ['d', 'a', 'c', 'd'],
    ],
  ])('refuses a %s', (_label, tasks, from, to, code, message, cycle) => {
    const p = dagOf(tasks);
    const r = connect(p, from, to);
    expect(r.pipeline).toBe(p);
    expect(r.diagnostics).toHaveLength(1);
    expect(r.diagnostics[0]).toMatchObject({ code, severity: 'error', task: to });
    expect(r.diagnostics[0]!.message).toContain(message);
    expect(r.cycle).toEqual(cycle);
    if (cycle) {
      // the reported path is a real cycle once from -> to is added
      const edges = new Set([...edgesOf(p), `${from}->${to}`]);
      expect(cycle[0]).toBe(cycle[cycle.length - 1]);
      for (let k = 0; k + 1 < cycle.length; k++) {
        expect(edges.has(`${cycle[k]}->${cycle[k + 1]}`), `${cycle[k]}->${cycle[k + 1]}`).toBe(
          true,
        );
      }
    }
  });

  it('keeps a refused pipeline usable: after a refusal the next edge still works', () => {
    const p = dagOf([t('a'), t('b', { depends: 'a' }), t('c')]);
    const refused = connect(p, 'b', 'a');
    expect(refused.pipeline).toBe(p);
    const ok = connect(refused.pipeline, 'b', 'c');
    expect(findTask(ok.pipeline, 'c')).toEqual(t('c', { depends: 'b' }));
    // and the graph learned the new edge: c -> a now closes a cycle
    expect(connect(ok.pipeline, 'c', 'a').cycle).toEqual(['c', 'a', 'b', 'c']);
  });
});

describe('disconnect', () => {
  it.each<[string, Task, string, Task]>([
    ['removes the only term and deletes depends', t('c', { depends: 'a' }), 'a', t('c')],
    ['removes one term', t('c', { depends: 'a && b' }), 'a', t('c', { depends: 'b' })],
    [
      'removes every term naming the task',
      t('c', { depends: '(a.Failed || b) && !a.Errored' }),
      'a',
      t('c', { depends: 'b' }),
    ],
    [
      'removes a list entry',
      t('c', { dependencies: ['a', 'b'] }),
      'a',
      t('c', { dependencies: ['b'] }),
    ],
    ['deletes an emptied list', t('c', { dependencies: ['a'] }), 'a', t('c')],
  ])('%s', (_label, task, from, expected) => {
    const p = dagOf([t('a'), t('b'), task]);
    const next = disconnect(p, from, 'c');
    expect(findTask(next, 'c')).toEqual(expected);
    expect(scopeTasks(next)[0]).toBe(scopeTasks(p)[0]);
    expect(edgesOf(next)).not.toContain(`${from}->c`);
  });

  it.each([
    ['no such edge', 'b', 'c'],
    ['unknown upstream', 'x', 'c'],
    ['unknown downstream', 'a', 'x'],
  ])('returns the same pipeline for %s', (_label, from, to) => {
    const p = dagOf([t('a'), t('b'), t('c', { depends: 'a' })]);
    expect(disconnect(p, from, to)).toBe(p);
  });

  it('lets the removed edge be added again, and its reverse', () => {
    const p = dagOf([t('a'), t('b', { depends: 'a' })]);
    const cut = disconnect(p, 'a', 'b');
    expect(connect(cut, 'b', 'a').diagnostics).toEqual([]);
    expect(connect(cut, 'a', 'b').diagnostics).toEqual([]);
  });
});

describe('topologicalOrder, dependencyView, findCycle', () => {
  //     A
  //    / \
  //   B   C
  //    \ /
  //     D
  const diamond = [
    t('D', { depends: 'B && C' }),
    t('C', { depends: 'A' }),
    t('B', { depends: 'A.Succeeded' }),
    t('A'),
  ];

  it('orders the diamond with A first and D last, and gives levels', () => {
    const order = topologicalOrder(diamond)!;
    expect(order[0]).toBe('A');
    expect(order[3]).toBe('D');
    expect(new Set(order)).toEqual(new Set(['A', 'B', 'C', 'D']));
    const view = dependencyView(diamond)!;
    const byTask = Object.fromEntries(view.map((r) => [r.task, r]));
    expect(byTask).toEqual({
      A: { task: 'A', upstream: [], level: 0 },
      B: { task: 'B', upstream: ['A'], level: 1 },
      C: { task: 'C', upstream: ['A'], level: 1 },
      D: { task: 'D', upstream: ['B', 'C'], level: 2 },
    });
    expect(view.map((r) => r.task)).toEqual(order);
    expect(findCycle(diamond)).toBeUndefined();
  });

  it.each<[string, Task[], number[]]>([
    // level is 1 + the deepest upstream level, not the shortest
    //   a -> b -> c
    //    \-------^
    [
      'longest path wins',
      [t('a'), t('b', { depends: 'a' }), t('c', { depends: 'a && b' })],
      [0, 1, 2],
    ],
    ['unknown upstream is ignored', [t('a', { depends: 'ghost' })], [0]],
    ['no tasks', [], []],
  ])('levels: %s', (_label, tasks, levels) => {
    expect(dependencyView(tasks)!.map((r) => r.level)).toEqual(levels);
  });

  it('finds the cycle in an imported YAML and has no order for it', () => {
    //   a -> b -> c -> a   (d hangs off c)
    const text = dagWorkflow({
      metadata: '  generateName: cyclic-',
      tasks: `      - {name: a, template: echo, depends: c}
      - {name: b, template: echo, depends: a}
      - {name: c, template: echo, dependencies: [b]}
      - {name: d, template: echo, depends: c}`,
      templates: ECHO_TEMPLATE_FLOW,
    });
    const p = openDocuments(text, 'cyclic.yaml').documents[0]!.pipeline!;
    expect(topologicalOrder(scopeTasks(p))).toBeUndefined();
    expect(dependencyView(scopeTasks(p))).toBeUndefined();
    expect(findCycle(scopeTasks(p))).toEqual(['a', 'b', 'c', 'a']);
  });

  it.each<[string, Task[], string[]]>([
    ['self-loop', [t('a', { depends: 'a' })], ['a', 'a']],
    [
      'two-cycle after an acyclic prefix',
      [t('x'), t('a', { depends: 'x && b' }), t('b', { depends: 'a' })],
      ['a', 'b', 'a'],
    ],
  ])('findCycle: %s', (_label, tasks, cycle) => {
    expect(findCycle(tasks)).toEqual(cycle);
  });

  // 10,000 tasks: 0.6 s quiet, several seconds at load 20.
  it('handles a 10,000-task chain without overflowing the stack', { timeout: TIMEOUT.cpu }, () => {
    const chain = Array.from({ length: 10_000 }, (_, i) =>
      t(`t${i}`, i > 0 ? { depends: `t${i - 1}` } : {}),
    );
    expect(dependencyView(chain)!.at(-1)).toMatchObject({ task: 't9999', level: 9999 });
    const cyclic = [{ ...chain[0]!, depends: 't9999' }, ...chain.slice(1)];
    expect(findCycle(cyclic)).toHaveLength(10_001);
  });
});

describe('refusedTargets', () => {
  it('names the source, its ancestors and the tasks already depending on it', async () => {
    const { refusedTargets } = await import('../../src/core/model/connections');
    //  a -> b -> c      d (unrelated)
    let p = createPipeline();
    for (const name of ['a', 'b', 'c', 'd'])
      p = addTask(p, { name, template: { name: 't', container: { image: 'alpine' } } }).pipeline;
    p = connect(connect(p, 'a', 'b').pipeline, 'b', 'c').pipeline;
    expect([...refusedTargets(p, 'b')].sort()).toEqual(['a', 'b', 'c']);
    expect([...refusedTargets(p, 'c')].sort()).toEqual(['a', 'b', 'c']);
    expect([...refusedTargets(p, 'a')].sort()).toEqual(['a', 'b']);
    expect([...refusedTargets(p, 'nope')]).toEqual([]);
    // Agrees with checkConnection for every pair.
    for (const from of ['a', 'b', 'c', 'd'])
      for (const to of ['a', 'b', 'c', 'd'])
        expect(refusedTargets(p, from).has(to)).toBe(checkConnection(p, from, to) !== undefined);
  });
});
