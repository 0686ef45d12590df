/**
 * Switching a pipeline between Workflow, WorkflowTemplate,
 * ClusterWorkflowTemplate and CronWorkflow: a CronWorkflow wraps the workflow
 * spec in `spec.workflowSpec` next to its schedule; the others hold it as `spec`.
 */
import { workflowSpec } from './spec';
import { type JsonObject, type Pipeline, type WorkflowKind } from './types';

export function setKind(p: Pipeline, kind: WorkflowKind): Pipeline {
  if (kind === p.kind) return p;
  const wf = workflowSpec(p);
  let spec: JsonObject;
  if (kind === 'CronWorkflow') {
    spec = { schedules: ['0 * * * *'], workflowSpec: wf };
  } else {
    spec = wf;
  }
  const metadata = { ...p.metadata };
  if (kind === 'ClusterWorkflowTemplate') delete metadata.namespace;
  // Templates and cron workflows are stored objects: they need a fixed name.
  if (kind !== 'Workflow' && metadata.name === undefined) {
    metadata.name = String(metadata.generateName ?? 'pipeline').replace(/-+$/, '') || 'pipeline';
    delete metadata.generateName;
  }
  return { ...p, kind, spec, metadata };
}

/** The cron settings of a CronWorkflow (everything in spec but the workflow spec). */
export function cronSettings(p: Pipeline): JsonObject {
  if (p.kind !== 'CronWorkflow') return {};
  const { workflowSpec: _wf, ...settings } = p.spec;
  return settings;
}
