/**
 * The two expression languages Argo evaluates in `when` conditions, over
 * literal values:
 * - govaluate, after `{{...}}` substitution (workflow/controller steps.go
 *   `shouldExecute`): bare words are strings, so `heads == heads` is true and
 *   `{{workflow.status}} != Succeeded` compares two strings; `true`/`false`
 *   are booleans; numbers compare as numbers; `=~` / `!~` match a regex.
 * - a subset of expr-lang for the `{{= ... }}` form: names are variables
 *   (`inputs.parameters['x']`, `workflow.status`), `and`/`or`/`not`, `in`,
 *   `matches`, `?:`, `??`, and a few of Argo's functions (asInt, asFloat,
 *   string, lower, upper). Anything else is reported as unknown, never guessed.
 * Errors are Argo's too (a `&&` on a string fails the task); `unknown` means
 * the simulator cannot tell without a cluster.
 */

import {
  add,
  arith,
  compareValues,
  Failure,
  FUNCTIONS,
  show,
  text,
  truthy,
  type Value,
} from './operators';

export { text, type Value };

export type Evaluated =
  { ok: true; value: Value } | { ok: false; error: string; unknown?: boolean };

type Tok = { t: 'num' | 'str' | 'name' | 'op'; v: string; at: number };

const OPS = [
  '&&',
  '||',
  '==',
  '!=',
  '>=',
  '<=',
  '=~',
  '!~',
  '??',
  '>',
  '<',
  '!',
  '(',
  ')',
  '[',
  ']',
  ',',
  '+',
  '-',
  '*',
  '/',
  '%',
  '?',
  ':',
  '.',
];

function tokenize(text: string, govaluate: boolean): Tok[] {
  const out: Tok[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    const num = /^\d+(\.\d+)?/.exec(text.slice(i));
    if (num) {
      out.push({ t: 'num', v: num[0], at: i });
      i += num[0].length;
      continue;
    }
    if (c === "'" || c === '"' || (!govaluate && c === '`')) {
      let j = i + 1;
      let s = '';
      while (j < text.length && text[j] !== c) {
        if (text[j] === '\\' && j + 1 < text.length) j++;
        s += text[j++];
      }
      if (j >= text.length) throw new Failure(`unclosed quote at ${i + 1}`);
      out.push({ t: 'str', v: s, at: i });
      i = j + 1;
      continue;
    }
    // govaluate reads dots into a name (an accessor); expr-lang reads them as member access.
    const name = (govaluate ? /^[A-Za-z_][\w.]*/ : /^[A-Za-z_$][\w$]*/).exec(text.slice(i));
    if (name) {
      out.push({ t: 'name', v: name[0], at: i });
      i += name[0].length;
      continue;
    }
    const op = OPS.find((o) => text.startsWith(o, i));
    if (!op) throw new Failure(`unexpected '${c}' at ${i + 1}`);
    out.push({ t: 'op', v: op, at: i });
    i += op.length;
  }
  return out;
}

type Lookup = (path: (string | number)[]) => Value | undefined;

interface Mode {
  govaluate: boolean;
  lookup: Lookup;
}

/** A small Pratt parser that evaluates as it parses (no short-circuit needed: values are literal). */
class Evaluator {
  private pos = 0;
  /** Above 0 while parsing an operand whose value is not used (short-circuit): nothing fails there. */
  private silent = 0;
  constructor(
    private readonly toks: Tok[],
    private readonly mode: Mode,
  ) {}

  run(): Value {
    if (this.toks.length === 0) throw new Failure('expression is empty');
    const v = this.ternary();
    const rest = this.toks[this.pos];
    if (rest) throw new Failure(`unexpected '${rest.v}' at ${rest.at + 1}`);
    return v;
  }

  private peek(): Tok | undefined {
    return this.toks[this.pos];
  }
  private isOp(v: string): boolean {
    const t = this.peek();
    return !!t && (t.t === 'op' || (t.t === 'name' && !this.mode.govaluate)) && t.v === v;
  }
  private take(v: string): boolean {
    if (!this.isOp(v)) return false;
    this.pos++;
    return true;
  }
  private expect(v: string): void {
    if (!this.take(v)) throw new Failure(`expected '${v}'`);
  }

  /** Runs an operation; while silent, a failure gives null instead. */
  private op(f: () => Value): Value {
    if (this.silent === 0) return f();
    try {
      return f();
    } catch (e) {
      if (e instanceof Failure) return null;
      throw e;
    }
  }
  /** Parses an operand whose value is not needed. */
  private skip(parse: () => Value): void {
    this.silent++;
    try {
      parse();
    } finally {
      this.silent--;
    }
  }

