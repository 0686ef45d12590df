/**
 * Workflow-level rules: the object name Kubernetes and Argo accept, cron
 * schedules, and workflow arguments that must have a value.
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

export function validateMetadata(p: Pipeline): Diagnostic[] {
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
          `metadata.name '${String(name)}' must be lower case alphanumeric characters, '-' or '.', starting and ending with an alphanumeric character`,
          { path },
        ),
      );
    else if (name.length > max)
      out.push(
        error(
          'invalid-name',
          `metadata.name '${name}' must be at most ${max} characters for a ${p.kind}`,
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
          `metadata.generateName '${String(generateName)}' must be lower case alphanumeric characters or '-'`,
          { path },
        ),
      );
  }
  if (p.kind === 'CronWorkflow') out.push(...validateSchedules(p));
  if (p.kind === 'Workflow' || p.kind === 'CronWorkflow') out.push(...validateArguments(p));
  return out;
}

function validateSchedules(p: Pipeline): Diagnostic[] {
  const { schedules, schedule } = p.spec;
  const list = Array.isArray(schedules)
    ? schedules
    : typeof schedule === 'string'
      ? [schedule]
      : [];
  if (list.length === 0)
    return [
      error('missing-schedule', 'a CronWorkflow needs at least one entry in spec.schedules', {
        path: ['spec'],
      }),
    ];
  return list.flatMap((s, i) => {
    const fields = typeof s === 'string' ? s.trim().split(/\s+/) : [];
    const ok =
      typeof s === 'string' &&
      (/^@(yearly|annually|monthly|weekly|daily|midnight|hourly|every\s)/.test(s.trim()) ||
        fields.length === 5 ||
        (fields.length === 6 && fields[0]!.startsWith('CRON_TZ=')));
    return ok
      ? []
      : [
          error(
            'invalid-schedule',
            `schedule '${String(s)}' is not a cron expression of 5 fields (minute hour day-of-month month day-of-week)`,
            { path: Array.isArray(schedules) ? ['spec', 'schedules', i] : ['spec', 'schedule'] },
          ),
        ];
  });
}

/** Argo: "spec.arguments.<name>.value is required" for a workflow submitted as is. */
function validateArguments(p: Pipeline): Diagnostic[] {
  const args = workflowSpec(p).arguments;
  if (!isObject(args) || !Array.isArray(args.parameters)) return [];
  const out: Diagnostic[] = [];
  args.parameters.forEach((param: unknown, i: number) => {
    if (!isObject(param)) return;
    const hasValue = param.value !== undefined || param.valueFrom !== undefined;
    if (!hasValue)
      out.push(
        error('missing-value', `spec.arguments.${String(param.name)}.value is required`, {
          path: [...workflowSpecPath(p), 'arguments', 'parameters', i],
        }),
      );
  });
  return out;
}
