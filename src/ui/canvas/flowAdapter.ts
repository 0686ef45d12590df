/**
 * Projects the pipeline onto React Flow nodes and edges. Node and edge
 * objects are cached and reused while their inputs are the same objects, so
 * React Flow re-renders only what changed (dragging one node re-creates one
 * node object, not a thousand).
 */
import type { Edge, Node } from '@xyflow/react';
import type { Diagnostic } from '../../core/diagnostics';
import { taskDependencies } from '../../core/graph/taskDependencies';
import { edgeLabels } from '../../core/model/edgeResults';
import { findTemplate } from '../../core/model/spec';
import { findTask } from '../../core/model/pipeline';
import {
  dataEdgesInto,
  portHandleId,
  templatePorts,
  type DataEdge,
  type Port,
} from '../../core/model/dataFlow';
import { pointAt } from '../../core/model/layout';
import { referencedTemplate } from '../../core/library/templateRefs';
import type { Pipeline, Point, Task, Template } from '../../core/model/types';

export interface TaskNodeData extends Record<string, unknown> {
  name: string;
  /** Template (or templateRef) the task runs. */
  runs: string;
  /** Data ports from the template: inputs on the left, outputs on the right. */
  ports: { inputs: Port[]; outputs: Port[] };
  /** Image, resource kind, or the template type. */
  detail: string;
  problems: Diagnostic[];
}

export type TaskFlowNode = Node<TaskNodeData, 'task'>;
/** A dependency edge (task to task), or a data wire (output port to input port). */
export type DependencyEdge = Edge<{ result?: string; wire?: DataEdge }>;

const wireCache = new WeakMap<Task, DataEdge[]>();
function wiresInto(task: Task): DataEdge[] {
  let wires = wireCache.get(task);
  if (!wires) wireCache.set(task, (wires = dataEdgesInto(task)));
  return wires;
}

const ORIGIN: Point = { x: 0, y: 0 };

const portCache = new WeakMap<Template, { inputs: Port[]; outputs: Port[] }>();
const NO_PORTS = { inputs: [], outputs: [] };

/** A template's ports, computed once per template object. */
function portsOf(template: Template | undefined): { inputs: Port[]; outputs: Port[] } {
  if (!template) return NO_PORTS;
  let ports = portCache.get(template);
  if (!ports) portCache.set(template, (ports = templatePorts(template)));
  return ports;
}

/** A node's size as React Flow measured it; the minimap and fit view need it on the node. */
export interface Size {
  width: number;
  height: number;
}

function describe(
  task: Task,
  template: Template | undefined,
): Pick<TaskNodeData, 'runs' | 'detail'> {
  const ref = task.templateRef as { name?: string; template?: string } | undefined;
  const runs =
    task.template ??
    (ref ? `${ref.name ?? '?'}/${ref.template ?? '?'}` : task.inline ? 'inline' : '—');
  if (!template) return { runs, detail: ref ? 'templateRef' : '' };
  const container = (template.container ?? template.script) as { image?: string } | undefined;
  if (container?.image) return { runs, detail: container.image };
  const resource = template.resource as { manifest?: string } | undefined;
  if (resource) {
    const kind = /^kind:\s*(\S+)/m.exec(resource.manifest ?? '')?.[1];
    return { runs, detail: kind ? `resource: ${kind}` : 'resource' };
  }
  const type = ['dag', 'steps', 'http', 'suspend', 'containerSet', 'data', 'plugin'].find(
    (k) => k in template,
  );
  return { runs, detail: type ?? '' };
}

interface NodeCacheEntry {
  task: Task;
  template: Template | undefined;
  position: Point | undefined;
  selected: boolean;
  measured: Size | undefined;
  problems: Diagnostic[] | undefined;
  node: TaskFlowNode;
}

