/**
 * A DAG template: Argo's validateDAG, verifyNoCycles, validateDAGTargets and
 * validateDAGTaskArgumentDependency (workflow/validate/validate.go), with
 * ParseDepends and ValidateTaskResults (workflow/common/ancestry.go).
 *
 * At least one task; names required, valid and unique; `depends` and
 * `dependencies` never mixed in one template, `continueOn` not with `depends`,
 * no name starting with a digit once either is used; every dependency defined,
 * `.AnySucceeded`/`.AllFailed` only on looped tasks, no cycle; `target` names
 * tasks. References resolve in Argo's DAG scope: every task's outputs, and the
 * status of ancestors. An argument value that starts with `{{tasks.X` needs X
 * among the ancestors; other references to a task that is not an ancestor
 * pass Argo's validator but fail when they run: a warning.
 */
import { pathBetween, topologicalRank, type GraphIndex } from '../graph/graphIndex';
import { isObject, type JsonObject } from '../model/types';
import { clip, shown } from '../util/describe';
import { checkArguments } from './arguments';
import type { Ctx, Resolved, TemplateEntry } from './context';
import { checkCall, resolveHolder } from './holders';
import { aggregates, checkHooks, hasExitHook, loopScope } from './loops';
import { checkDependsText, dependencies } from './depends';
import { checkNames } from './names';
import { findCycle } from './cycles';
import { anyString, present, readMaps } from './read';
import { under, type At, type Path } from './sink';
import { addInlineInputs, type ValidateInline } from './steps';
import { checkVariables, type NodeInfo, type NodeScope, type VarScope } from './variables';

interface Node {
  task: JsonObject;
  name: string;
  at: At;
  prefix: string;
  resolved: Resolved;
  /** Dependencies by name: `items` when read with .AnySucceeded / .AllFailed. */
  deps: Map<string, 'task' | 'items'>;
  hooked: boolean;
}

