/**
 * The templates of a manifest as an outline: each with its type, where it is
 * used, and whether it is the entrypoint, the exit handler, or reachable at
 * all from the workflow's entry points.
 */
import { entrypoint } from './pipeline';
import { findTemplate, templates, workflowSpec } from './spec';
import {
  handlerCalls,
  invocations,
  reachableTemplates,
  templateType,
  type TemplateType,
} from './templateGraph';
import type { Pipeline } from './types';

export interface OutlineEntry {
  name: string;
  type: TemplateType;
  /** `diamond/A`, `onExit`, `entrypoint`: every place that runs it. */
  usedBy: string[];
  entry: boolean;
  exitHandler: boolean;
  reachable: boolean;
}

export function templateOutline(p: Pipeline): OutlineEntry[] {
  const spec = workflowSpec(p);
  const lookup = (n: string) => findTemplate(p, n);
  const reachable = reachableTemplates(spec, lookup);
  const uses = new Map<string, string[]>();
  const use = (template: string, where: string) =>
    uses.set(template, [...(uses.get(template) ?? []), where]);
  const entry = entrypoint(p);
  if (entry) use(entry, 'entrypoint');
  for (const h of handlerCalls(spec)) use(h.template, h.name === 'onExit' ? 'on exit' : h.name);
  for (const t of templates(p))
    for (const inv of invocations(t)) {
      if (inv.call.kind === 'template') use(inv.call.template, `${t.name}/${inv.name}`);
      for (const h of handlerCalls(inv.raw)) use(h.template, `${t.name}/${inv.name} ${h.name}`);
    }
  const exit = typeof spec.onExit === 'string' ? spec.onExit : undefined;
  // WorkflowTemplates are libraries: any of their templates may be called from elsewhere.
  const library = p.kind === 'WorkflowTemplate' || p.kind === 'ClusterWorkflowTemplate';
  return templates(p).map((t) => ({
    name: t.name,
    type: templateType(t),
    usedBy: uses.get(t.name) ?? [],
    entry: t.name === entry,
    exitHandler: t.name === exit,
    reachable: library || reachable.has(t.name),
  }));
}
