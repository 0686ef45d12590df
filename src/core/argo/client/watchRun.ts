/**
 * Watching a run until it finishes. The event stream is preferred; when it
 * drops, it is reopened with backoff, and after repeated drops the watcher
 * falls back to polling the workflow. Auth failures end the watch at once.
 */
import type { JsonObject } from '../../model/types';
import type { ArgoClient } from './argoClient';
import { ArgoApiError } from './errors';
import { FINAL_PHASES, runState } from './runStatus';

export interface WatchOptions {
  signal?: AbortSignal;
  /** Waits between reconnects; the last repeats while polling. */
  backoffMs?: number[];
  /** Stream drops tolerated before switching to polling. */
  maxStreamDrops?: number;
  pollMs?: number;
  /** Told when the watcher reconnects or falls back, for the status line. */
  onStatus?: (status: 'streaming' | 'reconnecting' | 'polling') => void;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
}

const FATAL = new Set(['unauthorized', 'forbidden', 'not-found']);

function defaultSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}

/** Resolves with the finished workflow, or undefined when aborted. */
export async function watchRun(
  client: ArgoClient,
  name: string,
  onUpdate: (workflow: JsonObject) => void,
  options: WatchOptions = {},
): Promise<JsonObject | undefined> {
  const {
    signal,
    backoffMs = [500, 1000, 2000, 4000],
    maxStreamDrops = 3,
    pollMs = 2000,
    onStatus,
  } = options;
  const sleep = options.sleep ?? defaultSleep;
  let latest: JsonObject | undefined;
  const seen = (wf: JsonObject): boolean => {
    latest = wf;
    onUpdate(wf);
    return FINAL_PHASES.has(runState(wf).phase);
  };
  let drops = 0;
  while (!signal?.aborted && drops <= maxStreamDrops) {
    onStatus?.(drops === 0 ? 'streaming' : 'reconnecting');
    let finished = false;
    // The server keeps the stream open after the run ends: close it ourselves.
    const attempt = new AbortController();
    const stop = () => attempt.abort();
    signal?.addEventListener('abort', stop);
    try {
      await client.watch(
        name,
        (event) => {
          if (!finished && seen(event.object)) {
            finished = true;
            attempt.abort();
          }
        },
        attempt.signal,
      );
    } catch (e) {
      if (signal?.aborted) return undefined;
      if (!finished && e instanceof ArgoApiError && FATAL.has(e.kind)) throw e;
    } finally {
      signal?.removeEventListener('abort', stop);
    }
    if (finished) return latest;
    drops++;
    await sleep(backoffMs[Math.min(drops - 1, backoffMs.length - 1)]!, signal);
  }
  onStatus?.('polling');
  while (!signal?.aborted) {
    try {
      if (seen(await client.getWorkflow(name, signal))) return latest;
    } catch (e) {
      if (signal?.aborted) return undefined;
      if (e instanceof ArgoApiError && FATAL.has(e.kind)) throw e;
    }
    await sleep(pollMs, signal);
  }
  return undefined;
}
