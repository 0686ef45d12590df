// DAG templates in the simulator, table by table, against the controller's
// code (argoproj/argo-workflows workflow/controller/dag.go: executeDAGTask,
// evaluateDependsLogic, assessDAGPhase, expandTask; ancestry.go).
import { describe, expect, it } from 'vitest';
import { Simulation, simulationRunState } from '../../../src/core/simulate';
import { dagWorkflow, failed, node, phases, run } from './helpers';

//   A --> B --> C         a chain
const chain = dagWorkflow([
  { name: 'A' },
  { name: 'B', depends: 'A' },
  { name: 'C', depends: 'B' },
]);

describe('scheduling and depends', () => {
  it('a chain runs one task per step, each after the one before ended', () => {
    const sim = new Simulation(chain);
    const seen: string[] = [];
    while (!sim.done) {
      sim.advance();
      seen.push(JSON.stringify(phases(sim.snapshot())));
    }
    expect(seen).toEqual([
      '{"A":"Running"}',
      '{"A":"Succeeded","B":"Running"}',
      '{"A":"Succeeded","B":"Succeeded","C":"Running"}',
      '{"A":"Succeeded","B":"Succeeded","C":"Succeeded"}',
    ]);
    expect(sim.snapshot().phase).toBe('Succeeded');
  });

  it('a failed task omits what depends on it, and the DAG fails (its target is Omitted under a Failed branch)', () => {
    const s = run(chain, { outcomes: failed('B') });
    expect(phases(s)).toEqual({ A: 'Succeeded', B: 'Failed', C: 'Omitted' });
    expect(node(s, 'C').message).toBe('omitted: depends condition not met');
    expect(s.phase).toBe('Failed');
  });

  it.each([
    ['Error', 'Error'],
    ['Failed', 'Failed'],
  ] as const)('a task ending %s gives the workflow that phase', (outcome, phase) => {
    const s = run(dagWorkflow([{ name: 'A' }]), { outcomes: { A: { phase: outcome } } });
    expect(s.phase).toBe(phase);
  });

  //   A --> B(A.Failed) ;  A --> C(A)      one of the two always runs
  it.each([
    ['Succeeded', { A: 'Succeeded', B: 'Omitted', C: 'Succeeded' }, 'Succeeded'],
    ['Failed', { A: 'Failed', B: 'Succeeded', C: 'Omitted' }, 'Failed'],
  ])('A %s: handler and happy path %j, workflow %s', (outcome, expected, phase) => {
    const wf = dagWorkflow([
      { name: 'A' },
      { name: 'B', depends: 'A.Failed' },
      { name: 'C', depends: 'A' },
    ]);
    const s = run(wf, { outcomes: outcome === 'Failed' ? failed('A') : {} });
    expect(phases(s)).toEqual(expected);
    // C is a target Omitted under A's Failed branch: the DAG fails even though B handled it.
    expect(s.phase).toBe(phase);
  });

  it('a failure handled by every target leaves the DAG Succeeded (dag-enhanced-depends)', () => {
    //   A --> B(A.Failed || A.Succeeded)
    const wf = dagWorkflow([{ name: 'A' }, { name: 'B', depends: 'A.Failed || A.Succeeded' }]);
    const s = run(wf, { outcomes: failed('A') });
    expect(phases(s)).toEqual({ A: 'Failed', B: 'Succeeded' });
    expect(s.phase).toBe('Succeeded');
  });

  it('legacy dependencies wait for every task and accept Skipped', () => {
    const wf = dagWorkflow([
      { name: 'A', when: 'a == b' },
      { name: 'B' },
      { name: 'C', dependencies: ['A', 'B'] },
    ]);
    expect(phases(run(wf))).toEqual({ A: 'Skipped', B: 'Succeeded', C: 'Succeeded' });
  });

  it('a depends that does not parse makes the task Error (evaluateDependsLogic)', () => {
    const s = run(dagWorkflow([{ name: 'A' }, { name: 'B', depends: 'A &&' }]));
    expect(phases(s).B).toBe('Error');
    expect(s.phase).toBe('Error');
  });
});

