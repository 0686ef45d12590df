/**
 * A CronWorkflow's own settings: Argo's CronWorkflow validation (the
 * ValidateCronWorkflow of workflow/validate/validate.go). At least one
 * schedule, each of which Argo's cron parser reads (see ../argo/cron.ts); an
 * IANA `timezone`; a known `concurrencyPolicy`; a `startingDeadlineSeconds`
 * that is not negative. The workflow spec is then validated as a Workflow's,
 * with workflow arguments required even when linting (Argo validates the
 * Workflow a CronWorkflow creates with its default options).
 */
import { DEFAULT_ZONE, nextRuns, scheduleProblem, timezoneProblem } from '../argo/cron';
import type { JsonObject } from '../model/types';
import { clip, shown, typeName } from '../util/describe';
import { present, readBool, readMap } from './read';
import { under, type At, type Sink } from './sink';

/** Argo's cron operator: anything else fails with "is not a valid concurrencyPolicy". */
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

export function checkCron(sink: Sink, spec: JsonObject, at: At): void {
  const { schedules, schedule, timezone, concurrencyPolicy, startingDeadlineSeconds } = spec;
  let zone: string | undefined;
  if (timezone !== undefined && timezone !== null && timezone !== '') {
    const problem =
      typeof timezone === 'string' ? timezoneProblem(timezone) : 'spec.timezone must be a string';
    if (problem) sink.error('invalid-timezone', problem, under(at, 'timezone'));
    // A bad zone is reported once; the schedules are then checked against UTC,
    // which still reveals a CRON_TZ= prefix clashing with spec.timezone.
    zone = problem ? DEFAULT_ZONE : (timezone as string);
  }
  checkSchedules(sink, schedules, schedule, zone, at);
  if (
    present(concurrencyPolicy) &&
    concurrencyPolicy !== '' &&
    !(CONCURRENCY_POLICIES as readonly unknown[]).includes(concurrencyPolicy)
  )
    sink.error(
      'invalid-concurrency-policy',
      `${shown(concurrencyPolicy)} is not a valid concurrencyPolicy: use one of ${CONCURRENCY_POLICIES.join(', ')}`,
      under(at, 'concurrencyPolicy'),
    );
  if (present(startingDeadlineSeconds)) {
    if (typeof startingDeadlineSeconds !== 'number' || !Number.isInteger(startingDeadlineSeconds))
      sink.error(
        'invalid-field',
        `spec.startingDeadlineSeconds must be a whole number of seconds, not ${typeName(startingDeadlineSeconds)}`,
        under(at, 'startingDeadlineSeconds'),
      );
    else if (startingDeadlineSeconds < 0)
      sink.error(
        'invalid-deadline',
        'startingDeadlineSeconds must be positive',
        under(at, 'startingDeadlineSeconds'),
      );
  }
  readBool(sink, spec, 'suspend', at);
  const stop = readMap(sink, spec, 'stopStrategy', at);
  if (stop) {
    const expression = stop.expression ?? stop.condition;
    if (present(expression) && typeof expression !== 'string')
      sink.error(
        'invalid-field',
        'spec.stopStrategy.expression must be a string',
        under(at, 'stopStrategy'),
      );
    else if (!expression)
      sink.warning(
        'empty-stop-strategy',
        'spec.stopStrategy has no expression, so it never stops the CronWorkflow',
        under(at, 'stopStrategy'),
      );
  }
}

function checkSchedules(
  sink: Sink,
  schedules: unknown,
  schedule: unknown,
  zone: string | undefined,
  at: At,
): void {
  if (present(schedules) && !Array.isArray(schedules)) {
    sink.error(
      'invalid-schedule',
      `spec.schedules must be a list, not ${typeName(schedules)}`,
      under(at, 'schedules'),
    );
    return;
  }
  const list = Array.isArray(schedules) ? schedules : [];
  if (list.length === 0) {
    const old = typeof schedule === 'string';
    sink.error(
      'missing-schedule',
      old
        ? `cron workflow must have at least one schedule: spec.schedule '${clip(schedule as string)}' is the form before Argo 3.6, which Argo 4 no longer reads; write spec.schedules: ['${clip(schedule as string)}']`
        : 'cron workflow must have at least one schedule: a CronWorkflow needs at least one entry in spec.schedules',
      old ? under(at, 'schedule') : at,
    );
    return;
  }
  list.forEach((s: unknown, i) => {
    const path = under(at, 'schedules', i);
    const problem = scheduleProblem(s, zone);
    if (problem) sink.error('invalid-schedule', `cron schedule is malformed: ${problem}`, path);
    else if (neverRuns(s as string, zone))
      sink.warning(
        'schedule-never-runs',
        `schedule '${clip(String(s))}' never matches a date`,
        path,
      );
  });
}
