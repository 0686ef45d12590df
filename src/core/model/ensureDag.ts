/**
 * Makes sure a pipeline has a canvas DAG template before tasks are added: an
 * imported steps-only workflow gets a new DAG template, and an entrypoint
 * when it has none.
 */
import { uniqueName } from './names';
import { templates, withWorkflowSpec, workflowSpec } from './spec';
import type { Pipeline } from './types';

export function ensureDag(p: Pipeline): Pipeline {
  if (p.dag !== undefined && templates(p).some((t) => t.name === p.dag)) return p;
  const name = uniqueName('main', new Set(templates(p).map((t) => t.name)));
  const spec = workflowSpec(p);
  const next = {
    ...spec,
    ...(typeof spec.entrypoint === 'string' ? {} : { entrypoint: name }),
    templates: [...templates(p), { name, dag: { tasks: [] } }],
  };
  return { ...withWorkflowSpec(p, next), dag: name };
}
