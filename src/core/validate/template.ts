/**
 * One template, as Argo's validateTemplate checks it (workflow/validate/
 * validate.go): its type, inputs, type-specific rules (leaf, steps or DAG),
 * variables, outputs, archive location and metrics, and the pod it runs.
 */
import { isObject } from '../model/types';
import { checkInputArtifacts, checkOutputArtifacts } from './artifacts';
import type { Ctx, TemplateEntry } from './context';
import { checkDag } from './dag';
import { checkMetrics } from './metrics';
import { checkOutputParameters } from './outputs';
import { checkPod } from './pod';
import { checkTemplateFields, checkTemplateType } from './shape';
import { under, type Path } from './sink';
import { checkSteps } from './steps';
import { isLeaf, isPodType, templateType } from './templateType';
import { checkVariables, localScope, type VarScope } from './variables';

export interface TemplateRun {
  /** Argo's prefix for the template: `templates.echo`. */
  prefix: string;
  /** `workflow.failures` is defined (an exit handler's template). */
  failures: boolean;
}

export function validateTemplate(ctx: Ctx, entry: TemplateEntry, run: TemplateRun): void {
  const { t, at } = entry;
  const { prefix } = run;
  checkTemplateType(ctx, entry, prefix);
  const type = templateType(t);
  const leaf = isLeaf(t);
  checkInputArtifacts(ctx, entry, prefix, leaf);
  checkTemplateFields(ctx, entry, prefix, type);
  const base: VarScope = {
    template: entry,
    local: localScope(t, leaf, isPodType(t)),
    failures: run.failures,
  };
  const inline = (e: TemplateEntry, p: string) =>
    validateTemplate(ctx, e, { prefix: p, failures: run.failures });
  if (type === 'Steps' && Array.isArray(t.steps)) {
    const after = checkSteps(ctx, entry, prefix, base, inline);
    if (isObject(t.outputs))
      checkVariables(ctx, t.outputs, under(at, 'outputs'), after, { prefix: `${prefix}.outputs` });
  } else if (type === 'DAG' && isObject(t.dag)) {
    const after = checkDag(ctx, entry, prefix, base, inline);
    if (isObject(t.outputs))
      checkVariables(ctx, t.outputs, under(at, 'outputs'), after, { prefix: `${prefix}.outputs` });
  } else if (type !== 'Steps' && type !== 'DAG') {
    // The caller's arguments replace input values before Argo resolves the rest (ProcessArgs).
    const inputValues = (key: string | number, depth: number, parentPath: () => Path) => {
      if (depth !== 4 || (key !== 'value' && key !== 'valueFrom')) return false;
      const p = parentPath();
      return p[at.path.length] === 'inputs' && p[at.path.length + 1] === 'parameters';
    };
    checkVariables(ctx, t, at, base, { prefix: `${prefix}:`, skip: inputValues });
  }
  checkOutputArtifacts(ctx, entry, prefix, leaf);
  checkOutputParameters(ctx, entry, prefix, type);
  checkMetrics(ctx, entry, prefix);
  checkPod(ctx, entry, prefix);
}
