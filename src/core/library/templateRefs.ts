/**
 * The templates `templateRef` tasks call, when the editor knows them: the
 * WorkflowTemplates fetched from the server (or opened). A templateRef task
 * has no template in its own document, so its data ports, its inspector and
 * the simulator read the referenced one from here.
 *
 * This is the one piece of shared state in the core: a cache of definitions
 * that live outside the document. The store sets it when the library loads;
 * the document never depends on it (a task without a known template simply
 * shows no ports, as before).
 */
import { isObject, type JsonObject, type Template } from '../model/types';

export type WorkflowTemplateLookup = (
  name: string,
  clusterScope: boolean,
) => JsonObject | undefined;

let lookup: WorkflowTemplateLookup | undefined;
/** Bumped on every change, so caches keyed by it see a new library. */
let version = 0;

export function setWorkflowTemplateLookup(next: WorkflowTemplateLookup | undefined): void {
  lookup = next;
  version++;
}

export function libraryVersion(): number {
  return version;
}

/** The WorkflowTemplate (or ClusterWorkflowTemplate) object of that name, when known. */
export function knownWorkflowTemplate(name: string, clusterScope: boolean): JsonObject | undefined {
  return lookup?.(name, clusterScope);
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

/** A lookup over a list of WorkflowTemplate objects (the namespace's and the cluster's). */
export function lookupOver(
  namespaced: JsonObject[],
  cluster: JsonObject[],
): WorkflowTemplateLookup {
  const key = (o: JsonObject) => (isObject(o.metadata) ? String(o.metadata.name) : '');
  const ns = new Map(namespaced.map((o) => [key(o), o]));
  const cl = new Map(cluster.map((o) => [key(o), o]));
  return (name, clusterScope) => (clusterScope ? cl : ns).get(name);
}
