// Per-edge results and AND/OR composition of `depends`: every result written
// and read back, custom expressions left alone, text edits validated, and the
// output valid Argo that survives export and reopen.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  createPipeline,
  exportDocument,
  findTask,
  openDocuments,
  templates,
  validate,
  withTemplates,
  compile,
  type Pipeline,
  type Task,
} from '../../src/core';
import {
  EDGE_RESULTS,
  dependsMode,
  dependsText,
  edgeLabels,
  edgeResult,
  setDependsMode,
  setDependsText,
  setEdgeResult,
  type EdgeResult,
} from '../../src/core/model/edgeResults';
import { graphIndex } from '../../src/core/graph/graphIndex';
import { validateManifest } from '../support/argoSchema';
import { hasShared } from '../support/sharedData';
import { TIMEOUT } from '../support/timeouts';
import { scopeTasks } from '../../src/core/model/scope';
import { withTasks } from '../support/scope';

function dagOf(tasks: Task[]): Pipeline {
  const p = createPipeline({ name: 'wf' });
  const echo = { name: 'echo', container: { image: 'alpine:3.20' } };
  return withTasks(withTemplates(p, [...templates(p), echo]), tasks);
}

const t = (name: string, fields: Partial<Task> = {}): Task => ({
  name,
  template: 'echo',
  ...fields,
});

const dependsOf = (p: Pipeline, name: string) => findTask(p, name)?.depends;

//   a ──> c <── b
const fanIn = (depends: string) => dagOf([t('a'), t('b'), t('c', { depends })]);

// The term each result writes for edge a -> c, alone and beside `b`.
const TERMS: [EdgeResult, string][] = [
  ['Succeeded', 'a'],
  ['Failed', 'a.Failed'],
  ['Errored', 'a.Errored'],
  ['Skipped', 'a.Skipped'],
  ['Completed', 'a.Succeeded || a.Failed || a.Errored'],
  ['Daemoned', 'a.Daemoned'],
  ['Any', 'a.Succeeded || a.Failed || a.Errored || a.Skipped || a.Omitted || a.Daemoned'],
];

