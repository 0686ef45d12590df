/**
 * Properties of the graph operations, checked with fast-check over random
 * command sequences (add, connect, disconnect, rename, remove, update, move)
 * on a small name alphabet, so names collide, edges repeat and cycles are
 * attempted often. After every command the pipeline must stay a valid DAG:
 *
 *   (a) acyclic, with a topological order that puts upstream tasks first;
 *   (b) no dependency on a task that does not exist;
 *   (c) task names unique and valid;
 *   (f) the graph index derived by connect/disconnect/updateTask equals one
 *       built from scratch.
 *
 * At the end: (d) export then import gives the same pipeline, and (e) every
 * possible connect either succeeds or is refused with a real cycle path.
 * Two more: the index stays right while a `depends` does not parse (the user
 * is typing), and random `depends` ASTs print and parse back.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  TASK_RESULTS,
  addTask,
  connect,
  createPipeline,
  disconnect,
  exportDocument,
  findCycle,
  isParseError,
  moveTask,
  openDocuments,
  parseDepends,
  printDepends,
  removeTask,
  renameTask,
  taskNameProblem,
  topologicalOrder,
  updateTask,
  type DependsExpr,
  type Parameter,
  type Pipeline,
  type Task,
  type TaskResult,
  type Template,
  type WorkflowKind,
} from '../../src/core';
import { graphIndex } from '../../src/core/graph/graphIndex';
import { taskDependencies } from '../../src/core/graph/taskDependencies';
import { TIMEOUT } from '../support/timeouts';
import { scopeLayout, scopeTasks } from '../../src/core/model/scope';

const RUNS = 200;
const REFUSALS = ['cycle', 'self-dependency', 'duplicate-dependency'];

// ---------------------------------------------------------------------------
// Commands

/** A task named directly (it may not exist) or picked by position among the current tasks. */
type Ref = { name: string } | { at: number };

type Command =
  | { op: 'add'; name: string; template: number; position?: { x: number; y: number } }
  | { op: 'connect'; from: Ref; to: Ref; result?: TaskResult }
  | { op: 'disconnect'; from: Ref; to: Ref }
  | { op: 'rename'; task: Ref; to: string }
  | { op: 'remove'; task: Ref }
  | { op: 'update'; task: Ref; when?: string; parameters?: Parameter[] }
  | { op: 'move'; task: Ref; x: number; y: number };

const NAMES = ['a', 'b', 'c', 'd', 'a-2', 'Step', '1'];
/** Rename targets: valid names (some taken), and a few Argo rejects. */
const RENAME_TARGETS = [...NAMES, 'e', 'b-3', 'X9', '', '-x', 'a_b', 'a.b', 'x'.repeat(129)];

const TEMPLATES: Template[] = [
  { name: 'echo', container: { image: 'alpine:3.20', command: ['echo'], args: ['hi'] } },
  {
    name: 'train',
    inputs: { parameters: [{ name: 'epochs' }] },
    container: { image: 'python:3.12', args: ['train.py', '{{inputs.parameters.epochs}}'] },
  },
  { name: 'Shout', script: { image: 'alpine', source: 'echo "HELLO"\n' } },
];

/** Argument values, including ones YAML would read as another type if unquoted. */
const VALUES = [
  'hello',
  '',
  '123',
  'true',
  'null',
  '~',
  'a: b',
  '- x',
  '#not a comment',
  'two\nlines',
  "it's",
  '{{workflow.name}}',
  ...NAMES.map((n) => `{{tasks.${n}.outputs.result}}`),
  "{{=tasks['a-2'].outputs.parameters.x}}",
];

const WHENS = ['{{tasks.a.status}} == Succeeded', '{{workflow.parameters.go}} == true', 'true'];

const position = fc.record({
  x: fc.integer({ min: -5000, max: 5000 }),
  y: fc.integer({ min: -5000, max: 5000 }),
});

const ref: fc.Arbitrary<Ref> = fc.oneof(
  { weight: 4, arbitrary: fc.nat({ max: 50 }).map((at) => ({ at })) },
  { weight: 1, arbitrary: fc.constantFrom(...NAMES, 'missing').map((name) => ({ name })) },
);

