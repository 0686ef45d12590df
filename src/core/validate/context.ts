/**
 * What the rules share while one manifest is validated: the options, where
 * diagnostics go, the templates by name, the global variables, and the
 * references that could not be checked (reported once, as a note).
 */
import type { JsonObject, WorkflowKind } from '../model/types';
import type { Globals } from './globals';
import type { TemplateLibrary } from '../library/templateLibrary';
import type { At, Sink } from './sink';

/**
 * `lint`, like `argo lint`: workflow arguments may be left without a value
 * (they are supplied at submit). `submit`: a Workflow's arguments need values.
 */
export type Mode = 'lint' | 'submit';

export interface ValidateOptions {
  /** Default `lint`. */
  mode?: Mode;
  /** WorkflowTemplates and ClusterWorkflowTemplates that references may name. */
  templates?: TemplateLibrary;
}

/** A template, from this manifest, inline in a step or task, or from a WorkflowTemplate. */
export interface TemplateEntry {
  t: JsonObject;
  /** Its name; '' for an inline template. */
  name: string;
  /** Where its fields are reported: the template itself, or the step referring to another file's. */
  at: At;
  /**
   * The `templateDefaults` of the spec that holds it, which may supply a
   * container or script image. Argo reads them from a Workflow and a
   * WorkflowTemplate, not from a ClusterWorkflowTemplate.
   */
  defaults: JsonObject | undefined;
  /** `lib/echo` when the template comes from a WorkflowTemplate; fields of it are not reported. */
  ref?: string;
}

/** A step or task's template once its `template`, `templateRef` or `inline` is resolved. */
export type Resolved =
  | { kind: 'template'; entry: TemplateEntry }
  /** A templateRef that could not be looked up (no library, or a name from a parameter). */
  | { kind: 'unknown' }
  /** Reported already: no such template, or the holder is malformed. */
  | { kind: 'missing' };

export interface Ctx {
  sink: Sink;
  mode: Mode;
  kind: WorkflowKind;
  /** WorkflowTemplate or ClusterWorkflowTemplate: Argo's WorkflowTemplateValidation. */
  templateValidation: boolean;
  /** The workflow spec (a CronWorkflow's `spec.workflowSpec`). */
  spec: JsonObject;
  specAt: At;
  /** This manifest's templates, the first of each name. */
  local: Map<string, TemplateEntry>;
  library: TemplateLibrary | undefined;
  globals: Globals;
  /** References to other WorkflowTemplates that could not be checked. */
  unchecked: { text: string; at: At }[];
  /** Templates Argo validates before the exit handler, where `workflow.failures` is not defined. */
  beforeExit: Set<string>;
  /** Whether the workflow has an exit handler (spec.onExit). */
  hasExitHandler: boolean;
  /** Templates of WorkflowTemplates already looked up, by `cluster:name/template`. */
  external: Map<string, Omit<TemplateEntry, 'at'> | 'absent' | 'missing'>;
}

export type { At, Sink };
