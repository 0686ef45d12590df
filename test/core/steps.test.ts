// Steps templates: groups run one after another, the steps of a group in
// parallel. Operations keep untouched groups and steps as the same objects;
// converting to a DAG keeps the order in which things run.
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { parseDepends, dependsTasks, isParseError } from '../../src/core/argo/depends';
import { stepsToDag, wrapInDag } from '../../src/core/model/convert';
import {
  findStep,
  insertStep,
  moveStep,
  removeStep,
  stepGroups,
  updateStep,
  type Step,
  type StepGroups,
} from '../../src/core/model/steps';
import type { Template } from '../../src/core/model/types';
import { TIMEOUT } from '../support/timeouts';

// Two property runs over random step sequences: CPU-bound, so the CPU limit.
vi.setConfig({ testTimeout: TIMEOUT.cpu });

const s = (name: string, extra: object = {}): Step => ({ name, template: 'echo', ...extra });
const names = (groups: StepGroups): string[][] => groups.map((g) => g.map((x) => x.name));

//   hello1
//   hello2a | hello2b     (Argo's steps.yaml)
const HELLO: StepGroups = [[s('hello1')], [s('hello2a'), s('hello2b')]];

describe('step operations', () => {
  it('inserts a step beside others (parallel) or as a new group (sequential)', () => {
    expect(names(insertStep(HELLO, s('x'), { group: 1, index: 1 }))).toEqual([
      ['hello1'],
      ['hello2a', 'x', 'hello2b'],
    ]);
    expect(names(insertStep(HELLO, s('x'), { newGroup: 1 }))).toEqual([
      ['hello1'],
      ['x'],
      ['hello2a', 'hello2b'],
    ]);
    expect(names(insertStep(HELLO, s('x'), { newGroup: 9 }))).toEqual([
      ['hello1'],
      ['hello2a', 'hello2b'],
      ['x'],
    ]);
    expect(names(insertStep([], s('x'), { group: 0, index: 0 }))).toEqual([['x']]);
  });

  it('keeps untouched groups as the same objects', () => {
    const next = insertStep(HELLO, s('x'), { group: 1, index: 0 });
    expect(next[0]).toBe(HELLO[0]);
    expect(next[1]).not.toBe(HELLO[1]);
  });

  it('removes a step, and its group when it was the last', () => {
    expect(names(removeStep(HELLO, 'hello2a'))).toEqual([['hello1'], ['hello2b']]);
    expect(names(removeStep(HELLO, 'hello1'))).toEqual([['hello2a', 'hello2b']]);
    expect(names(removeStep(HELLO, 'ghost'))).toEqual(names(HELLO));
  });

  it('moves a step to a place given in the groups as they were', () => {
    expect(names(moveStep(HELLO, 'hello1', { group: 1, index: 2 }))).toEqual([
      ['hello2a', 'hello2b', 'hello1'],
    ]);
    expect(names(moveStep(HELLO, 'hello2b', { newGroup: 0 }))).toEqual([
      ['hello2b'],
      ['hello1'],
      ['hello2a'],
    ]);
    expect(names(moveStep(HELLO, 'hello2a', { group: 1, index: 2 }))).toEqual([
      ['hello1'],
      ['hello2b', 'hello2a'],
    ]);
    expect(names(moveStep(HELLO, 'hello1', { newGroup: 2 }))).toEqual([
      ['hello2a', 'hello2b'],
      ['hello1'],
    ]);
  });

  it('updates one step', () => {
    const next = updateStep(HELLO, 'hello2b', (x) => ({ ...x, when: '{{x}} == 1' }));
    expect(next[1]![1]).toEqual({ ...HELLO[1]![1], when: '{{x}} == 1' });
    expect(next[1]![0]).toBe(HELLO[1]![0]);
  });

  it('keeps every step exactly once through any sequence of moves and inserts', () => {
    const op = fc.oneof(
      fc.record({
        kind: fc.constant('move' as const),
        who: fc.nat(20),
        g: fc.nat(6),
        i: fc.nat(6),
        newGroup: fc.boolean(),
      }),
      fc.record({
        kind: fc.constant('insert' as const),
        g: fc.nat(6),
        i: fc.nat(6),
        newGroup: fc.boolean(),
      }),
      fc.record({ kind: fc.constant('remove' as const), who: fc.nat(20) }),
    );
    fc.assert(
      fc.property(fc.array(op, { maxLength: 30 }), (ops) => {
        let groups: StepGroups = HELLO;
        let expected = new Set(['hello1', 'hello2a', 'hello2b']);
        let n = 0;
        for (const o of ops) {
          const all = groups.flat().map((x) => x.name);
          if (o.kind === 'insert') {
            const name = `n${n++}`;
            groups = insertStep(
              groups,
              s(name),
              o.newGroup ? { newGroup: o.g } : { group: o.g, index: o.i },
            );
            expected = new Set([...expected, name]);
          } else if (all.length > 0) {
            const who = all[o.who % all.length]!;
            if (o.kind === 'remove') {
              groups = removeStep(groups, who);
              expected.delete(who);
            } else {
              groups = moveStep(
                groups,
                who,
                o.newGroup ? { newGroup: o.g } : { group: o.g, index: o.i },
              );
            }
          }
          const flat = groups.flat().map((x) => x.name);
          expect(new Set(flat)).toEqual(expected);
          expect(flat).toHaveLength(expected.size);
          expect(groups.every((g) => g.length > 0)).toBe(true);
        }
      }),
    );
  });

  it('finds a step and reads groups from a template', () => {
    const template = { name: 'main', steps: HELLO };
    expect(findStep(stepGroups(template), 'hello2b')).toEqual({ group: 1, index: 1 });
    expect(stepGroups({ name: 'leaf', container: {} })).toEqual([]);
  });
});

