/**
 * A steps template (workflow/controller steps.go): groups run one after the
 * other, the steps of a group in parallel. A step whose `when` is false is
 * Skipped; a loop expands into one node per item (no group node, unlike a
 * DAG). A group fails when one of its steps Failed or Errored without
 * `continueOn` for that phase, and the steps template fails with it: later
 * groups never start. An invalid `when` errors the group.
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
import { expandLoop } from './loops';
import { templateOutputs } from './outputs';
import { addAggregateToScope, addNodeToScope } from './scope';
import { substituteDeep } from './substitute';
import type { SimNode } from './types';

export function executeSteps(
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
      type: 'Steps',
      phase: 'Running',
      path: call.path,
      boundaryID: call.boundaryID,
      templateName,
      hooked: call.hooked,
    });
  if (isFulfilled(node)) return node;
  const groups = (tmpl.steps as unknown[]).map((g) =>
    (Array.isArray(g) ? g : isObject(g) && Array.isArray(g.steps) ? g.steps : []).filter(isObject),
  );
  const stepsScope = new Map(scope);
  const byId = (id: string) => e.byId(id);
  let previous: SimNode | undefined;
  for (const [i, group] of groups.entries()) {
    const sgName = `${node.name}[${i}]`;
    let sg = e.node(sgName);
    if (!sg) {
      sg = e.create({
        name: sgName,
        displayName: `[${i}]`,
        type: 'StepGroup',
        phase: 'Running',
        path: call.path,
        boundaryID: node.id,
        templateName,
      });
      if (!previous) e.addChild(node, sg);
      else if (previous.children.length === 0) e.addChild(previous, sg);
      else
        for (const c of previous.children) {
          const child = byId(c);
          for (const id of child ? outboundNodes(e, child) : []) {
            const parent = byId(id);
            if (parent) e.addChild(parent, sg);
          }
        }
    }
    executeGroup(e, call, sg, group, stepsScope, ctx, node);
    if (!isFulfilled(sg)) return node;
    if (failedOrError(sg.phase)) {
      node.outboundNodes = outbound(e, sg);
      return e.finish(node, 'Failed', sg.message);
    }
    for (const step of group) {
      const name = String(step.name);
      const child = e.node(`${sgName}.${name}`);
      if (child) addNodeToScope(stepsScope, `steps.${name}`, child);
      else {
        const items = sg.children
          .map(byId)
          .filter(
            (n): n is SimNode =>
              !!n && n.name.startsWith(`${sgName}.${name}(`) && n.type !== 'Skipped',
          );
        addAggregateToScope(stepsScope, `steps.${name}`, items);
      }
    }
    previous = sg;
  }
  if (previous) node.outboundNodes = outbound(e, previous);
  node.outputs = templateOutputs(tmpl, stepsScope, (m) => e.note(call.path, m));
  return e.finish(node, 'Succeeded');
}

function outbound(e: Engine, sg: SimNode): string[] {
  return sg.children.flatMap((c) => {
    const n = e.byId(c);
    return n ? outboundNodes(e, n) : [];
  });
}

function executeGroup(
  e: Engine,
  call: Call,
  sg: SimNode,
  group: JsonObject[],
  scope: ReadonlyMap<string, string>,
  ctx: TemplateContext,
  stepsNode: SimNode,
): void {
  if (isFulfilled(sg)) return;
  const stepOf = new Map<string, JsonObject>();
  for (const step of group) {
    const name = String(step.name);
    const { withItems, withParam, withSequence, ...rest } = step;
    const resolved = substituteDeep(rest, scope);
    const loop = expandLoop(name, { withItems, withParam, withSequence }, scope);
    if (loop.kind === 'error') {
      e.finish(sg, 'Error', loop.message);
      return;
    }
    let expanded: { name: string; step: JsonObject }[];
    if (loop.kind === 'none') expanded = [{ name, step: resolved }];
    else if (loop.kind === 'unknown') {
      e.note([...call.path, name], `${loop.message}; simulated as one item`);
      expanded = [{ name: `${name}(0:?)`, step: resolved }];
    } else {
      if (loop.items.length === 0 && !e.node(`${sg.name}.${name}`)) {
        const n = e.create({
          name: `${sg.name}.${name}`,
          displayName: name,
          type: 'Skipped',
          phase: 'Skipped',
          path: [...call.path, name],
          boundaryID: stepsNode.id,
          message: 'Skipped, empty params',
        });
        e.addChild(sg, n);
      }
      expanded = loop.items.map((it) => ({
        name: it.name,
        step: substituteDeep(resolved, new Map([...scope, ...it.scope])),
      }));
    }
    for (const x of expanded) {
      const childName = `${sg.name}.${x.name}`;
      const path = [...call.path, x.name];
      stepOf.set(childName, step);
      if (!e.node(childName)) {
        const w = e.when(x.step.when, path);
        if ('error' in w) {
          const n = e.create({
            name: childName,
            displayName: x.name,
            type: 'Skipped',
            phase: 'Error',
            path,
            boundaryID: stepsNode.id,
            message: w.error,
          });
          e.addChild(sg, n);
          e.finish(sg, 'Error', w.error);
          return;
        }
        if (!w.value) {
          const n = e.create({
            name: childName,
            displayName: x.name,
            type: 'Skipped',
            phase: 'Skipped',
            path,
            boundaryID: stepsNode.id,
            message: `when '${String(x.step.when)}' evaluated false`,
          });
          e.addChild(sg, n);
          continue;
        }
      }
      const child = e.execute({
        nodeName: childName,
        displayName: x.name,
        holder: x.step,
        boundaryID: stepsNode.id,
        path,
        ctx,
      });
      e.addChild(sg, child);
    }
  }
  let complete = true;
  for (const id of sg.children) {
    const child = e.byId(id);
    if (!child || child.hooked) continue;
    if (!isFulfilled(child)) complete = false;
    else if (isCompleted(child)) {
      const step = stepOf.get(child.name) ?? {};
      const exitScope = new Map(scope);
      exitScope.set(`steps.${String(step.name)}.status`, child.phase);
      const exit = e.runExitHook(step, child, { boundaryID: stepsNode.id, ctx }, exitScope);
      if (exit && !isFulfilled(exit)) complete = false;
    }
  }
  if (!complete) return;
  for (const id of sg.children) {
    const child = e.byId(id);
    if (!child || child.hooked) continue;
    const step = stepOf.get(child.name) ?? {};
    if (failedOrError(child.phase) && !continuesOn(step, child.phase)) {
      e.finish(sg, 'Failed', `child '${child.id}' failed`);
      return;
    }
  }
  e.finish(sg, 'Succeeded');
}
