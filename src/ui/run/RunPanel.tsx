// The run being watched: phase, progress, stream status, actions, and the
// selected task's logs.
import { useEditor, useEditorStore } from '../EditorContext';
import { SimulationPanel } from '../simulate/SimulationPanel';
import { LogView } from './LogView';

export function RunPanel() {
  const store = useEditorStore();
  const run = useEditor((s) => s.run);
  const selected = useEditor((s) => (s.selection.length === 1 ? s.selection[0] : undefined));
  if (!run) return null;
  if (run.watch === 'simulated') return <SimulationPanel />;
  const { state } = run;
  const finished = ['Succeeded', 'Failed', 'Error'].includes(state.phase);
  const act = (a: 'stop' | 'terminate' | 'retry' | 'resubmit') => () =>
    void store.getState().runAction(a);
  return (
    <section className="run-panel" aria-label="Run">
      <div className="panel-title">
        <span className={`phase phase-${state.phase.toLowerCase()}`} data-testid="run-phase">
          {state.phase}
        </span>
        <span className="run-name" title={state.name}>
          {state.name}
        </span>
        {state.progress && <span className="muted">{state.progress}</span>}
        <span className="spacer" />
        {run.watch !== 'streaming' && run.watch !== 'finished' && (
          <span className="muted">{run.watch}</span>
        )}
      </div>
      <div className="run-actions">
        <button type="button" onClick={act('stop')} disabled={finished}>
          Stop
        </button>
        <button type="button" onClick={act('terminate')} disabled={finished}>
          Terminate
        </button>
        <button
          type="button"
          onClick={act('retry')}
          disabled={!finished || state.phase === 'Succeeded'}
        >
          Retry
        </button>
        <button type="button" onClick={act('resubmit')} disabled={!finished}>
          Resubmit
        </button>
        <button type="button" onClick={() => store.getState().closeRun()}>
          Close
        </button>
      </div>
      {state.message && <p className="run-message">{state.message}</p>}
      {run.error && (
        <p className="check-failed" role="alert">
          {run.error}
        </p>
      )}
      {selected ? (
        <LogView
          key={`${selected}/${state.tasks.get(selected)?.nodeId ?? ''}/${state.tasks.get(selected)?.phase === 'Running'}`}
          task={selected}
        />
      ) : (
        <p className="muted">Select a task to see its logs.</p>
      )}
    </section>
  );
}
