// The inspector for one dependency edge `from -> to`: the result the edge
// waits for, how `to` composes its upstream edges (AND/OR), `to`'s whole
// depends expression as text (validated as you type), and removing the edge.
import {
  EDGE_RESULTS,
  dependsMode,
  dependsText,
  edgeResult,
  setDependsMode,
  setDependsText,
  setEdgeResult,
  type DependsMode,
  type EdgeResult,
} from '../../core/model/edgeResults';
import { referencesBetween } from '../../core/model/dataFlow';
import { findTask } from '../../core/model/pipeline';
import { taskDependencies } from '../../core/graph/taskDependencies';
import { useEditor, useEditorStore } from '../EditorContext';
import { TextField } from './fields';

/**
 * The tasks of a canvas edge id: `${from}->${to}` for a dependency, or
 * `data:${from}:${port}->${to}:${port}` for a data wire (which implies the
 * dependency). Task and port names never contain `>`, task names never `:`.
 */
export function parseEdgeId(id: string): { from: string; to: string } | undefined {
  const at = id.indexOf('>');
  if (at < 1 || id[at - 1] !== '-') return undefined;
  const [from, to] = [id.slice(0, at - 1), id.slice(at + 1)];
  if (!id.startsWith('data:')) return { from, to };
  return { from: from.split(':')[1] ?? '', to: to.split(':')[0] ?? '' };
}

const RESULT_LABELS: Record<EdgeResult, string> = {
  Succeeded: 'Succeeded (default)',
  Failed: 'Failed',
  Errored: 'Errored',
  Skipped: 'Skipped',
  Completed: 'Completed (succeeded, failed or errored)',
  Daemoned: 'Daemoned',
  Any: 'Any result',
};

const RESULT_HINTS: Record<EdgeResult | 'custom', string> = {
  Succeeded: 'Runs when it succeeded, was skipped by its when, or is a running daemon.',
  Failed: 'Runs only when it exited with a non-zero code.',
  Errored: 'Runs only when it had an error other than a non-zero exit code.',
  Skipped: 'Runs only when its when condition was false.',
  Completed: 'Runs when it ran to an end: succeeded, failed or errored.',
  Daemoned: 'Runs once it is a running daemon.',
  Any: 'Runs after it, whatever its result.',
  custom: 'A custom expression: edit the depends text below.',
};

export function EdgeInspector({ id }: { id: string }) {
  const store = useEditorStore();
  const ends = parseEdgeId(id);
  const task = useEditor((s) => (ends ? findTask(s.pipeline, ends.to) : undefined));
  const result = ends && task ? edgeResult(task, ends.from) : undefined;
  if (!ends || !task || result === undefined)
    return (
      <div className="inspector-body" data-testid="edge-inspector">
        <h2>Dependency</h2>
        <p className="muted">This dependency no longer exists.</p>
      </div>
    );
  const { from, to } = ends;
  const { apply } = store.getState();
  const mode = dependsMode(task);
  const upstream = taskDependencies(task).length;

  return (
    <div className="inspector-body" data-testid="edge-inspector">
      <h2>Dependency</h2>
      <p className="edge-ends">
        <strong>{to}</strong> waits for <strong>{from}</strong>
      </p>
      <div className="field">
        <label htmlFor="edge-result">Result of {from}</label>
        <select
          id="edge-result"
          name="edge-result"
          value={result}
          disabled={result === 'custom'}
          onChange={(e) => apply((p) => setEdgeResult(p, from, to, e.target.value as EdgeResult))}
        >
          {result === 'custom' && <option value="custom">Custom expression</option>}
          {EDGE_RESULTS.map((r) => (
            <option key={r} value={r}>
              {RESULT_LABELS[r]}
            </option>
          ))}
        </select>
        <div className="field-hint">{RESULT_HINTS[result]}</div>
      </div>
      {upstream >= 2 && (
        <div className="field">
          <label htmlFor="edge-mode">{to} runs when</label>
          <select
            id="edge-mode"
            name="edge-mode"
            value={mode}
            disabled={mode === 'custom'}
            onChange={(e) => apply((p) => setDependsMode(p, to, e.target.value as DependsMode))}
          >
            {mode === 'custom' && <option value="custom">Custom expression</option>}
            <option value="and">All upstream edges hold (AND)</option>
            <option value="or">Any upstream edge holds (OR)</option>
          </select>
        </div>
      )}
      <TextField
        label={`depends of ${to}`}
        name="depends"
        value={dependsText(task)}
        check={(v) => setDependsText(store.getState().pipeline, to, v).diagnostics[0]?.message}
        onCommit={(v) => apply((p) => setDependsText(p, to, v).value)}
        hint="Argo's enhanced depends: task or task.Result, &&, ||, !, ( )"
      />
      <button
        type="button"
        onClick={() => {
          // As on the canvas: a dependency whose target reads the upstream's
          // outputs goes only with those references, and only when confirmed.
          const carrying = referencesBetween(store.getState().pipeline, from, to).length > 0;
          const message = `${to} reads outputs of ${from}\n\nRemove those references too? (Cancel keeps the dependency.)`;
          if (carrying && !window.confirm(message)) return;
          store.getState().deleteElements([], [{ source: from, target: to }], carrying);
          store.getState().selectEdge(undefined);
        }}
      >
        Remove dependency
      </button>
    </div>
  );
}
