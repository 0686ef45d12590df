/**
 * The WorkflowTemplates and ClusterWorkflowTemplates a `templateRef` or
 * `workflowTemplateRef` may name: Argo's template getters
 * (workflow/templateresolution). The CLI builds one from the files it is given
 * (`--templates DIR` and the files listed together); the editor from the open
 * file's documents and those the connected Argo Server holds.
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
  const namespaced: JsonObject[] = [];
  const cluster: JsonObject[] = [];
  for (const doc of manifests) {
    if (!isObject(doc) || typeof doc.apiVersion !== 'string') continue;
    if (!doc.apiVersion.startsWith('argoproj.io/')) continue;
    if (doc.kind === 'WorkflowTemplate') namespaced.push(doc);
    else if (doc.kind === 'ClusterWorkflowTemplate') cluster.push(doc);
  }
  return libraryOf(namespaced, cluster);
}

/**
 * A library over lists already sorted by scope, as the server's list calls
 * return them (their items carry no `kind`). The first of a name wins.
 */
export function libraryOf(namespaced: JsonObject[], cluster: JsonObject[]): TemplateLibrary {
  const ns = byName(namespaced);
  const cl = byName(cluster);
  return {
    find: (name, isCluster) => (isCluster ? cl : ns).get(name),
    size: { namespaced: ns.size, cluster: cl.size },
  };
}

/** The libraries searched in order: the first that has a name wins. */
export function joinLibraries(...libraries: (TemplateLibrary | undefined)[]): TemplateLibrary {
  const present = libraries.filter((l): l is TemplateLibrary => l !== undefined);
  const sum = (pick: (l: TemplateLibrary) => number) => present.reduce((n, l) => n + pick(l), 0);
  return {
    find: (name, cluster) => {
      for (const l of present) {
        const found = l.find(name, cluster);
        if (found) return found;
      }
      return undefined;
    },
    size: { namespaced: sum((l) => l.size.namespaced), cluster: sum((l) => l.size.cluster) },
  };
}

function byName(list: JsonObject[]): Map<string, JsonObject> {
  const map = new Map<string, JsonObject>();
  for (const o of list) {
    const name = isObject(o.metadata) ? o.metadata.name : undefined;
    if (typeof name === 'string' && !map.has(name)) map.set(name, o);
  }
  return map;
}
