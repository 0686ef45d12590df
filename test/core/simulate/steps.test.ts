// Steps templates, retries and exit handlers in the simulator, against the
// controller's code (argoproj/argo-workflows workflow/controller/steps.go
// executeSteps/executeStepGroup, operator.go processNodeRetries and the
// workflow's exit handler, exit_handler.go runOnExitNode).
import { describe, expect, it } from 'vitest';
import { Simulation } from '../../../src/core/simulate';
import { dagWorkflow, failed, node, phases, run, stepsWorkflow } from './helpers';

describe('steps', () => {
  //   [A] -> [B, C] -> [D]
  const wf = stepsWorkflow([[{ name: 'A' }], [{ name: 'B' }, { name: 'C' }], [{ name: 'D' }]]);

  it("groups run in order, a group's steps together", () => {
    const sim = new Simulation(wf);
    sim.advance();
    expect(phases(sim.snapshot())).toEqual({ A: 'Running' });
    sim.advance();
    expect(phases(sim.snapshot())).toEqual({ A: 'Succeeded', B: 'Running', C: 'Running' });
    sim.run();
    expect(phases(sim.snapshot())).toEqual({
      A: 'Succeeded',
      B: 'Succeeded',
      C: 'Succeeded',
      D: 'Succeeded',
    });
    expect(node(sim.snapshot(), '[1]').type).toBe('StepGroup');
  });

  it('a failed step fails its group and the template: later groups never start', () => {
    const s = run(wf, { outcomes: failed('C') });
    expect(phases(s)).toEqual({ A: 'Succeeded', B: 'Succeeded', C: 'Failed' });
    expect(node(s, '[1]').message).toBe(`child '${node(s, '[1].C').id}' failed`);
    expect(s.phase).toBe('Failed');
  });

  it('continueOn.failed lets the next group run (continue-on-fail.yaml)', () => {
    const tolerant = stepsWorkflow([
      [{ name: 'A' }],
      [{ name: 'C', continueOn: { failed: true } }],
      [{ name: 'D' }],
    ]);
    const s = run(tolerant, { outcomes: failed('C') });
    expect(phases(s)).toEqual({ A: 'Succeeded', C: 'Failed', D: 'Succeeded' });
    expect(s.phase).toBe('Succeeded');
  });

  it('when reads the outputs of earlier steps; an invalid when errors the group', () => {
    const coin = stepsWorkflow([
      [{ name: 'flip' }],
      [
        { name: 'heads', when: '{{steps.flip.outputs.result}} == heads' },
        { name: 'tails', when: '{{steps.flip.outputs.result}} == tails' },
      ],
    ]);
    expect(phases(run(coin, { outputs: { flip: { result: 'heads' } } }))).toEqual({
      flip: 'Succeeded',
      heads: 'Succeeded',
      tails: 'Skipped',
    });
    const bad = run(stepsWorkflow([[{ name: 'A', when: 'a &&' }]]));
    expect(bad.phase).toBe('Failed');
    expect(node(bad, '[0]').phase).toBe('Error');
  });

  it('a loop step expands in its group without a group node; its items show as one', () => {
    const s = run(stepsWorkflow([[{ name: 'L', withItems: ['a', 'b'] }]]), {
      outcomes: failed('L(1:b)'),
    });
    expect(node(s, '[0].L(0:a)').phase).toBe('Succeeded');
    expect(phases(s)).toEqual({ L: 'Failed' });
  });

  it('a step calling a DAG runs it nested', () => {
    const wfNested = stepsWorkflow([[{ name: 'S', template: 'd' }]], {
      templates: [{ name: 'd', dag: { tasks: [{ name: 't', template: 'pass' }] } }],
    });
    const s = run(wfNested, { outcomes: failed('S/t') });
    expect(node(s, '[0].S.t').path).toEqual(['S', 't']);
    expect(s.phase).toBe('Failed');
  });
});

