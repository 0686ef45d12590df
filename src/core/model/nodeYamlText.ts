/**
 * One node as YAML text: the task, or the template it runs. Apart from
 * nodeYaml.ts (which validates edits) so that showing the text does not bring
 * the validator into the entry chunk (issue 11).
 */
import { orderTask, orderTemplate } from '../argo/keyOrder';
import { dumpYaml } from '../argo/yamlText';
import type { Task, Template } from './types';

/** The task as YAML, keys in the order Argo users write them. */
export function taskYamlText(task: Task): string {
  return dumpYaml(orderTask(task));
}

export function templateYamlText(template: Template): string {
  return dumpYaml(orderTemplate(template));
}
