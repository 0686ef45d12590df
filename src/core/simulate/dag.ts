/**
 * A DAG template (workflow/controller dag.go): tasks run when every task
 * their `depends` / `dependencies` names is fulfilled and the logic holds
 * (else Omitted); `when` is checked on the substituted text (else Skipped);
 * loops become a TaskGroup of items; `dag.target` runs only the targets and
 * what they need. The DAG's phase is `assessDAGPhase`: a walk from its first
 * tasks where an Omitted or Skipped node inherits its branch's phase, then
 * each target's phase (Failed or Error wins; `continueOn` excuses it).
 * `failFast` only changes that last loop, as in the controller; it does not
 * stop independent branches (argo-workflows issues 5223, 10312).
 */
import { isObject, type JsonObject } from '../model/types';
import {
  continuesOn,
  failedOrError,
  isCompleted,
  isFulfilled,
  outboundNodes,
  type Call,
  type Engine,
  type TemplateContext,
} from './context';
import {
  dependsLogic,
  evaluateDepends,
  taskResults,
  type DependsLogic,
  type DependsTask,
} from './dependsLogic';
import { expandLoop, type LoopItem } from './loops';
import { addAggregateToScope, addNodeToScope } from './scope';
import { substitute, substituteDeep } from './substitute';
import type { NodePhase, SimNode } from './types';
import { templateOutputs } from './outputs';

type DagTask = JsonObject & DependsTask;