describe('retryStrategy', () => {
  const flaky = (strategy: object) =>
    dagWorkflow([{ name: 'A', template: 'flaky' }], {
      templates: [{ name: 'flaky', retryStrategy: strategy, container: { image: 'a' } }],
    });

  it('limit 2 and a task that always fails: three attempts, then "No more retries left"', () => {
    const s = run(flaky({ limit: '2' }), { outcomes: failed('A') });
    expect(node(s, 'A')).toMatchObject({
      type: 'Retry',
      phase: 'Failed',
      message: 'No more retries left',
    });
    expect(node(s, 'A').children).toHaveLength(3);
    expect(phases(s).A).toBe('Failed');
  });

  it('a task that fails once then succeeds: two attempts, Succeeded', () => {
    const s = run(flaky({ limit: 3 }), { outcomes: { A: { phase: 'Failed', times: 1 } } });
    expect(node(s, 'A(0)').phase).toBe('Failed');
    expect(node(s, 'A(1)').phase).toBe('Succeeded');
    expect(s.phase).toBe('Succeeded');
  });

  it.each([
    [{ limit: 3 }, 'Error', 1], // OnFailure (the default) does not retry an Error
    [{ limit: 3, retryPolicy: 'OnError' }, 'Failed', 1],
    [{ limit: 3, retryPolicy: 'OnError' }, 'Error', 4],
    [{ limit: 3, retryPolicy: 'Always' }, 'Error', 4],
    [{ limit: 1, retryPolicy: 'Always' }, 'Failed', 2],
  ] as const)('%j with %s: %i attempts', (strategy, phase, attempts) => {
    const s = run(flaky(strategy), { outcomes: { A: { phase } } });
    expect(node(s, 'A').children).toHaveLength(attempts);
    expect(s.phase).toBe(phase);
  });

  it('without a limit Argo retries for ever: the simulation stops after `unlimitedRetries` and says so', () => {
    const s = run(flaky({}), { outcomes: failed('A'), unlimitedRetries: 4 });
    expect(node(s, 'A').children).toHaveLength(4);
    expect(s.notes.some((n) => /no limit/.test(n.message))).toBe(true);
  });

  it('an expression on lastRetry decides, as retry-conditional.yaml does', () => {
    const s = run(flaky({ limit: 10, expression: 'asInt(lastRetry.exitCode) > 1' }), {
      outcomes: failed('A'),
    });
    expect(node(s, 'A')).toMatchObject({
      phase: 'Failed',
      message: 'retryStrategy.expression evaluated to false',
    });
    expect(node(s, 'A').children).toHaveLength(1);
  });

  it('templateDefaults.retryStrategy applies to every template, the DAG included', () => {
    const wf = dagWorkflow([{ name: 'A' }], {
      spec: { templateDefaults: { retryStrategy: { limit: 1 } } },
    });
    const s = run(wf, { outcomes: failed('A') });
    expect(node(s, '').type).toBe('Retry');
    // Each of the DAG's two attempts retries A once.
    expect(s.nodes.find((n) => n.name === 'wf(0).A')?.children).toHaveLength(2);
    expect(s.nodes.find((n) => n.name === 'wf(1).A')?.children).toHaveLength(2);
    expect(phases(s)).toEqual({ A: 'Failed' });
  });
});

