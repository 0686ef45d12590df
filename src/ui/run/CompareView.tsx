// Two runs side by side, task by task: each one's phase and duration, the
// phase changes marked and the duration difference signed.
import { formatDuration } from '../../core/argo/client';
import { useEditor, useEditorStore } from '../EditorContext';
import { Dialog } from '../Dialog';

function delta(seconds: number | undefined): string {
  if (seconds === undefined) return '';
  if (seconds === 0) return '±0s';
  return `${seconds > 0 ? '+' : '−'}${formatDuration(Math.abs(seconds))}`;
}

export function CompareView() {
  const store = useEditorStore();
  const compare = useEditor((s) => s.compare);
  if (!compare) return null;
  const { a, b, result, error } = compare;
  const close = () => store.getState().closeCompare();
  return (
    <Dialog label="Compare runs" onClose={close} className="compare-view">
      <h2>Compare runs</h2>
      {error && (
        <p className="check-failed" role="alert">
          {error}
        </p>
      )}
      {!result && !error && <p className="muted">Loading…</p>}
      {result && (
        <table className="compare-table" data-testid="compare-table">
          <thead>
            <tr>
              <th>Task</th>
              <th>{a.name}</th>
              <th>{b.name}</th>
              <th>Duration</th>
            </tr>
            <tr className="muted">
              <th />
              <th>
                {result.a.phase} {formatDuration(result.aSeconds)}
              </th>
              <th>
                {result.b.phase} {formatDuration(result.bSeconds)}
              </th>
              <th />
            </tr>
          </thead>
          <tbody>
            {result.rows.map((r) => (
              <tr key={r.task} className={r.phaseChanged ? 'changed' : undefined}>
                <td>{r.task}</td>
                <td>
                  <span className={`phase phase-${(r.a?.phase ?? 'none').toLowerCase()}`}>
                    {r.a?.phase ?? '—'}
                  </span>{' '}
                  {formatDuration(r.aSeconds)}
                </td>
                <td>
                  <span className={`phase phase-${(r.b?.phase ?? 'none').toLowerCase()}`}>
                    {r.b?.phase ?? '—'}
                  </span>{' '}
                  {formatDuration(r.bSeconds)}
                </td>
                <td>{delta(r.deltaSeconds)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <div className="modal-actions">
        <span className="spacer" />
        <button type="button" onClick={close}>
          Close
        </button>
      </div>
    </Dialog>
  );
}
