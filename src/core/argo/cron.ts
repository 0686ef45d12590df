/**
 * Cron schedules as Argo reads them, and their next run times.
 *
 * Argo hands each entry of a CronWorkflow's `spec.schedules` to robfig/cron's
 * standard parser, prefixed with `CRON_TZ=<spec.timezone> ` when a timezone is
 * set (CronWorkflowSpec.GetSchedulesWithTimezone). That parser takes exactly
 * five fields (minute hour day-of-month month day-of-week), month and day
 * names, `*`, `?`, ranges, lists and steps (`5/15` too), a descriptor
 * (`@daily`, `@every 1h30m`) and an optional `CRON_TZ=`/`TZ=` prefix.
 * Without a timezone the controller's local time applies (UTC in its pod).
 *
 * croner does the parsing and the arithmetic; the robfig rules croner is more
 * lenient about (6 or 7 fields, `L`, `W`, `#`, day-of-week 7, `@reboot`,
 * upper-case descriptors) are refused here first. Returns messages, never
 * throws.
 */
import { Cron } from 'croner';
import { clip, typeName } from '../util/describe';

/** What `nextRuns` gives: ISO 8601 times with the zone's offset, or why there are none. */
export type NextRuns = { runs: string[]; zone: string } | { message: string };

/** The zone a schedule without one runs in: the controller's local time, UTC in its pod. */
export const DEFAULT_ZONE = 'UTC';

const DESCRIPTORS = new Set([
  '@yearly',
  '@annually',
  '@monthly',
  '@weekly',
  '@daily',
  '@midnight',
  '@hourly',
]);
const FIELDS = 'minute hour day-of-month month day-of-week';

type Compiled = { zone: string } & ({ cron: Cron } | { everyMs: number });

/**
 * Why `zone` is not an IANA time zone Argo can load, or undefined. `''` is
 * fine (the controller's local time). Go's time.LoadLocation is
 * case-sensitive where Intl is not, and every IANA name segment starts upper case.
 * @example timezoneProblem('Asia/Kolkata') // undefined
 * @example timezoneProblem('Mars/Olympus') // "unknown time zone 'Mars/Olympus': ..."
 */
export function timezoneProblem(zone: string): string | undefined {
  if (zone === '') return undefined;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
  } catch {
    return `unknown time zone '${zone}': use an IANA name such as Europe/Paris or America/New_York`;
  }
  if (!zone.split('/').every((part) => /^[A-Z]/.test(part)))
    return `time zone '${zone}' must be written as in the IANA database: names are case-sensitive (e.g. Asia/Kolkata, UTC)`;
  return undefined;
}

/** `CRON_TZ=Zone rest` -> its parts (robfig's prefix handling). */
function splitZone(schedule: string): { zone?: string; body: string } {
  const m = /^(?:CRON_TZ|TZ)=(\S*)(.*)$/s.exec(schedule);
  return m ? { zone: m[1]!, body: m[2]!.trim() } : { body: schedule };
}

