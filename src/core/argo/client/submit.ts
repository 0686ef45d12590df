/**
 * One-click submit: our validation, then the server's lint (problems mapped
 * onto the tasks they name), then create. A WorkflowTemplate or
 * CronWorkflow that already exists is reported as such so the editor can
 * offer to update it. The draft itself is never changed.
 */
import { compile } from '../compile';
import { error, type Diagnostic } from '../../diagnostics';
import type { JsonObject, Metadata, Pipeline, WorkflowKind } from '../../model/types';
import {
  applySubmitOptions,
  pipelineLabelValue,
  PIPELINE_LABEL,
  submitOptionProblems,
  type SubmitOptions,
} from '../submitOptions';
import type { ArgoClient } from './argoClient';
import { ArgoApiError } from './errors';
import { scopeTasks } from '../../model/scope';

export type SubmitOutcome =
  | { status: 'created'; object: JsonObject; name: string }
  | { status: 'invalid'; diagnostics: Diagnostic[] }
  | { status: 'exists'; name: string }
  | { status: 'failed'; error: ArgoApiError };

/** The manifest as submitted: no editor-only data, the namespace made explicit. */
export function submissionManifest(p: Pipeline, namespace: string): JsonObject {
  const manifest = compile(p);
  if (p.kind === 'ClusterWorkflowTemplate') return manifest;
  return { ...manifest, metadata: { ...(manifest.metadata as JsonObject), namespace } };
}

/** Diagnostics from a lint message: Argo names the task as `templates.T.tasks.X`. */
export function lintDiagnostics(message: string, p: Pipeline): Diagnostic[] {
  const names = new Set(scopeTasks(p).map((t) => t.name));
  const match = /tasks\.([a-zA-Z0-9][-a-zA-Z0-9]*)/.exec(message);
  const task = match && names.has(match[1]!) ? match[1] : undefined;
  return [error('server-lint', `Argo Server: ${message}`, task ? { task } : {})];
}

/**
 * The pipeline as it is submitted with `options` (values, entrypoint, labels)
 * and, for a Workflow, the pipeline label the runs list finds it by. The
 * document itself is not changed.
 */
export function withSubmitOptions(p: Pipeline, options: SubmitOptions = {}): Pipeline {
  const labels = { ...options.labels };
  const value = p.kind === 'Workflow' ? pipelineLabelValue(p.metadata) : undefined;
  if (value && !Object.hasOwn(labels, PIPELINE_LABEL)) labels[PIPELINE_LABEL] = value;
  const applied = applySubmitOptions(
    { kind: p.kind, metadata: p.metadata, spec: p.spec },
    { ...options, labels },
  );
  return { ...p, metadata: applied.metadata as Metadata, spec: applied.spec as JsonObject };
}

export async function submitPipeline(
  client: ArgoClient,
  document: Pipeline,
  options: SubmitOptions = {},
): Promise<SubmitOutcome> {
  // A template or cron workflow is stored, not run: its arguments are supplied later.
  const optionProblems =
    document.kind === 'Workflow'
      ? submitOptionProblems(
          { kind: document.kind, metadata: document.metadata, spec: document.spec },
          options,
        )
      : [];
  if (optionProblems.length > 0)
    return {
      status: 'invalid',
      diagnostics: optionProblems.map((m) =>
        error('submit-option', m, { path: ['spec', 'arguments'] }),
      ),
    };
  const p = withSubmitOptions(document, options);
  // Loaded here, not at the top: the editor's entry chunk stays without the validator (issue 11).
  const { validate } = await import('../validate');
  const local = validate(p, { mode: 'submit' }).filter((d) => d.severity === 'error');
  if (local.length > 0) return { status: 'invalid', diagnostics: local };
  const manifest = submissionManifest(p, client.connection.namespace);
  try {
    await client.lint(p.kind, manifest);
  } catch (e) {
    if (e instanceof ArgoApiError && e.kind === 'invalid')
      return { status: 'invalid', diagnostics: lintDiagnostics(e.message, p) };
    return { status: 'failed', error: asApiError(e) };
  }
  try {
    const object = await client.create(p.kind, manifest);
    return {
      status: 'created',
      object,
      name: String((object.metadata as JsonObject | undefined)?.name ?? ''),
    };
  } catch (e) {
    if (e instanceof ArgoApiError && e.kind === 'conflict' && p.kind !== 'Workflow') {
      return { status: 'exists', name: String(p.metadata.name ?? '') };
    }
    if (e instanceof ArgoApiError && e.kind === 'invalid')
      return { status: 'invalid', diagnostics: lintDiagnostics(e.message, p) };
    return { status: 'failed', error: asApiError(e) };
  }
}

/** Replaces an existing WorkflowTemplate, ClusterWorkflowTemplate or CronWorkflow. */
export async function updateStored(client: ArgoClient, p: Pipeline): Promise<SubmitOutcome> {
  if (p.kind === 'Workflow') throw new Error('a Workflow is created, not updated');
  try {
    const object = await client.update(p.kind, submissionManifest(p, client.connection.namespace));
    return {
      status: 'created',
      object,
      name: String((object.metadata as JsonObject | undefined)?.name ?? ''),
    };
  } catch (e) {
    return { status: 'failed', error: asApiError(e) };
  }
}

function asApiError(e: unknown): ArgoApiError {
  return e instanceof ArgoApiError
    ? e
    : new ArgoApiError('network', (e as Error)?.message ?? String(e));
}

/** Link to an object in the Argo UI. */
export function argoUiLink(
  uiBase: string,
  kind: WorkflowKind,
  namespace: string,
  name: string,
): string {
  const base = uiBase.replace(/\/+$/, '');
  const path: Record<WorkflowKind, string> = {
    Workflow: `workflows/${namespace}/${name}`,
    WorkflowTemplate: `workflow-templates/${namespace}/${name}`,
    ClusterWorkflowTemplate: `cluster-workflow-templates/${name}`,
    CronWorkflow: `cron-workflows/${namespace}/${name}`,
  };
  return `${base}/${path[kind]}`;
}
