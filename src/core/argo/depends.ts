/**
 * Argo's enhanced `depends` expressions (docs/enhanced-depends-logic.md):
 * operands `task` or `task.Result`, operators `&&`, `||`, `!`, parentheses.
 * A bare `task` means `(task.Succeeded || task.Skipped || task.Daemoned)`.
 * Parsing gives an AST the editor can rewrite; printing gives back text.
 */

export const TASK_RESULTS = [
  'Succeeded',
  'Failed',
  'Errored',
  'Skipped',
  'Omitted',
  'Daemoned',
  'AnySucceeded',
  'AllFailed',
] as const;
export type TaskResult = (typeof TASK_RESULTS)[number];

/**
 * Levels of `(` and `!` an expression may nest. Argo's own parser (govaluate)
 * has no such limit, but no DAG needs more, and the limit keeps this
 * recursive-descent parser and every walk over its tree far from the end of
 * the call stack on hostile input.
 */
export const MAX_DEPENDS_DEPTH = 100;

export type DependsExpr =
  | { kind: 'ref'; task: string; result?: TaskResult }
  | { kind: 'not'; expr: DependsExpr }
  | { kind: 'and' | 'or'; items: DependsExpr[] };

export interface DependsParseError {
  message: string;
  /** 0-based offset in the expression. */
  offset: number;
}

type Token = { type: 'name' | 'op' | '(' | ')'; text: string; offset: number };

const NAME = /[a-zA-Z0-9][-a-zA-Z0-9]*(\.[a-zA-Z]+)?/y;

function tokenize(text: string): Token[] | DependsParseError {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (/\s/.test(c)) {
      i++;
    } else if (c === '(' || c === ')') {
      tokens.push({ type: c, text: c, offset: i++ });
    } else if (text.startsWith('&&', i) || text.startsWith('||', i)) {
      tokens.push({ type: 'op', text: text.slice(i, i + 2), offset: i });
      i += 2;
    } else if (c === '!') {
      tokens.push({ type: 'op', text: '!', offset: i++ });
    } else {
      // Sticky: matches at i without copying the rest of the text for every token.
      NAME.lastIndex = i;
      const match = NAME.exec(text);
      if (!match) return { message: `unexpected character '${c}'`, offset: i };
      tokens.push({ type: 'name', text: match[0], offset: i });
      i += match[0].length;
    }
  }
  return tokens;
}

/** Parses a depends expression; returns the AST or where it stops making sense. */
export function parseDepends(text: string): DependsExpr | DependsParseError {
  const tokenized = tokenize(text);
  if (!Array.isArray(tokenized)) return tokenized;
  const tokens: Token[] = tokenized;
  let pos = 0;
  const fail = (message: string): DependsParseError => ({
    message,
    offset: tokens[pos]?.offset ?? text.length,
  });

  // `depth` counts the `(` and `!` around the current token.
  function parseBinary(op: '||' | '&&', depth: number): DependsExpr | DependsParseError {
    const next = op === '||' ? () => parseBinary('&&', depth) : () => parseUnary(depth);
    const first = next();
    if ('message' in first) return first;
    const items = [first];
    while (tokens[pos]?.type === 'op' && tokens[pos]!.text === op) {
      pos++;
      const item = next();
      if ('message' in item) return item;
      items.push(item);
    }
    return items.length === 1 ? first : { kind: op === '||' ? 'or' : 'and', items };
  }

  function parseUnary(depth: number): DependsExpr | DependsParseError {
    const token = tokens[pos];
    if (!token) return fail('expression ends where a task name was expected');
    const opens = token.type === '(' || (token.type === 'op' && token.text === '!');
    if (opens && depth >= MAX_DEPENDS_DEPTH)
      return fail(`depends nests deeper than ${MAX_DEPENDS_DEPTH} levels`);
    if (token.type === 'op' && token.text === '!') {
      pos++;
      const expr = parseUnary(depth + 1);
      return 'message' in expr ? expr : { kind: 'not', expr };
    }
    if (token.type === '(') {
      pos++;
      const inner = parseBinary('||', depth + 1);
      if ('message' in inner) return inner;
      if (tokens[pos]?.type !== ')') return fail("missing ')'");
      pos++;
      return inner;
    }
    if (token.type === 'name') {
      pos++;
      const [task, result] = token.text.split('.') as [string, string | undefined];
      if (result === undefined) return { kind: 'ref', task };
      if (!(TASK_RESULTS as readonly string[]).includes(result))
        return {
          message: `unknown task result '.${result}' (expected one of ${TASK_RESULTS.join(', ')})`,
          offset: token.offset + task.length,
        };
      return { kind: 'ref', task, result: result as TaskResult };
    }
    return fail(`unexpected '${token.text}'`);
  }

  if (tokens.length === 0) return { message: 'expression is empty', offset: 0 };
  const expr = parseBinary('||', 0);
  if ('message' in expr) return expr;
  if (pos < tokens.length) return fail(`unexpected '${tokens[pos]!.text}'`);
  return expr;
}