/** robfig/cron rules croner does not enforce, checked on the five fields. */
function robfigProblem(fields: string[]): string | undefined {
  const dom = fields[2]!;
  const dow = fields[4]!;
  if (/[LW]/i.test(dom))
    return `day-of-month '${dom}': 'L' and 'W' are not supported by Argo's cron parser`;
  const bareDow = dow.replace(/sun|mon|tue|wed|thu|fri|sat/gi, '0');
  if (/[L#+]/i.test(bareDow))
    return `day-of-week '${dow}': 'L', '#' and '+' are not supported by Argo's cron parser`;
  for (const m of bareDow.matchAll(/(?:^|[,-])(\d+)/g))
    if (Number(m[1]) > 6)
      return `day-of-week '${dow}': ${m[1]} is above the maximum 6 (Sunday is 0)`;
  return undefined;
}

const GO_UNITS: Record<string, number> = {
  ns: 1e-6,
  us: 1e-3,
  µs: 1e-3,
  μs: 1e-3,
  ms: 1,
  s: 1e3,
  m: 60e3,
  h: 3600e3,
};

/** Milliseconds in a Go duration (`1h30m`, `90s`), or undefined when it is not one. */
function goDurationMs(text: string): number | undefined {
  if (!/^(\d+(\.\d*)?|\.\d+)[a-zµμ]+((\d+(\.\d*)?|\.\d+)[a-zµμ]+)*$/.test(text)) return undefined;
  let total = 0;
  for (const m of text.matchAll(/(\d+(?:\.\d*)?|\.\d+)([a-zµμ]+)/g)) {
    // Own keys only: `@every 1constructor` must not find Object's constructor.
    const unit = Object.hasOwn(GO_UNITS, m[2]!) ? GO_UNITS[m[2]!] : undefined;
    if (unit === undefined) return undefined;
    total += Number(m[1]) * unit;
  }
  return total;
}

function compile(schedule: unknown, timezone: string | undefined): Compiled | string {
  if (schedule === undefined) return 'schedule is missing';
  if (typeof schedule !== 'string') return `schedule must be a string, not ${typeName(schedule)}`;
  const text = schedule.trim();
  const quoted = clip(text);
  const { zone: own, body } = splitZone(text);
  if (own !== undefined && timezone)
    return `schedule '${quoted}' sets its own ${text.split('=')[0]}= while spec.timezone is set: Argo prefixes CRON_TZ=${timezone} and the schedule no longer parses; remove one of them`;
  if (own === '') return `schedule '${quoted}': ${text.split('=')[0]}= names no time zone`;
  const zoneProblem = timezoneProblem(own ?? timezone ?? '');
  if (zoneProblem) return own !== undefined ? `schedule '${quoted}': ${zoneProblem}` : zoneProblem;
  const zone = own ?? (timezone || DEFAULT_ZONE);
  if (body.startsWith('@every ') || body === '@every') {
    const ms = goDurationMs(body.slice('@every'.length).trim());
    if (ms === undefined)
      return `schedule '${quoted}' is not a valid cron expression: '@every' needs a Go duration such as 1h30m or 90s`;
    // robfig: the delay is rounded down to whole seconds, and at least one second.
    return { zone, everyMs: Math.max(1000, Math.floor(ms / 1000) * 1000) };
  }
  if (body.startsWith('@') && !DESCRIPTORS.has(body))
    return `schedule '${quoted}' is not a valid cron expression: unrecognized descriptor '${body}'`;
  const fields = body.split(/\s+/).filter(Boolean);
  if (!body.startsWith('@') && fields.length !== 5)
    return `schedule '${quoted}' is not a cron expression of 5 fields (${FIELDS}): found ${fields.length}`;
  const problem = body.startsWith('@') ? undefined : robfigProblem(fields);
  if (problem) return `schedule '${quoted}' is not a valid cron expression: ${problem}`;
  try {
    // sloppyRanges: robfig reads `5/15` as `5-59/15`.
    const cron = new Cron(body, { timezone: zone, mode: '5-part', sloppyRanges: true });
    return { zone, cron };
  } catch (e) {
    const reason = (e instanceof Error ? e.message : String(e)).replace(/^CronPattern:\s*/, '');
    return `schedule '${quoted}' is not a valid cron expression: ${reason}`;
  }
}

/**
 * Why Argo would refuse `schedule` (with the CronWorkflow's `timezone`), or undefined.
 * @example scheduleProblem('0 9 * * 1-5') // undefined
 * @example scheduleProblem('61 * * * *') // "schedule '61 * * * *' is not a valid cron expression: Invalid value for minute: 61"
 */
export function scheduleProblem(schedule: unknown, timezone?: string): string | undefined {
  const compiled = compile(schedule, timezone);
  return typeof compiled === 'string' ? compiled : undefined;
}

/**
 * The next `count` run times of `schedule` after `from`, in `timezone` (or
 * the schedule's own `CRON_TZ=`; UTC when neither is given), as ISO 8601
 * strings with that zone's offset. `@every` runs are counted from `from`: the
 * controller counts them from when it (re)schedules the CronWorkflow.
 * @example nextRuns('0 9 * * 1-5', 'Asia/Kolkata', 2, new Date('2025-01-03T00:00:00Z'))
 *   // { zone: 'Asia/Kolkata', runs: ['2025-01-03T09:00:00+05:30', '2025-01-06T09:00:00+05:30'] }
 */
export function nextRuns(
  schedule: unknown,
  timezone: string | undefined,
  count: number,
  from: Date = new Date(),
): NextRuns {
  const compiled = compile(schedule, timezone);
  if (typeof compiled === 'string') return { message: compiled };
  const { zone } = compiled;
  let dates: Date[];
  if ('everyMs' in compiled) {
    const start = Math.floor(from.getTime() / 1000) * 1000;
    dates = Array.from({ length: count }, (_, i) => new Date(start + (i + 1) * compiled.everyMs));
  } else {
    dates = compiled.cron.nextRuns(count, from);
  }
  if (dates.length === 0 && count > 0)
    return { message: `schedule '${clip(String(schedule).trim())}' never runs (no matching date)` };
  return { zone, runs: dates.map((d) => isoInZone(d, zone)) };
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/** `2025-01-06T09:00:00+05:30`: the wall-clock time in `zone` with its offset. */
export function isoInZone(date: Date, zone: string): string {
  let f = formatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      timeZoneName: 'longOffset',
    });
    formatters.set(zone, f);
  }
  const part: Record<string, string> = {};
  for (const p of f.formatToParts(date)) part[p.type] = p.value;
  const offset = (part.timeZoneName ?? 'GMT').replace('GMT', '') || '+00:00';
  return `${part.year}-${part.month}-${part.day}T${part.hour}:${part.minute}:${part.second}${offset}`;
}

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

/** `Mon 2025-01-06 09:00 (UTC+05:30)` from an `isoInZone` string, for display. */
export function formatRun(iso: string): string {
  const m = /^(\d{4})-(\d\d)-(\d\d)T(\d\d:\d\d):\d\d(.*)$/.exec(iso);
  if (!m) return iso;
  const [, y, mo, d, hm, offset] = m;
  const weekday = WEEKDAYS[new Date(Date.UTC(+y!, +mo! - 1, +d!)).getUTCDay()];
  return `${weekday} ${y}-${mo}-${d} ${hm} (UTC${offset})`;
}
