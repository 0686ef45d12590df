/**
 * Validation of a pipeline: the manifest it compiles to, checked by
 * ../validate (Argo's own rules, over the manifest object). Diagnostics keep
 * their `task` only for the canvas DAG's tasks, so the editor pins nothing on
 * a canvas node that belongs to a step or task of another template.
 */
import type { Diagnostic } from '../diagnostics';
import { isUnfilledStandIn } from '../model/standIns';
import type { Pipeline } from '../model/types';
import { validateManifest, type ValidateOptions } from '../validate';
import { compile } from './compile';

export type { Mode, ValidateOptions } from '../validate';

/** Diagnostics for the pipeline; `lint` mode unless the options say `submit`. */
export function validate(p: Pipeline, options: ValidateOptions = {}): Diagnostic[] {
  const found = validateManifest(compile(p), options);
  // The importer has reported the missing spec; checks of its parts would only repeat it.
  const spec = !isUnfilledStandIn(p.spec);
  const out: Diagnostic[] = [];
  for (const d of found) {
    if (!spec && d.path?.[0] !== 'metadata') continue;
    if (d.task !== undefined && d.template !== p.dag) {
      const { task: _task, ...rest } = d;
      out.push(rest);
    } else out.push(d);
  }
  return out;
}
