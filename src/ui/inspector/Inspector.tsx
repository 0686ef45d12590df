// The right-hand panel: the selected task or edge, or the workflow when nothing is selected.
import { useEditor } from '../EditorContext';
import { EdgeInspector } from './EdgeInspector';
import { TaskInspector } from './TaskInspector';
import { WorkflowInspector } from './WorkflowInspector';

export function Inspector() {
  const selected = useEditor((s) => (s.selection.length === 1 ? s.selection[0] : undefined));
  const many = useEditor((s) => s.selection.length > 1);
  const edge = useEditor((s) => s.selectedEdge);
  return (
    <aside className="inspector" aria-label="Inspector">
      {selected ? (
        <TaskInspector key={selected} name={selected} />
      ) : many ? (
        <p className="muted">Several tasks selected.</p>
      ) : edge ? (
        <EdgeInspector key={edge} id={edge} />
      ) : (
        <WorkflowInspector />
      )}
    </aside>
  );
}
