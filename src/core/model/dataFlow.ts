/**
 * Data flowing between tasks: each task's ports (its template's input and
 * output parameters and artifacts, and `result` for steps that produce one),
 * wiring an output to an input (which writes the `{{tasks.X.outputs...}}`
 * reference and the dependency; in a steps template `{{steps.X.outputs...}}`,
 * the groups giving the order), and the references that already exist.
 */
import { error, type Diagnostic } from '../diagnostics';
import { checkConnection, connect, type ConnectResult } from './connections';
import { updateTask, updateTemplate } from './operations';
import { mapStrings } from './references';
import { findTask } from './pipeline';
import { ancestorIndices, graphIndex } from '../graph/graphIndex';
import { findTemplate } from './spec';
import { referencedTemplate } from '../library/templateRefs';
import { isObject, type JsonObject, type Pipeline, type Task, type Template } from './types';
import { scopeEntries, scopeSteps, scopeTasks, scopeType, withScopeTasks } from './scope';
import { findStep } from './steps';

export type PortKind = 'parameter' | 'artifact' | 'result';

export interface Port {
  direction: 'in' | 'out';
  kind: PortKind;
  name: string;
}

/** Templates whose steps have a `result` output (stdout). */
const RESULT_TYPES = ['script', 'container', 'containerSet', 'http', 'plugin'];

function named(list: unknown): string[] {
  return Array.isArray(list)
    ? list
        .filter((x) => isObject(x) && typeof x.name === 'string')
        .map((x) => (x as { name: string }).name)
    : [];
}

/** The ports of a template: what a task running it takes and gives. */
export function templatePorts(template: Template | undefined): { inputs: Port[]; outputs: Port[] } {
  if (!template) return { inputs: [], outputs: [] };
  const inputs = isObject(template.inputs) ? template.inputs : {};
  const outputs = isObject(template.outputs) ? template.outputs : {};
  return {
    inputs: [
      ...named(inputs.parameters).map((name) => ({
        direction: 'in' as const,
        kind: 'parameter' as const,
        name,
      })),
      ...named(inputs.artifacts).map((name) => ({
        direction: 'in' as const,
        kind: 'artifact' as const,
        name,
      })),
    ],
    outputs: [
      ...named(outputs.parameters).map((name) => ({
        direction: 'out' as const,
        kind: 'parameter' as const,
        name,
      })),
      ...named(outputs.artifacts).map((name) => ({
        direction: 'out' as const,
        kind: 'artifact' as const,
        name,
      })),
      ...(RESULT_TYPES.some((k) => k in template)
        ? [{ direction: 'out' as const, kind: 'result' as const, name: 'result' }]
        : []),
    ],
  };
}

export function taskPorts(p: Pipeline, task: Task): { inputs: Port[]; outputs: Port[] } {
  // A templateRef task has its ports from the referenced template, when the editor knows it.
  return templatePorts(findTemplate(p, task.template) ?? referencedTemplate(task));
}

/** React Flow handle id of a port: `in:parameter:x`, `out:result:result`. */
export const portHandleId = (port: Port): string => `${port.direction}:${port.kind}:${port.name}`;

export function parsePortHandle(id: string | null | undefined): Port | undefined {
  const m = id ? /^(in|out):(parameter|artifact|result):(.+)$/.exec(id) : null;
  return m
    ? { direction: m[1] as Port['direction'], kind: m[2] as PortKind, name: m[3]! }
    : undefined;
}

/** How a DAG's tasks (`tasks`) or a steps template's steps (`steps`) name each other. */
export type Via = 'tasks' | 'steps';

/** How the scope on the canvas refers to its nodes' outputs. */
export function scopeVia(p: Pipeline): Via {
  return scopeType(p) === 'steps' ? 'steps' : 'tasks';
}

