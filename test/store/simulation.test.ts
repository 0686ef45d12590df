// The Simulate slice (src/store/simulationSlice.ts): a what-if run of the
// document handed to the canvas as a watched run (run.watch 'simulated'),
// recomputed from the user's what-ifs, step by step or at once, after edits,
// and with templateRef tasks run from the loaded library.
//
//   the document:  a --> b --> c      (names as the editor makes them: lowercase)
import { afterEach, describe, expect, it } from 'vitest';
import { setServerTemplates } from '../../src/core/library/templateRefs';
import { libraryOf } from '../../src/core/library/templateLibrary';
import { createEditorStore, type EditorStore } from '../../src/store/editorStore';

const pass = { name: 'pass', container: { image: 'busybox' } };

function chain(): EditorStore {
  const s = createEditorStore();
  const st = s.getState();
  st.addTask({ name: 'a', template: pass });
  st.addTask({ name: 'b', fields: { template: 'pass' } });
  st.addTask({ name: 'c', fields: { template: 'pass' } });
  st.connect('a', 'b');
  st.connect('b', 'c');
  return s;
}
const phases = (s: EditorStore) =>
  Object.fromEntries([...(s.getState().run?.state.tasks ?? [])].map(([k, v]) => [k, v.phase]));

afterEach(() => setServerTemplates(undefined));

describe('Simulate', () => {
  it('shows the run at its end on the canvas, as a watched run', async () => {
    const s = chain();
    await s.getState().startSimulation();
    expect(s.getState().run?.watch).toBe('simulated');
    expect(phases(s)).toEqual({ a: 'Succeeded', b: 'Succeeded', c: 'Succeeded' });
    expect(s.getState().run?.state.phase).toBe('Succeeded');
  });

  it('a task marked failing omits what depends on it; unmarking brings it back', async () => {
    const s = chain();
    await s.getState().startSimulation();
    s.getState().setSimulationOutcome('b', { phase: 'Failed' });
    expect(phases(s)).toEqual({ a: 'Succeeded', b: 'Failed', c: 'Omitted' });
    expect(s.getState().run?.state.phase).toBe('Failed');
    s.getState().setSimulationOutcome('b', undefined);
    expect(phases(s).c).toBe('Succeeded');
  });

  it('steps back and forward through the reconciliations', async () => {
    const s = chain();
    await s.getState().startSimulation();
    expect(s.getState().simulation?.total).toBe(4);
    expect(s.getState().simulation?.step).toBeUndefined();
    s.getState().showSimulationStep(0);
    expect(phases(s)).toEqual({});
    s.getState().simulationStep(1);
    expect(phases(s)).toEqual({ a: 'Running' });
    s.getState().simulationStep(1);
    expect(phases(s)).toEqual({ a: 'Succeeded', b: 'Running' });
    s.getState().simulationStep(-1);
    expect(phases(s)).toEqual({ a: 'Running' });
    s.getState().showSimulationStep('end');
    expect(s.getState().run?.state.phase).toBe('Succeeded');
  });

  it('re-runs after an edit, keeping the what-ifs', async () => {
    const s = chain();
    await s.getState().startSimulation();
    s.getState().setSimulationOutcome('a', { phase: 'Failed' });
    s.getState().updateTask('b', (t) => ({ ...t, depends: 'a.Failed' }));
    s.getState().refreshSimulation();
    expect(phases(s)).toEqual({ a: 'Failed', b: 'Succeeded', c: 'Succeeded' });
  });

  it('does not change the document, and stopping clears the run', async () => {
    const s = chain();
    const before = s.getState().pipeline;
    await s.getState().startSimulation();
    s.getState().setSimulationParameter('x', '1');
    expect(s.getState().pipeline).toBe(before);
    s.getState().stopSimulation();
    expect(s.getState().run).toBeUndefined();
    expect(s.getState().simulation).toBeUndefined();
  });

  it('a task named like an Object property is a task like any other', async () => {
    const s = createEditorStore();
    s.getState().addTask({ name: 'constructor', template: pass });
    await s.getState().startSimulation();
    s.getState().setSimulationOutcome('constructor', { phase: 'Error' });
    expect(phases(s)).toEqual({ constructor: 'Error' });
  });

  it('runs a templateRef task from the loaded library, nested steps and all', async () => {
    const lib = {
      kind: 'WorkflowTemplate',
      metadata: { name: 'lib' },
      spec: {
        templates: [
          { name: 'two', steps: [[{ name: 'one', template: 'leaf' }]] },
          pass,
          { name: 'leaf', container: { image: 'x' } },
        ],
      },
    };
    setServerTemplates(libraryOf([lib], []));
    const s = createEditorStore();
    s.getState().addTask({ name: 'r', fields: { templateRef: { name: 'lib', template: 'two' } } });
    await s.getState().startSimulation();
    s.getState().setSimulationOutcome('r/one', { phase: 'Failed' });
    expect(phases(s)).toEqual({ r: 'Failed' });
    const nested = s
      .getState()
      .simulation!.snapshot.nodes.find((n) => n.path.join('/') === 'r/one');
    expect(nested?.phase).toBe('Failed');
  });
});
