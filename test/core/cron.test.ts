// Cron schedules as Argo's parser (robfig/cron) reads them, computed by
// croner: next run times in a zone, and why a schedule or zone is refused.
import { describe, expect, it } from 'vitest';
import {
  formatRun,
  isoInZone,
  nextRuns,
  scheduleProblem,
  timezoneProblem,
} from '../../src/core/argo/cron';

// Friday 2025-01-03, 00:00 UTC.
const FRIDAY = new Date('2025-01-03T00:00:00Z');

describe('nextRuns', () => {
  it('weekdays at 09:00 in UTC skip the weekend', () => {
    expect(nextRuns('0 9 * * 1-5', 'UTC', 3, FRIDAY)).toEqual({
      zone: 'UTC',
      runs: ['2025-01-03T09:00:00+00:00', '2025-01-06T09:00:00+00:00', '2025-01-07T09:00:00+00:00'],
    });
  });

  it('weekdays at 09:00 in Asia/Kolkata are 03:30 UTC', () => {
    const result = nextRuns('0 9 * * 1-5', 'Asia/Kolkata', 5, FRIDAY);
    expect(result).toEqual({
      zone: 'Asia/Kolkata',
      runs: [
        '2025-01-03T09:00:00+05:30',
        '2025-01-06T09:00:00+05:30',
        '2025-01-07T09:00:00+05:30',
        '2025-01-08T09:00:00+05:30',
        '2025-01-09T09:00:00+05:30',
      ],
    });
    if (!('runs' in result)) throw new Error('expected runs');
    expect(new Date(result.runs[0]!).toISOString()).toBe('2025-01-03T03:30:00.000Z');
  });

  it('uses UTC, the controller pod’s local time, without a timezone', () => {
    expect(nextRuns('30 2 * * *', undefined, 1, FRIDAY)).toEqual({
      zone: 'UTC',
      runs: ['2025-01-03T02:30:00+00:00'],
    });
    expect(nextRuns('30 2 * * *', '', 1, FRIDAY)).toMatchObject({ zone: 'UTC' });
  });

  it('follows daylight saving time in the zone', () => {
    // New York moves from -05:00 to -04:00 on 2025-03-09.
    const result = nextRuns('0 12 * * *', 'America/New_York', 2, new Date('2025-03-08T00:00:00Z'));
    expect(result).toMatchObject({
      runs: ['2025-03-08T12:00:00-05:00', '2025-03-09T12:00:00-04:00'],
    });
  });

  it.each([
    ['@daily', ['2025-01-04T00:00:00+00:00']],
    ['@hourly', ['2025-01-03T01:00:00+00:00']],
    ['*/15 * * * *', ['2025-01-03T00:15:00+00:00']],
    ['5/20 * * * *', ['2025-01-03T00:05:00+00:00']], // robfig: 5-59/20
    ['0 3 * JAN,jul MON', ['2025-01-06T03:00:00+00:00']],
    ['@every 1h30m', ['2025-01-03T01:30:00+00:00']], // counted from `from`
  ])('%s', (schedule, runs) => {
    expect(nextRuns(schedule, 'UTC', 1, FRIDAY)).toEqual({ zone: 'UTC', runs });
  });

  it('honours a CRON_TZ= prefix in the schedule', () => {
    expect(nextRuns('CRON_TZ=Europe/Paris 0 3 * * *', undefined, 1, FRIDAY)).toEqual({
      zone: 'Europe/Paris',
      runs: ['2025-01-03T03:00:00+01:00'],
    });
  });

  it('says when a valid expression never runs', () => {
    expect(nextRuns('0 0 30 2 *', 'UTC', 5, FRIDAY)).toEqual({
      message: "schedule '0 0 30 2 *' never runs (no matching date)",
    });
  });

  it('gives the problem instead of runs for a bad schedule or zone', () => {
    expect(nextRuns('0 9 * *', 'UTC', 5, FRIDAY)).toEqual({
      message: expect.stringContaining('is not a cron expression of 5 fields'),
    });
    expect(nextRuns('0 9 * * *', 'Mars/Olympus', 5, FRIDAY)).toEqual({
      message: expect.stringContaining("unknown time zone 'Mars/Olympus'"),
    });
  });
});