describe('when', () => {
  const wf = dagWorkflow(
    [
      { name: 'flip' },
      { name: 'heads', depends: 'flip', when: '{{tasks.flip.outputs.result}} == heads' },
      { name: 'tails', depends: 'flip', when: '{{tasks.flip.outputs.result}} == tails' },
      { name: 'loud', when: '{{workflow.parameters.volume}} > 5' },
    ],
    { spec: { arguments: { parameters: [{ name: 'volume', value: '3' }] } } },
  );

  it('is evaluated on the values the user set: task outputs and workflow parameters', () => {
    const s = run(wf, { outputs: { flip: { result: 'tails' } }, parameters: { volume: '9' } });
    expect(phases(s)).toEqual({
      flip: 'Succeeded',
      heads: 'Skipped',
      tails: 'Succeeded',
      loud: 'Succeeded',
    });
    expect(node(s, 'heads').message).toBe("when 'tails == heads' evaluated false");
  });

  it('uses the parameter default when the user sets nothing', () => {
    expect(phases(run(wf, { outputs: { flip: { result: 'heads' } } })).loud).toBe('Skipped');
  });

  it('a when that needs a value nobody set runs, with a note, unless the user decides it', () => {
    const s = run(wf);
    expect(phases(s).heads).toBe('Succeeded');
    expect(s.notes.map((n) => n.path)).toContain('heads');
    expect(phases(run(wf, { when: { heads: false } })).heads).toBe('Skipped');
  });

  it('a Skipped task counts as done for a bare depends', () => {
    const s = run(
      dagWorkflow([
        { name: 'A', when: 'x == y' },
        { name: 'B', depends: 'A' },
      ]),
    );
    expect(phases(s)).toEqual({ A: 'Skipped', B: 'Succeeded' });
    expect(s.phase).toBe('Succeeded');
  });

  it('a when that is not a boolean makes the task Error', () => {
    expect(phases(run(dagWorkflow([{ name: 'A', when: 'hello' }]))).A).toBe('Error');
  });
});

describe('continueOn', () => {
  it('a failed target with continueOn.failed does not fail the DAG', () => {
    const s = run(dagWorkflow([{ name: 'A', continueOn: { failed: true } }]), {
      outcomes: failed('A'),
    });
    expect(s.phase).toBe('Succeeded');
  });

  it('its dependents run after it failed', () => {
    const s = run(
      dagWorkflow([
        { name: 'A', continueOn: { failed: true } },
        { name: 'B', depends: 'A' },
      ]),
      { outcomes: failed('A') },
    );
    expect(phases(s)).toEqual({ A: 'Failed', B: 'Succeeded' });
  });

  it('continueOn.failed does not excuse an Error', () => {
    const s = run(dagWorkflow([{ name: 'A', continueOn: { failed: true } }]), {
      outcomes: { A: { phase: 'Error' } },
    });
    expect(s.phase).toBe('Error');
  });
});

