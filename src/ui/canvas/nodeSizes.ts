// Sizes for task nodes React Flow has not measured yet. React Flow draws a
// node without a size hidden, measures it, and reports the size; the canvas
// then hands the node back with it, which costs one more store update and
// render of the whole canvas before the node shows. At 1,000 tasks that round
// was most of the time an added or renamed task took to appear, and at Open a
// second pass over every node. A node's box follows from what it draws: the
// width is fixed and every text is cut to one line, so at one level of detail
// the same rows, ports and badges make the same box. A new node therefore
// starts with the size last measured for a node of its shape; when that is
// right, React Flow's own measurement changes nothing and reports nothing, and
// when it is wrong, React Flow reports the real size as before.
import type { Size, TaskNodeData } from './flowAdapter';

/** How the canvas draws its nodes now (see TaskNode.tsx). */
export interface NodeLook {
  /** At or above the detail zoom (levelOfDetail.ts). */
  detailed: boolean;
  /** A run is shown: nodes carry a run badge whose size follows the run. */
  runWatched: boolean;
}

/**
 * What decides a task node's size under `look`, as a key; undefined when the
 * size cannot be told ahead (a run badge's message can take any number of lines).
 */
export function nodeShape(data: TaskNodeData, look: NodeLook): string | undefined {
  if (look.runWatched) return undefined;
  if (!look.detailed) return 'compact';
  // Asked on every canvas render for a node never measured (one out of view):
  // computed once per node data object.
  let shape = detailedShapes.get(data);
  if (shape === undefined) detailedShapes.set(data, (shape = detailedShape(data)));
  return shape;
}

const detailedShapes = new WeakMap<TaskNodeData, string>();

/**
 * Everything TaskNode draws in detail, except what is one line whatever it
 * says (name, runs, detail: ellipsis) or absolutely placed (problem badge).
 */
function detailedShape(data: TaskNodeData): string {
  return JSON.stringify([
    data.runs !== data.name,
    data.opens !== undefined,
    data.detail !== '',
    data.handlers.map((h) => `${h.name}→${h.template}`),
    data.badges.map((b) => b.label),
    data.ports.inputs.map((p) => p.name),
    data.ports.outputs.map((p) => p.name),
  ]);
}

/** The size last measured for each node shape. */
export interface SizeBook {
  /** Records a measured size; keeps the old object when the size is the same. */
  learn(shape: string | undefined, size: Size): void;
  estimate(shape: string | undefined): Size | undefined;
}

export function createSizeBook(): SizeBook {
  const byShape = new Map<string, Size>();
  return {
    learn(shape, size) {
      if (shape === undefined) return;
      const known = byShape.get(shape);
      if (known?.width !== size.width || known.height !== size.height) byShape.set(shape, size);
    },
    estimate: (shape) => (shape === undefined ? undefined : byShape.get(shape)),
  };
}
