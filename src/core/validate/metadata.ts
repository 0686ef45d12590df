/**
 * The object's name. Argo's validator limits it to 63 characters (52 for a
 * CronWorkflow, whose Workflows append a timestamp): an error. Kubernetes'
 * API server checks the rest, which Argo's validator does not: a name or
 * generateName is required and is a lowercase RFC 1123 subdomain. Those are
 * warnings: `argo lint` passes them, and the server refuses them when the
 * object is created.
 */
import { isObject, type JsonObject, type WorkflowKind } from '../model/types';
import { K8S_NAME_PATTERN } from '../model/names';
import { clip, shown, typeName } from '../util/describe';
import type { Sink } from './sink';

const LIMIT: Record<WorkflowKind, [number, string]> = {
  Workflow: [63, 'workflow name'],
  WorkflowTemplate: [63, 'workflow template name'],
  ClusterWorkflowTemplate: [63, 'cluster workflow template name'],
  CronWorkflow: [52, 'cron workflow name'],
};

export function checkMetadata(sink: Sink, doc: JsonObject, kind: WorkflowKind): void {
  const metadata = doc.metadata;
  if (metadata !== undefined && metadata !== null && !isObject(metadata)) {
    sink.error('invalid-metadata', `metadata must be a mapping, not ${typeName(metadata)}`, {
      path: ['metadata'],
    });
    return;
  }
  const { name, generateName } = isObject(metadata) ? metadata : {};
  if ((name === undefined || name === '') && (generateName === undefined || generateName === ''))
    sink.warning(
      'missing-name',
      "metadata.name or metadata.generateName is required: the Kubernetes API server refuses the object without one (Argo's validator does not check it)",
      { path: isObject(metadata) ? ['metadata'] : [] },
    );
  if (name !== undefined && name !== null) {
    const path = ['metadata', 'name'];
    const [max, what] = LIMIT[kind];
    if (typeof name !== 'string')
      sink.error('invalid-field', `metadata.name must be a string, not ${typeName(name)}`, {
        path,
      });
    else if (name.length > max)
      sink.error(
        'invalid-name',
        `${what} "${clip(name)}" must not be more than ${max} characters long (currently ${name.length})`,
        { path },
      );
    else if (name !== '' && !K8S_NAME_PATTERN.test(name))
      sink.warning(
        'invalid-name',
        `metadata.name ${shown(name)} must be lower case alphanumeric characters, '-' or '.', starting and ending with an alphanumeric character: the Kubernetes API server refuses it`,
        { path },
      );
  }
  if (generateName !== undefined && generateName !== null) {
    const path = ['metadata', 'generateName'];
    const stem = typeof generateName === 'string' ? generateName.replace(/-$/, '') : '';
    if (typeof generateName !== 'string')
      sink.error(
        'invalid-field',
        `metadata.generateName must be a string, not ${typeName(generateName)}`,
        { path },
      );
    else if (stem !== '' && !K8S_NAME_PATTERN.test(stem))
      sink.warning(
        'invalid-name',
        `metadata.generateName ${shown(generateName)} must be lower case alphanumeric characters or '-': the Kubernetes API server refuses it`,
        { path },
      );
  }
}
