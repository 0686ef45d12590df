/**
 * The WorkflowTemplates and ClusterWorkflowTemplates a `templateRef` or
 * `workflowTemplateRef` may name: Argo's template getters
 * (workflow/templateresolution). The CLI builds one from the files it is given
 * (`--templates DIR` and the files listed together); the editor from the open
 * files and those the connected Argo Server holds.
 */
import { isObject, type JsonObject } from '../model/types';

export interface TemplateLibrary {
  /** The manifest of the WorkflowTemplate (`cluster`: ClusterWorkflowTemplate) named `name`. */
  find(name: string, cluster: boolean): JsonObject | undefined;
  /** How many templates of each scope it holds, for messages. */
  readonly size: { namespaced: number; cluster: number };
}

/**
 * A library of the WorkflowTemplates and ClusterWorkflowTemplates among
 * `manifests` (anything else is ignored). The first of a name wins.
 *
 * @example templateLibrary(loadYamlDocuments(text).value)
 */
export function templateLibrary(manifests: Iterable<unknown>): TemplateLibrary {
  const namespaced = new Map<string, JsonObject>();
  const cluster = new Map<string, JsonObject>();
  for (const doc of manifests) {
    if (!isObject(doc) || typeof doc.apiVersion !== 'string') continue;
    if (!doc.apiVersion.startsWith('argoproj.io/')) continue;
    const byKind =
      doc.kind === 'WorkflowTemplate'
        ? namespaced
        : doc.kind === 'ClusterWorkflowTemplate'
          ? cluster
          : undefined;
    const name = isObject(doc.metadata) ? doc.metadata.name : undefined;
    if (byKind && typeof name === 'string' && !byKind.has(name)) byKind.set(name, doc);
  }
  return {
    find: (name, isCluster) => (isCluster ? cluster : namespaced).get(name),
    size: { namespaced: namespaced.size, cluster: cluster.size },
  };
}
