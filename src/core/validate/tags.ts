/**
 * `{{...}}` tags as Argo finds them (util/template, with valyala/fasttemplate):
 * a tag runs from `{{` to the next `}}`; a `{{` with no `}}` after it is an
 * error ("Cannot find end tag"). A tag starting with `=` is an expression
 * (`{{=...}}`), which Argo's validator passes over; the others are simple
 * tags. Walks use explicit stacks: a manifest may nest deeper than the call
 * stack allows.
 */
import { isObject } from '../model/types';
import type { Path } from './sink';

export interface Tag {
  /** The text between the braces, as written. */
  text: string;
  expression: boolean;
}

export interface Scanned {
  tags: Tag[];
  /** Offset of a `{{` that no `}}` closes. */
  unclosed?: number;
}

export function scanTags(s: string): Scanned {
  const tags: Tag[] = [];
  let from = 0;
  for (;;) {
    const open = s.indexOf('{{', from);
    if (open < 0) return { tags };
    const close = s.indexOf('}}', open + 2);
    if (close < 0) return { tags, unclosed: open };
    const text = s.slice(open + 2, close);
    tags.push({ text, expression: text.startsWith('=') });
    from = close + 2;
  }
}

/** Argo's isParameter: the string holds a simple `{{a.b-c}}` tag. */
export function isParameter(s: string): boolean {
  return /\{\{[-a-zA-Z0-9]+(\.[-a-zA-Z0-9_]+)*\}\}/.test(s);
}

interface Visit {
  value: unknown;
  key: string | number | undefined;
  parent: Visit | undefined;
  depth: number;
}

function pathOf(base: Path, node: Visit): Path {
  const keys: (string | number)[] = [];
  for (let n: Visit | undefined = node; n && n.key !== undefined; n = n.parent) keys.push(n.key);
  return [...base, ...keys.reverse()];
}

/**
 * Every string in `value` (mapping keys too) with its path. Paths are built
 * only for strings that hold `{{` (from parent links, so a deep value costs
 * no path copies). `skip(key, depth)` leaves out a subtree by its key and its
 * depth under `value` (1 for its own fields).
 */
export function forEachString(
  value: unknown,
  path: Path,
  visit: (text: string, path: Path) => void,
  skip?: (key: string | number, depth: number, parentPath: () => Path) => boolean,
): void {
  const stack: Visit[] = [{ value, key: undefined, parent: undefined, depth: 0 }];
  while (stack.length > 0) {
    const node = stack.pop()!;
    const v = node.value;
    if (typeof v === 'string') {
      if (v.includes('{{')) visit(v, pathOf(path, node));
      continue;
    }
    const depth = node.depth + 1;
    const parentPath = () => pathOf(path, node);
    if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i--)
        if (!skip?.(i, depth, parentPath)) stack.push({ value: v[i], key: i, parent: node, depth });
    } else if (isObject(v)) {
      const keys = Object.keys(v);
      for (let i = keys.length - 1; i >= 0; i--) {
        const k = keys[i]!;
        if (skip?.(k, depth, parentPath)) continue;
        stack.push({ value: v[k], key: k, parent: node, depth });
        if (k.includes('{{')) visit(k, pathOf(path, { value: k, key: k, parent: node, depth }));
      }
    }
  }
}

const ROOTS = new Set(['inputs', 'steps', 'tasks', 'workflow', 'item', 'outputs', 'pod']);

/**
 * The variables an expression (the text after `{{=`) reads: chains such as
 * `tasks.a.outputs.result` or `steps['flip-coin'].outputs.result`, written
 * back in dotted form. Quoted strings are skipped.
 */
export function expressionReferences(expr: string): string[] {
  const refs: string[] = [];
  let i = 0;
  const ident = /[A-Za-z_][A-Za-z0-9_]*/y;
  const segment = /[A-Za-z0-9_]+/y;
  while (i < expr.length) {
    const c = expr[i]!;
    if (c === '"' || c === "'" || c === '`') {
      i = skipString(expr, i);
      continue;
    }
    ident.lastIndex = i;
    const m = /[A-Za-z_]/.test(c) && !/[.\w]/.test(expr[i - 1] ?? '') ? ident.exec(expr) : null;
    if (!m) {
      i++;
      continue;
    }
    i += m[0].length;
    if (!ROOTS.has(m[0])) continue;
    const parts = [m[0]];
    for (;;) {
      if (expr[i] === '.') {
        segment.lastIndex = i + 1;
        const next = segment.exec(expr);
        if (!next) break;
        parts.push(next[0]);
        i += 1 + next[0].length;
      } else if (expr[i] === '[' && (expr[i + 1] === '"' || expr[i + 1] === "'")) {
        const end = skipString(expr, i + 1);
        if (expr[end] !== ']') break;
        parts.push(expr.slice(i + 2, end - 1));
        i = end + 1;
      } else break;
    }
    if (parts.length > 1) refs.push(parts.join('.'));
  }
  return refs;
}

/** The offset just past the string literal opening at `i`. */
function skipString(s: string, i: number): number {
  const quote = s[i];
  let j = i + 1;
  while (j < s.length && s[j] !== quote) j += s[j] === '\\' ? 2 : 1;
  return j + 1;
}