/** `{{tasks.X.outputs.parameters.Y}}`, `...artifacts.Y`, `...result` (`steps.X` in steps). */
export function outputReference(task: string, port: Port, via: Via = 'tasks'): string {
  if (port.kind === 'result') return `{{${via}.${task}.outputs.result}}`;
  return `{{${via}.${task}.outputs.${port.kind === 'parameter' ? 'parameters' : 'artifacts'}.${port.name}}}`;
}

const REFERENCE =
  /^\{\{(tasks|steps)\.([a-zA-Z0-9][-a-zA-Z0-9]*)\.outputs\.(?:(parameters|artifacts)\.([-a-zA-Z0-9_]+)|(result))\}\}$/;

export interface DataEdge {
  from: string;
  output: Port;
  to: string;
  input: Port;
}

/**
 * Arguments of a task that are exactly one output reference: the wires into
 * it. `via` says how its neighbours are named (a DAG task's `tasks.X`, a
 * step's `steps.X`).
 */
export function dataEdgesInto(task: Task, via: Via = 'tasks'): DataEdge[] {
  const out: DataEdge[] = [];
  const args = isObject(task.arguments) ? task.arguments : {};
  const visit = (list: unknown, kind: 'parameter' | 'artifact', field: 'value' | 'from') => {
    if (!Array.isArray(list)) return;
    for (const arg of list) {
      if (!isObject(arg) || typeof arg.name !== 'string' || typeof arg[field] !== 'string')
        continue;
      const m = REFERENCE.exec((arg[field] as string).trim());
      if (!m || m[1] !== via) continue;
      const output: Port = m[5]
        ? { direction: 'out', kind: 'result', name: 'result' }
        : { direction: 'out', kind: m[3] === 'parameters' ? 'parameter' : 'artifact', name: m[4]! };
      out.push({
        from: m[2]!,
        output,
        to: task.name,
        input: { direction: 'in', kind, name: arg.name },
      });
    }
  };
  visit(args.parameters, 'parameter', 'value');
  visit(args.artifacts, 'artifact', 'from');
  return out;
}

function setArgument(task: Task, input: Port, reference: string | undefined): Task {
  const key = input.kind === 'artifact' ? 'artifacts' : 'parameters';
  const field = input.kind === 'artifact' ? 'from' : 'value';
  const args: JsonObject = isObject(task.arguments) ? { ...task.arguments } : {};
  const list = Array.isArray(args[key]) ? (args[key] as JsonObject[]).slice() : [];
  const at = list.findIndex((a) => isObject(a) && a.name === input.name);
  if (reference === undefined) {
    if (at >= 0) list.splice(at, 1);
  } else if (at >= 0) {
    list[at] = { ...list[at], [field]: reference };
  } else {
    list.push({ name: input.name, [field]: reference });
  }
  if (list.length > 0) args[key] = list;
  else delete args[key];
  const next: Task = { ...task, arguments: args };
  if (Object.keys(args).length === 0) delete next.arguments;
  return next;
}

/**
 * Wires `from`'s output to `to`'s input: writes the reference into `to`'s
 * arguments and adds the dependency `from -> to` when it is missing. Refused
 * (nothing changes) when the kinds do not fit or the dependency would close
 * a cycle; in a steps template, unless `from` runs in an earlier group.
 */
export function wireData(
  p: Pipeline,
  from: string,
  output: Port,
  to: string,
  input: Port,
): ConnectResult {
  if (!portsFit(output, input)) {
    const what = output.kind === 'artifact' ? 'an artifact' : 'a parameter';
    return {
      pipeline: p,
      diagnostics: [
        error(
          'port-mismatch',
          `${from}.${output.name} is ${what} and ${to}.${input.name} is not: wire parameters to parameters and artifacts to artifacts`,
          { task: to },
        ),
      ],
    };
  }
  if (scopeVia(p) === 'steps') {
    const refused = stepOrderProblem(p, from, to);
    if (refused) return { pipeline: p, diagnostics: [refused] };
    const reference = outputReference(from, output, 'steps');
    return {
      pipeline: updateTask(p, to, (t) => setArgument(t, input, reference)),
      diagnostics: [],
    };
  }
  let next = p;
  const refused = checkConnection(p, from, to);
  if (refused && refused.diagnostics[0]?.code !== 'duplicate-dependency')
    return { pipeline: p, ...refused };
  if (!refused) next = connect(p, from, to).pipeline;
  next = updateTask(next, to, (t) => setArgument(t, input, outputReference(from, output)));
  return { pipeline: next, diagnostics: [] };
}

