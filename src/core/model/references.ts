/**
 * Rewriting references to a task inside Argo template strings when the task is
 * renamed: `{{tasks.X.outputs...}}`, `{{=tasks.X...}}` and the bracket form
 * `tasks['X']` used in expressions for names with hyphens.
 */

/** Rewrites every reference to task `from` inside `{{ ... }}` segments of `text`. */
export function renameInTemplateString(text: string, from: string, to: string): string {
  return renameManyInTemplateString(text, new Map([[from, to]]));
}

/** Rewrites references to several tasks at once (no chain effects between the renames). */
export function renameManyInTemplateString(
  text: string,
  names: ReadonlyMap<string, string>,
): string {
  return rewriteReferences(text, 'tasks', 'tasks', names);
}

/**
 * Rewrites `<from>.X` and `<from>['X']` inside `{{ }}` segments to
 * `<to>.Y` for each X -> Y in `names`: a rename (`tasks` to `tasks`), or a
 * steps template turned into a DAG (`steps` to `tasks`).
 */
export function rewriteReferences(
  text: string,
  from: 'tasks' | 'steps',
  to: 'tasks' | 'steps',
  names: ReadonlyMap<string, string>,
): string {
  if (!text.includes('{{')) return text;
  const dotted = new RegExp(`\\b${from}\\.([a-zA-Z0-9][-a-zA-Z0-9]*)(?![-a-zA-Z0-9_])`, 'g');
  const bracket = new RegExp(`\\b${from}(\\[\\s*)(['"])([^'"]+)\\2`, 'g');
  return text.replace(/\{\{[\s\S]*?\}\}/g, (segment) =>
    segment
      .replace(dotted, (m, name: string) => (names.has(name) ? `${to}.${names.get(name)}` : m))
      .replace(bracket, (m, open: string, q: string, name: string) =>
        names.has(name) ? `${to}${open}${q}${names.get(name)}${q}` : m,
      ),
  );
}

/**
 * `value` with every string rewritten by `rewrite`; unchanged subtrees keep
 * their identity so React and caches see only what changed.
 */
export function mapStrings<T>(value: T, rewrite: (s: string) => string): T {
  if (typeof value === 'string') return rewrite(value) as T;
  if (typeof value !== 'object' || value === null) return value;
  // Frames on a stack rather than recursion: a hand-written task may nest
  // deeper than the call stack.
  interface Frame {
    source: unknown[] | Record<string, unknown>;
    keys: string[] | undefined;
    copies: unknown[];
    changed: boolean;
  }
  const open = (v: object): Frame => ({
    source: v as Frame['source'],
    keys: Array.isArray(v) ? undefined : Object.keys(v),
    copies: [],
    changed: false,
  });
  const stack: Frame[] = [open(value)];
  for (;;) {
    const frame = stack[stack.length - 1]!;
    const { source, keys, copies } = frame;
    const size = keys ? keys.length : (source as unknown[]).length;
    if (copies.length < size) {
      const child = keys
        ? (source as Record<string, unknown>)[keys[copies.length]!]
        : (source as unknown[])[copies.length];
      if (typeof child === 'object' && child !== null) {
        stack.push(open(child));
        continue;
      }
      const next = typeof child === 'string' ? rewrite(child) : child;
      if (next !== child) frame.changed = true;
      copies.push(next);
      continue;
    }
    stack.pop();
    // fromEntries, not `next[k] = r`: assigning a `__proto__` key would drop it.
    const done = !frame.changed
      ? source
      : keys
        ? Object.fromEntries(keys.map((k, i) => [k, copies[i]]))
        : copies;
    const parent = stack[stack.length - 1];
    if (!parent) return done as T;
    if (done !== source) parent.changed = true;
    parent.copies.push(done);
  }
}

/** Task names referenced as `tasks.X` inside `{{ }}` segments anywhere in `value`. */
export function referencedTasks(value: unknown, into = new Set<string>()): Set<string> {
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const v = stack.pop();
    if (typeof v === 'string') {
      if (!v.includes('{{')) continue;
      for (const segment of v.match(/\{\{[\s\S]*?\}\}/g) ?? []) {
        for (const m of segment.matchAll(/\btasks\.([a-zA-Z0-9][-a-zA-Z0-9]*)/g)) into.add(m[1]!);
        for (const m of segment.matchAll(/\btasks\[\s*['"]([^'"]+)['"]/g)) into.add(m[1]!);
      }
    } else if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i--) stack.push(v[i]);
    } else if (typeof v === 'object' && v !== null) {
      const values = Object.values(v);
      for (let i = values.length - 1; i >= 0; i--) stack.push(values[i]);
    }
  }
  return into;
}
