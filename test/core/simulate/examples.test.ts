// The simulator on Argo's own examples (../shared/argo/examples), with the
// outcome each example's templates produce (a template that runs `exit 1` fails,
// a coin flip gives the side the case names) and what Argo documents for it: the
// comments in the example, its `workflows.argoproj.io/no-test: expected-failure`
// label (Argo's example test suite expects every unlabelled example to succeed),
// docs/enhanced-depends-logic.md, and where neither says, the controller's code
// (workflow/controller dag.go, steps.go, operator.go).
import { readFileSync } from 'node:fs';
import { load } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import type { JsonObject } from '../../../src/core/model/types';
import { simulate, type SimulationOptions } from '../../../src/core/simulate';
import { argoExamplePath, hasShared, SKIP_REASON } from '../../support/sharedData';
import { phases } from './helpers';

const example = (file: string) => load(readFileSync(argoExamplePath(file), 'utf8')) as JsonObject;

interface Case {
  file: string;
  why: string;
  options?: SimulationOptions;
  phase: string;
  tasks?: Record<string, string>;
  /** Tasks of another template scope (a steps exit handler, a nested DAG). */
  scope?: { template: string; tasks: Record<string, string> };
  outputs?: Record<string, string>;
}

const fails = (...paths: string[]) =>
  Object.fromEntries(paths.map((p) => [p, { phase: 'Failed' as const }]));

