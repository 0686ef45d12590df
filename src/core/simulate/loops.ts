/**
 * Loops over literal values: `withItems`, `withSequence`, and `withParam`
 * once its text is a JSON list (after substitution). Each item becomes one
 * node named as Argo names it (`B(0:foo)`, maps as `B(0:a:1,b:2)` with keys
 * sorted: workflow/controller `processItem`), with `{{item}}` /
 * `{{item.key}}` in scope.
 */
import { isObject } from '../model/types';
import { substitute, type Scope } from './substitute';

export interface LoopItem {
  /** `name(i:value)`. */
  name: string;
  /** What `{{item}}` and `{{item.key}}` read. */
  scope: Map<string, string>;
}

export type Expansion =
  | { kind: 'none' }
  | { kind: 'items'; items: LoopItem[] }
  | { kind: 'error'; message: string }
  /** withParam whose text is not known here (an output nobody set). */
  | { kind: 'unknown'; message: string };

const str = (v: unknown): string =>
  typeof v === 'string' ? v : v === null || v === undefined ? '' : JSON.stringify(v);

function itemLabel(item: unknown): string {
  if (Array.isArray(item)) return JSON.stringify(item);
  if (isObject(item))
    return Object.entries(item)
      .map(([k, v]) => `${k}:${str(v)}`)
      .sort()
      .join(',');
  return str(item);
}

function loopItem(name: string, index: number, item: unknown): LoopItem {
  const scope = new Map<string, string>([['item', str(item)]]);
  if (isObject(item)) for (const [k, v] of Object.entries(item)) scope.set(`item.${k}`, str(v));
  return { name: `${name}(${index}:${itemLabel(item)})`, scope };
}

/** `%d`, `%02d`, `%x`, `%02X`, `%o`, `%s` as Go's fmt prints one integer. */
export function formatSequence(format: string, n: number): string {
  return format.replace(/%(-)?(0)?(\d+)?([dxXos%])/g, (_m, left, zero, width, verb: string) => {
    if (verb === '%') return '%';
    const abs = Math.abs(n);
    let digits =
      verb === 'x'
        ? abs.toString(16)
        : verb === 'X'
          ? abs.toString(16).toUpperCase()
          : verb === 'o'
            ? abs.toString(8)
            : String(abs);
    const sign = n < 0 ? '-' : '';
    const w = width ? Number(width) : 0;
    if (zero && !left) digits = digits.padStart(w - sign.length, '0');
    const out = sign + digits;
    return left ? out.padEnd(w) : out.padStart(w);
  });
}

function sequence(seq: Record<string, unknown>, scope: Scope): string[] | string {
  const num = (v: unknown, what: string): number | string | undefined => {
    if (v === undefined || v === null || v === '') return undefined;
    const t = substitute(String(v), scope).text;
    const n = Number(t);
    return Number.isInteger(n) ? n : `failed to parse sequence ${what}: '${t}'`;
  };
  const start = num(seq.start, 'start') ?? 0;
  const count = num(seq.count, 'count');
  const end = num(seq.end, 'end');
  for (const v of [start, count, end]) if (typeof v === 'string') return v;
  if (count !== undefined && end !== undefined)
    return 'only one of count or end can be defined in withSequence';
  const s = start as number;
  let values: number[];
  if (end !== undefined) {
    const e = end as number;
    const step = e >= s ? 1 : -1;
    values = Array.from({ length: Math.abs(e - s) + 1 }, (_, i) => s + i * step);
  } else if (count !== undefined) {
    values = Array.from({ length: Math.max(0, count as number) }, (_, i) => s + i);
  } else return 'either count or end must be defined in withSequence';
  const format = typeof seq.format === 'string' ? seq.format : '%d';
  return values.map((n) => formatSequence(format, n));
}

/**
 * The items of a task or step (already substituted, except `{{item}}`).
 * Loops over more than `limit` items are cut, with a message.
 */
export function expandLoop(
  name: string,
  holder: Record<string, unknown>,
  scope: Scope,
  limit = 1000,
): Expansion {
  let items: unknown[];
  if (Array.isArray(holder.withItems)) {
    items = holder.withItems;
  } else if (typeof holder.withParam === 'string') {
    const r = substitute(holder.withParam, scope);
    if (r.unresolved.length > 0)
      return { kind: 'unknown', message: `withParam needs ${r.unresolved.join(', ')}` };
    let parsed: unknown;
    try {
      parsed = JSON.parse(r.text);
    } catch {
      parsed = undefined;
    }
    if (!Array.isArray(parsed))
      return {
        kind: 'error',
        message: `withParam value could not be parsed as a JSON list: ${r.text.trim()}`,
      };
    items = parsed;
  } else if (isObject(holder.withSequence)) {
    const seq = sequence(holder.withSequence, scope);
    if (typeof seq === 'string') return { kind: 'error', message: seq };
    items = seq;
  } else return { kind: 'none' };
  return { kind: 'items', items: items.slice(0, limit).map((it, i) => loopItem(name, i, it)) };
}
