/**
 * Turning one template shape into another without changing what runs:
 * a steps template into the equivalent DAG, and a leaf template (container,
 * script, ...) into a one-task DAG that calls it, so tasks can be added.
 */
import { printDepends, type DependsExpr } from '../argo/depends';
import { uniqueName } from './names';
import { mapStrings, rewriteReferences } from './references';
import { stepGroups, type Step } from './steps';
import { isObject, type JsonObject, type Pipeline, type Template } from './types';
import { error, type Result } from '../diagnostics';
import { scopeTemplate, scopeType, withScopeTemplate } from './scope';
import { appendTemplate, workflowSpec } from './spec';
import { setEntrypoint, taken } from './templateOps';

/**
 * The DAG equivalent of a steps template: each step becomes a task that
 * depends on every step of the group before it, and `{{steps.X...}}`
 * references become `{{tasks.X...}}`. Argo refuses `continueOn` in a DAG that
 * uses `depends` (validate.go: "cannot use 'continueOn' when using
 * 'depends'"); a steps template with `continueOn` is converted with
 * `dependencies`, where `continueOn` keeps its steps meaning (a failed step
 * lets the next group run).
 * @example stepsToDag({ name: 's', steps: [[{ name: 'a' }], [{ name: 'b' }, { name: 'c' }]] })
 *   // -> { name: 's', dag: { tasks: [{ name: 'a' }, { name: 'b', depends: 'a' }, { name: 'c', depends: 'a' }] } }
 */
export function stepsToDag(template: Template): Template {
  const groups = stepGroups(template);
  const names = new Map<string, string>();
  for (const group of groups) for (const s of group) if (isObject(s)) names.set(s.name, s.name);
  const useDependencies = groups.some((g) => g.some((s) => isObject(s) && s.continueOn));
  const tasks: JsonObject[] = [];
  groups.forEach((group, g) => {
    const before = g > 0 ? groups[g - 1]!.filter(isObject).map((s) => s.name) : [];
    for (const step of group) {
      if (!isObject(step)) continue;
      tasks.push(toTask(step, before, useDependencies, names));
    }
  });
  const { steps: _steps, ...rest } = template;
  return { ...rest, dag: { tasks } } as Template;
}

function toTask(
  step: Step,
  before: string[],
  useDependencies: boolean,
  names: ReadonlyMap<string, string>,
): JsonObject {
  const task = mapStrings(step, (s) => rewriteReferences(s, 'steps', 'tasks', names));
  if (before.length === 0) return task;
  if (useDependencies) return { ...task, dependencies: before };
  const refs = before.map<DependsExpr>((name) => ({ kind: 'ref', task: name }));
  const expr: DependsExpr = refs.length === 1 ? refs[0]! : { kind: 'and', items: refs };
  return { ...task, depends: printDepends(expr) };
}

/**
 * A DAG template that runs `leaf` as its one task, passing its inputs
 * through, so the workflow does what it did with `leaf` as its entrypoint.
 * Returns the new template; the caller makes it the entrypoint.
 */
export function wrapInDag(leaf: Template, takenNames: ReadonlySet<string>): Template {
  const name = uniqueName(`${leaf.name}-dag`, new Set(takenNames));
  const inputs = isObject(leaf.inputs) ? leaf.inputs : undefined;
  const params = Array.isArray(inputs?.parameters) ? inputs.parameters.filter(isObject) : [];
  const artifacts = Array.isArray(inputs?.artifacts) ? inputs.artifacts.filter(isObject) : [];
  const args: JsonObject = {};
  if (params.length > 0)
    args.parameters = params.map((p) => ({
      name: p.name,
      value: `{{inputs.parameters.${String(p.name)}}}`,
    }));
  if (artifacts.length > 0)
    args.artifacts = artifacts.map((a) => ({
      name: a.name,
      from: `{{inputs.artifacts.${String(a.name)}}}`,
    }));
  const task: JsonObject = {
    name: leaf.name,
    template: leaf.name,
    ...(Object.keys(args).length > 0 ? { arguments: args } : {}),
  };
  // The wrapper declares the same inputs so workflow arguments still reach them.
  const declared: JsonObject = {};
  if (params.length > 0) declared.parameters = params.map(declaration);
  if (artifacts.length > 0) declared.artifacts = artifacts.map(declaration);
  return {
    name,
    ...(Object.keys(declared).length > 0 ? { inputs: declared } : {}),
    dag: { tasks: [task] },
  };
}

/** An input as the wrapper declares it: its name and the default it may have. */
function declaration(input: JsonObject): JsonObject {
  const out: JsonObject = { name: input.name };
  for (const key of ['default', 'enum', 'description', 'optional'])
    if (input[key] !== undefined) out[key] = input[key];
  return out;
}

/**
 * The steps template on the canvas as the equivalent DAG (`stepsToDag`), in
 * place: same name, so everything that runs it keeps working.
 */
export function convertScopeToDag(p: Pipeline): Result<Pipeline> {
  if (scopeType(p) !== 'steps')
    return {
      value: p,
      diagnostics: [error('not-steps', 'the template on the canvas is not a steps template')],
    };
  return { value: withScopeTemplate(p, stepsToDag), diagnostics: [] };
}

/**
 * A DAG template that runs the leaf template on the canvas as its one task.
 * When the leaf was the entrypoint, the DAG becomes it, so the workflow runs
 * the same and tasks can be added around the leaf. The canvas shows the DAG.
 */
export function wrapScopeInDag(p: Pipeline): Result<Pipeline> {
  const leaf = scopeTemplate(p);
  const type = scopeType(p);
  if (!leaf || type === 'dag' || type === 'steps')
    return {
      value: p,
      diagnostics: [error('not-leaf', 'the template on the canvas already runs tasks')],
    };
  const dag = wrapInDag(leaf, taken(p));
  let next = appendTemplate(p, dag);
  if (workflowSpec(p).entrypoint === leaf.name) next = setEntrypoint(next, dag.name);
  return { value: { ...next, scope: dag.name }, diagnostics: [] };
}
