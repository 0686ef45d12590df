/**
 * What the canvas draws for the template in scope, in terms that do not need
 * Argo to read: one node per DAG task, per step (with its group and place in
 * the group), or one node for a leaf template; for each node what it runs and
 * which template of this manifest it opens when drilled into. Cached per
 * template object and templates list, so an edit elsewhere reuses it.
 */
import { scopeTemplate } from './scope';
import { findTemplate, workflowSpec } from './spec';
import {
  invocations,
  isCompound,
  templateType,
  type Call,
  type TemplateType,
} from './templateGraph';
import type { Pipeline, Task, Template } from './types';

export interface ScopeNode {
  /** The task or step name; for a leaf scope, the template's name. */
  id: string;
  kind: 'task' | 'step' | 'template';
  /** The task or step as written (undefined for a leaf scope's one node). */
  task?: Task;
  call: Call;
  /** The template the node runs, when it is in this manifest (or inline). */
  runs?: Template;
  /** A DAG or steps template of this manifest the node opens on the canvas. */
  opens?: string;
  /** For a step: its group (`steps[group]`) and place in it. */
  group?: number;
  index?: number;
}

export interface ScopeView {
  template?: Template;
  type: TemplateType;
  nodes: ScopeNode[];
  /** For a steps template: how many steps each group holds. */
  groups: number[];
}

const views = new WeakMap<object, { list: unknown; view: ScopeView }>();
const EMPTY: ScopeView = { type: 'unknown', nodes: [], groups: [] };

export function scopeView(p: Pipeline): ScopeView {
  const template = scopeTemplate(p);
  if (!template) return EMPTY;
  const list = workflowSpec(p).templates;
  const hit = views.get(template);
  if (hit && hit.list === list) return hit.view;
  const view = buildView(p, template);
  views.set(template, { list, view });
  return view;
}

function buildView(p: Pipeline, template: Template): ScopeView {
  const type = templateType(template);
  if (type !== 'dag' && type !== 'steps') {
    const call: Call = { kind: 'template', template: template.name };
    return {
      template,
      type,
      nodes: [{ id: template.name, kind: 'template', call, runs: template }],
      groups: [],
    };
  }
  const groups: number[] = [];
  const nodes = invocations(template).map<ScopeNode>((inv) => {
    if (inv.group !== undefined) groups[inv.group] = (groups[inv.group] ?? 0) + 1;
    const runs = runsOf(p, inv.call);
    const opens =
      runs && inv.call.kind === 'template' && isCompound(templateType(runs))
        ? runs.name
        : undefined;
    return {
      id: inv.name,
      kind: inv.group === undefined ? 'task' : 'step',
      task: inv.raw as Task,
      call: inv.call,
      ...(runs ? { runs } : {}),
      ...(opens !== undefined ? { opens } : {}),
      ...(inv.group !== undefined ? { group: inv.group, index: inv.index } : {}),
    };
  });
  return { template, type, nodes, groups: Array.from(groups, (n) => n ?? 0) };
}

function runsOf(p: Pipeline, call: Call): Template | undefined {
  if (call.kind === 'template') return findTemplate(p, call.template);
  if (call.kind === 'inline') return call.template as Template;
  return undefined;
}
