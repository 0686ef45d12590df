/**
 * The templates `templateRef` tasks call, when the editor knows them: the
 * WorkflowTemplates fetched from the server and those in the open file. A templateRef task
 * has no template in its own document, so its data ports, its inspector and
 * the simulator read the referenced one from here.
 *
 * This is the one piece of shared state in the core: a cache of definitions
 * that live outside the document. The store sets it when the library loads;
 * the document never depends on it (a task without a known template simply
 * shows no ports, as before).
 */
import { isObject, type JsonObject, type Template } from '../model/types';
import { joinLibraries, type TemplateLibrary } from './templateLibrary';

let server: TemplateLibrary | undefined;
let openFile: TemplateLibrary | undefined;
let known: TemplateLibrary | undefined;
/** Bumped on every change, so caches keyed by it see a new library. */
let version = 0;

function changed(): void {
  known = server || openFile ? joinLibraries(openFile, server) : undefined;
  version++;
}

/** The templates the connected Argo Server holds (undefined: none known). */
export function setServerTemplates(next: TemplateLibrary | undefined): void {
  server = next;
  changed();
}

/** The templates among the open file's documents; they win over the server's of the same name. */
export function setFileTemplates(next: TemplateLibrary | undefined): void {
  openFile = next;
  changed();
}

export function libraryVersion(): number {
  return version;
}

/** Every WorkflowTemplate the editor knows of, or undefined when it knows none. */
export function knownTemplates(): TemplateLibrary | undefined {
  return known;
}

/** The WorkflowTemplate (or ClusterWorkflowTemplate) object of that name, when known. */
export function knownWorkflowTemplate(name: string, clusterScope: boolean): JsonObject | undefined {
  return known?.find(name, clusterScope);
}

/** The template a task's `templateRef` names, when the editor knows it. */
export function referencedTemplate(task: JsonObject | undefined): Template | undefined {
  const ref = task && isObject(task.templateRef) ? task.templateRef : undefined;
  if (!ref || typeof ref.name !== 'string') return undefined;
  const doc = knownWorkflowTemplate(ref.name, ref.clusterScope === true);
  const spec = doc && isObject(doc.spec) ? doc.spec : {};
  const templates = Array.isArray(spec.templates) ? spec.templates.filter(isObject) : [];
  return templates.find((t) => t.name === ref.template) as Template | undefined;
}
