// The canvas: React Flow over the template in scope. Drops from the palette add
// tasks (into a steps template: into the group or between the groups under
// the pointer); connecting adds dependencies, and a refused connection says
// why; double-clicking a task that runs a DAG or steps template opens it.
import {
  Background,
  Controls,
  MarkerType,
  ReactFlow,
  useConnection,
  useReactFlow,
  type Connection,
  type EdgeChange,
  type FinalConnectionState,
  type NodeChange,
} from '@xyflow/react';
import {
  useCallback,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type DragEvent,
  type ReactNode,
} from 'react';
import { checkConnection, refusedTargets } from '../../core/model/connections';
import {
  parsePortHandle,
  portsFit,
  referencesBetween,
  stepOrderProblem,
} from '../../core/model/dataFlow';
import type { Point } from '../../core/model/types';
import type { Diagnostic } from '../../core/diagnostics';
import { diagnosticsByTask } from '../../store/derived';
import { useEditor, useEditorStore } from '../EditorContext';
import { PALETTE_MIME } from '../palette/paletteDrag';
import { createFlowAdapter, type CanvasNode, type DependencyEdge, type Size } from './flowAdapter';
import { TaskNode } from './TaskNode';
import { useDetailed, useLevelOfDetail } from './levelOfDetail';
import { GroupNode } from './GroupNode';
import { ScopeBar } from './ScopeBar';
import { EmptyCanvas } from './EmptyCanvas';
import { stepsGeometry, placeAt } from './stepsGeometry';
import { scopeView } from '../../core/model/scopeView';
import { CanvasViewContext, createRefusedTargets, NO_TASKS, type CanvasView } from './canvasView';
import { useProgressiveReveal } from './useProgressiveReveal';
import { MINIMAP_CLEAR } from './fitPadding';
import { isNoteId, useNoteNodes } from '../notes/useNoteNodes';
import { useCanvasErgonomics } from './useCanvasErgonomics';
import { ContextMenu, EdgeInsertButton, NoteNode, OverviewMap } from '../lazyPanels';
import { QuickAdd } from '../quickadd/QuickAdd';
import { RenameBox } from './RenameBox';

const nodeTypes = { task: TaskNode, stepGroup: GroupNode, note: NoteNode };
// Low enough to fit thousands of tasks in view (a 5,000-task DAG placed by
// level can be 50,000 px tall); nodes show as plain boxes that far out.
export const MIN_ZOOM = 0.01;

/** Adds the server's lint problems to the per-task lists (rare, so copying is fine). */
function withServerProblems(
  local: Map<string, Diagnostic[]>,
  server: Diagnostic[],
): Map<string, Diagnostic[]> {
  if (server.length === 0) return local;
  const merged = new Map(local);
  for (const d of server) if (d.task) merged.set(d.task, [...(merged.get(d.task) ?? []), d]);
  return merged;
}
const deleteKeys = ['Delete', 'Backspace'];
// Dependencies point the way they run: an arrowhead at the task that waits.
const EDGE_DEFAULTS = { markerEnd: { type: MarkerType.ArrowClosed, width: 18, height: 18 } };

