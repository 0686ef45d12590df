// Argo's enhanced depends, evaluated: each result and operator
// (docs/enhanced-depends-logic.md; workflow/common/ancestry.go expandDependency,
// workflow/controller/dag.go evaluateDependsLogic). The double and the simulator
// share this evaluator.
import { describe, expect, it } from 'vitest';
import {
  dependsLogic,
  evaluateDepends,
  taskResults,
  type DependsTask,
} from '../../../src/core/simulate';

type Phases = Record<string, string | { phase: string; children?: string[]; daemoned?: boolean }>;

function decide(task: DependsTask, phases: Phases, others: DependsTask[] = []): boolean | string {
  const byName = new Map(
    [...Object.keys(phases).map((name) => ({ name })), ...others].map((t) => [t.name, t]),
  );
  const logic = dependsLogic(task, (n) => byName.get(n));
  if (logic.kind === 'none') return true;
  if (logic.kind === 'invalid') return logic.message;
  return evaluateDepends(logic.expr, (n) => {
    const p = phases[n];
    if (p === undefined) return undefined;
    return typeof p === 'string' ? taskResults(p) : taskResults(p.phase, p);
  });
}

describe('each task result', () => {
  it.each([
    ['A.Succeeded', 'Succeeded', true],
    ['A.Succeeded', 'Failed', false],
    ['A.Failed', 'Failed', true],
    ['A.Failed', 'Error', false],
    ['A.Errored', 'Error', true],
    ['A.Errored', 'Failed', false],
    ['A.Skipped', 'Skipped', true],
    ['A.Skipped', 'Omitted', false],
    ['A.Omitted', 'Omitted', true],
    ['A.Omitted', 'Skipped', false],
    // A bare name: Succeeded || Skipped || Daemoned.
    ['A', 'Succeeded', true],
    ['A', 'Skipped', true],
    ['A', 'Failed', false],
    ['A', 'Error', false],
    ['A', 'Omitted', false],
  ])('%s when A is %s -> %s', (depends, phase, expected) => {
    expect(decide({ name: 'x', depends }, { A: phase })).toBe(expected);
  });

  it('Daemoned: a daemon that has started, whatever its phase', () => {
    expect(
      decide({ name: 'x', depends: 'A.Daemoned' }, { A: { phase: 'Running', daemoned: true } }),
    ).toBe(true);
    expect(decide({ name: 'x', depends: 'A' }, { A: { phase: 'Running', daemoned: true } })).toBe(
      true,
    );
    expect(
      decide({ name: 'x', depends: 'A.Daemoned' }, { A: { phase: 'Pending', daemoned: true } }),
    ).toBe(false);
  });

  it.each([
    [['Succeeded', 'Failed'], 'A.AnySucceeded', true],
    [['Failed', 'Failed'], 'A.AnySucceeded', false],
    [['Failed', 'Failed'], 'A.AllFailed', true],
    [['Failed', 'Error'], 'A.AllFailed', false],
    [[], 'A.AllFailed', false],
  ])('a loop whose items are %j: %s -> %s', (children, depends, expected) => {
    expect(
      decide({ name: 'x', depends }, { A: { phase: 'Failed', children: children as string[] } }),
    ).toBe(expected);
  });
});

describe('operators', () => {
  // dag-enhanced-depends.yaml with C failed: A, B succeeded.
  const run = { A: 'Succeeded', B: 'Succeeded', C: 'Failed' };
  it.each([
    ['A && (C.Succeeded || C.Failed)', true],
    ['B || C', true],
    ['B && C', false],
    ['!C', true],
    ['!C.Failed', false],
    ['!(B && C)', true],
    ['A && B && !C.Succeeded', true],
    ['(A || C) && (C.Errored || C.Failed)', true],
  ])('%s -> %s', (depends, expected) => {
    expect(decide({ name: 'x', depends }, run)).toBe(expected);
  });

  it('an expression that does not parse is an error, as Argo marks the task Error', () => {
    expect(decide({ name: 'x', depends: 'A &&' }, { A: 'Succeeded' })).toMatch(
      /unable to evaluate/,
    );
  });
});

describe('continueOn and legacy dependencies', () => {
  it('continueOn.failed lets a bare name accept Failed (expandDependency)', () => {
    const A = { name: 'A', continueOn: { failed: true } };
    expect(decide({ name: 'x', depends: 'A' }, { A: 'Failed' }, [A])).toBe(true);
    expect(decide({ name: 'x', depends: 'A' }, { A: 'Error' }, [A])).toBe(false);
    expect(decide({ name: 'x', dependencies: ['A'] }, { A: 'Failed' }, [A])).toBe(true);
  });

  it('continueOn.error lets a bare name accept Error, not Failed', () => {
    const A = { name: 'A', continueOn: { error: true } };
    expect(decide({ name: 'x', depends: 'A' }, { A: 'Error' }, [A])).toBe(true);
    expect(decide({ name: 'x', depends: 'A' }, { A: 'Failed' }, [A])).toBe(false);
  });

  it('continueOn does not change an explicit result', () => {
    const A = { name: 'A', continueOn: { failed: true } };
    expect(decide({ name: 'x', depends: 'A.Succeeded' }, { A: 'Failed' }, [A])).toBe(false);
  });

  it.each([
    [{ A: 'Succeeded', B: 'Skipped' }, true],
    [{ A: 'Succeeded', B: 'Failed' }, false],
    [{ A: 'Omitted', B: 'Succeeded' }, false],
  ])('dependencies [A, B] with %j -> %s (every one must pass)', (phases, expected) => {
    expect(decide({ name: 'x', dependencies: ['A', 'B'] }, phases)).toBe(expected);
  });

  it('names the tasks it waits for', () => {
    const logic = dependsLogic({ name: 'x', depends: 'A.Failed || (B && !C)' }, (n) => ({
      name: n,
    }));
    expect(logic.kind === 'logic' && logic.tasks).toEqual(['A', 'B', 'C']);
    expect(dependsLogic({ name: 'x' }, () => undefined)).toEqual({ kind: 'none' });
  });
});
