/**
 * Where a drag's main-thread time goes (`--trace`): a Chromium trace
 * (devtools.timeline) around each round of moves, summed by kind of work on
 * the page's renderer main thread. Thread time (`tdur`, CPU time of the
 * thread) rather than wall time, so other processes on a shared machine
 * distort it less. Tracing slows the page a little: take the latency table
 * from a run without it.
 */
import type { Browser } from 'playwright-core';

/** Milliseconds of main-thread CPU, summed over the traced rounds. */
export interface Breakdown {
  /** Script: event handlers, React, React Flow, timers, microtasks, GC. */
  script: number;
  /** Style and layout. */
  layout: number;
  /** Prepaint, paint, and the commit to the compositor. */
  paint: number;
  /** Chromium's layerization: turning paint chunks into composited layers. */
  layerize: number;
  other: number;
  total: number;
}

export const emptyBreakdown = (): Breakdown => ({
  script: 0,
  layout: 0,
  paint: 0,
  layerize: 0,
  other: 0,
  total: 0,
});

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  tdur?: number;
  args?: { name?: string };
}

const KIND: Record<string, Exclude<keyof Breakdown, 'total' | 'other'>> = {
  EventDispatch: 'script',
  FunctionCall: 'script',
  FireAnimationFrame: 'script',
  TimerFire: 'script',
  RunMicrotasks: 'script',
  MinorGC: 'script',
  MajorGC: 'script',
  UpdateLayoutTree: 'layout',
  Layout: 'layout',
  PrePaint: 'paint',
  Paint: 'paint',
  Commit: 'paint',
  Layerize: 'layerize',
};

/** Sums one trace into `into`: the busiest renderer main thread, outermost events only. */
function summarize(buffer: Buffer, into: Breakdown): void {
  const events = (JSON.parse(buffer.toString()) as { traceEvents: TraceEvent[] }).traceEvents;
  const mains = events.filter((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
  const busy = (t: TraceEvent) =>
    events
      .filter((e) => e.pid === t.pid && e.tid === t.tid && e.name === 'RunTask')
      .reduce((sum, e) => sum + (e.tdur ?? 0), 0);
  const main = mains.map((t) => ({ t, busy: busy(t) })).sort((a, b) => b.busy - a.busy)[0]?.t;
  if (!main) return;
  const mine = events
    .filter((e) => e.pid === main.pid && e.tid === main.tid && e.ph === 'X' && e.name !== 'RunTask')
    .sort((a, b) => a.ts - b.ts);
  let end = 0;
  for (const e of mine) {
    if (e.ts < end) continue; // nested in an event already counted
    end = e.ts + (e.dur ?? 0);
    const ms = (e.tdur ?? 0) / 1000;
    into[KIND[e.name] ?? 'other'] += ms;
    into.total += ms;
  }
}

/** Runs `work` under tracing and adds its main-thread time to `into`. */
export async function traced<T>(browser: Browser, into: Breakdown, work: () => Promise<T>) {
  await browser.startTracing(undefined, {
    categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline'],
  });
  try {
    return await work();
  } finally {
    summarize(await browser.stopTracing(), into);
  }
}
