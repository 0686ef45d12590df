/**
 * The label the editor puts on every workflow it submits (and the runs it
 * starts from a template), so the runs of one workflow can be listed: its name
 * as a Kubernetes label value. Apart from submitOptions.ts so the editor's
 * store, which needs only this, does not load the submit options with it.
 */
import type { JsonObject } from '../model/types';

/** The label the editor puts on every run it submits, so its runs can be listed. */
export const PIPELINE_LABEL = 'argoflow.dev/pipeline';

/**
 * The value of the pipeline label for a workflow: its name, or its
 * generateName without the trailing '-', made a valid label value (other
 * characters become '-', cut to 63). Undefined when nothing is left.
 */
export function pipelineLabelValue(metadata: JsonObject): string | undefined {
  const raw =
    typeof metadata.name === 'string' && metadata.name
      ? metadata.name
      : typeof metadata.generateName === 'string'
        ? metadata.generateName
        : '';
  const value = raw
    .replace(/[^A-Za-z0-9_.-]/g, '-')
    .slice(0, 63)
    .replace(/^[^A-Za-z0-9]+|[^A-Za-z0-9]+$/g, '');
  return value || undefined;
}