describe('exit handlers', () => {
  const withExit = (exit: object) =>
    dagWorkflow([{ name: 'A' }], {
      spec: { onExit: 'exit' },
      templates: [
        {
          name: 'exit',
          steps: [
            [
              { name: 'celebrate', template: 'pass', when: '{{workflow.status}} == Succeeded' },
              { name: 'cry', template: 'pass', when: '{{workflow.status}} != Succeeded' },
            ],
          ],
          ...exit,
        },
      ],
    });

  it.each([
    ['Succeeded', 'Succeeded', 'Skipped'],
    ['Failed', 'Skipped', 'Succeeded'],
  ])(
    'the workflow %s: the handler sees workflow.status (celebrate %s, cry %s)',
    (outcome, celebrate, cry) => {
      const s = run(withExit({}), { outcomes: outcome === 'Failed' ? failed('A') : {} });
      expect(node(s, 'onExit[0].celebrate').phase).toBe(celebrate);
      expect(node(s, 'onExit[0].cry').phase).toBe(cry);
      expect(s.phase).toBe(outcome);
    },
  );

  it('runs after the entrypoint ended; the workflow ends after it', () => {
    const sim = new Simulation(withExit({}));
    sim.advance();
    sim.advance();
    expect(sim.snapshot().nodes.some((n) => n.name === 'wf.onExit')).toBe(true);
    expect(sim.done).toBe(false);
    sim.run();
    expect(sim.snapshot().phase).toBe('Succeeded');
  });

  it('a failing handler fails a workflow that succeeded (operator.go)', () => {
    const s = run(withExit({}), { outcomes: failed('onExit/celebrate') });
    expect(s.phase).toBe('Failed');
  });

  it('a task-level onExit runs after the task; its dependents wait for it', () => {
    const wf = dagWorkflow([
      { name: 'A', onExit: 'pass' },
      { name: 'B', depends: 'A' },
    ]);
    const sim = new Simulation(wf);
    sim.advance(); // A runs
    sim.advance(); // A ends, A.onExit runs, B waits
    expect(phases(sim.snapshot())).toEqual({ A: 'Succeeded' });
    expect(node(sim.snapshot(), 'A.onExit').phase).toBe('Running');
    sim.run();
    expect(phases(sim.snapshot())).toEqual({ A: 'Succeeded', B: 'Succeeded' });
  });

  it('hooks.exit is an exit handler too, and runs after a failed task', () => {
    const wf = stepsWorkflow([[{ name: 'S', hooks: { exit: { template: 'pass' } } }]]);
    const s = run(wf, { outcomes: failed('S') });
    expect(node(s, '[0].S.onExit').phase).toBe('Succeeded');
    expect(s.phase).toBe('Failed');
  });
});

describe('the workflow', () => {
  it('a WorkflowTemplate, a CronWorkflow and a workflowTemplateRef run as if submitted', () => {
    const wf = dagWorkflow([{ name: 'A' }]);
    const tmpl = { ...wf, kind: 'WorkflowTemplate' };
    const cron = {
      ...wf,
      kind: 'CronWorkflow',
      spec: { schedules: ['* * * * *'], workflowSpec: wf.spec },
    };
    const ref = {
      kind: 'Workflow',
      metadata: { generateName: 'r-' },
      spec: { workflowTemplateRef: { name: 'lib' } },
    };
    expect(run(tmpl).phase).toBe('Succeeded');
    expect(run(cron).phase).toBe('Succeeded');
    const viaRef = run(ref, { resolveTemplateRef: () => tmpl });
    expect(viaRef.phase).toBe('Succeeded');
    expect(viaRef.nodes[0]!.name).toBe('r-what-if');
  });

  it('an entrypoint that does not exist is an Error before anything runs', () => {
    const s = run(dagWorkflow([{ name: 'A' }]), { entrypoint: 'nope' });
    expect(s).toMatchObject({
      phase: 'Error',
      message: 'entrypoint template nope not found',
      step: 0,
    });
  });

  it("a value outside a parameter's enum is noted: Argo refuses it at submit", () => {
    const wf = dagWorkflow([{ name: 'A' }], {
      spec: { arguments: { parameters: [{ name: 'env', value: 'dev', enum: ['dev', 'prod'] }] } },
    });
    expect(run(wf, { parameters: { env: 'qa' } }).notes[0]?.message).toMatch(
      /not one of dev, prod/,
    );
  });

  it('status.nodes is keyed by Argo node ids, with the workflow name as the root id', () => {
    const s = run(dagWorkflow([{ name: 'A' }]));
    const nodes = (s.workflow.status as { nodes: Record<string, { name: string }> }).nodes;
    expect(nodes.wf?.name).toBe('wf');
    expect(Object.values(nodes).map((n) => n.name)).toContain('wf.A');
  });
});
