/**
 * Arguments: Argo's validateArguments, validateArgumentsFieldNames and
 * validateArgumentsValues (workflow/validate/validate.go), for the workflow's
 * `spec.arguments` and for each step's and DAG task's `arguments`. Names are
 * valid and unique; a parameter has a `value` or a `valueFrom` (workflow
 * arguments may leave it to submit time when linting); `valueFrom` takes only
 * `configMapKeyRef`, `event` and `supplied` (with `default`); a value is one
 * of a non-empty `enum`; an artifact has `from`, a location or a key, and not
 * both `from` and `fromExpression`.
 */
import { isObject, type JsonObject } from '../model/types';
import { clip } from '../util/describe';
import { hasLocationOrKey } from './artifactLocation';
import type { Ctx } from './context';
import { checkNames } from './names';
import { anyString, itemName, present, readList, readMap, readMaps } from './read';
import { under, type At } from './sink';

/**
 * `prefix` is Argo's, ending in a dot: `spec.arguments.`,
 * `templates.main.tasks.a.arguments.`. `at` points at the arguments mapping.
 */
export function checkArguments(
  ctx: Ctx,
  holder: JsonObject,
  at: At,
  prefix: string,
  allowEmptyValues: boolean,
): void {
  const args = readMap(ctx.sink, holder, 'arguments', at);
  if (!args) return;
  const argsAt = under(at, 'arguments');
  const params = readMaps(ctx.sink, args, 'parameters', argsAt);
  const artifacts = readMaps(ctx.sink, args, 'artifacts', argsAt);
  const duplicate = 'duplicate-argument';
  checkNames(ctx.sink, params, { prefix: `${prefix}parameters`, kind: 'parameter', duplicate });
  checkNames(ctx.sink, artifacts, { prefix: `${prefix}artifacts`, kind: 'parameter', duplicate });
  for (const { item: p, index, at: pAt } of params) {
    const name = `${prefix}${itemName(p.name, index)}`;
    const value = anyString(p.value);
    const valueFrom = readMap(ctx.sink, p, 'valueFrom', pAt);
    if (value === undefined && !valueFrom && !allowEmptyValues)
      ctx.sink.error('missing-value', `${name}.value or ${name}.valueFrom is required`, pAt);
    if (valueFrom) {
      const allowed =
        present(valueFrom.configMapKeyRef) ||
        (typeof valueFrom.event === 'string' && valueFrom.event !== '') ||
        present(valueFrom.supplied);
      const refused = ['path', 'jsonPath', 'parameter', 'expression'].some(
        (k) => typeof valueFrom[k] === 'string' && valueFrom[k] !== '',
      );
      if (!allowed || refused)
        ctx.sink.error(
          'invalid-value-from',
          `${name}.valueFrom only allows: default, configMapKeyRef and supplied`,
          under(pAt, 'valueFrom'),
        );
    }
    const list = readList(ctx.sink, p, 'enum', pAt);
    if (!list) continue;
    if (list.length === 0)
      ctx.sink.error(
        'empty-enum',
        `${name}.enum should contain at least one value`,
        under(pAt, 'enum'),
      );
    else if (value === undefined) {
      // Without valueFrom either, "value or valueFrom is required" said it above.
      if (!allowEmptyValues && valueFrom)
        ctx.sink.error('missing-value', `${name}.value is required`, pAt);
    } else if (!list.map(anyString).includes(value))
      ctx.sink.error(
        'value-not-in-enum',
        `${name}.value should be present in ${name}.enum list (${list.map((v) => clip(String(anyString(v)), 20)).join(', ')})`,
        under(pAt, 'value'),
      );
  }
  for (const { item: a, index, at: aAt } of artifacts) {
    const name = `${prefix}${itemName(a.name, index)}`;
    const from = typeof a.from === 'string' ? a.from : '';
    if (from === '' && !hasLocationOrKey(a))
      ctx.sink.error(
        'missing-artifact-source',
        `${name}.from, artifact location, or key is required`,
        aAt,
      );
    if (from !== '' && typeof a.fromExpression === 'string' && a.fromExpression !== '')
      ctx.sink.error(
        'invalid-artifact-source',
        `${name} shouldn't have both \`from\` and \`fromExpression\` in Artifact`,
        aAt,
      );
  }
}

/** The parameter or artifact of an arguments mapping named `name`. */
export function argumentNamed(
  args: unknown,
  kind: 'parameters' | 'artifacts',
  name: string,
): JsonObject | undefined {
  if (!isObject(args) || !Array.isArray(args[kind])) return undefined;
  return (args[kind] as unknown[]).find((x): x is JsonObject => isObject(x) && x.name === name);
}