export function checkDag(
  ctx: Ctx,
  entry: TemplateEntry,
  prefix: string,
  base: VarScope,
  inline: ValidateInline,
): VarScope {
  const dagAt = under(entry.at, 'dag');
  const dag = entry.t.dag as JsonObject;
  const items = readMaps(ctx.sink, dag, 'tasks', dagAt);
  if (items.length === 0) {
    ctx.sink.error(
      'empty-dag',
      `${prefix} must have at least one task`,
      'tasks' in dag ? under(dagAt, 'tasks') : dagAt,
    );
    return base;
  }
  const taskOf = (t: JsonObject) => (typeof t.name === 'string' ? t.name : undefined);
  checkNames(ctx.sink, items, {
    prefix: `${prefix}.tasks`,
    kind: 'field',
    duplicate: 'duplicate-task',
    taskOf,
  });
  const named = items.filter(({ item }) => typeof item.name === 'string' && item.name !== '');
  const usingDepends = named.some(
    ({ item }) => typeof item.depends === 'string' && item.depends !== '',
  );
  let mixedReported = false;
  const nodes: Node[] = named.map(({ item, at }) => {
    const name = item.name as string;
    const taskAt = { ...at, task: name };
    const p = `${prefix}.tasks.${clip(name)}`;
    return {
      task: item,
      name,
      at: taskAt,
      prefix: p,
      resolved: { kind: 'missing' },
      deps: dependencies(ctx, item, taskAt),
      hooked: present(item.hooks),
    };
  });
  const pos = new Map<string, number>();
  nodes.forEach((n, i) => {
    if (!pos.has(n.name)) pos.set(n.name, i);
  });
  for (const n of nodes) {
    const { task, at, prefix: p } = n;
    const hasDependencies = Array.isArray(task.dependencies) && task.dependencies.length > 0;
    if ((usingDepends || hasDependencies) && /^[0-9]/.test(n.name))
      ctx.sink.error(
        'invalid-name',
        `${p} name cannot begin with a digit when using either 'depends' or 'dependencies'`,
        under(at, 'name'),
      );
    if (usingDepends && hasDependencies && !mixedReported) {
      mixedReported = true;
      ctx.sink.error(
        'mixed-depends',
        `${prefix} cannot use both 'depends' and 'dependencies' in the same DAG template`,
        under(at, 'dependencies'),
      );
    }
    if (usingDepends && present(task.continueOn))
      ctx.sink.error(
        'continue-on-with-depends',
        `${prefix} cannot use 'continueOn' when using 'depends'. Instead use 'dep-task.Failed'/'dep-task.Errored'`,
        under(at, 'continueOn'),
      );
    n.resolved = resolveHolder(ctx, task, at, p);
    checkDependsText(ctx, n);
    const field =
      typeof task.depends === 'string' && task.depends !== '' ? 'depends' : 'dependencies';
    for (const [dep, type] of n.deps) {
      const j = pos.get(dep);
      if (j === undefined)
        ctx.sink.error(
          'unknown-dependency',
          `${p} dependency '${clip(dep)}' not defined`,
          under(at, field),
        );
      else if (type === 'items' && !loops(nodes[j]!.task))
        ctx.sink.error(
          'items-condition',
          `${p} dependency '${clip(dep)}' uses an items-based condition such as .AnySucceeded or .AllFailed but does not contain any items`,
          under(at, field),
        );
    }
  }
  const index = graph(nodes, pos);
  const cycle = findCycle(new Map(nodes.map((n) => [n.name, [...n.deps.keys()]])));
  if (cycle) {
    const first = nodes[pos.get(cycle[0]!)!]!;
    ctx.sink.error(
      'cycle',
      `${prefix}.tasks dependency cycle detected: ${cycle.map((c) => clip(c)).join('->')}`,
      first.at,
    );
  }
  const info = (j: number, status: boolean, later?: string): NodeInfo => {
    const n = nodes[j]!;
    return {
      template: n.resolved.kind === 'template' ? n.resolved.entry.t : undefined,
      templateName: n.resolved.kind === 'template' ? n.resolved.entry.name : '',
      looped: aggregates(n.task),
      status,
      ...(later ? { later } : {}),
    };
  };
  const anyTask: NodeScope = {
    root: 'tasks',
    owner: prefix,
    get: (name) => {
      const j = pos.get(name);
      return j === undefined ? undefined : info(j, nodes[j]!.hooked);
    },
    unknown: (name) => `there is no task '${clip(name)}' in ${prefix}`,
  };
  checkTarget(ctx, dag, dagAt, prefix, pos, { ...base, nodes: anyTask });
  nodes.forEach((n, i) => {
    const ancestor = (j: number) => j !== i && isAncestor(index, j, i);
    let local = base.local;
    if (isObject(n.task.inline)) addInlineInputs((local = new Set(local)), n.task.inline);
    const own = loopScope(ctx, n.task, n.at, n.prefix);
    const scope: VarScope = {
      ...base,
      local,
      ...(own ? { items: own } : {}),
      nodes: {
        ...anyTask,
        get: (name) => {
          const j = pos.get(name);
          if (j === undefined) return undefined;
          const up = ancestor(j);
          const later = up
            ? undefined
            : j === i
              ? hasExitHook(n.task)
                ? undefined // its exit hook runs after it, and may read its outputs
                : `a task cannot read its own outputs or status`
              : `${clip(name)} is not upstream of ${clip(n.name)}; add the dependency ${clip(name)} -> ${clip(n.name)}`;
          return { ...info(j, up || nodes[j]!.hooked, later), ...(j === i ? { self: true } : {}) };
        },
      },
    };
    const argumentRefs = checkArgumentDependencies(ctx, n, pos, ancestor);
    checkVariables(ctx, n.task, n.at, scope, {
      prefix: n.prefix,
      quiet: (path) => argumentRefs.has(path.join('\u0000')),
    });
    checkArguments(ctx, n.task, n.at, `${n.prefix}.arguments.`, false);
    checkHooks(ctx, n.task, n.at, n.prefix, false);
    const inlined = checkCall(ctx, n.task, n.at, n.prefix, n.resolved);
    if (inlined) inline(inlined, `${n.prefix}.inline`);
  });
  return { ...base, nodes: anyTask };
}

