/**
 * Validation of a pipeline: the manifest it compiles to, checked by
 * ../validate (Argo's own rules, over the manifest object). Each diagnostic
 * names the template it is in, so the editor pins a task's problem on its
 * node only when that template is the one on the canvas.
 */
import type { Diagnostic } from '../diagnostics';
import { isUnfilledStandIn } from '../model/standIns';
import { knownTemplates } from '../library/templateRefs';
import type { Pipeline } from '../model/types';
import { validateManifest, type ValidateOptions } from '../validate';
import { compile } from './compile';

export type { Mode, ValidateOptions } from '../validate';

/**
 * Diagnostics for the pipeline; `lint` mode unless the options say `submit`.
 * templateRefs resolve against the options' templates, else those the editor
 * knows (the open file's and the server's).
 */
export function validate(p: Pipeline, options: ValidateOptions = {}): Diagnostic[] {
  const templates = options.templates ?? knownTemplates();
  const found = validateManifest(compile(p), templates ? { ...options, templates } : options);
  // The importer has reported the missing spec; checks of its parts would only repeat it.
  if (!isUnfilledStandIn(p.spec)) return found;
  return found.filter((d) => d.path?.[0] === 'metadata');
}