const parameters = fc.array(
  fc.record({
    name: fc.constantFrom('x', 'in_1', 'epochs', 'msg-2'),
    value: fc.constantFrom(...VALUES),
  }),
  { maxLength: 3 },
);

const command: fc.Arbitrary<Command> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record(
      {
        op: fc.constant('add' as const),
        name: fc.constantFrom(...NAMES),
        template: fc.nat({ max: TEMPLATES.length }),
        position,
      },
      { requiredKeys: ['op', 'name', 'template'] },
    ),
  },
  {
    weight: 8,
    arbitrary: fc.record(
      {
        op: fc.constant('connect' as const),
        from: ref,
        to: ref,
        result: fc.constantFrom(...TASK_RESULTS),
      },
      { requiredKeys: ['op', 'from', 'to'] },
    ),
  },
  {
    weight: 2,
    arbitrary: fc.record({ op: fc.constant('disconnect' as const), from: ref, to: ref }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      op: fc.constant('rename' as const),
      task: ref,
      to: fc.constantFrom(...RENAME_TARGETS),
    }),
  },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('remove' as const), task: ref }) },
  {
    weight: 1,
    arbitrary: fc.record(
      {
        op: fc.constant('update' as const),
        task: ref,
        when: fc.constantFrom(...WHENS),
        parameters,
      },
      { requiredKeys: ['op', 'task'] },
    ),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      op: fc.constant('move' as const),
      task: ref,
      x: fc.integer({ min: -5000, max: 5000 }),
      y: fc.integer({ min: -5000, max: 5000 }),
    }),
  },
);

/** The starting point: an empty pipeline of some kind, or one whose DAG uses `dependencies` lists. */
const start: fc.Arbitrary<Pipeline> = fc
  .record({
    kind: fc.constantFrom<WorkflowKind>(
      'Workflow',
      'WorkflowTemplate',
      'ClusterWorkflowTemplate',
      'CronWorkflow',
    ),
    annotated: fc.boolean(),
    lists: fc.boolean(),
  })
  .map(({ kind, annotated, lists }) => {
    let p = createPipeline({ kind, name: 'prop', namespace: 'argo' });
    if (annotated) p = { ...p, metadata: { ...p.metadata, annotations: { owner: 'team-a' } } };
    if (lists) {
      p = addTask(p, { name: 'a', template: TEMPLATES[0]! }).pipeline;
      p = addTask(p, { name: 'b', fields: { template: 'echo', dependencies: ['a'] } }).pipeline;
    }
    return p;
  });

function resolve(p: Pipeline, r: Ref): string {
  if ('name' in r) return r.name;
  return scopeTasks(p).length === 0 ? 'missing' : scopeTasks(p)[r.at % scopeTasks(p).length]!.name;
}

