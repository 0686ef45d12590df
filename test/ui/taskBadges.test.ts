// Node badges and the name a screen reader hears, from tasks as written.
import { describe, expect, it } from 'vitest';
import { nodeLabel, taskBadges } from '../../src/ui/canvas/taskBadges';

describe('taskBadges', () => {
  it('says nothing for a plain task', () => {
    expect(taskBadges({ name: 'a', template: 'echo' }, { name: 'echo', container: {} })).toEqual(
      [],
    );
  });

  it('shows when, each kind of loop, retries and continueOn', () => {
    const badges = taskBadges(
      {
        name: 'a',
        template: 't',
        when: '{{x}} == 1',
        withItems: [1, 2, 3],
        withParam: '{{tasks.b.outputs.result}}',
        withSequence: { count: '5' },
        continueOn: { failed: true },
      },
      { name: 't', retryStrategy: { limit: '2' } },
    );
    expect(badges.map((b) => b.label)).toEqual([
      'when',
      '↻ items',
      '↻ param',
      '↻ sequence',
      'retry ×2',
      'continues',
    ]);
    expect(badges.find((b) => b.kind === 'when')!.title).toBe('when: {{x}} == 1');
    expect(badges.find((b) => b.label === '↻ items')!.title).toBe('withItems: 3 items');
    expect(badges.find((b) => b.kind === 'continue')!.title).toBe('continueOn: failed');
  });

  it('shows a retry without a limit, and no continueOn badge when it continues on nothing', () => {
    const badges = taskBadges({ name: 'a', continueOn: {} }, { name: 't', retryStrategy: {} });
    expect(badges.map((b) => b.label)).toEqual(['retry']);
  });
});

describe('nodeLabel', () => {
  const base = { name: 'load', runs: 'load', kind: 'task', badges: [], problems: [] };
  it('names the task, and the template only when it differs', () => {
    expect(nodeLabel(base)).toBe('Task load, no problems');
    expect(nodeLabel({ ...base, runs: 'echo' })).toBe('Task load, runs echo, no problems');
  });
  it('counts problems by severity and reads the badges', () => {
    expect(
      nodeLabel({
        ...base,
        kind: 'step',
        badges: taskBadges({ name: 'load', when: 'true' }, undefined),
        problems: [{ severity: 'error' }, { severity: 'warning' }, { severity: 'warning' }],
      }),
    ).toBe('Step load, when: true, 1 error, 2 warnings');
  });
});
