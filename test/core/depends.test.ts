// Argo's enhanced `depends` expressions: parse, print, rewrite.
// A bare `a` means `(a.Succeeded || a.Skipped || a.Daemoned)`; `&&` binds
// tighter than `||`; `!` binds tightest (docs/enhanced-depends-logic.md).
import { describe, expect, it } from 'vitest';
import {
  andDepends,
  dependsTasks,
  isParseError,
  MAX_DEPENDS_DEPTH,
  parseDepends,
  printDepends,
  removeFromDepends,
  renameInDepends,
  type DependsExpr,
} from '../../src/core/argo/depends';

/** Parses or fails the test with the parser's message. */
function parse(text: string): DependsExpr {
  const parsed = parseDepends(text);
  if (isParseError(parsed)) throw new Error(`'${text}' did not parse: ${parsed.message}`);
  return parsed;
}

const ref = (task: string, result?: string): DependsExpr =>
  (result ? { kind: 'ref', task, result } : { kind: 'ref', task }) as DependsExpr;
const and = (...items: DependsExpr[]): DependsExpr => ({ kind: 'and', items });
const or = (...items: DependsExpr[]): DependsExpr => ({ kind: 'or', items });
const not = (expr: DependsExpr): DependsExpr => ({ kind: 'not', expr });

describe('parseDepends / printDepends', () => {
  it.each([
    ['a', ref('a')],
    ['a.Succeeded', ref('a', 'Succeeded')],
    ['a && b', and(ref('a'), ref('b'))],
    ['(a || b) && !c.Failed', and(or(ref('a'), ref('b')), not(ref('c', 'Failed')))],
    ['A.AnySucceeded', ref('A', 'AnySucceeded')],
    ['extract-data.AllFailed || B', or(ref('extract-data', 'AllFailed'), ref('B'))],
    ['!(a && b)', not(and(ref('a'), ref('b')))],
  ])('%s round-trips', (text, ast) => {
    const parsed = parse(text);
    expect(parsed).toEqual(ast);
    expect(printDepends(parsed)).toBe(text);
  });

  it.each([
    // `&&` binds tighter than `||`
    ['a || b && c', or(ref('a'), and(ref('b'), ref('c'))), 'a || b && c'],
    ['a && b || c', or(and(ref('a'), ref('b')), ref('c')), 'a && b || c'],
    ['!a && b', and(not(ref('a')), ref('b')), '!a && b'],
    // redundant parentheses and spacing are normalised away
    ['((a))&&(b)', and(ref('a'), ref('b')), 'a && b'],
    ['a&&b||c.Failed', or(and(ref('a'), ref('b')), ref('c', 'Failed')), 'a && b || c.Failed'],
    // parentheses that change the meaning are kept
    ['a && (b || c)', and(ref('a'), or(ref('b'), ref('c'))), 'a && (b || c)'],
  ])('precedence: %s', (text, ast, printed) => {
    const parsed = parse(text);
    expect(parsed).toEqual(ast);
    expect(printDepends(parsed)).toBe(printed);
    // the printed form means the same thing
    expect(parse(printed)).toEqual(ast);
  });

  it.each([
    // text, offset (0-based), message fragment
    ['a &&', 4, 'expression ends where a task name was expected'],
    ['(a', 2, "missing ')'"],
    ['a.Bogus', 1, "unknown task result '.Bogus'"],
    ['&& a', 0, "unexpected '&&'"],
    ['', 0, 'expression is empty'],
    ['   ', 0, 'expression is empty'],
    ['a $ b', 2, "unexpected character '$'"],
    ['a b', 2, "unexpected 'b'"],
    ['a && (b || c', 12, "missing ')'"],
    ['a )', 2, "unexpected ')'"],
  ])('%j is an error at offset %i', (text, offset, message) => {
    const parsed = parseDepends(text);
    expect(isParseError(parsed)).toBe(true);
    expect(parsed).toMatchObject({ offset });
    expect((parsed as { message: string }).message).toContain(message);
  });
});

