/**
 * Validation of an Argo manifest object (the plain JSON of one YAML
 * document), as strict as Argo's own validator (workflow/validate/validate.go)
 * and worded like it, so a message can be searched in Argo's documentation.
 * Every diagnostic carries its field path, and the template and step or task
 * it belongs to. Severities: `error` when Argo refuses the document, `warning`
 * when Argo accepts it but it fails later or misleads, `info` for notes (the
 * references that could not be checked). Rules and their Argo sources:
 * docs/validation.md.
 *
 * @example validateManifest(loadYamlDocuments(text).value[0], { mode: 'lint' })
 */
import type { Diagnostic } from '../diagnostics';
import { isObject, WORKFLOW_KINDS, type WorkflowKind } from '../model/types';
import { clip, shown } from '../util/describe';
import type { Ctx, ValidateOptions } from './context';
import { checkCron } from './cron';
import { checkMetadata } from './metadata';
import { readMap } from './read';
import { Sink, type At } from './sink';
import { validateWorkflowSpec } from './workflow';

export type { Mode, ValidateOptions } from './context';
export { templateLibrary, type TemplateLibrary } from '../library/templateLibrary';

/** Whether a document is one this validator checks (an Argo workflow kind). */
export function isWorkflowManifest(doc: unknown): boolean {
  return (
    isObject(doc) &&
    typeof doc.apiVersion === 'string' &&
    doc.apiVersion.startsWith('argoproj.io/') &&
    (WORKFLOW_KINDS as readonly unknown[]).includes(doc.kind)
  );
}

/** Diagnostics for one manifest; a document of another kind gets one note that it was skipped. */
export function validateManifest(doc: unknown, options: ValidateOptions = {}): Diagnostic[] {
  const sink = new Sink();
  if (!isWorkflowManifest(doc)) {
    const broken = brokenArgoDocument(doc);
    if (broken) sink.error(broken.code, broken.message, { path: broken.path });
    else
      sink.info('not-a-workflow', skippedNote(doc), {
        path: isObject(doc) && 'kind' in doc ? ['kind'] : [],
      });
    return sink.list;
  }
  const manifest = doc as Record<string, unknown>;
  const kind = manifest.kind as WorkflowKind;
  checkMetadata(sink, manifest, kind);
  if (manifest.spec === undefined || manifest.spec === null) {
    // Argo decodes an empty spec: a Workflow then has no entrypoint, a CronWorkflow no schedule.
    const needs = NEEDS[kind];
    const message = `the manifest has no spec: a ${kind} needs ${needs}`;
    if (kind === 'Workflow' || kind === 'CronWorkflow')
      sink.error('missing-spec', message, { path: [] });
    else sink.warning('missing-spec', `${message}; it defines nothing`, { path: [] });
    return sink.list;
  }
  const spec = readMap(sink, manifest, 'spec', { path: [] });
  if (!spec) return sink.list;
  let specAt: At = { path: ['spec'] };
  let workflowSpec = spec;
  if (kind === 'CronWorkflow') {
    checkCron(sink, spec, specAt);
    workflowSpec = readMap(sink, spec, 'workflowSpec', specAt) ?? {};
    specAt = { path: ['spec', 'workflowSpec'] };
  }
  const ctx: Ctx = {
    sink,
    mode: options.mode ?? 'lint',
    kind,
    templateValidation: kind === 'WorkflowTemplate' || kind === 'ClusterWorkflowTemplate',
    spec: workflowSpec,
    specAt,
    local: new Map(),
    library: options.templates,
    globals: undefined as never,
    unchecked: [],
    beforeExit: new Set(),
    hasExitHandler: false,
    external: new Map(),
  };
  validateWorkflowSpec(ctx, manifest);
  if (ctx.unchecked.length > 0) {
    const names = [...new Set(ctx.unchecked.map((u) => u.text))];
    const shownNames = names
      .slice(0, 5)
      .map((n) => clip(n))
      .join(', ');
    sink.info(
      'unchecked-references',
      `${ctx.unchecked.length} reference${ctx.unchecked.length === 1 ? '' : 's'} to WorkflowTemplates could not be checked (${shownNames}${names.length > 5 ? `, and ${names.length - 5} more` : ''}): their WorkflowTemplates were not given. With the CLI, list their files too or pass --templates DIR`,
      { path: ctx.unchecked[0]!.at.path },
    );
  }
  return sink.list;
}

const NEEDS: Record<WorkflowKind, string> = {
  Workflow: 'spec.entrypoint and spec.templates',
  WorkflowTemplate: 'spec.templates',
  ClusterWorkflowTemplate: 'spec.templates',
  CronWorkflow: 'spec.schedules and spec.workflowSpec',
};

/**
 * A document meant as an Argo workflow that cannot be read as one: an
 * argoproj.io apiVersion with a kind that is not a workflow kind's name, or a
 * workflow kind without an argoproj.io apiVersion. Argo's decoder refuses it.
 */
function brokenArgoDocument(
  doc: unknown,
): { code: string; message: string; path: string[] } | undefined {
  if (!isObject(doc)) return undefined;
  const { apiVersion, kind } = doc;
  const argoApi = typeof apiVersion === 'string' && apiVersion.startsWith('argoproj.io/');
  const workflowKind = (WORKFLOW_KINDS as readonly unknown[]).includes(kind);
  if (argoApi && typeof kind !== 'string')
    return {
      code: 'unsupported-kind',
      message: `kind ${kind === undefined ? 'is missing' : `${shown(kind, '"')} is not a name`}: an Argo manifest's kind is one of ${WORKFLOW_KINDS.join(', ')}`,
      path: kind === undefined ? [] : ['kind'],
    };
  if (workflowKind && !argoApi)
    return {
      code: 'not-argo',
      message: `apiVersion is ${apiVersion === undefined ? 'missing' : shown(apiVersion, '"')}, not argoproj.io/...: a ${String(kind)} needs apiVersion: argoproj.io/v1alpha1`,
      path: apiVersion === undefined ? [] : ['apiVersion'],
    };
  return undefined;
}

function skippedNote(doc: unknown): string {
  if (!isObject(doc)) return 'skipped: the document is not a mapping of keys to values';
  const what = `${typeof doc.apiVersion === 'string' ? clip(doc.apiVersion) : '(no apiVersion)'} ${typeof doc.kind === 'string' ? clip(doc.kind) : shown(doc.kind)}`;
  return typeof doc.apiVersion === 'string' && doc.apiVersion.startsWith('argoproj.io/')
    ? `skipped: ${what} is not linted (only ${WORKFLOW_KINDS.join(', ')} are)`
    : `skipped: ${what} is not an Argo workflow`;
}
