/**
 * Rewriting references to a task inside Argo template strings when the task is
 * renamed: `{{tasks.X.outputs...}}`, `{{=tasks.X...}}` and the bracket form
 * `tasks['X']` used in expressions for names with hyphens.
 */

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Rewrites every reference to task `from` inside `{{ ... }}` segments of `text`. */
export function renameInTemplateString(text: string, from: string, to: string): string {
  if (!text.includes('{{') || !text.includes(from)) return text;
  const dotted = new RegExp(`(\\btasks\\.)${escape(from)}(?![-a-zA-Z0-9_])`, 'g');
  const bracket = new RegExp(`(\\btasks\\[\\s*)(['"])${escape(from)}\\2`, 'g');
  return text.replace(/\{\{[\s\S]*?\}\}/g, (segment) =>
    segment.replace(dotted, `$1${to}`).replace(bracket, `$1$2${to}$2`),
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
    const next: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      const r = mapStrings(v, rewrite);
      if (r !== v) changed = true;
      next[k] = r;
    }
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