describe('loops', () => {
  it('withItems: one node per item in a TaskGroup; one failed item fails the group', () => {
    const wf = dagWorkflow([
      { name: 'B', withItems: ['foo', 'bar', 'baz'] },
      { name: 'C', depends: 'B' },
    ]);
    const s = run(wf, { outcomes: failed('B(1:bar)') });
    expect(node(s, 'B').type).toBe('TaskGroup');
    expect(['B(0:foo)', 'B(1:bar)', 'B(2:baz)'].map((n) => node(s, n).phase)).toEqual([
      'Succeeded',
      'Failed',
      'Succeeded',
    ]);
    expect(phases(s)).toEqual({ B: 'Failed', C: 'Omitted' });
  });

  it('a mark on the loop task covers every item', () => {
    const s = run(dagWorkflow([{ name: 'B', withItems: [1, 2] }]), { outcomes: failed('B') });
    expect(node(s, 'B(0:1)').phase).toBe('Failed');
    expect(node(s, 'B(1:2)').phase).toBe('Failed');
  });

  it.each([
    ['B.AnySucceeded', ['B(1:y)'], 'Succeeded'],
    ['B.AnySucceeded', ['B(0:x)', 'B(1:y)'], 'Omitted'],
    ['B.AllFailed', ['B(0:x)', 'B(1:y)'], 'Succeeded'],
    ['B.AllFailed', ['B(0:x)'], 'Omitted'],
  ])('%s with %j failed: C is %s', (depends, fail, expected) => {
    const wf = dagWorkflow([
      { name: 'B', withItems: ['x', 'y'], continueOn: { failed: true } },
      { name: 'C', depends },
    ]);
    expect(phases(run(wf, { outcomes: failed(...fail) })).C).toBe(expected);
  });

  it('maps name their items by sorted keys, and {{item.key}} reaches the arguments', () => {
    const wf = dagWorkflow(
      [
        {
          name: 'B',
          template: 'echo',
          arguments: { parameters: [{ name: 'm', value: '{{item.os}}-{{item.arch}}' }] },
          withItems: [{ os: 'linux', arch: 'arm64' }],
        },
      ],
      {
        templates: [
          {
            name: 'echo',
            inputs: { parameters: [{ name: 'm' }] },
            outputs: { parameters: [{ name: 'got', value: '{{inputs.parameters.m}}' }] },
            container: { image: 'busybox' },
          },
        ],
      },
    );
    const s = run(wf);
    const item = node(s, 'B(0:arch:arm64,os:linux)');
    expect(item.outputs['parameters.got']).toBe('linux-arm64');
  });

  it('withSequence counts, withParam reads a JSON list, from a literal or a task output', () => {
    const wf = dagWorkflow([
      { name: 'seq', withSequence: { start: '5', end: '3' } },
      { name: 'lit', withParam: '["a", "b"]' },
      { name: 'gen' },
      { name: 'fan', depends: 'gen', withParam: '{{tasks.gen.outputs.result}}' },
    ]);
    const s = run(wf, { outputs: { gen: { result: '[1, 2, 3]' } } });
    const names = s.nodes.map((n) => n.displayName);
    expect(names).toEqual(
      expect.arrayContaining([
        'seq(0:5)',
        'seq(1:4)',
        'seq(2:3)',
        'lit(0:a)',
        'lit(1:b)',
        'fan(2:3)',
      ]),
    );
  });

  it('an empty list skips the task; a withParam that is not a list errors it', () => {
    const s = run(
      dagWorkflow([
        { name: 'none', withItems: [] },
        { name: 'bad', withParam: 'nope' },
      ]),
    );
    expect(phases(s)).toEqual({ none: 'Skipped', bad: 'Error' });
    expect(node(s, 'bad').message).toMatch(/could not be parsed as a JSON list/);
  });

  it('a withParam waiting for an output nobody set runs as one item, with a note', () => {
    const s = run(
      dagWorkflow([
        { name: 'gen' },
        { name: 'fan', depends: 'gen', withParam: '{{tasks.gen.outputs.result}}' },
      ]),
    );
    expect(node(s, 'fan(0:?)').phase).toBe('Succeeded');
    expect(s.notes.some((n) => n.path === 'fan' && /withParam needs/.test(n.message))).toBe(true);
  });
});

