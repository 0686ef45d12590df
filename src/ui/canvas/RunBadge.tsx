// A task's phase in the watched run: colour, duration (ticking while it
// runs) and message; "changed since the run" when the task was edited after.
import { useEffect, useState } from 'react';
import { durationSeconds, formatDuration } from '../../core/argo/client/runStatus';
import { findTask } from '../../core/model/pipeline';
import { withScope } from '../../core/model/scope';
import { useEditor } from '../EditorContext';
import { scopedRun } from '../../store/derived';

export function RunBadge({ task }: { task: string }) {
  const run = useEditor((s) => scopedRun(s)?.tasks.get(task));
  const inRun = useEditor((s) => s.run !== undefined);
  const changed = useEditor((s) =>
    s.run && s.pipeline.scope !== undefined
      ? findTask(withScope(s.run.submitted, s.pipeline.scope), task) !== findTask(s.pipeline, task)
      : false,
  );
  const [now, setNow] = useState(() => Date.now());
  const running = run?.phase === 'Running';
  useEffect(() => {
    if (!running) return;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [running]);
  if (!inRun) return null;
  const phase = run?.phase ?? 'Pending';
  return (
    <div
      className={`run-badge phase-${phase.toLowerCase()}`}
      data-testid={`phase-${task}`}
      data-phase={phase}
      title={run?.message}
    >
      <span className="phase-dot" /> {phase}{' '}
      {formatDuration(durationSeconds(run?.startedAt, run?.finishedAt, now))}
      {run?.children && (
        <span className="run-children" title="Tasks of the template it runs">
          {' '}
          · {run.children.succeeded}/{run.children.total} done
        </span>
      )}
      {changed && <span className="changed"> · changed since the run</span>}
      {run?.message && phase !== 'Succeeded' && (
        <div className="run-badge-message">{run.message}</div>
      )}
    </div>
  );
}
