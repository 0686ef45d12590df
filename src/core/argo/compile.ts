/**
 * Pipeline -> Argo manifest. Puts the canvas tasks back into their DAG
 * template, optionally writes the layout annotation, and orders keys the way
 * Argo users write them. Returns a plain object; `emit` turns it into YAML.
 */
import { pointAt } from '../model/layout';
import { dagTemplateIndex } from '../model/pipeline';
import { templates, withTemplates } from '../model/spec';
import {
  isObject,
  LAYOUT_ANNOTATION,
  type JsonObject,
  type Layout,
  type Pipeline,
} from '../model/types';
import { orderManifest, orderTask, orderTemplate } from './keyOrder';

export interface CompileOptions {
  /**
   * Write node positions into `metadata.annotations`. On for saved files
   * (download, autosave); off for the live preview and for submission, so
   * moving a node changes nothing that is compiled.
   */
  layout?: boolean;
}

export function compile(p: Pipeline, options: CompileOptions = {}): JsonObject {
  const withTasks = insertTasks(p);
  const metadata = options.layout
    ? withLayout(
        p.metadata,
        p.layout,
        p.tasks.map((t) => t.name),
      )
    : p.metadata;
  return orderManifest({
    apiVersion: p.apiVersion,
    kind: p.kind,
    metadata,
    spec: withTasks.spec,
    ...p.extra,
  });
}

function insertTasks(p: Pipeline): Pipeline {
  const at = dagTemplateIndex(p);
  if (at < 0) return p;
  const list = templates(p).slice();
  const template = list[at]!;
  const dag = isObject(template.dag) ? template.dag : {};
  list[at] = orderTemplate({ ...template, dag: { ...dag, tasks: p.tasks.map(orderTask) } });
  return withTemplates(p, list);
}

function withLayout(metadata: JsonObject, layout: Layout, names: string[]): JsonObject {
  // Entries, not `positions[name] = ...`: a task named `__proto__` is a key like any other.
  const positions: [string, [number, number]][] = [];
  for (const name of names) {
    const point = pointAt(layout, name);
    if (point) positions.push([name, [Math.round(point.x), Math.round(point.y)]]);
  }
  if (positions.length === 0) return metadata;
  const annotations = isObject(metadata.annotations) ? metadata.annotations : {};
  return {
    ...metadata,
    annotations: {
      ...annotations,
      [LAYOUT_ANNOTATION]: JSON.stringify(Object.fromEntries(positions)),
    },
  };
}
