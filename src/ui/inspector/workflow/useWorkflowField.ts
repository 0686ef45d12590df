// One field of the workflow spec (a CronWorkflow's `spec.workflowSpec`), by
// reference: a section re-renders only when its own field changes.
import { workflowSpec } from '../../../core/model/spec';
import { useEditor } from '../../EditorContext';

export function useWorkflowField(key: string): unknown {
  return useEditor((s) => workflowSpec(s.pipeline)[key]);
}
