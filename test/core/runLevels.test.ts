// A run's status at every drill level (issue 9): the nodes of a nested DAG
// have the node of the task that called it as their boundary, so drilling
// through A shows the nested tasks A, B, C, D of that call; a task running a
// DAG shows how its own tasks stand. The run is Argo-like status.nodes as the
// simulator writes them (ids, boundaries, display names).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compile, openDocuments } from '../../src/core';
import { runState } from '../../src/core/argo/client/runStatus';
import { simulate } from '../../src/core/simulate';
import { argoExamplePath, hasShared, SKIP_REASON } from '../support/sharedData';

describe.skipIf(!hasShared)(`run status by level (${SKIP_REASON})`, () => {
  const p = openDocuments(readFileSync(argoExamplePath('dag-nested.yaml'), 'utf8')).documents[0]!
    .pipeline!;
  const manifest = compile(p);
  (manifest.metadata as Record<string, unknown>).name = 'dag-nested-x';

  it('reads the entrypoint level, with a summary of each nested DAG', () => {
    const wf = simulate(manifest).workflow;
    const top = runState(wf);
    expect([...top.tasks.keys()].sort()).toEqual(['A', 'B', 'C', 'D']);
    expect(top.tasks.get('A')).toMatchObject({
      phase: 'Succeeded',
      children: { succeeded: 4, total: 4 },
    });
  });

  it('reads the tasks of nested-diamond as called by B, and by C with C failing inside', () => {
    const wf = simulate(manifest, { outcomes: { 'C/B': { phase: 'Failed' } } }).workflow;
    const inB = runState(wf, ['B']);
    expect([...inB.tasks.entries()].map(([n, t]) => [n, t.phase]).sort()).toEqual([
      ['A', 'Succeeded'],
      ['B', 'Succeeded'],
      ['C', 'Succeeded'],
      ['D', 'Succeeded'],
    ]);
    const inC = runState(wf, ['C']);
    expect(inC.tasks.get('B')?.phase).toBe('Failed');
    expect(runState(wf).tasks.get('C')?.children).toEqual({ succeeded: 2, total: 4 }); // D omitted
  });

  it('reads nothing for a path the run does not have', () => {
    const wf = simulate(manifest).workflow;
    expect(runState(wf, ['ghost']).tasks.size).toBe(0);
  });
});
