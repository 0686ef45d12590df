// The next run times of a CronWorkflow's schedules, merged and in order, in
// the chosen time zone. Recomputed as the schedules or zone are typed, and
// once a minute so the list does not go stale.
import { useEffect, useState } from 'react';
import { DEFAULT_ZONE, formatRun, nextRuns, timezoneProblem } from '../../../core/argo/cron';

const COUNT = 5;

/** The first runs of all `schedules` together, by instant, or why there are none. */
function mergedRuns(schedules: string[], zone: string, from: Date): string[] | string {
  const all = new Map<number, string>();
  for (const schedule of schedules) {
    const result = nextRuns(schedule, zone || undefined, COUNT, from);
    if ('message' in result) return result.message;
    for (const iso of result.runs) all.set(Date.parse(iso), iso);
  }
  return [...all.entries()]
    .sort(([a], [b]) => a - b)
    .slice(0, COUNT)
    .map(([, iso]) => iso);
}

export function NextRuns({ schedules, zone }: { schedules: string[]; zone: string }) {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), 60_000);
    return () => clearInterval(timer);
  }, []);
  if (timezoneProblem(zone)) return null;
  const runs = schedules.length > 0 ? mergedRuns(schedules, zone, now) : 'No schedule yet.';
  return (
    <div className="field" data-testid="cron-next-runs">
      <div className="field-label">
        Next {COUNT} runs ({zone || `${DEFAULT_ZONE}, the controller's local time`})
      </div>
      {typeof runs === 'string' ? (
        <p className="field-hint">{runs}</p>
      ) : (
        <ol className="next-runs">
          {runs.map((iso) => (
            <li key={iso}>
              <time dateTime={iso}>{formatRun(iso)}</time>
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
