// The watched run's phase and progress, in the toolbar.
import { useEditor } from '../EditorContext';

export function RunChip() {
  const phase = useEditor((s) => s.run?.state.phase);
  const progress = useEditor((s) => s.run?.state.progress);
  const name = useEditor((s) => s.run?.state.name);
  if (!phase) return null;
  return (
    <span className="run-chip" title={name} data-testid="run-chip">
      <span className={`phase phase-${phase.toLowerCase()}`}>{phase}</span>
      {progress && <span className="muted">{progress}</span>}
    </span>
  );
}
