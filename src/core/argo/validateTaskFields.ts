/**
 * The types of the DAG task fields the validator reads. Argo decodes a
 * manifest strictly (a mapping where a list belongs is rejected before any
 * rule runs); here each wrong type is reported at its field, and the other
 * rules skip the field instead of assuming its shape.
 */
import { error, type Diagnostic } from '../diagnostics';
import { taskPath } from '../model/pipeline';
import { isObject, type Pipeline, type Task } from '../model/types';
import { clip, typeName } from '../util/describe';

type Expect = 'string' | 'mapping' | 'list of strings';

const FIELDS: Record<string, Expect> = {
  template: 'string',
  templateRef: 'mapping',
  inline: 'mapping',
  depends: 'string',
  dependencies: 'list of strings',
  when: 'string',
};

const fits = (v: unknown, expect: Expect): boolean =>
  expect === 'string'
    ? typeof v === 'string'
    : expect === 'mapping'
      ? isObject(v)
      : Array.isArray(v) && v.every((x) => typeof x === 'string');

/** Fields of task `i` whose value has the wrong type; each names the field and points at it. */
export function taskFieldProblems(p: Pipeline, task: Task, i: number): Diagnostic[] {
  const out: Diagnostic[] = [];
  const prefix = `templates.${clip(p.scope ?? '')}.tasks.${clip(task.name)}`;
  const report = (path: (string | number)[], message: string): void => {
    out.push(
      error('invalid-field', `${prefix}.${message}`, {
        task: task.name,
        path: taskPath(p, i, ...path),
      }),
    );
  };
  for (const [field, expect] of Object.entries(FIELDS)) {
    const v = task[field];
    if (v !== undefined && !fits(v, expect))
      report([field], `${field} must be a ${expect}, not ${typeName(v)}`);
  }
  const args: unknown = task.arguments;
  if (args === undefined) return out;
  if (!isObject(args)) {
    report(['arguments'], `arguments must be a mapping, not ${typeName(args)}`);
    return out;
  }
  for (const kind of ['parameters', 'artifacts'] as const) {
    const list = args[kind];
    if (list === undefined) continue;
    if (!Array.isArray(list)) {
      report(
        ['arguments', kind],
        `arguments.${kind} must be a list of {name, ...} items, not ${typeName(list)}`,
      );
      continue;
    }
    list.forEach((item: unknown, j) => {
      const at = `arguments.${kind}[${j}]`;
      if (!isObject(item))
        report(['arguments', kind, j], `${at} is ${typeName(item)}, not a mapping`);
      else if (typeof item.name !== 'string')
        report(
          ['arguments', kind, j, 'name'],
          item.name === undefined
            ? `${at}.name is required`
            : `${at}.name must be a string, not ${typeName(item.name)}`,
        );
    });
  }
  return out;
}

/** The `{name, ...}` items of a task's `arguments.parameters` or `.artifacts` that are well formed. */
export function namedArguments(
  task: Task,
  kind: 'parameters' | 'artifacts',
): { item: Record<string, unknown> & { name: string }; index: number }[] {
  const args: unknown = task.arguments;
  const list = isObject(args) ? args[kind] : undefined;
  if (!Array.isArray(list)) return [];
  return (list as unknown[]).flatMap((item, index) =>
    isObject(item) && typeof item.name === 'string'
      ? [{ item: item as Record<string, unknown> & { name: string }, index }]
      : [],
  );
}
