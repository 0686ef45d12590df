// Explicit limits for tests whose work is genuinely heavy or waits on wall
// time; Vitest's defaults (5 s a test, 10 s a hook) stay for everything else.
// CI runs on 2 cores at load 10 to 20, where a test runs 5 to 10 times slower
// than on a quiet machine. Each limit is far above what its work takes there,
// so it only ever ends a test that hangs: no test passes or fails by speed.
// Measured per file in docs/testing.md.

/** Test timeouts (ms), by the kind of work the test does. */
export const TIMEOUT = {
  /** React rendered in jsdom against the real store, typed into key by key (0.3-1.3 s quiet). */
  component: 60_000,
  /** Runs of the Argo Server double followed through to their end (tens of controller steps). */
  run: 60_000,
  /** Child processes: Node with tsx starts in 0.5 s quiet, 10-15 s at load 20. */
  child: 120_000,
  /** CPU-bound work: property runs, every Argo example, 10,000-task graphs, ESLint start-up. */
  cpu: 60_000,
} as const;

/**
 * How long a wait for a condition (a run reaching a state, the UI catching
 * up) polls before it fails with what it saw. Below the test timeouts above,
 * so the failure names the condition rather than "Test timed out".
 */
export const WAIT_MS = 30_000;
