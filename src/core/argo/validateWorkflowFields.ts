/**
 * Workflow spec fields Argo's validator (workflow/validate/validate.go)
 * checks beyond the schema: `onExit` names a template of this manifest, and
 * `podGC.strategy` is one Argo knows.
 */
import { error, type Diagnostic } from '../diagnostics';
import { workflowSpecPath } from '../model/pipeline';
import { findTemplate, workflowSpec } from '../model/spec';
import { isObject, type Pipeline } from '../model/types';
import { clip, shown } from '../util/describe';
import { POD_GC_STRATEGIES } from '../model/workflowFields';

export function validateWorkflowFields(p: Pipeline): Diagnostic[] {
  const out: Diagnostic[] = [];
  const spec = workflowSpec(p);
  const base = workflowSpecPath(p);
  const { onExit, podGC } = spec;
  // With workflowTemplateRef, onExit may name a template of the referenced WorkflowTemplate.
  if (typeof onExit === 'string' && onExit !== '' && !('workflowTemplateRef' in spec))
    if (!findTemplate(p, onExit))
      out.push(
        error('unknown-template', `spec.onExit template '${clip(onExit)}' not found`, {
          path: [...base, 'onExit'],
        }),
      );
  if (isObject(podGC) && podGC.strategy !== undefined && podGC.strategy !== '')
    if (!(POD_GC_STRATEGIES as readonly unknown[]).includes(podGC.strategy))
      out.push(
        error(
          'invalid-pod-gc',
          `podGC.strategy unknown strategy ${shown(podGC.strategy)}: use one of ${POD_GC_STRATEGIES.join(', ')}`,
          { path: [...base, 'podGC', 'strategy'] },
        ),
      );
  return out;
}
