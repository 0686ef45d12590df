/**
 * A template's type as Argo's v1alpha1 Template methods read it (GetType,
 * IsLeaf, IsPodType, HasOutput in pkg/apis/workflow/v1alpha1/workflow_types.go).
 * The first field set wins, in Go's order; the validator reports a template
 * with more than one elsewhere (templateShape.ts).
 */
import { isObject, type JsonObject } from '../model/types';
import { present } from './read';

export type TemplateType =
  | 'Container'
  | 'ContainerSet'
  | 'Steps'
  | 'DAG'
  | 'Script'
  | 'Resource'
  | 'Data'
  | 'Suspend'
  | 'HTTP'
  | 'Plugin'
  | 'Unknown';

/** The template type fields, in the order GetType tests them. */
export const TYPE_FIELDS: [string, TemplateType][] = [
  ['container', 'Container'],
  ['containerSet', 'ContainerSet'],
  ['steps', 'Steps'],
  ['dag', 'DAG'],
  ['script', 'Script'],
  ['resource', 'Resource'],
  ['data', 'Data'],
  ['suspend', 'Suspend'],
  ['http', 'HTTP'],
  ['plugin', 'Plugin'],
];

export function templateType(t: JsonObject): TemplateType {
  for (const [field, type] of TYPE_FIELDS) if (present(t[field])) return type;
  return 'Unknown';
}

const LEAF: ReadonlySet<TemplateType> = new Set([
  'Container',
  'ContainerSet',
  'Script',
  'Resource',
  'Data',
  'HTTP',
  'Plugin',
]);
const POD: ReadonlySet<TemplateType> = new Set([
  'Container',
  'ContainerSet',
  'Script',
  'Resource',
  'Data',
]);

export const isLeaf = (t: JsonObject): boolean => LEAF.has(templateType(t));
export const isPodType = (t: JsonObject): boolean => POD.has(templateType(t));

/** Whether the template has `outputs.result` and `exitCode` (Template.HasOutput). */
export function hasOutput(t: JsonObject): boolean {
  if (['container', 'script', 'data', 'http', 'plugin'].some((k) => present(t[k]))) return true;
  return containerNamed(t.containerSet, 'main');
}

/** Whether a containerSet has a container named `name` (ContainerSetTemplate.HasContainerNamed). */
export function containerNamed(containerSet: unknown, name: string): boolean {
  if (!isObject(containerSet) || !Array.isArray(containerSet.containers)) return false;
  return containerSet.containers.some((c) => isObject(c) && c.name === name);
}
