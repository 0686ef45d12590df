/**
 * The shape of a workflow as a tree of templates: what type each template is
 * (Argo's `Template.GetType()`), which tasks or steps a DAG or steps template
 * runs, and which templates those call. The canvas shows one template at a
 * time (its scope); a task or step that calls a DAG or steps template of the
 * same manifest can be opened in turn.
 */
import { isObject, type JsonObject, type Template } from './types';

/** Argo's template types, in the order `Template.GetType()` tests them. */
export const TEMPLATE_TYPES = [
  'container',
  'containerSet',
  'steps',
  'dag',
  'script',
  'resource',
  'data',
  'suspend',
  'http',
  'plugin',
] as const;
export type TemplateType = (typeof TEMPLATE_TYPES)[number] | 'unknown';

/** The type Argo gives a template: the first of its type fields that is set. */
export function templateType(template: unknown): TemplateType {
  if (!isObject(template)) return 'unknown';
  for (const type of TEMPLATE_TYPES) {
    const value = template[type];
    if (value !== undefined && value !== null) return type;
  }
  return 'unknown';
}

/** DAG and steps templates hold other invocations; the rest run one thing. */
export function isCompound(type: TemplateType): type is 'dag' | 'steps' {
  return type === 'dag' || type === 'steps';
}

/** What a task or step runs. */
export type Call =
  | { kind: 'template'; template: string }
  | { kind: 'templateRef'; name: string; template: string; clusterScope: boolean }
  | { kind: 'inline'; template: JsonObject }
  | { kind: 'none' };

/** A DAG task or a step, where it sits in its template, and what it calls. */
export interface Invocation {
  name: string;
  /** For a step: the index of its parallel group (`steps[group]`). */
  group?: number;
  /** Index within its list (`dag.tasks[index]` or `steps[group][index]`). */
  index: number;
  call: Call;
  raw: JsonObject;
}

export function callOf(entry: JsonObject): Call {
  if (typeof entry.template === 'string') return { kind: 'template', template: entry.template };
  const ref = entry.templateRef;
  if (isObject(ref) && typeof ref.name === 'string' && typeof ref.template === 'string') {
    return {
      kind: 'templateRef',
      name: ref.name,
      template: ref.template,
      clusterScope: ref.clusterScope === true,
    };
  }
  if (isObject(entry.inline)) return { kind: 'inline', template: entry.inline };
  return { kind: 'none' };
}

const invocationCache = new WeakMap<object, Invocation[]>();

/**
 * The tasks of a DAG template, or the steps of a steps template in group
 * order; empty for any other template. Entries without a string name are
 * left out (validation reports them). Cached per template object.
 */
export function invocations(template: unknown): Invocation[] {
  if (!isObject(template)) return [];
  let list = invocationCache.get(template);
  if (!list) {
    list = readInvocations(template);
    invocationCache.set(template, list);
  }
  return list;
}

function readInvocations(template: JsonObject): Invocation[] {
  const out: Invocation[] = [];
  const add = (entry: unknown, index: number, group?: number): void => {
    if (!isObject(entry) || typeof entry.name !== 'string') return;
    out.push({
      name: entry.name,
      index,
      ...(group !== undefined ? { group } : {}),
      call: callOf(entry),
      raw: entry,
    });
  };
  const type = templateType(template);
  if (type === 'dag' && isObject(template.dag) && Array.isArray(template.dag.tasks)) {
    template.dag.tasks.forEach((t, i) => add(t, i));
  } else if (type === 'steps' && Array.isArray(template.steps)) {
    template.steps.forEach((group, g) => {
      if (Array.isArray(group)) group.forEach((s, i) => add(s, i, g));
    });
  }
  return out;
}

/** Template names a template's own hooks and exit handler call (`onExit`, `hooks.*.template`). */
export function handlerCalls(holder: unknown): { name: string; template: string }[] {
  if (!isObject(holder)) return [];
  const out: { name: string; template: string }[] = [];
  if (typeof holder.onExit === 'string') out.push({ name: 'onExit', template: holder.onExit });
  if (isObject(holder.hooks)) {
    for (const [name, hook] of Object.entries(holder.hooks)) {
      if (isObject(hook) && typeof hook.template === 'string')
        out.push({ name: `hooks.${name}`, template: hook.template });
    }
  }
  return out;
}

/**
 * Templates reachable from the workflow's entry points (the entrypoint, the
 * exit handler, workflow hooks), following tasks, steps, inline templates
 * and every task's or step's own exit handler and hooks.
 */
export function reachableTemplates(
  spec: JsonObject,
  lookup: (name: string) => Template | undefined,
): Set<string> {
  const seen = new Set<string>();
  const stack: string[] = [];
  const push = (name: unknown): void => {
    if (typeof name === 'string' && !seen.has(name) && lookup(name)) {
      seen.add(name);
      stack.push(name);
    }
  };
  push(spec.entrypoint);
  for (const h of handlerCalls(spec)) push(h.template);
  const visit = (template: unknown): void => {
    for (const inv of invocations(template)) {
      if (inv.call.kind === 'template') push(inv.call.template);
      if (inv.call.kind === 'inline') visit(inv.call.template);
      for (const h of handlerCalls(inv.raw)) push(h.template);
    }
  };
  while (stack.length > 0) visit(lookup(stack.pop()!));
  return seen;
}

/** One level of a drill-down: the template shown, and the task or step in the level above that opened it. */
export interface ScopeStep {
  template: string;
  via?: string;
}

/**
 * The shortest chain of calls from `root` down to template `target`: what a
 * breadcrumb shows when the user opened a template without drilling (the
 * templates outline, undo). Undefined when `target` is not reached from `root`.
 */
export function callPath(
  root: string,
  target: string,
  lookup: (name: string) => Template | undefined,
): ScopeStep[] | undefined {
  const from = new Map<string, ScopeStep & { parent?: string }>([[root, { template: root }]]);
  const queue = [root];
  for (let head = 0; head < queue.length; head++) {
    const name = queue[head]!;
    if (name === target) {
      const path: ScopeStep[] = [];
      for (let at: string | undefined = name; at !== undefined; at = from.get(at)!.parent) {
        const { template, via } = from.get(at)!;
        path.unshift(via === undefined ? { template } : { template, via });
      }
      return path;
    }
    for (const inv of invocations(lookup(name))) {
      if (inv.call.kind !== 'template' || from.has(inv.call.template)) continue;
      const next = lookup(inv.call.template);
      if (!next || !isCompound(templateType(next))) continue;
      from.set(next.name, { template: next.name, via: inv.name, parent: name });
      queue.push(next.name);
    }
  }
  return undefined;
}
