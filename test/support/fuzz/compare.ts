/**
 * Comparisons the fuzzer makes between what went in and what came back:
 * the first differing path of two JSON values (iteratively: documents may be
 * nested deeper than the call stack allows), and the normal forms that the
 * round trip is allowed to produce.
 */
import {
  isObject,
  LAYOUT_ANNOTATION,
  type JsonObject,
  type Pipeline,
} from '../../../src/core/model/types';
import { emptyLayout } from '../../../src/core/model/layout';
import { scopeLayout, scopeTasks, withScopeLayout } from '../../../src/core/model/scope';

/** The path of the first difference between `a` and `b` (key order ignored), or undefined. */
export function firstDifference(a: unknown, b: unknown): string | undefined {
  const stack: [unknown, unknown, string][] = [[a, b, '']];
  while (stack.length > 0) {
    const [x, y, path] = stack.pop()!;
    if (Object.is(x, y)) continue;
    const xs = Array.isArray(x);
    if (typeof x !== 'object' || typeof y !== 'object' || x === null || y === null)
      return `${path || '(root)'}: ${describe(x)} vs ${describe(y)}`;
    if (xs !== Array.isArray(y)) return `${path}: ${describe(x)} vs ${describe(y)}`;
    const kx = Object.keys(x);
    const ky = Object.keys(y);
    if (kx.length !== ky.length || kx.some((k) => !Object.hasOwn(y, k)))
      return `${path}: keys [${kx.join(',')}] vs [${ky.join(',')}]`.slice(0, 300);
    for (const k of kx)
      stack.push([
        (x as Record<string, unknown>)[k],
        (y as Record<string, unknown>)[k],
        `${path}.${k}`,
      ]);
  }
  return undefined;
}

function describe(v: unknown): string {
  const text = typeof v === 'string' ? JSON.stringify(v) : String(v);
  return text.length > 60 ? `${text.slice(0, 60)}...` : text;
}

/**
 * What the exported file must give back: every field as it was, and the
 * positions of the canvas tasks only, rounded to whole pixels as saved.
 */
export function savedForm(p: Pipeline): Pipeline {
  const layout = emptyLayout();
  for (const t of scopeTasks(p)) {
    if (typeof t.name !== 'string' || !Object.hasOwn(scopeLayout(p), t.name)) continue;
    const point = scopeLayout(p)[t.name]!;
    layout[t.name] = { x: Math.round(point.x), y: Math.round(point.y) };
  }
  return withScopeLayout(p, layout);
}

/** A loaded document as compile() must give it back: no layout annotation, `schedule` upgraded. */
export function expectedManifest(doc: unknown): unknown {
  if (!isObject(doc)) return doc;
  let out: JsonObject = doc;
  if (isObject(doc.metadata) && isObject(doc.metadata.annotations)) {
    const annotations = doc.metadata.annotations;
    if (Object.hasOwn(annotations, LAYOUT_ANNOTATION)) {
      const rest = Object.fromEntries(
        Object.entries(annotations).filter(([k]) => k !== LAYOUT_ANNOTATION),
      );
      const metadata: JsonObject = { ...doc.metadata, annotations: rest };
      if (Object.keys(rest).length === 0) delete metadata.annotations;
      out = { ...out, metadata };
    }
  }
  const spec = out.spec;
  if (
    out.kind === 'CronWorkflow' &&
    isObject(spec) &&
    typeof spec.schedule === 'string' &&
    spec.schedules === undefined
  ) {
    const entries = Object.entries(spec).map(([k, v]) =>
      k === 'schedule' ? ['schedules', [v]] : [k, v],
    );
    out = { ...out, spec: Object.fromEntries(entries) as JsonObject };
  }
  return out;
}