export function executeDag(
  e: Engine,
  call: Call,
  tmpl: JsonObject,
  ctx: TemplateContext,
  scope: ReadonlyMap<string, string>,
  templateName: string,
): SimNode {
  const node =
    e.node(call.nodeName) ??
    e.create({
      name: call.nodeName,
      displayName: call.displayName,
      type: 'DAG',
      phase: 'Running',
      path: call.path,
      boundaryID: call.boundaryID,
      templateName,
      hooked: call.hooked,
    });
  if (isFulfilled(node)) return node;
  const dag = tmpl.dag as JsonObject;
  const tasks = (Array.isArray(dag.tasks) ? dag.tasks : []).filter(isObject) as DagTask[];
  const byName = new Map(tasks.map((t) => [String(t.name), t]));
  const logic = new Map<string, DependsLogic>();
  const logicOf = (name: string) => {
    let l = logic.get(name);
    if (!l) logic.set(name, (l = dependsLogic(byName.get(name)!, (n) => byName.get(n))));
    return l;
  };
  const nodeName = (task: string) => `${node.name}.${task}`;
  const taskNode = (task: string) => e.node(nodeName(task));

  const targetText = typeof dag.target === 'string' ? substitute(dag.target, scope).text : '';
  const targets = targetText.trim()
    ? targetText.split(' ').filter(Boolean)
    : leafTasks(tasks, logicOf);
  const missing = targets.find((t) => !byName.has(t));
  if (missing) return e.finish(node, 'Error', `target ${missing} does not exist`);

  const visited = new Set<string>();
  const hookCall = { boundaryID: node.id, ctx };

  const ancestors = (task: string): string[] => {
    const seen = new Set<string>();
    const walk = (t: string) => {
      const l = logicOf(t);
      if (l.kind === 'none') return;
      for (const d of l.tasks)
        if (!seen.has(d) && byName.has(d)) {
          seen.add(d);
          walk(d);
        }
    };
    walk(task);
    return [...seen];
  };

  /** buildLocalScopeFromTask: the DAG's scope and what its ancestors offer. */
  const taskScope = (task: string): Map<string, string> => {
    const s = new Map(scope);
    for (const a of ancestors(task)) {
      const n = taskNode(a);
      if (!n) continue;
      if (n.type === 'TaskGroup') {
        const items = n.children.map((c) => e.byId(c)).filter((x): x is SimNode => !!x);
        addAggregateToScope(s, `tasks.${a}`, items);
        s.set(`tasks.${a}.status`, n.phase);
      } else addNodeToScope(s, `tasks.${a}`, n);
    }
    return s;
  };

  const link = (task: string, child: SimNode, group?: SimNode) => {
    if (group) return e.addChild(group, child);
    const l = logicOf(task);
    const deps = l.kind === 'none' ? [] : l.tasks.filter((d) => byName.has(d));
    if (deps.length === 0) return e.addChild(node, child);
    for (const d of deps) {
      const dn = taskNode(d);
      if (!dn) continue;
      for (const id of outboundNodes(e, dn)) {
        const parent = e.byId(id);
        if (parent) e.addChild(parent, child);
      }
    }
  };

  /** The dependency is fulfilled, its hooks included (common.CheckAllHooksFullfilled). */
  const ready = (n: SimNode | undefined) =>
    !!n &&
    isFulfilled(n) &&
    n.children.every((c) => {
      const child = e.byId(c);
      return !child?.hooked || isFulfilled(child);
    });

  const resultsOf = (task: string) => {
    const n = taskNode(task);
    if (!n) return undefined;
    const children = n.type === 'TaskGroup' ? n.children.map((c) => e.byId(c)?.phase ?? '') : [];
    return taskResults(n.phase, { daemoned: n.daemoned === true, children });
  };

  const runExit = (task: DagTask, n: SimNode, s: ReadonlyMap<string, string>) => {
    if (!isCompleted(n)) return;
    const exitScope = new Map(s);
    exitScope.set(`tasks.${task.name}.status`, n.phase);
    e.runExitHook(task, n, hookCall, exitScope);
  };

  const executeTask = (name: string): void => {
    if (visited.has(name)) return;
    visited.add(name);
    const task = byName.get(name)!;
    const existing = taskNode(name);
    if (existing && isFulfilled(existing)) {
      runExit(task, existing, taskScope(name));
      return;
    }
    const path = [...call.path, name];
    const l = logicOf(name);
    if (l.kind !== 'none') {
      for (const d of l.tasks) if (byName.has(d)) executeTask(d);
      if (!existing) {
        const deps = l.tasks.filter((d) => byName.has(d));
        if (!deps.every((d) => ready(taskNode(d)))) return;
        if (l.kind === 'invalid') {
          const n = e.create(skipped(nodeName(name), name, path, node.id, 'Error', l.message));
          link(name, n);
          return;
        }
        if (!evaluateDepends(l.expr, resultsOf)) {
          const n = e.create(
            skipped(
              nodeName(name),
              name,
              path,
              node.id,
              'Omitted',
              'omitted: depends condition not met',
            ),
          );
          link(name, n);
          return;
        }
      }
    }
    const s = taskScope(name);
    const unresolved: string[] = [];
    const { withItems, withParam, withSequence, ...rest } = task;
    const resolved = substituteDeep(rest, s, unresolved) as DagTask;
    const loop = expandLoop(name, { withItems, withParam, withSequence }, s);
    if (loop.kind === 'error') {
      if (!existing)
        link(name, e.create(skipped(nodeName(name), name, path, node.id, 'Error', loop.message)));
      return;
    }
    let items: LoopItem[] | undefined;
    if (loop.kind === 'unknown') {
      e.note(path, `${loop.message}; simulated as one item`);
      items = [{ name: `${name}(0:?)`, scope: new Map([['item', '?']]) }];
    } else if (loop.kind === 'items') items = loop.items;
    let group: SimNode | undefined;
    if (items) {
      if (items.length === 0) {
        if (!existing)
          link(
            name,
            e.create(
              skipped(nodeName(name), name, path, node.id, 'Skipped', 'Skipped, empty params'),
            ),
          );
        return;
      }
      group = existing;
      if (!group) {
        group = e.create({
          name: nodeName(name),
          displayName: name,
          type: 'TaskGroup',
          phase: 'Running',
          path,
          boundaryID: node.id,
        });
        link(name, group);
      }
    }
    const expanded = items
      ? items.map((it) => ({
          name: it.name,
          task: substituteDeep(resolved, new Map([...s, ...it.scope])) as DagTask,
        }))
      : [{ name, task: resolved }];
    for (const t of expanded) {
      const tName = nodeName(t.name);
      const tPath = items ? [...call.path, t.name] : path;
      let tNode = e.node(tName);
      if (!tNode) {
        const w = e.when(t.task.when, tPath);
        if ('error' in w || !w.value) {
          const n = e.create(
            'error' in w
              ? skipped(tName, t.name, tPath, node.id, 'Error', w.error)
              : skipped(
                  tName,
                  t.name,
                  tPath,
                  node.id,
                  'Skipped',
                  `when '${String(t.task.when)}' evaluated false`,
                ),
          );
          link(name, n, group);
          continue;
        }
      }
      const created = !tNode;
      tNode = e.execute({
        nodeName: tName,
        displayName: t.name,
        holder: t.task,
        boundaryID: node.id,
        path: tPath,
        ctx,
      });
      if (created) link(name, tNode, group);
      runExit(task, tNode, s);
    }
    if (group && !isFulfilled(group)) {
      const children = group.children.map((c) => e.byId(c)).filter((x): x is SimNode => !!x);
      if (children.length === expanded.length && children.every(isFulfilled)) {
        const bad = children.filter((c) => failedOrError(c.phase)).at(-1);
        e.finish(group, bad ? bad.phase : 'Succeeded');
      }
    }
  };

  for (const t of targets) {
    executeTask(t);
    const n = taskNode(t);
    if (n && isFulfilled(n)) runExit(byName.get(t)!, n, taskScope(t));
  }

  const phase = assessDagPhase(e, node, targets, byName, dag.failFast !== false);
  if (phase === 'Running') return node;
  node.outboundNodes = targets.flatMap((t) => {
    const n = taskNode(t);
    return n ? outboundNodes(e, n) : [];
  });
  if (phase !== 'Succeeded') {
    const culprit = targets.map(taskNode).find((n) => n && failedOrError(n.phase));
    return e.finish(
      node,
      phase,
      culprit ? `task ${culprit.displayName} ${culprit.phase}` : undefined,
    );
  }
  const all = new Map(scope);
  for (const t of tasks) {
    const n = taskNode(String(t.name));
    if (n) addNodeToScope(all, `tasks.${String(t.name)}`, n);
  }
  node.outputs = templateOutputs(tmpl, all, (m) => e.note(call.path, m));
  return e.finish(node, 'Succeeded');
}