describe('setEdgeResult / edgeResult', () => {
  it('covers every edge result', () => {
    expect(TERMS.map(([r]) => r)).toEqual([...EDGE_RESULTS]);
  });

  it.each(TERMS)('writes and reads back %s as the only upstream', (result, term) => {
    const from = result === 'Succeeded' ? 'a.Failed' : 'a';
    const p = setEdgeResult(fanIn(from), 'a', 'c', result);
    expect(dependsOf(p, 'c')).toBe(term);
    expect(edgeResult(findTask(p, 'c')!, 'a')).toBe(result);
    expect(validate(p)).toEqual([]);
  });

  it.each(TERMS)('rewrites only the a term of `a && b` for %s', (result, term) => {
    const p = setEdgeResult(fanIn('a.Failed && b'), 'a', 'c', result);
    const expected = term.includes('||') ? `(${term}) && b` : `${term} && b`;
    expect(dependsOf(p, 'c')).toBe(result === 'Failed' ? 'a.Failed && b' : expected);
    expect(edgeResult(findTask(p, 'c')!, 'a')).toBe(result);
    expect(edgeResult(findTask(p, 'c')!, 'b')).toBe('Succeeded');
    expect(dependsMode(findTask(p, 'c')!)).toBe('and');
  });

  it.each(TERMS)('rewrites only the a term of `b || a.Failed` for %s', (result) => {
    const p = setEdgeResult(fanIn('b || a.Failed'), 'a', 'c', result);
    const task = findTask(p, 'c')!;
    expect(edgeResult(task, 'a')).toBe(result);
    expect(edgeResult(task, 'b')).toBe('Succeeded');
    expect(dependsMode(task)).toBe('or');
  });

  it.each<[string, string, EdgeResult | 'custom' | undefined]>([
    ['bare name (Argo default)', 'a', 'Succeeded'],
    ['explicit .Succeeded (kept as written)', 'a.Succeeded', 'Succeeded'],
    [
      'default spelled out, any order',
      '(a.Daemoned || a.Succeeded || a.Skipped) && b',
      'Succeeded',
    ],
    ['Completed in another order', 'a.Errored || a.Succeeded || a.Failed', 'Completed'],
    ['Completed spread through an OR', 'a.Failed || b || a.Succeeded || a.Errored', 'Completed'],
    ['negated', '!a.Failed && b', 'custom'],
    ['named twice', '(a.Failed && b) || a.Errored', 'custom'],
    ['a result that is not an edge result', 'a.Omitted', 'custom'],
    ['withItems result', 'a.AnySucceeded', 'custom'],
    ['a partial set', 'a.Succeeded || a.Failed', 'custom'],
    ['text that does not parse', 'a &&', 'custom'],
    ['not a dependency', 'b', undefined],
  ])('reads %s', (_label, depends, expected) => {
    expect(edgeResult(t('c', { depends }), 'a')).toBe(expected);
  });

  it('reads a dependencies list as the default', () => {
    expect(edgeResult(t('c', { dependencies: ['a', 'b'] }), 'b')).toBe('Succeeded');
    expect(edgeResult(t('c', { dependencies: ['a'] }), 'b')).toBeUndefined();
  });

  it.each(['!a.Failed && b', '(a.Failed && b) || a.Errored', 'a.Omitted', 'a &&'])(
    'leaves the custom expression %s alone',
    (depends) => {
      const p = fanIn(depends);
      expect(setEdgeResult(p, 'a', 'c', 'Failed')).toBe(p);
    },
  );

  it('returns the same pipeline when nothing changes', () => {
    const p = fanIn('a.Succeeded && b');
    expect(setEdgeResult(p, 'a', 'c', 'Succeeded')).toBe(p);
    expect(setEdgeResult(p, 'x', 'c', 'Failed')).toBe(p);
    expect(setEdgeResult(p, 'a', 'x', 'Failed')).toBe(p);
  });

  it('rewrites a term nested in a custom-mode expression', () => {
    // (a || b) && x: a's term is one place, so it can be rewritten in place.
    const p = dagOf([t('a'), t('b'), t('x'), t('c', { depends: '(a || b) && x' })]);
    expect(dependsOf(setEdgeResult(p, 'a', 'c', 'Failed'), 'c')).toBe('(a.Failed || b) && x');
  });

  it('converts a DAG of dependencies lists to depends for a non-default result', () => {
    //   a -> b -> c, a -> c   (lists)
    const p = dagOf([
      t('a'),
      t('b', { dependencies: ['a'] }),
      t('c', { dependencies: ['a', 'b'] }),
    ]);
    expect(setEdgeResult(p, 'a', 'c', 'Succeeded')).toBe(p);
    const next = setEdgeResult(p, 'a', 'c', 'Errored');
    expect(scopeTasks(next)).toEqual([
      t('a'),
      t('b', { depends: 'a' }),
      t('c', { depends: 'a.Errored && b' }),
    ]);
    expect(validate(next)).toEqual([]);
  });

  it('labels edges for the canvas', () => {
    const labels = edgeLabels(
      t('c', {
        depends: '(a.Succeeded || a.Failed || a.Errored) && b && d.Omitted && e.Succeeded && !f',
      }),
    );
    expect(Object.fromEntries(labels)).toEqual({
      a: 'Completed',
      d: 'Omitted',
      e: 'Succeeded',
      f: 'custom',
    });
  });
});

// A property run (0.5 s quiet, 5 s at load 20): a limit for that work.
describe('property: any sequence of result and mode edits', { timeout: TIMEOUT.cpu }, () => {
  // u0..u3 ──> t: each edge reads back the last result set on it, the mode
  // reads back the last mode set (with 2+ upstream), and the graph never changes.
  const UP = ['u0', 'u1', 'u2', 'u3'];
  const edit = fc.oneof(
    fc.record({ edge: fc.integer({ min: 0, max: 3 }), result: fc.constantFrom(...EDGE_RESULTS) }),
    fc.record({ mode: fc.constantFrom<'and' | 'or'>('and', 'or') }),
  );
  it('holds', () => {
    fc.assert(
      fc.property(fc.boolean(), fc.array(edit, { maxLength: 12 }), (lists, edits) => {
        const deps = lists ? { dependencies: UP } : { depends: UP.join(' && ') };
        let p = dagOf([...UP.map((n) => t(n)), t('t', deps)]);
        const results: EdgeResult[] = UP.map(() => 'Succeeded');
        let mode: 'and' | 'or' = 'and';
        for (const e of edits) {
          if ('mode' in e) {
            p = setDependsMode(p, 't', e.mode);
            mode = e.mode;
          } else {
            p = setEdgeResult(p, UP[e.edge]!, 't', e.result);
            results[e.edge] = e.result;
          }
          const task = findTask(p, 't')!;
          expect(UP.map((n) => edgeResult(task, n))).toEqual(results);
          expect(dependsMode(task)).toBe(mode);
          expect(validate(p)).toEqual([]);
          // An index remembered for the new task array equals one built from scratch.
          const { up, down } = graphIndex(scopeTasks(p));
          expect({ up, down }).toEqual({
            up: graphIndex([...scopeTasks(p)]).up,
            down: graphIndex([...scopeTasks(p)]).down,
          });
        }
      }),
      { numRuns: 100 },
    );
  });
});