export function isParseError(x: DependsExpr | DependsParseError): x is DependsParseError {
  return 'message' in x;
}

/** Prints an AST with the fewest parentheses that keep its meaning. */
export function printDepends(expr: DependsExpr): string {
  switch (expr.kind) {
    case 'ref':
      return expr.result ? `${expr.task}.${expr.result}` : expr.task;
    case 'not': {
      const inner = printDepends(expr.expr);
      return expr.expr.kind === 'and' || expr.expr.kind === 'or' ? `!(${inner})` : `!${inner}`;
    }
    case 'and':
      return expr.items
        .map((item) => (item.kind === 'or' ? `(${printDepends(item)})` : printDepends(item)))
        .join(' && ');
    case 'or':
      return expr.items.map(printDepends).join(' || ');
  }
}

/** Every task the expression names, in order of first appearance. */
export function dependsTasks(expr: DependsExpr): string[] {
  const seen = new Set<string>();
  const walk = (e: DependsExpr): void => {
    if (e.kind === 'ref') seen.add(e.task);
    else if (e.kind === 'not') walk(e.expr);
    else e.items.forEach(walk);
  };
  walk(expr);
  return [...seen];
}

/** The expression with every reference to `from` naming `to` instead. */
export function renameInDepends(expr: DependsExpr, from: string, to: string): DependsExpr {
  return mapDependsNames(expr, (name) => (name === from ? to : name));
}

/** The expression with every task name passed through `rename`. */
export function mapDependsNames(expr: DependsExpr, rename: (name: string) => string): DependsExpr {
  switch (expr.kind) {
    case 'ref': {
      const task = rename(expr.task);
      return task === expr.task ? expr : { ...expr, task };
    }
    case 'not':
      return { kind: 'not', expr: mapDependsNames(expr.expr, rename) };
    default:
      return { kind: expr.kind, items: expr.items.map((i) => mapDependsNames(i, rename)) };
  }
}

/**
 * The expression without any term that names `task`; undefined when nothing
 * is left. Removing an operand from `a && b` leaves `b`: the remaining
 * conditions keep their meaning.
 */
export function removeFromDepends(expr: DependsExpr, task: string): DependsExpr | undefined {
  switch (expr.kind) {
    case 'ref':
      return expr.task === task ? undefined : expr;
    case 'not': {
      const inner = removeFromDepends(expr.expr, task);
      return inner && { kind: 'not', expr: inner };
    }
    default: {
      const items = expr.items
        .map((i) => removeFromDepends(i, task))
        .filter((i): i is DependsExpr => i !== undefined);
      if (items.length === 0) return undefined;
      if (items.length === 1) return items[0];
      return { kind: expr.kind, items };
    }
  }
}

/** `expr && term`, flattening into an existing conjunction. */
export function andDepends(expr: DependsExpr | undefined, term: DependsExpr): DependsExpr {
  if (!expr) return term;
  if (expr.kind === 'and') return { kind: 'and', items: [...expr.items, term] };
  return { kind: 'and', items: [expr, term] };
}
