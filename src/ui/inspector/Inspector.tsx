// The right-hand panel: the selected task or edge, or the workflow when nothing is selected.
import { useEditor } from '../EditorContext';
import { EdgeInspector } from './EdgeInspector';
import { TaskInspector } from './TaskInspector';
import { TemplateInspector } from './TemplateInspector';
import { scopeView } from '../../core/model/scopeView';
import { WorkflowInspector } from './WorkflowInspector';
import { BulkActions } from './BulkActions';

export function Inspector() {
  const selected = useEditor((s) => (s.selection.length === 1 ? s.selection[0] : undefined));
  // A leaf template on the canvas is one node: the template itself.
  const leaf = useEditor((s) => scopeView(s.pipeline).nodes[0]?.kind === 'template');
  const many = useEditor((s) => s.selection.length > 1);
  const edge = useEditor((s) => s.selectedEdge);
  return (
    <aside className="inspector" aria-label="Inspector">
      {selected && leaf ? (
        <TemplateInspector key={selected} name={selected} />
      ) : selected ? (
        <TaskInspector key={selected} name={selected} />
      ) : many ? (
        <BulkActions />
      ) : edge ? (
        <EdgeInspector key={edge} id={edge} />
      ) : (
        <WorkflowInspector />
      )}
    </aside>
  );
}
