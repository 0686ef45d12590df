/**
 * Name rules: Argo's validateWorkflowFieldNames, isValidWorkflowFieldName and
 * isValidParamOrArtifactName (workflow/validate/validate.go). Templates, steps,
 * DAG tasks and containerSet containers take workflow field names; parameters
 * and artifacts their own pattern. Within a list, names are required and unique.
 */
import { clip, typeName } from '../util/describe';
import { under, type At, type Sink } from './sink';
import type { JsonObject } from '../model/types';

/** Argo's workflowFieldNameFmt, anchored. */
export const WORKFLOW_FIELD_NAME = /^[a-zA-Z0-9][-a-zA-Z0-9]*$/;
export const WORKFLOW_FIELD_MAX_LENGTH = 128;
/** Argo's paramOrArtifactNameRegex. */
export const PARAM_OR_ARTIFACT_NAME = /^[-a-zA-Z0-9_]+$/;

const FIELD_NAME_RULE =
  "name must consist of alpha-numeric characters or '-', and must start with an alpha-numeric character (e.g. My-name1-2, 123-NAME)";
const PARAM_NAME_RULE =
  "Parameter/Artifact name must consist of alpha-numeric characters, '_' or '-' e.g. my_param_1, MY-PARAM-1";

/** isValidWorkflowFieldName: what is wrong with a template, step, task or container name. */
export function fieldNameErrors(name: string): string[] {
  const errs: string[] = [];
  if (name.length > WORKFLOW_FIELD_MAX_LENGTH)
    errs.push(`must be no more than ${WORKFLOW_FIELD_MAX_LENGTH} characters`);
  if (!WORKFLOW_FIELD_NAME.test(name)) errs.push(FIELD_NAME_RULE);
  return errs;
}

/** isValidParamOrArtifactName. */
export function paramNameErrors(name: string): string[] {
  return PARAM_OR_ARTIFACT_NAME.test(name) ? [] : [PARAM_NAME_RULE];
}

export interface NamedItem {
  item: JsonObject;
  index: number;
  at: At;
}

export interface NameCheck {
  /** Argo's message prefix for the list, e.g. `spec.templates` or `templates.main.tasks`. */
  prefix: string;
  kind: 'field' | 'parameter';
  /** Code for a repeated name. */
  duplicate: string;
  /** Diagnostics about an item point at this task or step (a DAG task's own name). */
  taskOf?: (item: JsonObject) => string | undefined;
}

/**
 * validateWorkflowFieldNames over the items of one list: each name is required,
 * valid and unique. Returns the index of the first item of each name.
 */
export function checkNames(sink: Sink, items: NamedItem[], check: NameCheck): Map<string, number> {
  const seen = new Map<string, number>();
  for (const { item, index, at } of items) {
    const name = item.name;
    // Built only when there is something to report: lists may hold thousands of items.
    const nameAt = (): At => {
      const task = check.taskOf?.(item);
      return { ...under(at, 'name'), ...(task !== undefined ? { task } : {}) };
    };
    if (name === undefined || name === null || name === '') {
      sink.error('missing-name', `${check.prefix}[${index}].name is required`, nameAt());
      continue;
    }
    if (typeof name !== 'string') {
      sink.error(
        'invalid-field',
        `${check.prefix}[${index}].name must be a string, not ${typeName(name)}`,
        nameAt(),
      );
      continue;
    }
    const errs = check.kind === 'field' ? fieldNameErrors(name) : paramNameErrors(name);
    if (errs.length > 0)
      sink.error(
        'invalid-name',
        `${check.prefix}[${index}].name: '${clip(name)}' is invalid: ${errs.join(';')}`,
        nameAt(),
      );
    if (seen.has(name))
      sink.error(
        check.duplicate,
        `${check.prefix}[${index}].name '${clip(name)}' is not unique`,
        nameAt(),
      );
    else seen.set(name, index);
  }
  return seen;
}