const CASES: Case[] = [
  {
    file: 'dag-enhanced-depends.yaml',
    why: 'C runs `exit 1`; the task names say what runs; unlabelled, so Argo expects Succeeded',
    options: { outcomes: fails('C') },
    phase: 'Succeeded',
    tasks: {
      A: 'Succeeded',
      B: 'Succeeded',
      C: 'Failed',
      'should-execute-1': 'Succeeded',
      'should-execute-2': 'Succeeded',
      'should-not-execute': 'Omitted',
      'should-execute-3': 'Succeeded',
    },
  },
  {
    file: 'dag-continue-on-fail.yaml',
    why: 'B and E run intentional-fail; D depends on B.Failed && C; labelled expected-failure',
    options: { outcomes: fails('B', 'E') },
    phase: 'Failed',
    tasks: {
      A: 'Succeeded',
      B: 'Failed',
      C: 'Succeeded',
      D: 'Succeeded',
      E: 'Failed',
      F: 'Succeeded',
      G: 'Omitted',
    },
  },
  {
    file: 'dag-diamond.yaml',
    why: 'docs/walk-through/dag.md: A, then B and C, then D',
    phase: 'Succeeded',
    tasks: { A: 'Succeeded', B: 'Succeeded', C: 'Succeeded', D: 'Succeeded' },
  },
  {
    file: 'dag-targets.yaml',
    why: "its comment: a target of 'E' executes A, C and E, skipping B and D",
    phase: 'Succeeded',
    tasks: { A: 'Succeeded', C: 'Succeeded', E: 'Succeeded' },
  },
  {
    file: 'dag-targets.yaml',
    why: 'its comment: argo submit dag-targets.yaml -p target="B E"',
    options: { parameters: { target: 'B E' } },
    phase: 'Succeeded',
    tasks: { A: 'Succeeded', B: 'Succeeded', C: 'Succeeded', E: 'Succeeded' },
  },
  {
    file: 'dag-conditional-parameters.yaml',
    why: "heads: tails is skipped by its when, and stepresult takes the executed task's output",
    options: { outputs: { 'flip-coin': { result: 'heads' }, heads: { result: 'heads' } } },
    phase: 'Succeeded',
    tasks: { 'flip-coin': 'Succeeded', heads: 'Succeeded', tails: 'Skipped' },
    outputs: { 'parameters.stepresult': 'heads' },
  },
  {
    file: 'dag-conditional-artifacts.yaml',
    why: 'tails: heads is skipped by its when',
    options: { outputs: { 'flip-coin': { result: 'tails' } } },
    phase: 'Succeeded',
    tasks: { 'flip-coin': 'Succeeded', heads: 'Skipped', tails: 'Succeeded' },
  },
  {
    file: 'conditional-parameters.yaml',
    why: 'steps form of the same: tails, and stepresult from the tails step',
    options: { outputs: { 'flip-coin': { result: 'tails' }, tails: { result: 'tails' } } },
    phase: 'Succeeded',
    tasks: { 'flip-coin': 'Succeeded', heads: 'Skipped', tails: 'Succeeded' },
    outputs: { 'parameters.stepresult': 'tails' },
  },
  {
    file: 'conditionals.yaml',
    why: 'should-print=true: both the govaluate and the expr form run',
    options: { when: { 'print-hello-expr-json': false } },
    phase: 'Succeeded',
    tasks: {
      'print-hello-govaluate': 'Succeeded',
      'print-hello-expr': 'Succeeded',
      'print-hello-expr-json': 'Skipped',
    },
  },
  {
    file: 'conditionals.yaml',
    why: 'its comment: submitted with -p should-print=false the step is skipped',
    options: { parameters: { 'should-print': 'false' }, when: { 'print-hello-expr-json': false } },
    phase: 'Succeeded',
    tasks: {
      'print-hello-govaluate': 'Skipped',
      'print-hello-expr': 'Skipped',
      'print-hello-expr-json': 'Skipped',
    },
  },
  {
    file: 'conditionals-complex.yaml',
    why: 'heads then tails: heads runs, the complex condition holds, only the tails regex matches',
    options: { outputs: { 'flip-coin': { result: 'heads' }, 'flip-again': { result: 'tails' } } },
    phase: 'Succeeded',
    tasks: {
      'flip-coin': 'Succeeded',
      heads: 'Succeeded',
      tails: 'Skipped',
      'flip-again': 'Succeeded',
      'complex-condition': 'Succeeded',
      'heads-regex': 'Skipped',
      'tails-regex': 'Succeeded',
    },
  },
  {
    file: 'conditionals-complex.yaml',
    why: 'heads twice: the complex condition (heads,tails or tails,tails) is false',
    options: { outputs: { 'flip-coin': { result: 'heads' }, 'flip-again': { result: 'heads' } } },
    phase: 'Succeeded',
    tasks: {
      'flip-coin': 'Succeeded',
      heads: 'Succeeded',
      tails: 'Skipped',
      'flip-again': 'Succeeded',
      'complex-condition': 'Skipped',
      'heads-regex': 'Succeeded',
      'tails-regex': 'Skipped',
    },
  },
  {
    file: 'exit-handlers.yaml',
    why: 'the entrypoint runs `exit 1`; the handler notifies and cries; labelled expected-failure',
    options: { outcomes: { '': { phase: 'Failed' } } },
    phase: 'Failed',
    scope: {
      template: 'exit-handler',
      tasks: { notify: 'Succeeded', celebrate: 'Skipped', cry: 'Succeeded' },
    },
  },
  {
    file: 'exit-handlers.yaml',
    why: 'if the entrypoint succeeded, the handler celebrates',
    phase: 'Succeeded',
    scope: {
      template: 'exit-handler',
      tasks: { notify: 'Succeeded', celebrate: 'Succeeded', cry: 'Skipped' },
    },
  },
  {
    file: 'exit-handler-dag-level.yaml',
    why: 'every task has an onExit; B fails, so D is omitted and the DAG fails',
    options: { outcomes: fails('B') },
    phase: 'Failed',
    tasks: { A: 'Succeeded', B: 'Failed', C: 'Succeeded', D: 'Omitted' },
  },
  {
    file: 'exit-handler-step-level.yaml',
    why: 'each step has an exit hook',
    phase: 'Succeeded',
    tasks: { hello1: 'Succeeded', hello2a: 'Succeeded', hello2b: 'Succeeded' },
  },
  {
    file: 'continue-on-fail.yaml',
    why: 'C runs intentional-fail with continueOn.failed: D still runs (steps.go: the group is not failed)',
    options: { outcomes: fails('C') },
    phase: 'Succeeded',
    tasks: { A: 'Succeeded', B: 'Succeeded', C: 'Failed', D: 'Succeeded' },
  },
  {
    file: 'dag-nested.yaml',
    why: 'a DAG of DAGs: C inside B fails, so B fails and D is omitted',
    options: { outcomes: fails('B/C') },
    phase: 'Failed',
    tasks: { A: 'Succeeded', B: 'Failed', C: 'Succeeded', D: 'Omitted' },
  },
  {
    file: 'loops-dag.yaml',
    why: 'B runs once per item (foo, bar, baz), then C',
    phase: 'Succeeded',
    tasks: { A: 'Succeeded', B: 'Succeeded', C: 'Succeeded' },
  },
  {
    file: 'dag-disable-failFast.yaml',
    why: 'C retries 3 times and fails; with failFast false B, D and E still run',
    options: { outcomes: fails('C') },
    phase: 'Failed',
    tasks: { A: 'Succeeded', B: 'Succeeded', C: 'Failed', D: 'Succeeded', E: 'Succeeded' },
  },
];

describe.skipIf(!hasShared)(
  `Argo's examples (${hasShared ? 'from ../shared' : SKIP_REASON})`,
  () => {
    it.each(CASES.map((c) => [`${c.file}: ${c.why}`, c] as const))('%s', (_title, c) => {
      const snap = simulate(example(c.file), c.options);
      if (c.tasks) expect(phases(snap)).toEqual(c.tasks);
      if (c.scope) expect(phases(snap, c.scope.template)).toEqual(c.scope.tasks);
      if (c.outputs) expect(snap.nodes[0]!.outputs).toMatchObject(c.outputs);
      expect(snap.phase).toBe(c.phase);
    });

    it('dag-disable-failFast.yaml: C is a Retry node of 4 attempts (limit "3")', () => {
      const snap = simulate(example('dag-disable-failFast.yaml'), { outcomes: fails('C') });
      const c = snap.nodes.find((n) => n.displayName === 'C')!;
      expect(c.type).toBe('Retry');
      expect(c.children).toHaveLength(4);
    });

    it('conditionals.yaml: a when with jsonpath() is not guessed, it is reported for the user to decide', () => {
      const snap = simulate(example('conditionals.yaml'));
      expect(snap.notes.map((n) => n.path)).toEqual(['print-hello-expr-json']);
    });
  },
);
