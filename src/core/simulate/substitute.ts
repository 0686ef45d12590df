/**
 * `{{...}}` substitution as Argo's util/template does it: a simple tag
 * (`{{workflow.parameters.x}}`, `{{tasks.A.outputs.result}}`, spaces trimmed)
 * is replaced by its value; an expression tag (`{{= ...}}`) is evaluated with
 * the same names as variables. A tag with no value is left as written (Argo's
 * allow-unresolved mode) and reported, so the simulator can say what it lacks.
 */
import { evaluateExpr, text } from './expression';

/** Names in scope, flat: `inputs.parameters.x` -> value. */
export type Scope = ReadonlyMap<string, string>;

export interface Substituted {
  text: string;
  /** Tags that had no value, as written between the braces. */
  unresolved: string[];
}

const TAG = /\{\{(.*?)\}\}/gs;

/** Looks a dotted path up in a flat scope (expr-lang's `a.b['c']` is the key `a.b.c`). */
export function scopeLookup(scope: Scope) {
  return (path: (string | number)[]) => scope.get(path.join('.'));
}

export function substitute(input: string, scope: Scope): Substituted {
  const unresolved: string[] = [];
  const out = input.replace(TAG, (whole, inner: string) => {
    const tag = inner.trim();
    if (tag.startsWith('=')) {
      const r = evaluateExpr(tag.slice(1), scopeLookup(scope));
      if (r.ok) return text(r.value);
      unresolved.push(tag);
      return whole;
    }
    const value = scope.get(tag);
    if (value === undefined) {
      unresolved.push(tag);
      return whole;
    }
    return value;
  });
  return { text: out, unresolved };
}

/** Substitutes every string inside a JSON value (a task, its arguments). */
export function substituteDeep<T>(value: T, scope: Scope, unresolved: string[] = []): T {
  if (typeof value === 'string') {
    const r = substitute(value, scope);
    unresolved.push(...r.unresolved);
    return r.text as T;
  }
  if (Array.isArray(value)) return value.map((v) => substituteDeep(v, scope, unresolved)) as T;
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = substituteDeep(v, scope, unresolved);
    return out as T;
  }
  return value;
}