/** Applies one command and checks what each operation promises about refusals. */
function apply(p: Pipeline, c: Command): Pipeline {
  switch (c.op) {
    case 'add': {
      const template = TEMPLATES[c.template];
      const { pipeline, name } = addTask(p, {
        name: c.name,
        ...(template ? { template } : { fields: { template: 'echo' } }),
        ...(c.position ? { position: c.position } : {}),
      });
      check(scopeTasks(pipeline).at(-1)?.name === name, () => `added ${name}`);
      return pipeline;
    }
    case 'connect': {
      const from = resolve(p, c.from);
      const to = resolve(p, c.to);
      const r = connect(p, from, to, c.result);
      if (r.diagnostics.length > 0) {
        check(r.pipeline === p, () => `refused ${from} -> ${to} changed the pipeline`);
        if (r.cycle) expectRealCycle(p, from, to, r.cycle);
      } else {
        const target = scopeTasks(r.pipeline).find((t) => t.name === to);
        check(taskDependencies(target!).includes(from), () => `${from} -> ${to} not added`);
      }
      return r.pipeline;
    }
    case 'disconnect': {
      const from = resolve(p, c.from);
      const to = resolve(p, c.to);
      const next = disconnect(p, from, to);
      const target = scopeTasks(next).find((t) => t.name === to);
      // Text that does not parse is kept as written, edges included.
      const parses =
        typeof target?.depends !== 'string' || !isParseError(parseDepends(target.depends));
      if (target && parses)
        check(!taskDependencies(target).includes(from), () => `${from} -> ${to} still there`);
      return next;
    }
    case 'rename': {
      const from = resolve(p, c.task);
      const r = renameTask(p, from, c.to);
      if (r.diagnostics.length > 0) check(r.value === p, () => `refused rename changed p`);
      return r.value;
    }
    case 'remove': {
      const name = resolve(p, c.task);
      const next = removeTask(p, name);
      if (!scopeTasks(p).some((t) => t.name === name)) check(next === p, () => `removed ${name}?`);
      check(!scopeTasks(next).some((t) => t.name === name), () => `${name} still there`);
      return next;
    }
    case 'update': {
      const name = resolve(p, c.task);
      const next = updateTask(p, name, (t) => {
        const u: Task = { ...t };
        if (c.when === undefined) delete u.when;
        else u.when = c.when;
        if (c.parameters === undefined) delete u.arguments;
        else u.arguments = { parameters: c.parameters };
        return u;
      });
      if (!scopeTasks(p).some((t) => t.name === name)) check(next === p, () => `updated ${name}?`);
      return next;
    }
    case 'move': {
      const name = resolve(p, c.task);
      // The canvas only moves nodes that exist.
      if (!scopeTasks(p).some((t) => t.name === name)) return p;
      return moveTask(p, name, { x: c.x, y: c.y });
    }
  }
}

// ---------------------------------------------------------------------------
// Invariants

/**
 * A cheap assertion for the checks that run after every command: `expect`
 * costs microseconds per call, and these run hundreds of thousands of times.
 */
function check(ok: boolean, message: () => string): void {
  if (!ok) throw new Error(message());
}

const json = (v: unknown): string => JSON.stringify(v);

/** (e) `cycle` is `from, to, ..., from`: the new edge, then edges that exist. */
function expectRealCycle(p: Pipeline, from: string, to: string, cycle: string[]): void {
  const shown = (): string => `cycle ${cycle.join(' -> ')} for ${from} -> ${to}`;
  check(cycle[0] === from && cycle[1] === to && cycle.at(-1) === from, shown);
  for (let k = 1; k + 1 < cycle.length; k++) {
    const downstream = scopeTasks(p).find((t) => t.name === cycle[k + 1]);
    check(downstream !== undefined && taskDependencies(downstream).includes(cycle[k]!), shown);
  }
}

function expectValidDag(p: Pipeline): void {
  const names = scopeTasks(p).map((t) => t.name);
  // (c) unique, valid names
  check(new Set(names).size === names.length, () => `duplicate names in ${json(names)}`);
  for (const n of names) check(taskNameProblem(n) === undefined, () => `invalid name '${n}'`);
  // (b) no dangling dependency
  const known = new Set(names);
  for (const t of scopeTasks(p))
    for (const d of taskDependencies(t))
      check(known.has(d), () => `${t.name} depends on missing ${d}`);
  // (a) acyclic, and the order puts upstream tasks first
  const cycle = findCycle(scopeTasks(p));
  check(cycle === undefined, () => `cycle ${json(cycle)}`);
  const order = topologicalOrder(scopeTasks(p));
  check(order !== undefined, () => 'no topological order');
  check(json([...order!].sort()) === json([...names].sort()), () => `order ${json(order)}`);
  const at = new Map(order!.map((n, i) => [n, i]));
  for (const t of scopeTasks(p))
    for (const d of taskDependencies(t))
      check(at.get(d)! < at.get(t.name)!, () => `${d} not before ${t.name} in ${json(order)}`);
}