  private ternary(): Value {
    const cond = this.nullish();
    if (!this.take('?')) return cond;
    const yes = this.op(() => truthy(cond, '?'));
    let v: Value = null;
    if (yes) v = this.ternary();
    else this.skip(() => this.ternary());
    this.expect(':');
    if (yes) this.skip(() => this.ternary());
    else v = this.ternary();
    return v;
  }
  private nullish(): Value {
    let v = this.or();
    while (this.take('??')) {
      if (v === null) v = this.or();
      else this.skip(() => this.or());
    }
    return v;
  }
  private or(): Value {
    let v = this.and();
    while (this.take('||') || (!this.mode.govaluate && this.take('or'))) {
      const left = this.op(() => truthy(v, '||'));
      if (left === true && !this.mode.govaluate) this.skip(() => this.and());
      else {
        const r = this.and();
        v = this.op(() => (left as boolean) || truthy(r, '||'));
      }
    }
    return v;
  }
  private and(): Value {
    let v = this.compare();
    while (this.take('&&') || (!this.mode.govaluate && this.take('and'))) {
      const left = this.op(() => truthy(v, '&&'));
      if (left === false && !this.mode.govaluate) this.skip(() => this.compare());
      else {
        const r = this.compare();
        v = this.op(() => (left as boolean) && truthy(r, '&&'));
      }
    }
    return v;
  }
  private compare(): Value {
    let v = this.additive();
    for (;;) {
      const t = this.peek();
      const word = t?.t === 'name' && ['in', 'matches'].includes(t.v);
      if (!t || (t.t !== 'op' && !word)) return v;
      if (!['==', '!=', '<', '>', '<=', '>=', '=~', '!~', 'in', 'matches'].includes(t.v)) return v;
      this.pos++;
      const left = v;
      const right = this.additive();
      v = this.op(() => compareValues(left, t.v, right));
    }
  }
  private additive(): Value {
    let v = this.multiplicative();
    for (;;) {
      const left = v;
      if (this.take('+')) {
        const r = this.multiplicative();
        v = this.op(() => add(left, r));
      } else if (this.take('-')) {
        const r = this.multiplicative();
        v = this.op(() => arith(left, '-', r));
      } else return v;
    }
  }
  private multiplicative(): Value {
    let v = this.unary();
    for (;;) {
      const op = ['*', '/', '%'].find((o) => this.isOp(o));
      if (!op) return v;
      this.pos++;
      const left = v;
      const r = this.unary();
      v = this.op(() => arith(left, op, r));
    }
  }
  private unary(): Value {
    if (this.take('!') || (!this.mode.govaluate && this.take('not'))) {
      const v = this.unary();
      return this.op(() => !truthy(v, '!'));
    }
    if (this.take('-')) {
      const v = this.unary();
      return this.op(() => arith(0, '-', v));
    }
    return this.postfix();
  }
  private postfix(): Value {
    const t = this.peek();
    if (t?.t === 'name' && !this.mode.govaluate && !isKeyword(t.v)) {
      this.pos++;
      if (this.isOp('(')) return this.call(t.v);
      const path: (string | number)[] = [t.v];
      for (;;) {
        if (this.take('.')) {
          const n = this.peek();
          if (n?.t !== 'name') throw new Failure("expected a name after '.'");
          this.pos++;
          path.push(n.v);
        } else if (this.take('[')) {
          const key = this.ternary();
          this.expect(']');
          if (typeof key !== 'string' && typeof key !== 'number') {
            if (this.silent > 0) continue;
            throw new Failure(`cannot index with ${show(key)}`);
          }
          path.push(key);
        } else break;
      }
      const v = this.mode.lookup(path);
      if (v !== undefined) return v;
      if (this.silent > 0) return null;
      throw new Failure(`'${path.join('.')}' has no value here`, true);
    }
    return this.primary();
  }
  private call(name: string): Value {
    this.expect('(');
    const args: Value[] = [];
    if (!this.take(')')) {
      do args.push(this.ternary());
      while (this.take(','));
      this.expect(')');
    }
    const fn = FUNCTIONS[name];
    if (!fn) {
      if (this.silent > 0) return null;
      throw new Failure(`function ${name}() is not simulated`, true);
    }
    return this.op(() => fn(args));
  }
  private primary(): Value {
    const t = this.peek();
    if (!t) throw new Failure('expression ends too early');
    this.pos++;
    if (t.t === 'num') return Number(t.v);
    if (t.t === 'str') return t.v;
    if (t.t === 'name') {
      if (t.v === 'true') return true;
      if (t.v === 'false') return false;
      if (!this.mode.govaluate && (t.v === 'nil' || t.v === 'null')) return null;
      // Argo turns govaluate's variables into strings: `foo != bar` compares two words.
      return t.v;
    }
    if (t.v === '(') {
      const v = this.ternary();
      this.expect(')');
      return v;
    }
    if (t.v === '[' && !this.mode.govaluate) {
      const items: Value[] = [];
      if (!this.take(']')) {
        do items.push(this.ternary());
        while (this.take(','));
        this.expect(']');
      }
      return items;
    }
    throw new Failure(`unexpected '${t.v}' at ${t.at + 1}`);
  }
}

const isKeyword = (w: string) =>
  ['true', 'false', 'nil', 'null', 'and', 'or', 'not', 'in', 'matches'].includes(w);

function evaluate(text: string, mode: Mode): Evaluated {
  try {
    return { ok: true, value: new Evaluator(tokenize(text, mode.govaluate), mode).run() };
  } catch (e) {
    if (e instanceof Failure)
      return { ok: false, error: e.message, unknown: e.unknown || undefined };
    throw e;
  }
}

/** Evaluates substituted `when` text as govaluate does for Argo (bare words are strings). */
export function evaluateGovaluate(text: string): Evaluated {
  return evaluate(text, { govaluate: true, lookup: () => undefined });
}

/** Evaluates an expr-lang expression (`{{= ...}}`) with variables from `lookup`. */
export function evaluateExpr(text: string, lookup: Lookup): Evaluated {
  return evaluate(text, { govaluate: false, lookup });
}

/** A `when` after substitution: true, false, or why it cannot be decided. */
export function whenResult(substituted: string): { value: boolean } | { error: string } {
  if (substituted.trim() === '') return { value: true };
  const r = evaluateGovaluate(substituted);
  if (!r.ok) return { error: r.error };
  if (typeof r.value !== 'boolean')
    return { error: `Expected boolean evaluation for '${substituted}'. Got ${show(r.value)}` };
  return { value: r.value };
}