describe('stepsToDag', () => {
  it('makes each step depend on every step of the group before, rewriting steps references', () => {
    const template: Template = {
      name: 'main',
      parallelism: 2,
      steps: [
        [s('gen')],
        [
          s('a', {
            arguments: { parameters: [{ name: 'x', value: '{{steps.gen.outputs.result}}' }] },
          }),
          s('b', { when: "{{=steps['gen'].outputs.result == 'ok'}}" }),
        ],
        [s('c')],
      ],
    };
    expect(stepsToDag(template)).toEqual({
      name: 'main',
      parallelism: 2,
      dag: {
        tasks: [
          s('gen'),
          s('a', {
            arguments: { parameters: [{ name: 'x', value: '{{tasks.gen.outputs.result}}' }] },
            depends: 'gen',
          }),
          s('b', { when: "{{=tasks['gen'].outputs.result == 'ok'}}", depends: 'gen' }),
          s('c', { depends: 'a && b' }),
        ],
      },
    });
  });

  it('uses dependencies when a step has continueOn, which Argo refuses beside depends', () => {
    const template: Template = {
      name: 'main',
      steps: [[s('a', { continueOn: { failed: true } }), s('b')], [s('c')]],
    };
    const dag = stepsToDag(template).dag as { tasks: Step[] };
    expect(dag.tasks.map((t) => [t.name, t.dependencies, t.depends])).toEqual([
      ['a', undefined, undefined],
      ['b', undefined, undefined],
      ['c', ['a', 'b'], undefined],
    ]);
    expect(dag.tasks[0]!.continueOn).toEqual({ failed: true });
  });

  it('keeps the order things run in (property): later groups wait on all earlier ones, a group runs in parallel', () => {
    const groupsArb = fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 1, maxLength: 6 });
    fc.assert(
      fc.property(groupsArb, (sizes) => {
        let n = 0;
        const groups = sizes.map((size) => Array.from({ length: size }, () => s(`s${n++}`)));
        const group = new Map(groups.flatMap((g, i) => g.map((x) => [x.name, i] as const)));
        const tasks = (stepsToDag({ name: 't', steps: groups }).dag as { tasks: Step[] }).tasks;
        const up = new Map(
          tasks.map((t) => {
            const parsed = typeof t.depends === 'string' ? parseDepends(t.depends) : undefined;
            if (parsed && isParseError(parsed)) throw new Error(parsed.message);
            return [t.name, parsed ? dependsTasks(parsed) : []] as const;
          }),
        );
        const ancestors = (name: string, seen = new Set<string>()): Set<string> => {
          for (const u of up.get(name) ?? []) if (!seen.has(u)) ancestors(u, seen.add(u));
          return seen;
        };
        for (const a of tasks)
          for (const b of tasks) {
            const runsBefore = ancestors(b.name).has(a.name);
            expect(runsBefore, `${a.name} before ${b.name}`).toBe(
              group.get(a.name)! < group.get(b.name)!,
            );
          }
      }),
    );
  });
});

describe('wrapInDag', () => {
  it('calls the leaf from a one-task DAG that passes its inputs through', () => {
    const leaf: Template = {
      name: 'print',
      inputs: {
        parameters: [{ name: 'msg', default: 'hi' }],
        artifacts: [{ name: 'in', path: '/in' }],
      },
      container: { image: 'alpine' },
    };
    expect(wrapInDag(leaf, new Set(['print', 'print-dag']))).toEqual({
      name: 'print-dag-2',
      inputs: { parameters: [{ name: 'msg', default: 'hi' }], artifacts: [{ name: 'in' }] },
      dag: {
        tasks: [
          {
            name: 'print',
            template: 'print',
            arguments: {
              parameters: [{ name: 'msg', value: '{{inputs.parameters.msg}}' }],
              artifacts: [{ name: 'in', from: '{{inputs.artifacts.in}}' }],
            },
          },
        ],
      },
    });
  });
});