/** (f) The cached (possibly derived) index equals a fresh build. */
function expectIndexMatchesRebuild(tasks: readonly Task[]): void {
  const kept = graphIndex(tasks);
  const fresh = graphIndex(tasks.slice());
  check(fresh !== kept, () => 'the copy was not rebuilt');
  check(json(kept.names) === json(fresh.names), () => 'names differ');
  check(json([...kept.pos]) === json([...fresh.pos]), () => 'positions differ');
  const sets = (lists: readonly (readonly number[])[]): string =>
    json(lists.map((l) => [...l].sort((x, y) => x - y)));
  check(sets(kept.up) === sets(fresh.up), () => `up ${sets(kept.up)} != ${sets(fresh.up)}`);
  check(
    sets(kept.down) === sets(fresh.down),
    () => `down ${sets(kept.down)} != ${sets(fresh.down)}`,
  );
  for (const l of kept.up) check(new Set(l).size === l.length, () => `repeated edge ${json(l)}`);
  const rank = kept.rank;
  check(rank !== undefined, () => 'no rank');
  const sorted = [...rank!].sort((x, y) => x - y);
  check(
    sorted.every((r, i) => r === i),
    () => `rank ${json([...rank!])} is not a permutation`,
  );
  kept.up.forEach((ups, j) => {
    for (const i of ups)
      check(rank![i]! < rank![j]!, () => `rank ${json([...rank!])} puts ${j} before ${i}`);
  });
}

/** (d) What the editor saves is what it opens. */
function expectRoundTrip(p: Pipeline): void {
  const text = exportDocument(p);
  const opened = openDocuments(text);
  expect(opened.diagnostics).toEqual([]);
  const back = opened.documents[0]?.pipeline;
  expect(back).toBeDefined();
  expect({
    kind: back!.kind,
    metadata: back!.metadata,
    spec: back!.spec,
    scope: back!.scope,
    tasks: scopeTasks(back!),
    layout: { ...scopeLayout(back!) },
  }).toEqual({
    kind: p.kind,
    metadata: p.metadata,
    spec: p.spec,
    scope: p.scope,
    tasks: scopeTasks(p),
    layout: { ...scopeLayout(p) },
  });
}