/** Parameters (and `result`) wire to parameters, artifacts to artifacts. */
export function portsFit(output: Port, input: Port): boolean {
  return output.kind === 'artifact' ? input.kind === 'artifact' : input.kind === 'parameter';
}

/**
 * Why step `to` may not read `from`'s outputs: Argo resolves a step's
 * arguments with the outputs of the groups before its own (validate.go
 * validateSteps adds each group's outputs to the scope after checking it).
 */
export function stepOrderProblem(p: Pipeline, from: string, to: string): Diagnostic | undefined {
  const groups = scopeSteps(p);
  const source = findStep(groups, from);
  const target = findStep(groups, to);
  if (!source || !target) return error('unknown-step', `no step ${!source ? from : to}`, {});
  if (source.group < target.group) return undefined;
  return error(
    'step-not-earlier',
    `${to} runs in group ${target.group + 1} and ${from} in group ${source.group + 1}: a step reads only the outputs of steps in earlier groups. Drag ${to} into a group after ${from}'s first.`,
    { task: to },
  );
}

/** Removes the wire into `to`'s input (the argument), keeping the dependency. */
export function unwireData(p: Pipeline, to: string, input: Port): Pipeline {
  return updateTask(p, to, (t) => setArgument(t, input, undefined));
}

/** The wires from `from` into `to`: what removing the dependency would break. */
export function referencesBetween(p: Pipeline, from: string, to: string): DataEdge[] {
  const task = findTask(p, to);
  return task ? dataEdgesInto(task, scopeVia(p)).filter((e) => e.from === from) : [];
}

/** Removes every wire from `from` into `to`. */
export function removeReferences(p: Pipeline, from: string, to: string): Pipeline {
  return referencesBetween(p, from, to).reduce((acc, e) => unwireData(acc, to, e.input), p);
}

/**
 * Renames an output of a template and rewrites every reference to it in the
 * tasks that run that template's producers.
 */
export function renameOutput(
  p: Pipeline,
  template: string,
  kind: 'parameter' | 'artifact',
  from: string,
  to: string,
): { pipeline: Pipeline; diagnostics: Diagnostic[] } {
  if (!/^[-a-zA-Z0-9_]+$/.test(to))
    return {
      pipeline: p,
      diagnostics: [
        error('invalid-name', `output name '${to}' may contain only letters, digits, '-' and '_'`),
      ],
    };
  const producers = new Set(
    scopeTasks(p)
      .filter((t) => t.template === template)
      .map((t) => t.name),
  );
  const group = kind === 'parameter' ? 'parameters' : 'artifacts';
  const pattern = new RegExp(
    `(\\{\\{=?\\s*tasks\\.([a-zA-Z0-9][-a-zA-Z0-9]*)\\.outputs\\.${group}\\.)${from.replace(/[-]/g, '\\-')}(?![-a-zA-Z0-9_])`,
    'g',
  );
  const rewrite = (s: string) =>
    s.replace(pattern, (m, prefix: string, task: string) =>
      producers.has(task) ? `${prefix}${to}` : m,
    );
  const tasks = scopeTasks(p).map((t) => mapStrings(t, rewrite));
  const renamed = updateTemplate(withScopeTasks(p, tasks), template, (t) => {
    const outputs = isObject(t.outputs) ? t.outputs : {};
    const list = Array.isArray(outputs[group]) ? (outputs[group] as JsonObject[]) : [];
    return {
      ...t,
      outputs: { ...outputs, [group]: list.map((o) => (o.name === from ? { ...o, name: to } : o)) },
    };
  });
  return { pipeline: renamed, diagnostics: [] };
}

