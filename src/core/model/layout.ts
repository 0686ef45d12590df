/**
 * Node positions by task name. Task names are user data, and `constructor`,
 * `toString` or `__proto__` are names like any other: a plain `{}` answers
 * `layout['constructor']` with `Object` itself, and `layout['__proto__'] = p`
 * replaces the object's prototype. So every read here checks own properties,
 * and every layout built here has a null prototype (where `__proto__` is an
 * ordinary key). Layouts built elsewhere (spreads, JSON) are read safely too.
 */
import type { Layout, Point } from './types';

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
