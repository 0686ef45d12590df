/**
 * Pipeline -> Argo manifest. Puts the canvas tasks back into their DAG
 * template, optionally writes the layout annotation, and orders keys the way
 * Argo users write them. Returns a plain object; `emit` turns it into YAML.
 */
import { pointAt } from '../model/layout';
import { dagTemplateIndex } from '../model/pipeline';
import { withWorkflowSpec, workflowSpec } from '../model/spec';
import { isUnfilledStandIn } from '../model/standIns';
import {
  isObject,
  LAYOUT_ANNOTATION,
  type JsonObject,
  type Layout,
  type Pipeline,
  type Template,
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
  // Parts the document left out stay out while nothing has filled them.
  return orderManifest({
    apiVersion: p.apiVersion,
    kind: p.kind,
    ...(isUnfilledStandIn(metadata) ? {} : { metadata }),
    ...(isUnfilledStandIn(withTasks.spec) ? {} : { spec: withTasks.spec }),
    ...p.extra,
  });
}

function insertTasks(p: Pipeline): Pipeline {
  const at = dagTemplateIndex(p);
  if (at < 0) return p;
  // The list as written: items that are not templates stay where they are.
  const list = (workflowSpec(p).templates as unknown[]).slice();
  const template = list[at] as Template;
  const dag = isObject(template.dag) ? template.dag : {};
  // A DAG written without `tasks` stays so until it has some.
  if (p.tasks.length === 0 && !Object.hasOwn(dag, 'tasks')) return p;
  list[at] = orderTemplate({ ...template, dag: { ...dag, tasks: p.tasks.map(orderTask) } });
  return withWorkflowSpec(p, { ...workflowSpec(p), templates: list });
}

function withLayout(metadata: JsonObject, layout: Layout, names: string[]): JsonObject {
  // Own keys only, built from entries: tasks named `constructor` or `__proto__`
  // must neither read Object.prototype nor write it.
  const positions: [string, [number, number]][] = [];
  for (const name of new Set(names)) {
    const point = pointAt(layout, name);
    if (point && Number.isFinite(point.x) && Number.isFinite(point.y))
      positions.push([name, [Math.round(point.x), Math.round(point.y)]]);
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