// Property runs: hundreds of generated cases, 0.2-3 s quiet and ten times that at
// load 20. Vitest fails a synchronous test that overran its limit once it returns.
describe('graph operations keep a valid DAG (fast-check)', { timeout: TIMEOUT.cpu }, () => {
  it('holds (a), (b), (c), (f) after every command, and (d), (e) at the end', () => {
    fc.assert(
      fc.property(start, fc.array(command, { minLength: 10, maxLength: 60 }), (p0, commands) => {
        let p = p0;
        for (const c of commands) {
          p = apply(p, c);
          expectValidDag(p);
          expectIndexMatchesRebuild(scopeTasks(p));
        }
        expectRoundTrip(p);
        // (e) Try every edge: each is added (and stays acyclic) or refused with its reason.
        for (const from of scopeTasks(p))
          for (const to of scopeTasks(p)) {
            const r = connect(p, from.name, to.name);
            const code = r.diagnostics[0]?.code;
            if (code !== undefined) {
              check(r.pipeline === p, () => `refused ${from.name} -> ${to.name} changed p`);
              check(REFUSALS.includes(code), () => `refused with ${code}`);
              if (code !== 'duplicate-dependency') {
                check(r.cycle !== undefined, () => `${code} without a cycle`);
                expectRealCycle(p, from.name, to.name, r.cycle!);
              }
            } else {
              expectValidDag(r.pipeline);
              expectIndexMatchesRebuild(scopeTasks(r.pipeline));
            }
          }
      }),
      { numRuns: RUNS },
    );
  });

  it('keeps the index right when a depends expression does not parse', () => {
    // While the user types, `depends` may not parse; the graph keeps the edges
    // it names, and disconnect cannot drop them from the text. The index must
    // still match the tasks, or connect would let a cycle through.
    const wiring = command.filter((c) => c.op === 'connect' || c.op === 'disconnect');
    fc.assert(
      fc.property(
        start,
        fc.array(command, { minLength: 5, maxLength: 30 }),
        fc.nat(),
        fc.array(wiring, { minLength: 1, maxLength: 20 }),
        (p0, setup, at, edits) => {
          let p = setup.reduce(apply, p0);
          const task = scopeTasks(p).find((_, i) => i === at % Math.max(1, scopeTasks(p).length));
          const deps = task ? taskDependencies(task) : [];
          if (!task || deps.length === 0) return;
          const broken = `${deps.map((d, k) => (k === 0 ? `${d}.Failed` : d)).join(' && ')} && (`;
          p = updateTask(p, task.name, (t) => ({ ...t, depends: broken }));
          check(
            isParseError(parseDepends(scopeTasks(p).find((t) => t.name === task.name)!.depends!)),
            () => broken,
          );
          for (const c of edits) {
            p = apply(p, c);
            expectValidDag(p);
            expectIndexMatchesRebuild(scopeTasks(p));
          }
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('refuses an edge that closes a cycle and returns the same pipeline', () => {
    // A random chain t0 -> t1 -> ... -> tn; any edge back along it closes a cycle.
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 12 }), fc.nat(), fc.nat(), (n, x, y) => {
        let p = createPipeline();
        for (let k = 0; k <= n; k++)
          p = addTask(p, { name: `t${k}`, template: TEMPLATES[0]! }).pipeline;
        for (let k = 0; k < n; k++) p = connect(p, `t${k}`, `t${k + 1}`).pipeline;
        const lo = x % (n + 1);
        const hi = lo + (y % (n + 1 - lo));
        const r = connect(p, `t${hi}`, `t${lo}`);
        expect(r.pipeline).toBe(p);
        expect(r.diagnostics[0]!.code).toBe(lo === hi ? 'self-dependency' : 'cycle');
        // t_hi -> t_lo (the new edge), then the chain t_lo -> ... -> t_hi.
        const chain = Array.from({ length: hi - lo + 1 }, (_, k) => `t${lo + k}`);
        expect(r.cycle).toEqual([`t${hi}`, ...chain]);
        expectRealCycle(p, `t${hi}`, `t${lo}`, r.cycle!);
      }),
      { numRuns: RUNS },
    );
  });
});

// ---------------------------------------------------------------------------
// depends expressions

const taskName = fc.oneof(
  fc.constantFrom('a', 'b', 'a-2', 'A', '1', 'x-'),
  fc.stringMatching(/^[a-zA-Z0-9][-a-zA-Z0-9]{0,8}$/),
);

const dependsExpr: fc.Arbitrary<DependsExpr> = fc.letrec<{ expr: DependsExpr }>((tie) => ({
  expr: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.record(
      {
        kind: fc.constant('ref' as const),
        task: taskName,
        result: fc.constantFrom(...TASK_RESULTS),
      },
      { requiredKeys: ['kind', 'task'] },
    ),
    fc.record({ kind: fc.constant('not' as const), expr: tie('expr') }),
    fc.record({
      kind: fc.constantFrom('and' as const, 'or' as const),
      items: fc.array(tie('expr'), { minLength: 2, maxLength: 4 }),
    }),
  ),
})).expr;

/** `a && (b && c)` and `a && b && c` mean the same: flatten nested and/or of the same kind. */
function normalize(e: DependsExpr): DependsExpr {
  switch (e.kind) {
    case 'ref':
      return e.result
        ? { kind: 'ref', task: e.task, result: e.result }
        : { kind: 'ref', task: e.task };
    case 'not':
      return { kind: 'not', expr: normalize(e.expr) };
    default: {
      const items = e.items.map(normalize).flatMap((i) => (i.kind === e.kind ? i.items : [i]));
      return { kind: e.kind, items };
    }
  }
}

describe('depends expressions (fast-check)', { timeout: TIMEOUT.cpu }, () => {
  it('print then parse gives back an equivalent AST', () => {
    fc.assert(
      fc.property(dependsExpr, (expr) => {
        const text = printDepends(expr);
        const parsed = parseDepends(text);
        expect(isParseError(parsed), text).toBe(false);
        expect(normalize(parsed as DependsExpr)).toEqual(normalize(expr));
        // Printing is canonical: a second round changes nothing.
        expect(printDepends(parsed as DependsExpr)).toBe(text);
      }),
      { numRuns: RUNS },
    );
  });
});
