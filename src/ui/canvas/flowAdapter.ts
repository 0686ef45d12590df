/**
 * Projects the template in scope onto React Flow nodes and edges: a DAG's
 * tasks where the layout puts them, with dependency edges and data wires; a
 * steps template's steps in one column per group, a frame around each group
 * and an edge from each group to the next; a leaf template as one node. Node
 * and edge objects are cached and reused while their inputs are the same
 * objects, so React Flow re-renders only what changed (dragging one node
 * re-creates one node object, not a thousand).
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
  type Via,
} from '../../core/model/dataFlow';
import { pointAt } from '../../core/model/layout';
import { referencedTemplate } from '../../core/library/templateRefs';
import type { Layout, Pipeline, Point, Task, Template } from '../../core/model/types';
import { levelLayout } from '../../core/graph/levelLayout';
import { NODE_HEIGHT } from '../../core/graph/layoutSpacing';
import { nodeHeights } from '../../core/model/dataFlow';
import { scopeEntries, scopeLayout, scopeTasks } from '../../core/model/scope';
import { scopeView, type ScopeNode } from '../../core/model/scopeView';
import { handlerCalls } from '../../core/model/templateGraph';
import { stepsGeometry } from './stepsGeometry';
import { nodeLabel, taskBadges, type TaskBadge } from './taskBadges';
import { createSizeBook, nodeShape, type NodeLook } from './nodeSizes';

export interface TaskNodeData extends Record<string, unknown> {
  name: string;
  /** Template (or templateRef) the task runs. */
  runs: string;
  /** Data ports from the template: inputs on the left, outputs on the right. */
  ports: { inputs: Port[]; outputs: Port[] };
  /** Image, resource kind, or the template type. */
  detail: string;
  problems: Diagnostic[];
  /** A task, a step, or the one node of a leaf template. */
  kind: ScopeNode['kind'];
  /** The DAG or steps template of this manifest the node opens (drill-down). */
  opens?: string;
  /** Exit handler and lifecycle hooks: `onExit -> cleanup`, `hooks.running -> notify`. */
  handlers: { name: string; template: string }[];
  /** when, loops, retries, continueOn (taskBadges.ts). */
  badges: TaskBadge[];
}

export type TaskFlowNode = Node<TaskNodeData, 'task'>;

export interface GroupNodeData extends Record<string, unknown> {
  /** 1-based position of the group: the order it runs in. */
  order: number;
  parallel: number;
}
export type GroupFlowNode = Node<GroupNodeData, 'stepGroup'>;
export type CanvasNode = TaskFlowNode | GroupFlowNode;
/** A dependency edge (task to task), or a data wire (output port to input port). */
export type DependencyEdge = Edge<{ result?: string; wire?: DataEdge }>;

const wireCache = {
  tasks: new WeakMap<Task, DataEdge[]>(),
  steps: new WeakMap<Task, DataEdge[]>(),
};
function wiresInto(task: Task, via: Via): DataEdge[] {
  let wires = wireCache[via].get(task);
  if (!wires) wireCache[via].set(task, (wires = dataEdgesInto(task, via)));
  return wires;
}