/** A stateful projector: call it with each new state, it reuses what it can. */
export function createFlowAdapter() {
  let nodeCache = new Map<string, NodeCacheEntry>();
  let edgeCache = new Map<Task, DependencyEdge[]>();
  let dataEdgeCache = new Map<string, DependencyEdge>();
  let lastNodes: TaskFlowNode[] = [];
  let lastEdges: DependencyEdge[] = [];

  function nodes(
    p: Pipeline,
    selection: ReadonlySet<string>,
    problems: Map<string, Diagnostic[]>,
    sizes: ReadonlyMap<string, Size>,
  ): TaskFlowNode[] {
    const next = new Map<string, NodeCacheEntry>();
    let changed = p.tasks.length !== lastNodes.length;
    const out = p.tasks.map((task, i) => {
      const template = findTemplate(p, task.template) ?? referencedTemplate(task);
      const position = pointAt(p.layout, task.name);
      const selected = selection.has(task.name);
      const taskProblems = problems.get(task.name);
      const measured = sizes.get(task.name);
      const hit = nodeCache.get(task.name);
      let entry = hit;
      if (
        !hit ||
        hit.task !== task ||
        hit.template !== template ||
        hit.position !== position ||
        hit.selected !== selected ||
        hit.measured !== measured ||
        hit.problems !== taskProblems
      ) {
        const data: TaskNodeData =
          hit && hit.task === task && hit.template === template && hit.problems === taskProblems
            ? hit.node.data
            : {
                name: task.name,
                ...describe(task, template),
                ports: portsOf(template),
                problems: taskProblems ?? [],
              };
        entry = {
          task,
          template,
          position,
          selected,
          measured,
          problems: taskProblems,
          node: {
            id: task.name,
            type: 'task',
            position: position ?? ORIGIN,
            data,
            selected,
            ...(measured ? { measured } : {}),
          },
        };
      }
      next.set(task.name, entry!);
      if (lastNodes[i] !== entry!.node) changed = true;
      return entry!.node;
    });
    nodeCache = next;
    if (changed) lastNodes = out;
    return lastNodes;
  }

  function edges(p: Pipeline): DependencyEdge[] {
    const next = new Map<Task, DependencyEdge[]>();
    const nextData = new Map<string, DependencyEdge>();
    let changed = false;
    const out: DependencyEdge[] = [];
    const names = new Set(p.tasks.map((t) => t.name));
    for (const task of p.tasks) {
      let list = edgeCache.get(task);
      if (!list) {
        changed = true;
        const results = edgeResults(task);
        list = taskDependencies(task)
          .filter((from) => names.has(from))
          .map((from) => ({
            id: `${from}->${task.name}`,
            source: from,
            target: task.name,
            data: { result: results.get(from) },
            className: results.get(from) ? `edge-${results.get(from)!.toLowerCase()}` : undefined,
            label: results.get(from),
          }));
      } else if (list.some((e) => !names.has(e.source))) {
        changed = true;
        list = list.filter((e) => names.has(e.source));
      }
      next.set(task, list);
      out.push(...list);
      for (const wire of wiresInto(task)) {
        const source = names.has(wire.from) ? findTask(p, wire.from) : undefined;
        const ports =
          source && portsOf(findTemplate(p, source.template) ?? referencedTemplate(source));
        if (!ports?.outputs.some((o) => o.kind === wire.output.kind && o.name === wire.output.name))
          continue;
        const id = `data:${wire.from}:${portHandleId(wire.output)}->${task.name}:${portHandleId(wire.input)}`;
        let edge = dataEdgeCache.get(id);
        if (!edge) {
          changed = true;
          edge = {
            id,
            source: wire.from,
            target: task.name,
            sourceHandle: portHandleId(wire.output),
            targetHandle: portHandleId(wire.input),
            className: 'edge-data',
            data: { wire },
          };
        }
        nextData.set(id, edge);
        out.push(edge);
      }
    }
    if (nextData.size !== dataEdgeCache.size) changed = true;
    dataEdgeCache = nextData;
    edgeCache = next;
    if (!changed && out.length === lastEdges.length) return lastEdges;
    lastEdges = out;
    return out;
  }

  return { nodes, edges };
}

/**
 * The label of each edge: the result as written for a single operand, the
 * edge result for a recognised expansion (Completed, Any), `custom` otherwise.
 */
function edgeResults(task: Task): Map<string, string> {
  return edgeLabels(task);
}