describe('scheduleProblem', () => {
  it.each([
    '0 9 * * 1-5',
    '*/3 * * * 1-5',
    '0 0 1 * *',
    '@yearly',
    '@midnight',
    '@every 90s',
    '0 9 ? * MON-FRI',
    'CRON_TZ=Europe/Paris 0 3 * * *',
    'TZ=America/New_York 0 3 * * *',
  ])('accepts %s', (schedule) => {
    expect(scheduleProblem(schedule)).toBeUndefined();
  });

  // schedule, fragment of the message
  const bad: [string, string][] = [
    [
      '0 * * *',
      'is not a cron expression of 5 fields (minute hour day-of-month month day-of-week): found 4',
    ],
    ['every day', 'is not a cron expression of 5 fields'],
    ['0 0 * * * *', 'found 6'], // seconds: croner takes them, Argo does not
    ['61 * * * *', 'Invalid value for minute: 61'],
    ['0 25 * * *', 'Invalid value for hour: 25'],
    ['*/0 * * * *', 'illegal stepping: 0'],
    ['0 0 * 13 *', 'Invalid value for month'],
    ['0 0 * * 7', 'day-of-week'],
    ['0 0 L * *', "'L' and 'W' are not supported"],
    ['0 0 15W * *', "'L' and 'W' are not supported"],
    ['0 0 * * FRI#2', "'L', '#' and '+' are not supported"],
    ['@Daily', "unrecognized descriptor '@Daily'"],
    ['@reboot', "unrecognized descriptor '@reboot'"],
    ['@every soon', 'needs a Go duration'],
    ['CRON_TZ=Mars/Olympus 0 3 * * *', "unknown time zone 'Mars/Olympus'"],
    ['CRON_TZ= 0 3 * * *', 'CRON_TZ= names no time zone'],
  ];
  it.each(bad)('refuses %s', (schedule, fragment) => {
    const problem = scheduleProblem(schedule);
    expect(problem).toContain(`schedule '${schedule}'`);
    expect(problem).toContain(fragment);
  });

  it('refuses a CRON_TZ= prefix when spec.timezone is set (Argo would prefix a second one)', () => {
    expect(scheduleProblem('CRON_TZ=Europe/Paris 0 3 * * *', 'Asia/Tokyo')).toContain(
      'sets its own CRON_TZ= while spec.timezone is set',
    );
  });

  it('refuses what is not a string, saying what it is', () => {
    expect(scheduleProblem(5)).toBe('schedule must be a string, not a number');
    expect(scheduleProblem({ at: 5 })).toBe('schedule must be a string, not a mapping');
    expect(scheduleProblem(undefined)).toBe('schedule is missing');
  });
});

describe('timezoneProblem', () => {
  it.each(['', 'UTC', 'Asia/Kolkata', 'America/Argentina/Buenos_Aires', 'Etc/GMT+5', 'EST5EDT'])(
    'accepts %j',
    (zone) => {
      expect(timezoneProblem(zone)).toBeUndefined();
    },
  );

  it.each([
    ['Mars/Olympus', "unknown time zone 'Mars/Olympus'"],
    ['+05:30', "unknown time zone '+05:30'"],
    ['Local', "unknown time zone 'Local'"],
    ['asia/kolkata', 'names are case-sensitive'], // Intl accepts it; Go's LoadLocation does not
    ['utc', 'names are case-sensitive'],
  ])('refuses %j', (zone, fragment) => {
    expect(timezoneProblem(zone)).toContain(fragment);
  });
});

describe('formatting', () => {
  it('writes the wall-clock time in the zone with its offset', () => {
    const instant = new Date('2025-07-01T12:00:00Z');
    expect(isoInZone(instant, 'UTC')).toBe('2025-07-01T12:00:00+00:00');
    expect(isoInZone(instant, 'Asia/Kolkata')).toBe('2025-07-01T17:30:00+05:30');
    expect(isoInZone(instant, 'America/Los_Angeles')).toBe('2025-07-01T05:00:00-07:00');
    expect(isoInZone(new Date('2025-07-01T23:30:00Z'), 'Asia/Tokyo')).toBe(
      '2025-07-02T08:30:00+09:00',
    );
  });

  it('shows a run with its weekday', () => {
    expect(formatRun('2025-01-06T09:00:00+05:30')).toBe('Mon 2025-01-06 09:00 (UTC+05:30)');
    expect(formatRun('2025-01-04T00:00:00+00:00')).toBe('Sat 2025-01-04 00:00 (UTC+00:00)');
    expect(formatRun('not a time')).toBe('not a time');
  });
});