describe('nesting depth (hostile input, issue 8)', () => {
  const parens = (n: number, inner = 'a'): string => `${'('.repeat(n)}${inner}${')'.repeat(n)}`;

  it.each([
    ['parentheses', parens(MAX_DEPENDS_DEPTH), parens(MAX_DEPENDS_DEPTH + 1)],
    ['negations', `${'!'.repeat(MAX_DEPENDS_DEPTH)}a`, `${'!'.repeat(MAX_DEPENDS_DEPTH + 1)}a`],
    [
      'mixed',
      `${'a && !('.repeat(MAX_DEPENDS_DEPTH / 2)}b${')'.repeat(MAX_DEPENDS_DEPTH / 2)}`,
      `${'a && !('.repeat(MAX_DEPENDS_DEPTH / 2 + 1)}b${')'.repeat(MAX_DEPENDS_DEPTH / 2 + 1)}`,
    ],
  ])(
    '%s: %i levels parse, one more is an error where the nesting goes too deep',
    (_l, ok, deep) => {
      const parsed = parseDepends(ok);
      expect(isParseError(parsed)).toBe(false);
      expect(dependsTasks(parsed as DependsExpr)).toContain('a');
      expect(parseDepends(printDepends(parsed as DependsExpr))).toEqual(parsed);
      const tooDeep = parseDepends(deep);
      expect(tooDeep).toMatchObject({
        message: `depends nests deeper than ${MAX_DEPENDS_DEPTH} levels`,
      });
      // the offset is the operator that opens the level past the limit
      const { offset } = tooDeep as { offset: number };
      expect(['(', '!']).toContain(deep[offset]);
    },
  );

  it.each([10_000, 100_000])('%i levels end in an error, not a stack overflow', (n) => {
    expect(parseDepends(parens(n))).toMatchObject({ message: expect.stringMatching(/deeper/) });
    expect(parseDepends(`${'!'.repeat(n)}a`)).toMatchObject({
      message: expect.stringMatching(/deeper/),
    });
    expect(parseDepends('('.repeat(n))).toMatchObject({ message: expect.stringMatching(/deeper/) });
  });

  it('a long flat chain is not nesting: 50,000 terms parse', () => {
    const names = Array.from({ length: 50_000 }, (_, i) => `t${i}`);
    const parsed = parseDepends(names.join(' && '));
    expect(isParseError(parsed)).toBe(false);
    expect(dependsTasks(parsed as DependsExpr)).toHaveLength(50_000);
  });
});

describe('dependsTasks', () => {
  it.each([
    ['a', ['a']],
    ['a.Failed || b && !c', ['a', 'b', 'c']],
    ['a.Succeeded || a.Failed || b', ['a', 'b']],
    ['(x || y) && !(z.Errored)', ['x', 'y', 'z']],
  ])('%s names %j', (text, tasks) => {
    expect(dependsTasks(parse(text))).toEqual(tasks);
  });
});

describe('renameInDepends', () => {
  it.each([
    ['a', 'a', 'z', 'z'],
    ['a.Failed || b', 'a', 'z', 'z.Failed || b'],
    // `a-b` is a different task: renaming `a` leaves it alone
    ['a && a-b', 'a', 'z', 'z && a-b'],
    ['a-b && a', 'a', 'z', 'a-b && z'],
    ['a-b.Succeeded', 'a', 'z', 'a-b.Succeeded'],
    ['!(a || c) && a.Skipped', 'a', 'z', '!(z || c) && z.Skipped'],
    ['b', 'a', 'z', 'b'],
  ])('%s: %s -> %s gives %s', (text, from, to, expected) => {
    expect(printDepends(renameInDepends(parse(text), from, to))).toBe(expected);
  });
});

describe('removeFromDepends', () => {
  it.each([
    ['a && b', 'a', 'b'],
    ['a && b', 'b', 'a'],
    ['a', 'a', undefined],
    ['!(a)', 'a', undefined],
    ['a.Failed || a.Errored', 'a', undefined],
    ['a || b && c', 'b', 'a || c'],
    ['(a || b) && c', 'a', 'b && c'],
    ['(a || b) && !(a && d)', 'a', 'b && !d'],
    ['(a && (b || (c && a))) || d', 'a', 'b || c || d'],
    ['x && y', 'a', 'x && y'],
  ])('%s minus %s is %s', (text, task, expected) => {
    const rest = removeFromDepends(parse(text), task);
    expect(rest === undefined ? undefined : printDepends(rest)).toBe(expected);
  });
});

describe('andDepends', () => {
  it.each([
    [undefined, 'c', 'c', ref('c')],
    ['a', 'b', 'a && b', and(ref('a'), ref('b'))],
    // an existing conjunction is extended, not nested
    ['a && b', 'c', 'a && b && c', and(ref('a'), ref('b'), ref('c'))],
    // a disjunction is parenthesised
    ['a || b', 'c.Failed', '(a || b) && c.Failed', and(or(ref('a'), ref('b')), ref('c', 'Failed'))],
  ])('%s AND %s = %s', (before, term, printed, ast) => {
    const joined = andDepends(before === undefined ? undefined : parse(before), parse(term));
    expect(printDepends(joined)).toBe(printed);
    expect(joined).toEqual(ast);
  });
});
