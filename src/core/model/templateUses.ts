/**
 * How often a template is run, counted over the whole workflow spec. Kept apart
 * from resourceFields.ts, which reads manifests with the `yaml` library: the
 * store counts uses on every change, and that library stays out of the entry
 * chunk (issue 11).
 */
import { workflowSpec } from './spec';
import { isObject, type Pipeline } from './types';

/**
 * How many places run template `name`: canvas tasks, plus steps, tasks of
 * other DAGs, `entrypoint`, `onExit` and hooks that name it.
 */
export function templateUseCount(p: Pipeline, name: string): number {
  let count = 0;
  // A stack, not recursion: a hand-written spec may nest deeper than the call stack.
  const stack: unknown[] = [workflowSpec(p)];
  while (stack.length > 0) {
    const v = stack.pop();
    if (Array.isArray(v)) for (const x of v) stack.push(x);
    else if (isObject(v))
      for (const [k, x] of Object.entries(v)) {
        if ((k === 'template' || k === 'entrypoint' || k === 'onExit') && x === name) count++;
        // `templateRef.template` names a template of another WorkflowTemplate.
        else if (typeof x === 'object' && k !== 'templateRef') stack.push(x);
      }
  }
  return count;
}
