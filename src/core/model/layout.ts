/**
 * Node positions by task name. Task names are user data, and `constructor`,
 * `toString` or `__proto__` are names like any other: a plain `{}` answers
 * `layout['constructor']` with `Object` itself, and `layout['__proto__'] = p`
 * replaces the object's prototype. So every read here checks own properties,
 * and every layout built here has a null prototype (where `__proto__` is an
 * ordinary key). Layouts built elsewhere (spreads, JSON) are read safely too.
 */
import type { Layout, Layouts, Point } from './types';

/** A layout with no positions and no prototype. */
export function emptyLayout(): Layout {
  return Object.create(null) as Layout;
}

/** The position of `name`, or undefined when the layout holds none. */
export function pointAt(layout: Readonly<Layout>, name: string): Point | undefined {
  return Object.hasOwn(layout, name) ? layout[name] : undefined;
}

/** A layout of the given positions (later entries win). */
export function layoutOf(points: Iterable<readonly [string, Point]>): Layout {
  const out = emptyLayout();
  for (const [name, point] of points) out[name] = point;
  return out;
}

/** `layout` with `points` set: one copy, however many points (a drag of 1,000 nodes). */
export function withPoints(
  layout: Readonly<Layout>,
  points: Iterable<readonly [string, Point]>,
): Layout {
  const out = Object.assign(emptyLayout(), layout);
  for (const [name, point] of points) out[name] = point;
  return out;
}

/** `layout` without the positions of `names`. */
export function withoutPoints(layout: Readonly<Layout>, names: Iterable<string>): Layout {
  const out = Object.assign(emptyLayout(), layout);
  for (const name of names) delete out[name];
  return out;
}

/** Whether every one of `names` has a position. */
export function placesAll(layout: Readonly<Layout>, names: Iterable<string>): boolean {
  for (const name of names) if (!pointAt(layout, name)) return false;
  return true;
}

export interface Bounds {
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * The box around every placed task, nodes `width` wide and as tall as
 * `heights` says (else `baseHeight`): what fitting the view must show, even
 * for nodes the canvas has not drawn yet. Undefined when nothing is placed.
 */
export function layoutBounds(
  layout: Readonly<Layout>,
  names: Iterable<string>,
  size: { width: number; baseHeight: number; heights: ReadonlyMap<string, number> },
): Bounds | undefined {
  let x0 = Infinity;
  let y0 = Infinity;
  let x1 = -Infinity;
  let y1 = -Infinity;
  for (const name of names) {
    const at = pointAt(layout, name);
    if (!at || !Number.isFinite(at.x) || !Number.isFinite(at.y)) continue;
    x0 = Math.min(x0, at.x);
    y0 = Math.min(y0, at.y);
    x1 = Math.max(x1, at.x + size.width);
    y1 = Math.max(y1, at.y + (size.heights.get(name) ?? size.baseHeight));
  }
  return x0 === Infinity ? undefined : { x: x0, y: y0, width: x1 - x0, height: y1 - y0 };
}

/** The box around both boxes, either of which may be missing. */
export function unionBounds(a: Bounds | undefined, b: Bounds | undefined): Bounds | undefined {
  if (!a || !b) return a ?? b;
  const x = Math.min(a.x, b.x);
  const y = Math.min(a.y, b.y);
  return {
    x,
    y,
    width: Math.max(a.x + a.width, b.x + b.width) - x,
    height: Math.max(a.y + a.height, b.y + b.height) - y,
  };
}

/** `base` with the positions of `over` laid over it, template by template. */
export function mergeLayouts(base: Readonly<Layouts>, over: Readonly<Layouts>): Layouts {
  const out = Object.assign(Object.create(null) as Layouts, base);
  for (const [template, layout] of Object.entries(over))
    out[template] = Object.assign(
      emptyLayout(),
      Object.hasOwn(base, template) ? base[template] : {},
      layout,
    );
  return out;
}
