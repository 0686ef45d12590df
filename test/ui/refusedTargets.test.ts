// Starting or ending a connection tells only the task nodes whose "may not end
// here" answer changes, so the rest of a large canvas does not re-render (issue 11).
import { describe, expect, it, vi } from 'vitest';
import { createRefusedTargets, NO_TASKS } from '../../src/ui/canvas/canvasView';

describe('refused targets', () => {
  it('tells only the tasks whose answer changed', () => {
    const refused = createRefusedTargets();
    const heard = { a: vi.fn(), b: vi.fn(), c: vi.fn() };
    for (const [task, listener] of Object.entries(heard)) refused.subscribe(task, listener);

    refused.set(new Set(['a', 'b']));
    expect([refused.has('a'), refused.has('b'), refused.has('c')]).toEqual([true, true, false]);
    expect(heard.a).toHaveBeenCalledTimes(1);
    expect(heard.b).toHaveBeenCalledTimes(1);
    expect(heard.c).not.toHaveBeenCalled();

    refused.set(new Set(['b', 'c']));
    expect(heard.a).toHaveBeenCalledTimes(2);
    expect(heard.b).toHaveBeenCalledTimes(1);
    expect(heard.c).toHaveBeenCalledTimes(1);

    refused.set(NO_TASKS);
    expect(refused.has('b')).toBe(false);
    expect(heard.b).toHaveBeenCalledTimes(2);
    expect(heard.c).toHaveBeenCalledTimes(2);
  });

  it('stops telling a task once it unsubscribed', () => {
    const refused = createRefusedTargets();
    const listener = vi.fn();
    const stop = refused.subscribe('a', listener);
    stop();
    refused.set(new Set(['a']));
    expect(listener).not.toHaveBeenCalled();
  });
});
