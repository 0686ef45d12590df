// The runs of this workflow, newest first: phase, start, duration, who
// submitted it when known, archived or live. Filter by phase, load more, open
// one on the canvas, tick two to compare them. Loads when opened.
import { useState } from 'react';
import { formatDuration, type RunSummary } from '../../core/argo/client';
import { useEditor, useEditorStore } from '../EditorContext';

const PHASES = ['Running', 'Succeeded', 'Failed', 'Error'];

function started(run: RunSummary): string {
  const at = run.startedAt ?? run.createdAt;
  if (!at) return '';
  const d = new Date(at);
  if (Number.isNaN(d.getTime())) return at;
  return d.toLocaleString(undefined, {
    month: 'short',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  });
}

export function RunsPanel() {
  const store = useEditorStore();
  const runs = useEditor((s) => s.runs);
  const hasToken = useEditor((s) => s.token !== '');
  const [open, setOpen] = useState(false);
  const [picked, setPicked] = useState<string[]>([]);
  const keyOf = (r: RunSummary) => r.uid ?? r.name;
  const toggle = (r: RunSummary) =>
    setPicked((old) =>
      old.includes(keyOf(r)) ? old.filter((k) => k !== keyOf(r)) : [...old, keyOf(r)].slice(-2),
    );
  const chosen = picked
    .map((k) => runs.items.find((r) => keyOf(r) === k))
    .filter((r): r is RunSummary => r !== undefined);

  return (
    <details
      className="runs-panel"
      aria-label="Runs"
      open={open}
      onToggle={(e) => {
        const now = (e.target as HTMLDetailsElement).open;
        setOpen(now);
        if (now) void store.getState().loadRuns({ reset: true });
      }}
    >
      <summary className="panel-title">Runs of this workflow</summary>
      {!hasToken && <p className="muted">Connect to an Argo Server (Server…) to see the runs.</p>}
      <div className="runs-toolbar" role="group" aria-label="Filter runs by phase">
        {PHASES.map((p) => (
          <label key={p} className="checkbox">
            <input
              type="checkbox"
              checked={runs.phases.includes(p)}
              onChange={(e) =>
                void store
                  .getState()
                  .setRunPhases(
                    e.target.checked ? [...runs.phases, p] : runs.phases.filter((x) => x !== p),
                  )
              }
            />{' '}
            {p}
          </label>
        ))}
        <span className="spacer" />
        <button type="button" onClick={() => void store.getState().loadRuns({ reset: true })}>
          Refresh
        </button>
        <button
          type="button"
          disabled={chosen.length !== 2}
          onClick={() => void store.getState().compareRuns(chosen[0]!, chosen[1]!)}
          title="Tick two runs to compare them task by task"
        >
          Compare
        </button>
      </div>
      {runs.error && (
        <p className="check-failed" role="alert">
          {runs.error}
        </p>
      )}
      {runs.status === 'loading' && runs.items.length === 0 && <p className="muted">Loading…</p>}
      {runs.status === 'loaded' && runs.items.length === 0 && (
        <p className="muted">
          No runs of this workflow{runs.phases.length ? ' in these phases' : ''}.
        </p>
      )}
      {runs.items.length > 0 && (
        <table className="runs-table" data-testid="runs-table">
          <thead>
            <tr>
              <th aria-label="Compare" />
              <th>Phase</th>
              <th>Run · started · duration · by</th>
              <th aria-label="Open" />
            </tr>
          </thead>
          <tbody>
            {runs.items.map((r) => (
              <tr key={keyOf(r)} data-testid={`run-${r.name}`}>
                <td>
                  <input
                    type="checkbox"
                    aria-label={`Compare ${r.name}`}
                    checked={picked.includes(keyOf(r))}
                    onChange={() => toggle(r)}
                  />
                </td>
                <td>
                  <span className={`phase phase-${r.phase.toLowerCase()}`}>{r.phase}</span>
                </td>
                <td title={r.message}>
                  <div>
                    {r.name}
                    {r.archived && <span className="muted"> (archived)</span>}
                  </div>
                  <div className="muted">
                    {[started(r), formatDuration(r.durationSeconds), r.submitter]
                      .filter(Boolean)
                      .join(' · ')}
                  </div>
                </td>
                <td>
                  <button type="button" onClick={() => void store.getState().openRunFromHistory(r)}>
                    Open
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {runs.more && (
        <button
          type="button"
          disabled={runs.status === 'loading'}
          onClick={() => void store.getState().loadRuns()}
        >
          {runs.status === 'loading' ? 'Loading…' : 'Load more'}
        </button>
      )}
    </details>
  );
}