function skipped(
  name: string,
  displayName: string,
  path: string[],
  boundaryID: string,
  phase: NodePhase,
  message: string,
) {
  return { name, displayName, path, boundaryID, type: 'Skipped' as const, phase, message };
}

/** Tasks no other task depends on, sorted (dag.go findLeafTaskNames). */
function leafTasks(tasks: DagTask[], logicOf: (name: string) => DependsLogic): string[] {
  const depended = new Set<string>();
  for (const t of tasks) {
    const l = logicOf(String(t.name));
    if (l.kind !== 'none') l.tasks.forEach((d) => depended.add(d));
  }
  return tasks
    .map((t) => String(t.name))
    .filter((n) => !depended.has(n))
    .sort();
}

/** dag.go assessDAGPhase, over the nodes' children as the controller links them. */
function assessDagPhase(
  e: Engine,
  boundary: SimNode,
  targets: string[],
  byName: ReadonlyMap<string, DagTask>,
  failFast: boolean,
): NodePhase {
  const targetPhases = new Map<string, string>();
  const idOf = (t: string) => e.node(`${boundary.name}.${t}`)?.id ?? `missing:${t}`;
  for (const t of targets) targetPhases.set(idOf(t), '');
  const queue: [string, string][] = boundary.children.map((id) => [id, 'Succeeded']);
  const seen = new Set<string>();
  while (queue.length > 0) {
    const [id, inherited] = queue.shift()!;
    if (seen.has(`${id}|${inherited}`)) continue;
    seen.add(`${id}|${inherited}`);
    const n = e.byId(id);
    if (!n || !isFulfilled(n)) return 'Running';
    const branch = isCompleted(n) ? n.phase : inherited;
    const previous = targetPhases.get(n.id);
    if (previous !== undefined && !failedOrError(previous)) targetPhases.set(n.id, branch);
    const next =
      n.type === 'Retry'
        ? n.children.flatMap((c) => {
            const child = e.byId(c);
            if (!child) return [];
            return child.hooked ? [c] : child.children;
          })
        : n.children;
    for (const c of next) queue.push([c, branch]);
  }
  let result: NodePhase = 'Succeeded';
  for (const t of targets) {
    const phase = targetPhases.get(idOf(t)) ?? '';
    if (phase === '') {
      result = 'Running';
      if (!failFast) break;
    } else if (failedOrError(phase)) {
      if (continuesOn(byName.get(t) ?? {}, phase)) continue;
      result = phase as NodePhase;
      if (failFast) break;
    }
  }
  return result;
}
