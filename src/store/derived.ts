/**
 * Values derived from the pipeline's structure: validation and the YAML
 * preview. They are keyed on everything except the layout, so dragging a
 * node (which changes only `layout`) never recompiles or revalidates.
 */
import { previewDocument } from '../core/argo/document';
import { validate } from '../core/argo/validate';
import type { Diagnostic } from '../core/diagnostics';
import type { Pipeline } from '../core/model/types';

function structure(p: Pipeline): unknown[] {
  return [p.apiVersion, p.kind, p.metadata, p.spec, p.dag, p.tasks, p.extra];
}

/** Memoises `fn` on the identity of the pipeline's structural parts. */
function byStructure<T>(fn: (p: Pipeline) => T): (p: Pipeline) => T {
  let lastKey: unknown[] | undefined;
  let lastValue: T;
  return (p) => {
    const key = structure(p);
    if (!lastKey || key.some((part, i) => part !== lastKey![i])) {
      lastValue = fn(p);
      lastKey = key;
    }
    return lastValue;
  };
}

export const pipelineDiagnostics: (p: Pipeline) => Diagnostic[] = byStructure(validate);
export const pipelinePreview: (p: Pipeline) => string = byStructure(previewDocument);

/** Diagnostics grouped by task name, for node badges. */
export const diagnosticsByTask: (p: Pipeline) => Map<string, Diagnostic[]> = byStructure((p) => {
  const map = new Map<string, Diagnostic[]>();
  for (const d of pipelineDiagnostics(p)) {
    if (!d.task) continue;
    const list = map.get(d.task);
    if (list) list.push(d);
    else map.set(d.task, [d]);
  }
  return map;
});