describe('dag.target and failFast', () => {
  //    A           dag-targets.yaml: target E runs A, C, E only
  //   / \
  //  B   C
  //   \ / \
  //    D   E
  const diamond = [
    { name: 'A' },
    { name: 'B', depends: 'A' },
    { name: 'C', depends: 'A' },
    { name: 'D', depends: 'B && C' },
    { name: 'E', depends: 'C' },
  ];

  it('runs only the targets and what they need; the rest never start', () => {
    const s = run(dagWorkflow(diamond, { dag: { target: '{{workflow.parameters.t}}' } }), {
      parameters: { t: 'E' },
    });
    expect(s.nodes.map((n) => n.displayName).sort()).toEqual(['A', 'C', 'E', 'wf']);
    const state = simulationRunState(s, { taskNames: ['A', 'B', 'C', 'D', 'E'] });
    expect(state.tasks.get('B')).toMatchObject({ phase: 'Omitted', message: /dag.target/ });
  });

  it('several targets are space-separated ("B E")', () => {
    const s = run(dagWorkflow(diamond, { dag: { target: 'B E' } }));
    expect(Object.keys(phases(s)).sort()).toEqual(['A', 'B', 'C', 'E']);
  });

  it.each([true, false])(
    // failFast only changes which target decides the phase (dag.go assessDAGPhase);
    // independent branches still run (argo-workflows issues 5223 and 10312).
    'failFast %s: the other branch still runs to its end, and the DAG fails',
    (failFast) => {
      const s = run(dagWorkflow(diamond, { dag: { failFast } }), { outcomes: failed('B') });
      expect(phases(s)).toEqual({
        A: 'Succeeded',
        B: 'Failed',
        C: 'Succeeded',
        D: 'Omitted',
        E: 'Succeeded',
      });
      expect(s.phase).toBe('Failed');
    },
  );
});

describe('nested templates', () => {
  const nested = dagWorkflow(
    [
      { name: 'A', template: 'inner' },
      { name: 'B', depends: 'A' },
    ],
    {
      templates: [
        {
          name: 'inner',
          dag: {
            tasks: [
              { name: 'x', template: 'pass' },
              { name: 'y', template: 'pass', depends: 'x' },
            ],
          },
        },
      ],
    },
  );

  it('a task calling a DAG runs it as a child; its tasks are found by path', () => {
    const s = run(nested, { outcomes: failed('A/y') });
    expect(node(s, 'A.y')).toMatchObject({ phase: 'Failed', path: ['A', 'y'] });
    expect(node(s, 'A.y').boundaryID).toBe(node(s, 'A').id);
    expect(phases(s)).toEqual({ A: 'Failed', B: 'Omitted' });
    expect(phases(s, 'inner')).toEqual({ x: 'Succeeded', y: 'Failed' });
  });

  it('a templateRef runs the referenced WorkflowTemplate, resolving its own template names there', () => {
    const library = {
      kind: 'WorkflowTemplate',
      metadata: { name: 'lib' },
      spec: {
        templates: [
          { name: 'twice', steps: [[{ name: 'one', template: 'leaf' }]] },
          { name: 'leaf', script: { image: 'python', source: 'print(1)' } },
        ],
      },
    };
    const wf = dagWorkflow([
      { name: 'R', templateRef: { name: 'lib', template: 'twice' }, template: undefined },
    ]);
    const s = run(wf, { resolveTemplateRef: (name) => (name === 'lib' ? library : undefined) });
    expect(node(s, 'R[0].one').phase).toBe('Succeeded');
    expect(s.phase).toBe('Succeeded');
    const missing = run(wf);
    expect(phases(missing).R).toBe('Error');
    expect(missing.notes[0]?.message).toMatch(/WorkflowTemplate lib is not known here/);
  });

  it('an input without a value errors the task, as ProcessArgs does', () => {
    const wf = dagWorkflow([{ name: 'A', template: 'needs' }], {
      templates: [
        { name: 'needs', inputs: { parameters: [{ name: 'x' }] }, container: { image: 'a' } },
      ],
    });
    expect(node(run(wf), 'A').message).toBe('inputs.parameters.x was not supplied');
  });
});

describe('step by step equals at once', () => {
  it('advancing one step at a time ends where run() ends', () => {
    const options = { outcomes: failed('B') };
    const once = run(chain, options);
    const sim = new Simulation(chain, options);
    while (!sim.done) sim.advance();
    expect(sim.snapshot()).toEqual(once);
  });
});

describe('the run state of a scope', () => {
  it('a template the run never reached shows its tasks as never started, with the reason', () => {
    const wf = dagWorkflow([{ name: 'A' }], {
      templates: [{ name: 'unused', dag: { tasks: [{ name: 'x', template: 'pass' }] } }],
    });
    const state = simulationRunState(run(wf), { template: 'unused', taskNames: ['x'] });
    expect(state.tasks.get('x')).toMatchObject({ phase: 'Omitted', message: /did not run/ });
  });
});
