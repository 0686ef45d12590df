/**
 * Structural equality of JSON values (key order ignored), as YAML documents
 * compare. Pairs wait on a stack rather than in recursion, so documents
 * nested deeper than the call stack compare too.
 */
export function deepEqual(a: unknown, b: unknown): boolean {
  const stack: [unknown, unknown][] = [[a, b]];
  while (stack.length > 0) {
    const [x, y] = stack.pop()!;
    if (!sameShallow(x, y, stack)) return false;
  }
  return true;
}

/** Compares `x` and `y` one level deep, queueing their children on `stack`. */
function sameShallow(x: unknown, y: unknown, stack: [unknown, unknown][]): boolean {
  if (x === y) return true;
  if (typeof x !== 'object' || typeof y !== 'object' || x === null || y === null)
    return Number.isNaN(x) && Number.isNaN(y);
  if (Array.isArray(x) !== Array.isArray(y)) return false;
  if (Array.isArray(x)) {
    const ys = y as unknown[];
    if (x.length !== ys.length) return false;
    x.forEach((v, i) => stack.push([v, ys[i]]));
    return true;
  }
  if (x instanceof Date || y instanceof Date)
    return x instanceof Date && y instanceof Date && x.getTime() === y.getTime();
  const kx = Object.keys(x);
  if (kx.length !== Object.keys(y).length) return false;
  const ox = x as Record<string, unknown>;
  const oy = y as Record<string, unknown>;
  for (const k of kx) {
    if (!Object.hasOwn(oy, k)) return false;
    stack.push([ox[k], oy[k]]);
  }
  return true;
}
