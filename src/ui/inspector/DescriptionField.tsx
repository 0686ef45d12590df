// A task's free-text description. Argo has no field for one (its
// `workflows.argoproj.io/description` annotation describes a whole workflow),
// so it is kept in the editor's annotation, per template and task.
import { descriptionOf } from '../../core/ergonomics/notes';
import { useEditor, useEditorStore } from '../EditorContext';
import { TextField } from './fields';

export function DescriptionField({ task }: { task: string }) {
  const store = useEditorStore();
  const text = useEditor((s) => descriptionOf(s.pipeline, s.pipeline.scope ?? '', task));
  return (
    <TextField
      label="Description"
      name="task-description"
      multiline
      value={text}
      placeholder="What this task does, for readers of the workflow"
      hint="Kept in the studio.argoflow.io/descriptions annotation: Argo has no task description"
      onCommit={(v) => store.getState().setDescription(task, v)}
    />
  );
}
