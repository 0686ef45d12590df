// The automatic layout running in the background: how long it has run, how
// long it may, and Cancel; then what it came to, until dismissed.
import { useEffect, useState } from 'react';
import { useEditor, useEditorStore } from '../EditorContext';

/**
 * How often the elapsed time is redrawn: it shows whole seconds. Each redraw
 * is a frame, and with a thousand nodes in view any frame costs Chromium tens
 * of milliseconds of layerizing (issue 11): not more often than that.
 */
const TICK_MS = 1000;

export function LayoutStatus({ now = Date.now }: { now?: () => number }) {
  const store = useEditorStore();
  const job = useEditor((s) => s.layoutJob);
  const [, redraw] = useState(0);
  const running = job?.phase === 'running';
  useEffect(() => {
    if (!running) return;
    const timer = setInterval(() => redraw((n) => n + 1), TICK_MS);
    return () => clearInterval(timer);
  }, [running]);
  if (!job) return null;
  if (job.phase === 'ended')
    return (
      <div className="layout-status" role="status" data-testid="layout-status">
        <span>{job.message}</span>
        <button
          type="button"
          aria-label="Dismiss"
          onClick={() => store.getState().setLayoutJob(undefined)}
        >
          ×
        </button>
      </div>
    );
  const elapsed = Math.max(0, Math.min(job.budgetMs, now() - job.startedAt));
  return (
    <div className="layout-status" role="status" data-testid="layout-status">
      <span>
        Laying out {job.tasks.toLocaleString('en-US')} tasks in the background:{' '}
        {Math.floor(elapsed / 1000)} s of at most {Math.round(job.budgetMs / 1000)} s
      </span>
      <progress max={job.budgetMs} value={elapsed} aria-label="Time used of the layout's budget" />
      <button type="button" onClick={() => job.cancel()}>
        Cancel
      </button>
    </div>
  );
}
