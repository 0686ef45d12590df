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
  if (Array.isArray(value)) {
    let changed = false;
    const next = value.map((v) => {
      const r = mapStrings(v, rewrite);
      if (r !== v) changed = true;
      return r;
    });
    return (changed ? next : value) as T;
  }
  if (typeof value === 'object' && value !== null) {
    let changed = false;
    // fromEntries, not `next[k] = r`: assigning a `__proto__` key would drop it.
    const next = Object.fromEntries(
      Object.entries(value).map(([k, v]) => {
        const r = mapStrings(v, rewrite);
        if (r !== v) changed = true;
        return [k, r];
      }),
    );
    return (changed ? next : value) as T;
  }
  return value;
}

/** Task names referenced as `tasks.X` inside `{{ }}` segments anywhere in `value`. */
export function referencedTasks(value: unknown, into = new Set<string>()): Set<string> {
  if (typeof value === 'string') {
    if (!value.includes('{{')) return into;
    for (const segment of value.match(/\{\{[\s\S]*?\}\}/g) ?? []) {
      for (const m of segment.matchAll(/\btasks\.([a-zA-Z0-9][-a-zA-Z0-9]*)/g)) into.add(m[1]!);
      for (const m of segment.matchAll(/\btasks\[\s*['"]([^'"]+)['"]/g)) into.add(m[1]!);
    }
  } else if (Array.isArray(value)) {
    for (const v of value) referencedTasks(v, into);
  } else if (typeof value === 'object' && value !== null) {
    for (const v of Object.values(value)) referencedTasks(v, into);
  }
  return into;
}
