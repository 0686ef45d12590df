/**
 * The values and operators of the `when` languages (expression.ts): equality
 * as govaluate's reflect.DeepEqual (a number is not its text), ordering of
 * numbers or of strings, `=~` / `matches` as Go's regexp (the JavaScript one,
 * close enough for the patterns `when` uses), `+` that joins text, and the few
 * functions of Argo's expr environment the simulator knows.
 */

export type Value = string | number | boolean | null | Value[] | { [key: string]: Value };

/** Why an expression failed; `unknown`: the simulator cannot tell, Argo might. */

export class Failure extends Error {
  constructor(
    message: string,
    readonly unknown = false,
  ) {
    super(message);
  }
}

export const show = (v: Value): string => (typeof v === 'string' ? `'${v}'` : JSON.stringify(v));

export function truthy(v: Value, op: string): boolean {
  if (typeof v !== 'boolean') throw new Failure(`'${op}' needs a boolean, not ${show(v)}`);
  return v;
}

function toNumber(v: Value): number | undefined {
  return typeof v === 'number' ? v : undefined;
}

function equal(a: Value, b: Value): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  return JSON.stringify(a) === JSON.stringify(b);
}

export function compareValues(a: Value, op: string, b: Value): Value {
  switch (op) {
    case '==':
      return equal(a, b);
    case '!=':
      return !equal(a, b);
    case '=~':
    case '!~':
    case 'matches': {
      if (typeof a !== 'string' || typeof b !== 'string')
        throw new Failure(`'${op}' compares text, not ${show(a)} and ${show(b)}`);
      let re: RegExp;
      try {
        re = new RegExp(b);
      } catch {
        throw new Failure(`'${b}' is not a regular expression`);
      }
      return op === '!~' ? !re.test(a) : re.test(a);
    }
    case 'in':
      if (Array.isArray(b)) return b.some((x) => equal(x, a));
      if (b && typeof b === 'object' && typeof a === 'string') return a in b;
      throw new Failure(`'in' needs a list, not ${show(b)}`);
    default: {
      const [x, y] = [toNumber(a), toNumber(b)];
      if (x !== undefined && y !== undefined) return order(x, op, y);
      if (typeof a === 'string' && typeof b === 'string') return order(a, op, b);
      throw new Failure(`'${op}' cannot compare ${show(a)} and ${show(b)}`);
    }
  }
}

function order<T extends number | string>(a: T, op: string, b: T): boolean {
  if (op === '<') return a < b;
  if (op === '>') return a > b;
  if (op === '<=') return a <= b;
  return a >= b;
}

export function add(a: Value, b: Value): Value {
  if (typeof a === 'number' && typeof b === 'number') return a + b;
  if (typeof a === 'string' || typeof b === 'string') return `${text(a)}${text(b)}`;
  throw new Failure(`'+' cannot add ${show(a)} and ${show(b)}`);
}

export function arith(a: Value, op: string, b: Value): Value {
  if (typeof a !== 'number' || typeof b !== 'number')
    throw new Failure(`'${op}' needs numbers, not ${show(a)} and ${show(b)}`);
  if (op === '-') return a - b;
  if (op === '*') return a * b;
  if (op === '/') return a / b;
  return a % b;
}

/** A value as Argo prints it into a template string. */
export function text(v: Value): string {
  if (typeof v === 'string') return v;
  if (v === null) return '';
  return typeof v === 'object' ? JSON.stringify(v) : String(v);
}

export const FUNCTIONS: Record<string, (args: Value[]) => Value> = {
  asInt: ([v]) => {
    const n = Number(v);
    if (!Number.isInteger(n)) throw new Failure(`asInt: ${show(v ?? null)} is not an integer`);
    return n;
  },
  asFloat: ([v]) => {
    const n = Number(v);
    if (Number.isNaN(n)) throw new Failure(`asFloat: ${show(v ?? null)} is not a number`);
    return n;
  },
  int: ([v]) => Math.trunc(Number(v)),
  float: ([v]) => Number(v),
  string: ([v]) => text(v ?? null),
  lower: ([v]) => text(v ?? null).toLowerCase(),
  upper: ([v]) => text(v ?? null).toUpperCase(),
  len: ([v]) => (typeof v === 'string' || Array.isArray(v) ? v.length : 0),
};