/**
 * What a task's fields may refer to: its own inputs, the outputs of every
 * upstream task (transitively), workflow parameters and `item` in loops. For
 * autocompletion; hyphenated names work in simple `{{...}}` tags as written.
 */
export function scopeSuggestions(p: Pipeline, taskName: string): string[] {
  const task = findTask(p, taskName);
  if (!task) return [];
  const out: string[] = [];
  for (const port of taskPorts(p, task).inputs)
    out.push(`{{inputs.${port.kind === 'artifact' ? 'artifacts' : 'parameters'}.${port.name}}}`);
  const via = scopeVia(p);
  for (const upstream of via === 'steps' ? earlierSteps(p, taskName) : ancestors(p, taskName)) {
    const t = findTask(p, upstream);
    if (t)
      for (const port of taskPorts(p, t).outputs) out.push(outputReference(upstream, port, via));
  }
  const spec = (p.kind === 'CronWorkflow' ? p.spec.workflowSpec : p.spec) as JsonObject | undefined;
  const args = spec && isObject(spec.arguments) ? spec.arguments : {};
  for (const name of named(args.parameters)) out.push(`{{workflow.parameters.${name}}}`);
  if (
    task.withItems !== undefined ||
    task.withParam !== undefined ||
    task.withSequence !== undefined
  )
    out.push('{{item}}');
  return out;
}

/** The steps of the groups before `name`'s: those whose outputs it may read. */
function earlierSteps(p: Pipeline, name: string): string[] {
  const groups = scopeSteps(p);
  const at = findStep(groups, name);
  return at ? groups.slice(0, at.group).flatMap((g) => g.map((step) => step.name)) : [];
}

function ancestors(p: Pipeline, name: string): string[] {
  const index = graphIndex(scopeTasks(p));
  const start = index.pos.get(name);
  return start === undefined ? [] : [...ancestorIndices(index, start)].map((i) => index.names[i]!);
}

/** A name as an expr-lang member: `.name`, or `['a-b']` when a hyphen would read as minus. */
const member = (name: string): string =>
  /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) ? `.${name}` : `['${name}']`;

/**
 * The `{{= }}` expression form of a simple reference, for conditions and
 * loops that compute: `{{tasks.load-data.outputs.result}}` becomes
 * `{{=tasks['load-data'].outputs.result}}` (in expr, `load-data` would be a
 * subtraction).
 */
export function toExpressionForm(reference: string): string {
  const inner = /^\{\{([^{}=]+)\}\}$/.exec(reference)?.[1];
  if (!inner) return reference;
  const [head, ...rest] = inner.split('.');
  return `{{=${head}${rest.map(member).join('')}}}`;
}

/**
 * Suggestions for a `when` condition: each in-scope reference quoted as a
 * string (Argo substitutes first, then evaluates, so an unquoted word is a
 * name), and its `{{= }}` expression form.
 */
export function conditionSuggestions(p: Pipeline, taskName: string): string[] {
  const refs = scopeSuggestions(p, taskName);
  return [...refs.map((r) => `'${r}' == ''`), ...refs.map(toExpressionForm)];
}

/** Height of a port row on the canvas, in pixels at zoom 1. */
const PORT_ROW_HEIGHT = 15;

/**
 * How tall each task's node will be: the base height plus a row per port on
 * its longer side, so automatic layout leaves room for the ports.
 */
export function nodeHeights(p: Pipeline, base: number): Map<string, number> {
  const heights = new Map<string, number>();
  for (const task of scopeEntries(p)) {
    const { inputs, outputs } = taskPorts(p, task);
    const rows = Math.max(inputs.length, outputs.length);
    if (rows > 0) heights.set(task.name, base + 6 + rows * PORT_ROW_HEIGHT);
  }
  return heights;
}