const NO_EDGES: DependencyEdge[] = [];

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
  node: ScopeNode,
  template: Template | undefined,
): Pick<TaskNodeData, 'runs' | 'detail'> {
  const call = node.call;
  const ref = call.kind === 'templateRef' ? call : undefined;
  const runs =
    node.kind === 'template'
      ? 'template'
      : call.kind === 'template'
        ? call.template
        : ref
          ? `${ref.name}/${ref.template}`
          : call.kind === 'inline'
            ? 'inline'
            : '—';
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

const fallbacks = new WeakMap<readonly Task[], Layout>();

/**
 * Where tasks without a position are drawn: placed by dependency level (a
 * DAG opened by drilling in, tasks the YAML panel added). View state only:
 * the document gets positions when the user moves a node or lays it out.
 */
function unplaced(p: Pipeline, layout: Layout): Layout | undefined {
  const tasks = scopeTasks(p);
  if (tasks.every((t) => pointAt(layout, t.name))) return undefined;
  let placed = fallbacks.get(tasks);
  if (!placed) fallbacks.set(tasks, (placed = levelLayout(tasks, nodeHeights(p, NODE_HEIGHT))));
  return placed;
}

interface NodeCacheEntry {
  source: ScopeNode;
  position: Point | undefined;
  selected: boolean;
  /** The size the node is drawn with: measured, or estimated from its shape. */
  measured: Size | undefined;
  /** The canvas's measured size last seen for it, to learn from each new one once. */
  fromSizes: Size | undefined;
  problems: Diagnostic[] | undefined;
  node: TaskFlowNode;
}

const NO_HANDLERS: TaskNodeData['handlers'] = [];

/** A stateful projector: call it with each new state, it reuses what it can. */
export function createFlowAdapter() {
  let nodeCache = new Map<string, NodeCacheEntry>();
  let edgeCache = new Map<Task, DependencyEdge[]>();
  let dataEdgeCache = new Map<string, DependencyEdge>();
  let groupCache: GroupFlowNode[] = [];
  let lastNodes: CanvasNode[] = [];
  let lastEdges: DependencyEdge[] = [];
  let lastTemplate: Template | undefined;
  const book = createSizeBook();

  function nodes(
    p: Pipeline,
    selection: ReadonlySet<string>,
    problems: Map<string, Diagnostic[]>,
    sizes: ReadonlyMap<string, Size>,
    look: NodeLook,
  ): CanvasNode[] {
    const view = scopeView(p);
    // Another template on the canvas: names mean other nodes.
    if (view.template !== lastTemplate && view.template?.name !== lastTemplate?.name)
      nodeCache = new Map();
    lastTemplate = view.template;
    const steps = view.type === 'steps';
    const geometry = steps
      ? stepsGeometry(
          view.nodes.map((n) => ({ id: n.id, group: n.group!, index: n.index! })),
          view.groups,
          (id) => sizes.get(id)?.height ?? 0,
        )
      : undefined;
    const layout = scopeLayout(p);
    const fallback = steps ? undefined : unplaced(p, layout);
    const next = new Map<string, NodeCacheEntry>();
    const groups = steps ? groupNodes(geometry!.frames, view.groups) : [];
    let changed = view.nodes.length + groups.length !== lastNodes.length || groups !== groupCache;
    const out: CanvasNode[] = [...groups];
    view.nodes.forEach((source, i) => {
      const template = source.runs ?? referencedTemplate(source.task);
      const hit = nodeCache.get(source.id);
      const placed = geometry
        ? geometry.positions.get(source.id)
        : (pointAt(layout, source.id) ?? (fallback && pointAt(fallback, source.id)));
      // Steps are placed anew on every pass: keep the object while it stays put.
      const position =
        hit?.position && placed && hit.position.x === placed.x && hit.position.y === placed.y
          ? hit.position
          : placed;
      const selected = selection.has(source.id);
      const nodeProblems = problems.get(source.id);
      const data: TaskNodeData =
        hit &&
        hit.source.task === source.task &&
        hit.source.runs === template &&
        hit.source.opens === source.opens &&
        hit.problems === nodeProblems
          ? hit.node.data
          : {
              name: source.id,
              kind: source.kind,
              ...describe(source, template),
              ports: portsOf(template),
              problems: nodeProblems ?? [],
              ...(source.opens !== undefined ? { opens: source.opens } : {}),
              handlers: source.task ? handlerCalls(source.task) : NO_HANDLERS,
              badges: taskBadges(source.task, template),
            };
      const fromSizes = sizes.get(source.id);
      if (fromSizes && fromSizes !== hit?.fromSizes) book.learn(nodeShape(data, look), fromSizes);
      // A node keeps the size it was given until React Flow reports another (nodeSizes.ts).
      const measured = fromSizes ?? hit?.measured ?? book.estimate(nodeShape(data, look));
      let entry = hit;
      if (
        !hit ||
        hit.node.data !== data ||
        hit.position !== position ||
        hit.selected !== selected ||
        hit.measured !== measured
      ) {
        entry = {
          source,
          position,
          selected,
          measured,
          fromSizes,
          problems: nodeProblems,
          node: {
            id: source.id,
            type: 'task',
            position: position ?? ORIGIN,
            data,
            selected,
            ariaLabel: nodeLabel(data),
            // Steps are placed by their group: a drag moves them to another place, not anywhere.
            ...(source.kind === 'template' ? { draggable: false } : {}),
            ...(measured ? { measured } : {}),
          },
        };
      }
      next.set(source.id, entry!);
      if (lastNodes[groups.length + i] !== entry!.node) changed = true;
      out.push(entry!.node);
    });
    nodeCache = next;
    if (changed) lastNodes = out;
    return lastNodes;
  }

  /** One frame per group of steps, reused while its box and size are the same. */
  function groupNodes(
    frames: { x: number; y: number; width: number; height: number }[],
    counts: readonly number[],
  ): GroupFlowNode[] {
    const same =
      frames.length === groupCache.length &&
      frames.every((f, g) => {
        const old = groupCache[g]!;
        return (
          old.position.x === f.x &&
          old.width === f.width &&
          old.height === f.height &&
          old.data.parallel === counts[g]
        );
      });
    if (same) return groupCache;
    groupCache = frames.map((f, g) => ({
      id: `group:${g}`,
      type: 'stepGroup',
      position: { x: f.x, y: f.y },
      width: f.width,
      height: f.height,
      data: { order: g + 1, parallel: counts[g] ?? 0 },
      draggable: false,
      selectable: false,
      connectable: false,
      zIndex: -1,
    }));
    return groupCache;
  }

  function edges(p: Pipeline): DependencyEdge[] {
    const view = scopeView(p);
    const steps = view.type === 'steps';
    // Steps are ordered by their groups: one edge from frame to frame, no dependencies.
    const sequence = steps ? groupEdges(view.groups.length) : NO_EDGES;
    const entries = steps ? scopeEntries(p) : scopeTasks(p);
    const via: Via = steps ? 'steps' : 'tasks';
    const next = new Map<Task, DependencyEdge[]>();
    const nextData = new Map<string, DependencyEdge>();
    const out: DependencyEdge[] = [...sequence];
    const names = new Set(entries.map((t) => t.name));
    // A task edited in a way its edges do not show (an image, a new task with
    // no dependencies) keeps its edge objects: React Flow is handed the same
    // array and does no work for its edges.
    let before: Map<string, DependencyEdge> | undefined;
    const reuse = (edge: DependencyEdge): DependencyEdge => {
      before ??= new Map(lastEdges.map((e) => [e.id, e]));
      const old = before.get(edge.id);
      return old && sameDependency(old, edge) ? old : edge;
    };
    for (const task of entries) {
      let list = steps ? NO_EDGES : edgeCache.get(task);
      if (!list) {
        const results = edgeResults(task);
        list = taskDependencies(task)
          .filter((from) => names.has(from))
          .map((from) =>
            reuse({
              id: `${from}->${task.name}`,
              source: from,
              target: task.name,
              data: { result: results.get(from) },
              className: results.get(from) ? `edge-${results.get(from)!.toLowerCase()}` : undefined,
              label: results.get(from),
            }),
          );
      } else if (list.some((e) => !names.has(e.source))) {
        list = list.filter((e) => names.has(e.source));
      }
      next.set(task, list);
      out.push(...list);
      for (const wire of wiresInto(task, via)) {
        const source = names.has(wire.from) ? findTask(p, wire.from) : undefined;
        const ports =
          source && portsOf(findTemplate(p, source.template) ?? referencedTemplate(source));
        if (!ports?.outputs.some((o) => o.kind === wire.output.kind && o.name === wire.output.name))
          continue;
        const id = `data:${wire.from}:${portHandleId(wire.output)}->${task.name}:${portHandleId(wire.input)}`;
        let edge = dataEdgeCache.get(id);
        if (!edge) {
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
    dataEdgeCache = nextData;
    edgeCache = next;
    lastSequence = sequence;
    if (out.length === lastEdges.length && out.every((e, i) => e === lastEdges[i]))
      return lastEdges;
    lastEdges = out;
    return out;
  }

  let lastSequence: DependencyEdge[] = NO_EDGES;
  /** Each group runs after the one before: one edge from frame to frame. */
  function groupEdges(count: number): DependencyEdge[] {
    const n = Math.max(0, count - 1);
    if (lastSequence.length === n && lastSequence !== NO_EDGES) return lastSequence;
    if (n === 0) return NO_EDGES;
    return Array.from({ length: n }, (_, g) => ({
      id: `group:${g}->group:${g + 1}`,
      source: `group:${g}`,
      target: `group:${g + 1}`,
      className: 'edge-sequence',
      selectable: false,
      deletable: false,
    }));
  }

  return { nodes, edges };
}

/** Two dependency edges that draw the same. */
function sameDependency(a: DependencyEdge, b: DependencyEdge): boolean {
  return (
    a.source === b.source &&
    a.target === b.target &&
    a.label === b.label &&
    a.className === b.className &&
    a.data?.result === b.data?.result &&
    a.data?.wire === undefined
  );
}

/**
 * The label of each edge: the result as written for a single operand, the
 * edge result for a recognised expansion (Completed, Any), `custom` otherwise.
 */
function edgeResults(task: Task): Map<string, string> {
  return edgeLabels(task);
}