describe('dependsMode / setDependsMode', () => {
  it.each<[string, Partial<Task>, string]>([
    ['no dependencies', {}, 'and'],
    ['one upstream', { depends: 'a.Failed' }, 'and'],
    ['one upstream with an expansion', { depends: 'a.Succeeded || a.Failed || a.Errored' }, 'and'],
    ['a list', { dependencies: ['a', 'b'] }, 'and'],
    ['&&', { depends: 'a && b.Failed' }, 'and'],
    ['||', { depends: 'a || b.Failed' }, 'or'],
    ['|| with a parenthesised expansion', { depends: '(a.Succeeded || a.Failed) || b' }, 'or'],
    ['negation', { depends: '!a && b' }, 'custom'],
    ['mixed across tasks', { depends: '(a || b) && x' }, 'custom'],
    ['a task twice under &&', { depends: 'a.Failed && a.Errored' }, 'custom'],
    ['text that does not parse', { depends: 'a ||' }, 'custom'],
  ])('%s', (_label, fields, mode) => {
    expect(dependsMode(t('c', fields))).toBe(mode);
  });

  it('switches AND to OR and back, keeping each term', () => {
    const p = fanIn('(a.Succeeded || a.Failed || a.Errored) && b.Skipped');
    const or = setDependsMode(p, 'c', 'or');
    expect(dependsOf(or, 'c')).toBe('a.Succeeded || a.Failed || a.Errored || b.Skipped');
    expect(edgeResult(findTask(or, 'c')!, 'a')).toBe('Completed');
    expect(edgeResult(findTask(or, 'c')!, 'b')).toBe('Skipped');
    const and = setDependsMode(or, 'c', 'and');
    expect(dependsOf(and, 'c')).toBe('(a.Succeeded || a.Failed || a.Errored) && b.Skipped');
    expect(setDependsMode(and, 'c', 'and')).toBe(and);
  });

  it('converts lists to depends for OR', () => {
    const p = dagOf([t('a'), t('b'), t('c', { dependencies: ['a', 'b'] })]);
    expect(setDependsMode(p, 'c', 'and')).toBe(p);
    expect(findTask(setDependsMode(p, 'c', 'or'), 'c')).toEqual(t('c', { depends: 'a || b' }));
  });

  it.each(['!a && b', '(a || b) && x', 'a.Failed && a.Errored', 'a'])(
    'leaves %s alone',
    (depends) => {
      const p = dagOf([t('a'), t('b'), t('x'), t('c', { depends })]);
      expect(setDependsMode(p, 'c', 'or')).toBe(p);
    },
  );
});

