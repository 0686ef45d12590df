/**
 * List semantics of the Argo Server TEST DOUBLE (./argoServerDouble.ts), as
 * the real server inherits them from Kubernetes and its own list handlers:
 * - `listOptions.labelSelector`: Kubernetes selector syntax (`k=v`, `k==v`,
 *   `k!=v`, `k`, `!k`, `k in (a,b)`, `k notin (a,b)`, comma = and); a
 *   malformed one is 400 code 3 (labels.Parse);
 * - `listOptions.fieldSelector=metadata.name=<x>` with `nameFilter`
 *   Exact (default) | Prefix | Contains (swagger: WorkflowService_ListWorkflows);
 * - `listOptions.limit` / `listOptions.continue`: at most `limit` items and,
 *   when more remain, an opaque `metadata.continue` to pass back; a continue
 *   the server did not issue is 400 code 3;
 * - `fields`: keep only the listed paths, or drop the `-`-prefixed ones
 *   ("items.metadata.name,items.status.phase", "-items.status.nodes").
 * Archived workflows page with an integer offset, as
 * server/workflowarchive/archived_workflow_server.go does.
 */
import { Buffer } from 'node:buffer';

type Json = Record<string, unknown>;
type Labels = Record<string, string> | undefined;

export class ListError extends Error {}

type Requirement = (labels: Labels) => boolean;

/** A predicate for a Kubernetes label selector. */
export function labelSelector(text: string | null): (labels: Labels) => boolean {
  if (!text || !text.trim()) return () => true;
  const reqs: Requirement[] = [];
  // Commas inside `in (a,b)` do not separate requirements.
  const parts = text.match(/[^,(]+(\([^)]*\))?/g) ?? [];
  for (const raw of parts) {
    const part = raw.trim();
    if (!part) continue;
    let m: RegExpExecArray | null;
    const key = '([A-Za-z0-9][-A-Za-z0-9_./]*)';
    if ((m = new RegExp(`^!${key}$`).exec(part))) {
      const k = m[1]!;
      reqs.push((l) => l?.[k] === undefined);
    } else if ((m = new RegExp(`^${key}\\s*(==|=|!=)\\s*([-A-Za-z0-9_.]*)$`).exec(part))) {
      const [, k, op, v] = m as unknown as [string, string, string, string];
      reqs.push(op === '!=' ? (l) => l?.[k] !== v : (l) => l?.[k] === v);
    } else if ((m = new RegExp(`^${key}\\s+(in|notin)\\s*\\(([^)]*)\\)$`).exec(part))) {
      const [, k, op, list] = m as unknown as [string, string, string, string];
      const values = list.split(',').map((s) => s.trim());
      reqs.push(
        op === 'in'
          ? (l) => l?.[k] !== undefined && values.includes(l[k]!)
          : (l) => l?.[k] === undefined || !values.includes(l[k]!),
      );
    } else if ((m = new RegExp(`^${key}$`).exec(part))) {
      const k = m[1]!;
      reqs.push((l) => l?.[k] !== undefined);
    } else throw new ListError(`unable to parse requirement: ${part}`);
  }
  return (labels) => reqs.every((r) => r(labels));
}

/** `metadata.name=<x>` of a field selector, matched the `nameFilter` way. */
export function nameMatcher(
  fieldSelector: string | null,
  nameFilter: string | null,
): (name: string) => boolean {
  let wanted: string | undefined;
  for (const part of (fieldSelector ?? '').split(',')) {
    const m = /^\s*metadata\.name\s*==?\s*(.+?)\s*$/.exec(part);
    if (m) wanted = m[1];
  }
  if (wanted === undefined) return () => true;
  const w = wanted;
  if (nameFilter === 'Prefix') return (n) => n.startsWith(w);
  if (nameFilter === 'Contains') return (n) => n.includes(w);
  return (n) => n === w;
}

const encode = (at: number) =>
  Buffer.from(JSON.stringify({ v: 'double/v1', start: at })).toString('base64');

function decode(token: string): number {
  try {
    const parsed = JSON.parse(Buffer.from(token, 'base64').toString('utf8')) as Json;
    if (parsed.v === 'double/v1' && Number.isInteger(parsed.start) && (parsed.start as number) >= 0)
      return parsed.start as number;
  } catch {
    // not ours: below
  }
  throw new ListError('continue key is not valid: incorrect encoded start resourceVersion');
}

/** One page of `items` (Kubernetes paging, opaque continue). */
export function page<T>(items: T[], limitText: string | null, continueText: string | null) {
  const start = continueText ? decode(continueText) : 0;
  const limit = Number(limitText ?? 0);
  if (!Number.isInteger(limit) || limit < 0) throw new ListError(`invalid limit: ${limitText}`);
  const end = limit > 0 ? start + limit : items.length;
  return { items: items.slice(start, end), continue: end < items.length ? encode(end) : undefined };
}

/** One page of archived workflows: `continue` is the offset as a number. */
export function offsetPage<T>(items: T[], limitText: string | null, continueText: string | null) {
  const offset = Number(continueText || '0');
  if (!Number.isInteger(offset)) throw new ListError('listOptions.continue must be int');
  if (offset < 0) throw new ListError('listOptions.continue must >= 0');
  const limit = Number(limitText ?? 0);
  if (limit === 0) return { items: items.slice(offset), continue: undefined };
  const slice = items.slice(offset, offset + limit);
  return {
    items: slice,
    continue: offset + limit < items.length ? String(offset + limit) : undefined,
  };
}

function pick(value: unknown, paths: string[][]): unknown {
  if (paths.some((p) => p.length === 0)) return value;
  if (Array.isArray(value)) return value.map((v) => pick(v, paths));
  if (typeof value !== 'object' || value === null) return value;
  const out: Json = {};
  for (const [k, v] of Object.entries(value)) {
    const sub = paths.filter((p) => p[0] === k).map((p) => p.slice(1));
    if (sub.length > 0) out[k] = pick(v, sub);
  }
  return out;
}

function drop(value: unknown, path: string[]): void {
  if (Array.isArray(value)) return value.forEach((v) => drop(v, path));
  if (typeof value !== 'object' || value === null || path.length === 0) return;
  const [head, ...rest] = path as [string, ...string[]];
  if (rest.length === 0) delete (value as Json)[head];
  else drop((value as Json)[head], rest);
}

/** The `fields` parameter applied to a list reply (Argo's util/fields cleaner). */
export function cleanFields(reply: Json, fields: string | null): Json {
  if (!fields || !fields.trim()) return reply;
  const list = fields
    .split(',')
    .map((f) => f.trim())
    .filter(Boolean);
  const copy = structuredClone(reply);
  if (list.every((f) => f.startsWith('-'))) {
    for (const f of list) drop(copy, f.slice(1).split('.'));
    return copy;
  }
  return pick(
    copy,
    list.filter((f) => !f.startsWith('-')).map((f) => f.split('.')),
  ) as Json;
}
