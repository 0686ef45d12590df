// Properties of the simulator on random DAGs (fast-check):
// - without failures every task runs, succeeds, and starts only after every
//   task it depends on ended; the workflow succeeds;
// - with failures, still no task starts (or is decided Omitted) before the
//   tasks it names ended, and every task gets a node;
// - stepping one reconciliation at a time ends where running at once ends.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { JsonObject } from '../../../src/core/model/types';
import { Simulation, simulate } from '../../../src/core/simulate';
import { TIMEOUT } from '../../support/timeouts';
import { dagWorkflow } from './helpers';

interface Spec {
  tasks: JsonObject[];
  upstream: Map<string, string[]>;
}

/** Task i may depend on any earlier task, written as depends (&& or ||) or as dependencies. */
const dagSpec: fc.Arbitrary<Spec> = fc
  .array(
    fc.record({
      picks: fc.array(fc.nat(), { maxLength: 3 }),
      form: fc.constantFrom('and', 'or', 'dependencies'),
    }),
    { minLength: 1, maxLength: 12 },
  )
  .map((rows) => {
    const upstream = new Map<string, string[]>();
    const tasks = rows.map((row, i) => {
      const name = `t${i}`;
      const deps = i === 0 ? [] : [...new Set(row.picks.map((p) => `t${p % i}`))];
      upstream.set(name, deps);
      if (deps.length === 0) return { name };
      if (row.form === 'dependencies') return { name, dependencies: deps };
      return { name, depends: deps.join(row.form === 'and' ? ' && ' : ' || ') };
    });
    return { tasks, upstream };
  });

function checkOrder(spec: Spec, snap: ReturnType<typeof simulate>): void {
  const byTask = new Map(snap.nodes.map((n) => [n.displayName, n]));
  for (const [task, deps] of spec.upstream) {
    const n = byTask.get(task);
    if (!n) continue;
    for (const d of deps) {
      const up = byTask.get(d);
      expect(up?.finishedStep, `${d} ended before ${task} started`).toBeDefined();
      expect(n.startedStep).toBeGreaterThanOrEqual(up!.finishedStep!);
    }
  }
}

describe('simulator properties', () => {
  it(
    'without failures every task runs after all its upstream tasks, and succeeds',
    () => {
      fc.assert(
        fc.property(dagSpec, (spec) => {
          const snap = simulate(dagWorkflow(spec.tasks));
          expect(snap.phase).toBe('Succeeded');
          const tasks = snap.nodes.filter((n) => n.type === 'Pod');
          expect(tasks.map((n) => n.displayName).sort()).toEqual(
            spec.tasks.map((t) => String(t.name)).sort(),
          );
          for (const n of tasks) expect(n.phase).toBe('Succeeded');
          checkOrder(spec, snap);
        }),
        { numRuns: 200 },
      );
    },
    TIMEOUT.cpu,
  );

  it(
    'with failures, nothing is decided before its upstream tasks ended, and every task is decided',
    () => {
      fc.assert(
        fc.property(dagSpec, fc.array(fc.nat(), { maxLength: 4 }), (spec, failing) => {
          const outcomes = Object.fromEntries(
            failing.map((f) => [`t${f % spec.tasks.length}`, { phase: 'Failed' as const }]),
          );
          const snap = simulate(dagWorkflow(spec.tasks), { outcomes });
          expect(snap.finished).toBe(true);
          const decided = new Set(snap.nodes.map((n) => n.displayName));
          for (const t of spec.tasks) expect(decided.has(String(t.name))).toBe(true);
          checkOrder(spec, snap);
          if (Object.keys(outcomes).length === 0) expect(snap.phase).toBe('Succeeded');
        }),
        { numRuns: 200 },
      );
    },
    TIMEOUT.cpu,
  );

  it(
    'one step at a time ends where running at once ends',
    () => {
      fc.assert(
        fc.property(dagSpec, fc.array(fc.nat(), { maxLength: 3 }), (spec, failing) => {
          const outcomes = Object.fromEntries(
            failing.map((f) => [`t${f % spec.tasks.length}`, { phase: 'Failed' as const }]),
          );
          const manifest = dagWorkflow(spec.tasks);
          const sim = new Simulation(manifest, { outcomes });
          while (!sim.done) sim.advance();
          expect(sim.snapshot()).toEqual(simulate(manifest, { outcomes }));
        }),
        { numRuns: 100 },
      );
    },
    TIMEOUT.cpu,
  );
});