describe('setDependsText', () => {
  //   a -> b -> c      d
  const chain = () => dagOf([t('a'), t('b', { depends: 'a' }), t('c', { depends: 'b' }), t('d')]);

  it('sets the text as written and keeps the graph consistent', () => {
    const r = setDependsText(chain(), 'c', '  (b.Failed || d) && !a.Errored ');
    expect(r.diagnostics).toEqual([]);
    expect(dependsOf(r.value, 'c')).toBe('(b.Failed || d) && !a.Errored');
    expect(validate(r.value)).toEqual([]);
  });

  it.each<[string, string, string, string]>([
    ['a syntax error', 'b &&', 'invalid-depends', 'at character 5'],
    ['an unknown result', 'b.Done', 'invalid-depends', "unknown task result '.Done'"],
    ['an unknown task', 'b && zed', 'unknown-dependency', "no task named 'zed'"],
    ['the task itself', 'b && c', 'self-dependency', 'cannot depend on itself'],
  ])('refuses %s', (_label, text, code, message) => {
    const p = chain();
    const r = setDependsText(p, 'c', text);
    expect(r.value).toBe(p);
    expect(r.diagnostics[0]).toMatchObject({ code, task: 'c', severity: 'error' });
    expect(r.diagnostics[0]!.message).toContain(message);
  });

  it('refuses a cycle and names it', () => {
    // a -> b -> c; a depends on c closes a -> b -> c -> a
    const p = chain();
    const r = setDependsText(p, 'a', 'd || c.Failed');
    expect(r.value).toBe(p);
    expect(r.diagnostics).toHaveLength(1);
    expect(r.diagnostics[0]).toMatchObject({ code: 'cycle' });
    expect(r.diagnostics[0]!.message).toContain('c -> a -> b -> c');
  });

  it('keeps existing upstream without re-checking them', () => {
    expect(scopeTasks(setDependsText(chain(), 'c', 'b.Failed').value)[2]).toEqual(
      t('c', { depends: 'b.Failed' }),
    );
  });

  it('removes every dependency for empty text, and ignores unchanged text', () => {
    const p = chain();
    expect(findTask(setDependsText(p, 'c', ' ').value, 'c')).toEqual(t('c'));
    expect(setDependsText(p, 'c', 'b ').value).toBe(p);
    expect(setDependsText(p, 'zed', 'a').diagnostics[0]).toMatchObject({ code: 'unknown-task' });
  });

  it('turns lists into depends across the DAG (Argo forbids mixing)', () => {
    const p = dagOf([t('a'), t('b', { dependencies: ['a'] }), t('c', { dependencies: ['b'] })]);
    expect(dependsText(findTask(p, 'c')!)).toBe('b');
    expect(setDependsText(p, 'c', 'b').value).toBe(p);
    const r = setDependsText(p, 'c', 'b.Failed || a');
    expect(scopeTasks(r.value)).toEqual([
      t('a'),
      t('b', { depends: 'a' }),
      t('c', { depends: 'b.Failed || a' }),
    ]);
    expect(validate(r.value)).toEqual([]);
  });
});

describe.skipIf(!hasShared)('compiled output', () => {
  //   a ──Completed──> c <── b (Failed), OR;   d <── c (Any)
  const built = () => {
    let p = dagOf([
      t('a'),
      t('b'),
      t('c', { dependencies: ['a', 'b'] }),
      t('d', { dependencies: ['c'] }),
    ]);
    p = setEdgeResult(p, 'a', 'c', 'Completed');
    p = setEdgeResult(p, 'b', 'c', 'Failed');
    p = setDependsMode(p, 'c', 'or');
    p = setEdgeResult(p, 'c', 'd', 'Any');
    return p;
  };

  it('validates against Argo schema and our validator', () => {
    const p = built();
    expect(dependsOf(p, 'c')).toBe('a.Succeeded || a.Failed || a.Errored || b.Failed');
    expect(validate(p)).toEqual([]);
    expect(validateManifest(compile(p))).toEqual([]);
  });

  it.each(EDGE_RESULTS)('round-trips %s through export and open', (result) => {
    const p = setEdgeResult(fanIn('a && b'), 'a', 'c', result);
    const text = exportDocument(p);
    expect(validateManifest(compile(p))).toEqual([]);
    const opened = openDocuments(text);
    expect(opened.diagnostics).toEqual([]);
    const back = opened.documents[0]!.pipeline!;
    expect(scopeTasks(back)).toEqual(scopeTasks(p));
    expect(edgeResult(findTask(back, 'c')!, 'a')).toBe(result);
  });

  it('round-trips a whole built DAG', () => {
    const p = built();
    const back = openDocuments(exportDocument(p)).documents[0]!.pipeline!;
    expect(scopeTasks(back)).toEqual(scopeTasks(p));
    expect(dependsMode(findTask(back, 'c')!)).toBe('or');
    expect(edgeResult(findTask(back, 'd')!, 'c')).toBe('Any');
  });
});
