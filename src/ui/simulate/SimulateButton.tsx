// Simulate: a what-if run of the workflow on the canvas, no cluster needed.
import { useEditor, useEditorStore } from '../EditorContext';

export function SimulateButton() {
  const store = useEditorStore();
  const active = useEditor((s) => s.run?.watch === 'simulated');
  return (
    <button
      type="button"
      aria-pressed={active}
      data-testid="simulate"
      title="Run the workflow here, without a cluster: mark tasks as failing and see what runs, is skipped or omitted"
      onClick={() =>
        active ? store.getState().stopSimulation() : void store.getState().startSimulation()
      }
    >
      {active ? 'Stop simulating' : 'Simulate'}
    </button>
  );
}
