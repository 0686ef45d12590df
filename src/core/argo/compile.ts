/**
 * Pipeline -> Argo manifest: the spec as it stands (the editor's operations
 * write into it directly), optionally the layout annotation, and keys in the
 * order Argo users write them. Returns a plain object; `emit` turns it into
 * YAML.
 */
import { pointAt } from '../model/layout';
import { invocations } from '../model/templateGraph';
import { templates } from '../model/spec';
import { isUnfilledStandIn } from '../model/standIns';
import {
  isObject,
  LAYOUT_ANNOTATION,
  type JsonObject,
  type Layouts,
  type Pipeline,
} from '../model/types';
import { orderManifest } from './keyOrder';

export interface CompileOptions {
  /**
   * Write node positions into `metadata.annotations`. On for saved files
   * (download, autosave); off for the live preview and for submission, so
   * moving a node changes nothing that is compiled.
   */
  layout?: boolean;
}

export function compile(p: Pipeline, options: CompileOptions = {}): JsonObject {
  const metadata = options.layout ? withLayout(p.metadata, layoutAnnotation(p)) : p.metadata;
  // Parts the document left out stay out while nothing has filled them.
  return orderManifest({
    apiVersion: p.apiVersion,
    kind: p.kind,
    ...(isUnfilledStandIn(metadata) ? {} : { metadata }),
    ...(isUnfilledStandIn(p.spec) ? {} : { spec: p.spec }),
    ...p.extra,
  });
}

/**
 * `{"template": {"task": [x, y]}}` for the DAG templates that exist and the
 * tasks they hold (a position left behind by a removed task is not written).
 * Undefined when no task has a position.
 */
function layoutAnnotation(p: Pipeline): string | undefined {
  const byTemplate: [string, Record<string, [number, number]>][] = [];
  for (const template of templates(p)) {
    const layout = (p.layouts as Layouts)[template.name];
    if (!Object.hasOwn(p.layouts, template.name) || !layout) continue;
    // Own keys only, built from entries: tasks named `constructor` or
    // `__proto__` must neither read Object.prototype nor write it.
    const positions: [string, [number, number]][] = [];
    for (const name of new Set(invocations(template).map((i) => i.name))) {
      const point = pointAt(layout, name);
      if (point && Number.isFinite(point.x) && Number.isFinite(point.y))
        positions.push([name, [Math.round(point.x), Math.round(point.y)]]);
    }
    if (positions.length > 0) byTemplate.push([template.name, Object.fromEntries(positions)]);
  }
  return byTemplate.length > 0 ? JSON.stringify(Object.fromEntries(byTemplate)) : undefined;
}

function withLayout(metadata: JsonObject, annotation: string | undefined): JsonObject {
  if (annotation === undefined) return metadata;
  const annotations = isObject(metadata.annotations) ? metadata.annotations : {};
  return { ...metadata, annotations: { ...annotations, [LAYOUT_ANNOTATION]: annotation } };
}
