/**
 * Workflow-level rules: the object name Kubernetes and Argo accept, a
 * CronWorkflow's schedules and settings (validateCron.ts), workflow spec
 * fields (validateWorkflowFields.ts), and workflow arguments: a value, one
 * from the enum, artifacts with a source.
 */
import { error, type Diagnostic } from '../diagnostics';
import {
  K8S_NAME_PATTERN,
  MAX_CRON_WORKFLOW_NAME_LENGTH,
  MAX_WORKFLOW_NAME_LENGTH,
} from '../model/names';
import { workflowSpecPath } from '../model/pipeline';
import { workflowSpec } from '../model/spec';
import { isObject, type Pipeline } from '../model/types';
import { clip, shown } from '../util/describe';
import { validateCron } from './validateCron';
import { validateWorkflowFields } from './validateWorkflowFields';

export function validateMetadata(p: Pipeline): Diagnostic[] {
  return [
    ...validateObjectName(p),
    ...validateCron(p),
    ...validateWorkflowFields(p),
    ...validateArguments(p, p.kind === 'Workflow' || p.kind === 'CronWorkflow'),
  ];
}

/** `metadata.name` and `metadata.generateName` as Kubernetes and Argo accept them. */
export function validateObjectName(p: Pipeline): Diagnostic[] {
  const out: Diagnostic[] = [];
  const { name, generateName } = p.metadata;
  const max = p.kind === 'CronWorkflow' ? MAX_CRON_WORKFLOW_NAME_LENGTH : MAX_WORKFLOW_NAME_LENGTH;
  if (name === undefined && generateName === undefined && p.kind === 'Workflow') {
    out.push(
      error('missing-name', 'metadata.name or metadata.generateName is required', {
        path: ['metadata'],
      }),
    );
  }
  if (name !== undefined) {
    const path = ['metadata', 'name'];
    if (typeof name !== 'string' || !K8S_NAME_PATTERN.test(name))
      out.push(
        error(
          'invalid-name',
          `metadata.name ${shown(name)} must be lower case alphanumeric characters, '-' or '.', starting and ending with an alphanumeric character`,
          { path },
        ),
      );
    else if (name.length > max)
      out.push(
        error(
          'invalid-name',
          `metadata.name '${clip(name)}' must be at most ${max} characters for a ${p.kind}`,
          { path },
        ),
      );
  }
  if (generateName !== undefined) {
    const path = ['metadata', 'generateName'];
    const stem = typeof generateName === 'string' ? generateName.replace(/-$/, '') : '';
    if (typeof generateName !== 'string' || (stem !== '' && !K8S_NAME_PATTERN.test(stem)))
      out.push(
        error(
          'invalid-name',
          `metadata.generateName ${shown(generateName)} must be lower case alphanumeric characters or '-'`,
          { path },
        ),
      );
  }
  return out;
}

/** Where an argument artifact can come from (Argo's `HasLocationOrKey`, plus `from`). */
const ARTIFACT_SOURCES = [
  'from',
  'fromExpression',
  's3',
  'git',
  'http',
  'artifactory',
  'hdfs',
  'raw',
  'oss',
  'gcs',
  'azure',
  'plugin',
];

/**
 * Argo's validateArgumentsValues: "spec.arguments.<name>.value is required"
 * for a workflow submitted as is (`submitted`; templates may leave values to
 * the caller), the value must be one of a non-empty `enum`, and an artifact
 * needs `from` or a location.
 */
function validateArguments(p: Pipeline, submitted: boolean): Diagnostic[] {
  const args = workflowSpec(p).arguments;
  if (!isObject(args)) return [];
  const out: Diagnostic[] = [];
  const base = [...workflowSpecPath(p), 'arguments'];
  const params: unknown[] = Array.isArray(args.parameters) ? args.parameters : [];
  params.forEach((param, i) => {
    if (!isObject(param)) return;
    const name = argumentName(param.name, i);
    const path = [...base, 'parameters', i];
    const hasValue = param.value !== undefined || param.valueFrom !== undefined;
    const list = Array.isArray(param.enum) ? param.enum.map(String) : undefined;
    if (list?.length === 0)
      out.push(
        error('empty-enum', `spec.arguments.${name}.enum should contain at least one value`, {
          path: [...path, 'enum'],
        }),
      );
    else if (!hasValue) {
      if (submitted)
        out.push(error('missing-value', `spec.arguments.${name}.value is required`, { path }));
    } else if (list && param.value !== undefined && !list.includes(String(param.value)))
      out.push(
        error(
          'value-not-in-enum',
          `spec.arguments.${name}.value should be present in spec.arguments.${name}.enum list`,
          { path: [...path, 'value'] },
        ),
      );
  });
  const artifacts: unknown[] = Array.isArray(args.artifacts) ? args.artifacts : [];
  artifacts.forEach((art, i) => {
    if (!isObject(art) || !submitted) return;
    if (!ARTIFACT_SOURCES.some((k) => art[k] !== undefined && art[k] !== ''))
      out.push(
        error(
          'missing-artifact-source',
          `spec.arguments.${argumentName(art.name, i)}.from, artifact location, or key is required`,
          { path: [...base, 'artifacts', i] },
        ),
      );
  });
  return out;
}

/** An argument's name for a message; `[i]` when it has none to show. */
function argumentName(name: unknown, i: number): string {
  return typeof name === 'string' && name !== '' ? clip(name) : `[${i}]`;
}
