/**
 * Work that must not run inside an input handler (issue 11): validation, the
 * autosave write. In a browser it waits for an idle callback, with a deadline
 * so a busy page still gets it done; elsewhere (tests, Node) it runs in a
 * microtask: there is no frame to keep free, and no timer for fake clocks to
 * hold back.
 */
export type Scheduler = (job: () => void) => void;

type IdleGlobal = { requestIdleCallback?(cb: () => void, o: { timeout: number }): number };

export function whenIdle(deadlineMs: number): Scheduler {
  return (job) => {
    const g = globalThis as IdleGlobal;
    if (typeof g.requestIdleCallback === 'function')
      g.requestIdleCallback(job, { timeout: deadlineMs });
    else queueMicrotask(job);
  };
}
