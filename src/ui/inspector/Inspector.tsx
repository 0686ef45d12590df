// The right-hand panel: the selected task, or the workflow when nothing is selected.
import { useEditor } from '../EditorContext';
import { TaskInspector } from './TaskInspector';
import { WorkflowInspector } from './WorkflowInspector';

export function Inspector() {
  const selected = useEditor((s) => (s.selection.length === 1 ? s.selection[0] : undefined));
  const many = useEditor((s) => s.selection.length > 1);
  return (
    <aside className="inspector" aria-label="Inspector">
      {selected ? (
        <TaskInspector key={selected} name={selected} />
      ) : many ? (
        <p className="muted">Several tasks selected.</p>
      ) : (
        <WorkflowInspector />
      )}
    </aside>
  );
}
