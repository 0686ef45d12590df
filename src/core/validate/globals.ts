/**
 * The global variables a workflow's templates may use, as Argo's Workflow()
 * fills `globalParams` (workflow/validate/validate.go): the workflow's name,
 * namespace, uid and the like; `workflow.parameters.<name>` for each workflow
 * argument; `workflow.labels.<key>` and `workflow.annotations.<key>`;
 * `workflow.priority` when set; `workflow.status` everywhere (Argo 4), and
 * `workflow.failures` only in the exit handler; `workflow.outputs.*` for the
 * outputs templates export with `globalName`.
 */
import { isObject, type JsonObject } from '../model/types';
import { anyString } from './read';
import { isParameter } from './tags';

export interface Globals {
  names: Set<string>;
  /** Workflow argument names (including a referenced WorkflowTemplate's). */
  parameters: Set<string>;
  /** Any `workflow.parameters.*` may be used: a WorkflowTemplate's callers supply them, or the referenced WorkflowTemplate could not be read. */
  anyParameter: boolean;
  outputParameters: Set<string>;
  outputArtifacts: Set<string>;
  /** A `globalName` is itself a parameter, known only at run time. */
  anyOutputParameter: boolean;
  anyOutputArtifact: boolean;
}

const ALWAYS = [
  'workflow.name',
  'workflow.namespace',
  'workflow.mainEntrypoint',
  'workflow.serviceAccountName',
  'workflow.uid',
  'workflow.status',
  'workflow.annotations',
  'workflow.annotations.json',
  'workflow.labels',
  'workflow.labels.json',
];

export interface GlobalSources {
  /** The workflow arguments, merged with a referenced WorkflowTemplate's. */
  parameters: unknown[];
  metadata: unknown;
  /** spec.workflowMetadata of the workflow and of a referenced WorkflowTemplate. */
  workflowMetadata: unknown[];
  priority: unknown;
  /** Every template whose outputs may carry a `globalName`. */
  templates: JsonObject[];
  anyParameter: boolean;
}

export function collectGlobals(src: GlobalSources): Globals {
  const names = new Set(ALWAYS);
  const parameters = new Set<string>();
  for (const p of src.parameters)
    if (isObject(p) && typeof p.name === 'string' && p.name !== '') parameters.add(p.name);
  if (parameters.size > 0) {
    names.add('workflow.parameters');
    names.add('workflow.parameters.json');
  }
  for (const p of parameters) names.add(`workflow.parameters.${p}`);
  const keys = (kind: 'labels' | 'annotations', m: unknown) => {
    if (isObject(m) && isObject(m[kind]))
      for (const k of Object.keys(m[kind])) names.add(`workflow.${kind}.${k}`);
  };
  keys('labels', src.metadata);
  keys('annotations', src.metadata);
  for (const m of src.workflowMetadata) {
    keys('labels', m);
    keys('annotations', m);
    if (isObject(m) && isObject(m.labelsFrom))
      for (const k of Object.keys(m.labelsFrom)) names.add(`workflow.labels.${k}`);
  }
  if (src.priority !== undefined && src.priority !== null) names.add('workflow.priority');
  const globals: Globals = {
    names,
    parameters,
    anyParameter: src.anyParameter,
    outputParameters: new Set(),
    outputArtifacts: new Set(),
    anyOutputParameter: false,
    anyOutputArtifact: false,
  };
  for (const t of src.templates) addGlobalOutputs(globals, t);
  return globals;
}

/** Argo's addOutputsToScope registers each output `globalName` as `workflow.outputs.*`. */
export function addGlobalOutputs(globals: Globals, t: JsonObject): void {
  const outputs = isObject(t.outputs) ? t.outputs : undefined;
  if (!outputs) return;
  for (const [kind, known] of [
    ['parameters', globals.outputParameters],
    ['artifacts', globals.outputArtifacts],
  ] as const) {
    const list = Array.isArray(outputs[kind]) ? (outputs[kind] as unknown[]) : [];
    for (const o of list) {
      const name = isObject(o) ? anyString(o.globalName) : undefined;
      if (!name) continue;
      if (isParameter(name)) {
        if (kind === 'parameters') globals.anyOutputParameter = true;
        else globals.anyOutputArtifact = true;
      } else known.add(name);
    }
  }
}
