// The what-if run: its phase and step, controls to step through it or see
// the end, how the selected task (and every leaf, nested ones included) ends,
// `when` decisions and outputs the simulator cannot know, parameter values,
// and the notes of what it could not decide. The canvas shows the run as it
// shows a real one; edits to the workflow re-run it.
import { useEffect } from 'react';
import { argumentFields } from '../../core/argo/submitOptions';
import { findTask } from '../../core/model/pipeline';
import type { LeafOutcome, SimNode } from '../../core/simulate';
import { useEditor, useEditorStore } from '../EditorContext';
import { OutcomeSelect, WhenSelect } from './SimulationFields';

const ATTEMPT = /\(\d+\)$/;

export function SimulationPanel() {
  const store = useEditorStore();
  const sim = useEditor((s) => s.simulation);
  const pipeline = useEditor((s) => s.pipeline);
  const selected = useEditor((s) => (s.selection.length === 1 ? s.selection[0] : undefined));
  useEffect(() => {
    store.getState().refreshSimulation();
  }, [store, pipeline]);
  if (!sim) return null;
  const { snapshot, settings } = sim;
  const s = store.getState();
  const step = sim.step ?? sim.total;
  const task = selected ? findTask(pipeline, selected) : undefined;
  const args = argumentFields({ kind: pipeline.kind, spec: pipeline.spec });
  const nodes = snapshot.nodes.filter(
    (n) => n.path.length > 0 && n.type !== 'StepGroup' && !ATTEMPT.test(n.displayName),
  );
  const outcomeOf = (path: string): LeafOutcome | undefined =>
    Object.hasOwn(settings.outcomes, path) ? settings.outcomes[path] : undefined;

  return (
    <section
      className="run-panel simulation-panel"
      aria-label="Simulation"
      data-testid="simulation"
    >
      <div className="panel-title">
        <span className={`phase phase-${snapshot.phase.toLowerCase()}`} data-testid="run-phase">
          {snapshot.phase}
        </span>
        <span className="run-name">What-if run (simulated, no cluster)</span>
        <span className="muted" data-testid="sim-step">
          step {step} of {sim.total}
        </span>
      </div>
      <div className="run-actions">
        <button
          type="button"
          onClick={() => s.showSimulationStep(0)}
          disabled={step === 0}
          aria-label="To the start"
        >
          Start
        </button>
        <button
          type="button"
          onClick={() => s.simulationStep(-1)}
          disabled={step === 0}
          aria-label="Step back"
        >
          ◀ Step
        </button>
        <button
          type="button"
          onClick={() => s.simulationStep(1)}
          disabled={step >= sim.total}
          aria-label="Step forward"
        >
          Step ▶
        </button>
        <button
          type="button"
          onClick={() => s.showSimulationStep('end')}
          disabled={step >= sim.total}
          aria-label="At once: to the end"
        >
          At once
        </button>
        <button type="button" onClick={() => s.stopSimulation()}>
          Stop simulating
        </button>
      </div>
      {snapshot.message && <p className="run-message">{snapshot.message}</p>}
      {task ? (
        <fieldset className="sim-task">
          <legend>Task {task.name}</legend>
          <OutcomeSelect
            id="sim-outcome"
            value={outcomeOf(task.name)}
            onChange={(o) => s.setSimulationOutcome(task.name, o)}
          />
          {typeof task.when === 'string' && (
            <WhenSelect
              id="sim-when"
              when={task.when}
              value={Object.hasOwn(settings.when, task.name) ? settings.when[task.name] : undefined}
              onChange={(v) => s.setSimulationWhen(task.name, v)}
            />
          )}
          <div className="field">
            <label htmlFor="sim-result">Its output result</label>
            <input
              id="sim-result"
              placeholder="(none)"
              value={settings.outputs[task.name]?.result ?? ''}
              onChange={(e) =>
                s.setSimulationOutput(task.name, 'result', e.target.value || undefined)
              }
            />
          </div>
        </fieldset>
      ) : (
        <p className="muted">Select a task to decide how it ends (fails, errors, its output).</p>
      )}
      {args.length > 0 && (
        <fieldset className="sim-parameters">
          <legend>Parameters</legend>
          {args.map((f) => (
            <div className="field" key={f.name}>
              <label htmlFor={`sim-param-${f.name}`}>{f.name}</label>
              <input
                id={`sim-param-${f.name}`}
                value={
                  Object.hasOwn(settings.parameters, f.name) ? settings.parameters[f.name] : f.value
                }
                onChange={(e) => s.setSimulationParameter(f.name, e.target.value)}
              />
            </div>
          ))}
        </fieldset>
      )}
      {snapshot.notes.length > 0 && (
        <ul className="sim-notes" aria-label="What the simulation could not decide">
          {snapshot.notes.map((n, i) => (
            <li key={i}>
              {n.path ? <strong>{n.path}: </strong> : null}
              {n.message}
            </li>
          ))}
        </ul>
      )}
      <NodeTable
        nodes={nodes}
        outcomeOf={outcomeOf}
        onOutcome={(p, o) => s.setSimulationOutcome(p, o)}
      />
    </section>
  );
}

function NodeTable({
  nodes,
  outcomeOf,
  onOutcome,
}: {
  nodes: SimNode[];
  outcomeOf: (path: string) => LeafOutcome | undefined;
  onOutcome: (path: string, o: LeafOutcome | undefined) => void;
}) {
  if (nodes.length === 0) return <p className="muted">Nothing has started yet.</p>;
  return (
    <table className="sim-nodes" data-testid="sim-nodes">
      <tbody>
        {nodes.slice(0, 300).map((n) => {
          const path = n.path.join('/');
          const leaf = n.type === 'Pod' || n.type === 'Retry' || n.type === 'Suspend';
          return (
            <tr key={n.id} data-testid={`sim-node-${path}`} data-phase={n.phase}>
              <td title={n.name}>{n.path.join(' › ')}</td>
              <td>
                <span className={`phase phase-${n.phase.toLowerCase()}`}>{n.phase}</span>
              </td>
              <td className="muted">{n.message}</td>
              <td>
                {leaf && (
                  <OutcomeSelect
                    id={`sim-outcome-${n.id}`}
                    label={`How ${path} ends`}
                    value={outcomeOf(path)}
                    onChange={(o) => onOutcome(path, o)}
                  />
                )}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