const loops = (task: JsonObject): boolean => aggregates(task) || present(task.withSequence);

function checkTarget(
  ctx: Ctx,
  dag: JsonObject,
  at: At,
  prefix: string,
  pos: Map<string, number>,
  scope: VarScope,
): void {
  const target = dag.target;
  if (!present(target)) return;
  if (typeof target !== 'string') {
    ctx.sink.error(
      'invalid-field',
      `${prefix}.target must be a string of task names`,
      under(at, 'target'),
    );
    return;
  }
  checkVariables(ctx, target, under(at, 'target'), scope, { prefix: `${prefix}.targets` });
  for (const name of target.split(' ')) {
    if (name === '' || /\{\{[-a-zA-Z0-9]+(\.[-a-zA-Z0-9_]+)*\}\}/.test(name)) continue;
    if (!pos.has(name))
      ctx.sink.error(
        'unknown-target',
        `${prefix}.targets: target '${clip(name)}' is not defined`,
        under(at, 'target'),
      );
  }
}

/**
 * validateDAGTaskArgumentDependency: a parameter value or artifact `from` that
 * starts with `{{tasks.X.` needs X among the task's ancestors. Returns the
 * paths it reported, whose warnings would only repeat it.
 */
function checkArgumentDependencies(
  ctx: Ctx,
  n: Node,
  pos: Map<string, number>,
  ancestor: (j: number) => boolean,
): Set<string> {
  const reported = new Set<string>();
  const args = isObject(n.task.arguments) ? n.task.arguments : undefined;
  if (!args) return reported;
  const check = (text: string | undefined, kind: string, name: unknown, field: () => Path) => {
    if (!text?.startsWith('{{tasks.')) return;
    const ref = text.split('.')[1] ?? '';
    const j = pos.get(ref);
    if (j === undefined || ancestor(j)) return; // an unknown task: the variable check reports it
    const path = n.at.path.concat('arguments', field());
    reported.add(path.join('\u0000'));
    ctx.sink.error(
      'reference-not-upstream',
      `${n.prefix} missing dependency '${clip(ref)}' for ${kind} ${shown(name)}: ${clip(ref)} is not upstream of ${clip(n.name)}; add the dependency ${clip(ref)} -> ${clip(n.name)}`,
      { ...n.at, path },
    );
  };
  const list = (kind: string): unknown[] =>
    Array.isArray(args[kind]) ? (args[kind] as unknown[]) : [];
  list('parameters').forEach((item, k) => {
    if (isObject(item))
      check(anyString(item.value), 'parameter', item.name, () => ['parameters', k, 'value']);
  });
  list('artifacts').forEach((item, k) => {
    if (isObject(item) && typeof item.from === 'string')
      check(item.from, 'artifact', item.name, () => ['artifacts', k, 'from']);
  });
  return reported;
}

function graph(nodes: Node[], pos: Map<string, number>): GraphIndex {
  const up: number[][] = nodes.map(() => []);
  const down: number[][] = nodes.map(() => []);
  nodes.forEach((n, i) => {
    for (const dep of n.deps.keys()) {
      const j = pos.get(dep);
      if (j === undefined) continue;
      up[i]!.push(j);
      down[j]!.push(i);
    }
  });
  return { names: nodes.map((n) => n.name), pos, up, down, rank: topologicalRank(up, down) };
}

/** Whether task j is an ancestor of task i: a direct dependency, or a path bounded by rank. */
function isAncestor(index: GraphIndex, j: number, i: number): boolean {
  return index.up[i]!.includes(j) || pathBetween(index, j, i) !== undefined;
}
