/**
 * A CronWorkflow's own settings: every schedule parses as Argo's cron parser
 * would (see cron.ts), `timezone` is an IANA zone, `concurrencyPolicy` is one
 * Argo knows. Diagnostics point at `spec.schedules[i]` (or the old single
 * `spec.schedule`), `spec.timezone` and `spec.concurrencyPolicy`.
 */
import { error, warning, type Diagnostic } from '../diagnostics';
import type { Pipeline } from '../model/types';
import { clip, shown, typeName } from '../util/describe';
import { DEFAULT_ZONE, nextRuns, scheduleProblem, timezoneProblem } from './cron';

/** Argo's cron operator: anything else fails with "invalid ConcurrencyPolicy". */
export const CONCURRENCY_POLICIES = ['Allow', 'Forbid', 'Replace'] as const;

// A 5-field expression repeats within 28 years, so "no run after 2000" means never.
const EPOCH = new Date('2000-01-01T00:00:00Z');
const neverRunsCache = new Map<string, boolean>();

/** Whether a valid schedule never matches a date (`0 0 30 2 *`); memoised, as the search is slow. */
function neverRuns(schedule: string, zone: string | undefined): boolean {
  const key = `${zone ?? ''}\n${schedule}`;
  let never = neverRunsCache.get(key);
  if (never === undefined) {
    never = 'message' in nextRuns(schedule, zone, 1, EPOCH);
    if (neverRunsCache.size > 200) neverRunsCache.clear();
    neverRunsCache.set(key, never);
  }
  return never;
}

export function validateCron(p: Pipeline): Diagnostic[] {
  if (p.kind !== 'CronWorkflow') return [];
  const out: Diagnostic[] = [];
  const { schedules, schedule, timezone, concurrencyPolicy } = p.spec;
  let zone: string | undefined;
  if (timezone !== undefined && timezone !== '') {
    const problem =
      typeof timezone === 'string' ? timezoneProblem(timezone) : 'spec.timezone must be a string';
    if (problem) out.push(error('invalid-timezone', problem, { path: ['spec', 'timezone'] }));
    // A bad zone is reported once; the schedules are then checked against UTC,
    // which still reveals a CRON_TZ= prefix clashing with spec.timezone.
    zone = problem ? DEFAULT_ZONE : (timezone as string);
  }
  for (const d of validateSchedules(schedules, schedule, zone)) out.push(d);
  if (
    concurrencyPolicy !== undefined &&
    !(CONCURRENCY_POLICIES as readonly unknown[]).includes(concurrencyPolicy)
  )
    out.push(
      error(
        'invalid-concurrency-policy',
        `invalid ConcurrencyPolicy ${shown(concurrencyPolicy)}: use one of ${CONCURRENCY_POLICIES.join(', ')}`,
        { path: ['spec', 'concurrencyPolicy'] },
      ),
    );
  return out;
}

function validateSchedules(
  schedules: unknown,
  schedule: unknown,
  zone: string | undefined,
): Diagnostic[] {
  if (schedules !== undefined && !Array.isArray(schedules))
    return [
      error('invalid-schedule', `spec.schedules must be a list, not ${typeName(schedules)}`, {
        path: ['spec', 'schedules'],
      }),
    ];
  const list = Array.isArray(schedules)
    ? schedules
    : typeof schedule === 'string'
      ? [schedule]
      : [];
  if (list.length === 0)
    return [
      error('missing-schedule', 'a CronWorkflow needs at least one entry in spec.schedules', {
        path: ['spec'],
      }),
    ];
  return list.flatMap((s: unknown, i) => {
    const path = Array.isArray(schedules) ? ['spec', 'schedules', i] : ['spec', 'schedule'];
    const problem = scheduleProblem(s, zone);
    if (problem) return [error('invalid-schedule', problem, { path })];
    if (neverRuns(s as string, zone))
      return [
        warning('schedule-never-runs', `schedule '${clip(String(s))}' never matches a date`, {
          path,
        }),
      ];
    return [];
  });
}