export function Canvas({
  onOpenFile,
  colorMode,
  minimap = true,
  controls,
}: {
  onOpenFile: (file: File) => void;
  colorMode: 'light' | 'dark';
  minimap?: boolean;
  /** More buttons for the controls panel (focus mode, minimap). */
  controls?: ReactNode;
}) {
  const store = useEditorStore();
  const adapter = useMemo(() => createFlowAdapter(), []);
  const pipeline = useEditor((s) => s.pipeline);
  // templateRef tasks take their ports from the library: draw again when it loads.
  useEditor((s) => s.library.version);
  const selection = useEditor((s) => s.selection);
  const selectedSet = useMemo(() => new Set(selection), [selection]);
  const server = useEditor((s) => s.serverDiagnostics);
  const local = useEditor(diagnosticsByTask);
  const problems = useMemo(() => withServerProblems(local, server), [local, server]);
  // Measured sizes are view state, not document state: kept here, not in the store.
  const [sizes, setSizes] = useState<ReadonlyMap<string, Size>>(() => new Map());
  // Handlers read the sizes when called: depending on them would give React
  // Flow new handlers after every measurement, and it re-renders every node
  // when a handler changes (2 s after adding a task at 10,000 tasks).
  const sizesNow = useRef(sizes);
  useLayoutEffect(() => {
    sizesNow.current = sizes;
  }, [sizes]);
  const detailed = useDetailed();
  const runWatched = useEditor((s) => s.run !== undefined);
  const look = useMemo(() => ({ detailed, runWatched }), [detailed, runWatched]);
  const nodes = adapter.nodes(pipeline, selectedSet, problems, sizes, look);
  const edges = adapter.edges(pipeline);
  const selectedEdge = useEditor((s) => s.selectedEdge);
  const selectedEdges = useMemo(
    () => edges.map((e) => (e.id === selectedEdge ? { ...e, selected: true } : e)),
    [edges, selectedEdge],
  );
  // Where a dragged step is while it is dragged: view state until it is dropped.
  const [stepDrag, setStepDrag] = useState<ReadonlyMap<string, Point> | undefined>();
  const dragged = useMemo(
    () =>
      stepDrag
        ? nodes.map((n) => (stepDrag.has(n.id) ? { ...n, position: stepDrag.get(n.id)! } : n))
        : nodes,
    [nodes, stepDrag],
  );
  const { nodes: shownNodes, edges: shownEdges } = useProgressiveReveal(dragged, selectedEdges);
  const flow = useReactFlow<CanvasNode, DependencyEdge>();
  const notes = useNoteNodes();
  const withNotes = useMemo(
    // Notes are nodes of their own type; every handler here tells them by id (isNoteId).
    () =>
      notes.nodes.length > 0
        ? [...shownNodes, ...(notes.nodes as unknown as CanvasNode[])]
        : shownNodes,
    [shownNodes, notes.nodes],
  );
  const placeAt = useCallback(
    (at: Point) => {
      const view = scopeView(store.getState().pipeline);
      return view.type === 'steps' ? stepPlaceAt(view, at, sizesNow.current) : undefined;
    },
    [store],
  );
  const ergo = useCanvasErgonomics(flow, placeAt);
  // The handlers, not the objects holding them, are stable: depend on those (see onNodeDragStop).
  const { onChanges: onNoteChanges } = notes;
  const { onConnectEnd: pickOnConnectEnd } = ergo;

  const onNodesChange = useCallback(
    (changes: NodeChange<CanvasNode>[]) => {
      changes = onNoteChanges(changes.filter((c) => !('id' in c) || !c.id.startsWith('group:')));
      const measured = changes.filter((c) => c.type === 'dimensions' && c.dimensions);
      if (measured.length > 0) {
        setSizes((old) => {
          const next = new Map(old);
          for (const c of measured)
            if (c.type === 'dimensions' && c.dimensions) next.set(c.id, c.dimensions);
          return next;
        });
      }
      const steps = scopeView(store.getState().pipeline).type === 'steps';
      const moves = new Map<string, Point>();
      let dragging = false;
      let selectionChanged = false;
      const selected = new Set(store.getState().selection);
      for (const c of changes) {
        if (c.type === 'position' && c.position) {
          moves.set(c.id, c.position);
          dragging ||= c.dragging === true;
        } else if (c.type === 'select') {
          selectionChanged = true;
          if (c.selected) selected.add(c.id);
          else selected.delete(c.id);
        }
      }
      // A step follows the pointer while dragged (view state), then lands in a place of the groups.
      if (moves.size > 0 && steps) setStepDrag(dragging ? moves : undefined);
      else if (moves.size > 0) {
        if (dragging) store.getState().dragTasks(moves);
        else store.getState().placeTasks(moves);
      }
      if (selectionChanged) store.getState().select([...selected]);
    },
    [store, onNoteChanges],
  );

  // React Flow copies each prop into its store when the prop changes: an
  // inline function here cost one more store update (every node and edge
  // re-running its selectors) on every drag move.
  const onNodeDragStop = useCallback(
    (_: unknown, node: CanvasNode) => {
      const p = store.getState().pipeline;
      const view = scopeView(p);
      if (view.type !== 'steps' || isNoteId(node.id)) return store.getState().endDrag();
      setStepDrag(undefined);
      const place = stepPlaceAt(view, node.position, sizesNow.current);
      store.getState().moveStep(node.id, place);
    },
    [store],
  );

  const onNodeDoubleClick = useCallback(
    (_: unknown, node: CanvasNode) => {
      const opens = node.type === 'task' ? node.data.opens : undefined;
      if (opens) store.getState().openScope(opens, node.id);
    },
    [store],
  );

  const onEdgesChange = useCallback(
    (changes: EdgeChange<DependencyEdge>[]) => {
      for (const c of changes) {
        if (c.type === 'select') store.getState().selectEdge(c.selected ? c.id : undefined);
      }
    },
    [store],
  );

  const onDelete = useCallback(
    ({ nodes: all, edges: cut }: { nodes: CanvasNode[]; edges: DependencyEdge[] }) => {
      const gone = all.filter((n) => !isNoteId(n.id));
      const p = store.getState().pipeline;
      const removed = new Set(gone.map((n) => n.id));
      // A dependency whose downstream task reads the upstream's outputs: removing
      // it alone would leave references Argo cannot resolve.
      const carrying = cut.filter(
        (e) =>
          !e.data?.wire &&
          !removed.has(e.target) &&
          referencesBetween(p, e.source, e.target).length > 0,
      );
      let withReferences = false;
      if (carrying.length > 0) {
        const list = carrying.map((e) => `${e.target} reads outputs of ${e.source}`).join('\n');
        withReferences = window.confirm(
          `${list}\n\nRemove those references too? (Cancel keeps the dependencies.)`,
        );
        if (!withReferences) {
          cut = cut.filter((e) => !carrying.includes(e));
          if (cut.length === 0 && gone.length === 0) return;
        }
      }
      store.getState().deleteElements(
        gone.map((n) => n.id),
        cut.map((e) => ({ source: e.source, target: e.target, wire: e.data?.wire })),
        withReferences,
      );
    },
    [store],
  );

  const isValidConnection = useCallback(
    (c: Connection | DependencyEdge) => {
      const p = store.getState().pipeline;
      const type = scopeView(p).type;
      const output = parsePortHandle(c.sourceHandle);
      const input = parsePortHandle(c.targetHandle);
      if (type === 'steps')
        return (
          !!output &&
          !!input &&
          portsFit(output, input) &&
          stepOrderProblem(p, c.source, c.target) === undefined
        );
      if (type !== 'dag') return false;
      const refused = checkConnection(p, c.source, c.target);
      if (!output || !input) return refused === undefined;
      return (
        portsFit(output, input) &&
        (refused === undefined || refused.diagnostics[0]?.code === 'duplicate-dependency')
      );
    },
    [store],
  );

  const onConnect = useCallback(
    (c: Connection) =>
      store.getState().connectHandles(c.source, c.sourceHandle, c.target, c.targetHandle),
    [store],
  );

  const onConnectEnd = useCallback(
    (event: MouseEvent | TouchEvent, state: FinalConnectionState) => {
      if (pickOnConnectEnd(event, state)) return;
      // React Flow drops an invalid connection silently; say why it was refused.
      if (state.isValid || !state.fromNode || !state.toNode) return;
      const type = scopeView(store.getState().pipeline).type;
      const ports = !!state.fromHandle?.id && !!state.toHandle?.id;
      if (type === 'steps' && !ports)
        return store.getState().setNotice({
          kind: 'error',
          message:
            'Not connected: in a steps template the groups set the order. Drag a step into a later group to run it after another.',
        });
      if (type !== 'dag' && type !== 'steps') return;
      const [from, to] =
        state.fromHandle?.type === 'target'
          ? [state.toNode.id, state.fromNode.id]
          : [state.fromNode.id, state.toNode.id];
      const [fromHandle, toHandle] =
        state.fromHandle?.type === 'target'
          ? [state.toHandle?.id, state.fromHandle?.id]
          : [state.fromHandle?.id, state.toHandle?.id];
      store.getState().connectHandles(from, fromHandle, to, toHandle);
    },
    [store, pickOnConnectEnd],
  );

  const onDrop = useCallback(
    (event: DragEvent) => {
      event.preventDefault();
      const id = event.dataTransfer.getData(PALETTE_MIME);
      const position = flow.screenToFlowPosition({ x: event.clientX, y: event.clientY });
      if (id) {
        // A config.yaml entry or a template from the server's library.
        const view = scopeView(store.getState().pipeline);
        const place =
          view.type === 'steps' ? stepPlaceAt(view, position, sizesNow.current) : undefined;
        const name = store.getState().addPaletteEntry(id, position, place);
        if (name) store.getState().select([name]);
        return;
      }
      const file = event.dataTransfer.files[0];
      if (file) onOpenFile(file);
    },
    [flow, store, onOpenFile],
  );

  // What every node needs, computed here once (see canvasView.ts).
  const connectingFrom = useConnection((c) =>
    c.inProgress && c.fromHandle?.type === 'source' ? c.fromNode.id : null,
  );
  const drawnEdges = useLevelOfDetail(shownEdges, detailed);
  const refused = useMemo(() => createRefusedTargets(), []);
  useLayoutEffect(() => {
    refused.set(
      connectingFrom ? refusedTargets(store.getState().pipeline, connectingFrom) : NO_TASKS,
    );
  }, [refused, connectingFrom, store]);
  const view = useMemo<CanvasView>(
    () => ({ detailed, runWatched, refused }),
    [detailed, runWatched, refused],
  );

  return (
    <div
      className="canvas"
      onDragOver={(e) => e.preventDefault()}
      onDrop={onDrop}
      data-testid="canvas"
      {...ergo.wrapper}
    >
      <CanvasViewContext.Provider value={view}>
        <ReactFlow<CanvasNode, DependencyEdge>
          nodes={withNotes}
          edges={drawnEdges}
          nodeTypes={nodeTypes}
          onNodesChange={onNodesChange}
          onEdgesChange={onEdgesChange}
          onDelete={onDelete}
          onConnect={onConnect}
          onConnectEnd={onConnectEnd}
          isValidConnection={isValidConnection}
          onNodeDragStop={onNodeDragStop}
          onNodeDoubleClick={onNodeDoubleClick}
          zoomOnDoubleClick={false}
          deleteKeyCode={deleteKeys}
          multiSelectionKeyCode="Shift"
          selectionKeyCode="Shift"
          colorMode={colorMode}
          onlyRenderVisibleElements
          minZoom={MIN_ZOOM}
          proOptions={{ hideAttribution: true }}
          defaultEdgeOptions={EDGE_DEFAULTS}
          defaultMarkerColor={null}
          {...ergo.flowProps}
        >
          <Background gap={16} />
          {minimap && <OverviewMap />}
          <Controls fitViewOptions={minimap ? MINIMAP_CLEAR : undefined}>{controls}</Controls>
          <EdgeInsertButton />
          <RenameBox />
        </ReactFlow>
      </CanvasViewContext.Provider>
      <ScopeBar />
      <EmptyCanvas />
      <QuickAdd />
      {ergo.menu && <ContextMenu menu={ergo.menu} onClose={ergo.closeMenu} />}
    </div>
  );
}

/** The place of the groups a point on the canvas stands for (steps templates). */
function stepPlaceAt(
  view: ReturnType<typeof scopeView>,
  point: Point,
  sizes: ReadonlyMap<string, Size>,
) {
  const boxes = view.nodes.map((n) => ({ id: n.id, group: n.group!, index: n.index! }));
  const heightOf = (id: string) => sizes.get(id)?.height ?? 0;
  const { positions } = stepsGeometry(boxes, view.groups, heightOf);
  return placeAt(point, boxes, view.groups, positions, heightOf);
}
