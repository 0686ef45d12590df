/**
 * Two runs side by side, task by task: each one's phase and duration, and
 * whether the phase changed and by how much the duration did. Tasks appear in
 * the first run's order, then those only the second run has.
 */
import type { JsonObject } from '../../model/types';
import { durationSeconds, runState, type RunState, type TaskRun } from './runStatus';

export interface TaskComparison {
  task: string;
  a?: TaskRun;
  b?: TaskRun;
  aSeconds?: number;
  bSeconds?: number;
  phaseChanged: boolean;
  /** b - a, when both have a duration. */
  deltaSeconds?: number;
}

export interface RunComparison {
  a: RunState;
  b: RunState;
  rows: TaskComparison[];
  aSeconds?: number;
  bSeconds?: number;
}

const seconds = (t: { startedAt?: string; finishedAt?: string } | undefined) =>
  t?.startedAt && t.finishedAt ? durationSeconds(t.startedAt, t.finishedAt) : undefined;

export function compareRuns(first: JsonObject, second: JsonObject): RunComparison {
  const a = runState(first);
  const b = runState(second);
  const names = [...a.tasks.keys(), ...[...b.tasks.keys()].filter((k) => !a.tasks.has(k))];
  const rows = names.map((task) => {
    const ta = a.tasks.get(task);
    const tb = b.tasks.get(task);
    const row: TaskComparison = {
      task,
      phaseChanged: (ta?.phase ?? '') !== (tb?.phase ?? ''),
    };
    if (ta) row.a = ta;
    if (tb) row.b = tb;
    const sa = seconds(ta);
    const sb = seconds(tb);
    if (sa !== undefined) row.aSeconds = sa;
    if (sb !== undefined) row.bSeconds = sb;
    if (sa !== undefined && sb !== undefined) row.deltaSeconds = sb - sa;
    return row;
  });
  const out: RunComparison = { a, b, rows };
  const sa = seconds(a);
  const sb = seconds(b);
  if (sa !== undefined) out.aSeconds = sa;
  if (sb !== undefined) out.bSeconds = sb;
  return out;
}
