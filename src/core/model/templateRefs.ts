/**
 * Which templates a manifest uses. A template is in use when anything names
 * it: a DAG task or step (`template`), `entrypoint`, `onExit`, a lifecycle
 * hook. Used to drop a palette template once its last task is removed.
 */
import { workflowSpec } from './spec';
import type { Pipeline } from './types';

const REFERENCE_KEYS = new Set(['template', 'entrypoint', 'onExit']);

export function usedTemplateNames(p: Pipeline): Set<string> {
  const used = new Set<string>();
  // A stack, not recursion: a hand-written spec may nest deeper than the call stack.
  const stack: unknown[] = [workflowSpec(p)];
  while (stack.length > 0) {
    const value = stack.pop();
    if (Array.isArray(value)) {
      for (const v of value) stack.push(v);
    } else if (typeof value === 'object' && value !== null) {
      for (const [k, v] of Object.entries(value)) {
        if (REFERENCE_KEYS.has(k) && typeof v === 'string') used.add(v);
        else stack.push(v);
      }
    }
  }
  return used;
}
