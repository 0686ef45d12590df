// The canvas's quick actions (issue 13): Tab and double-click open the step
// picker at the pointer, an edge dropped on empty canvas opens it to connect
// the new step, F2 renames, right-click opens a menu for a task, an edge,
// the canvas or a selection, and a plain click on one task of a selection
// selects only it. Returns the handlers the canvas passes to React Flow.
import type { FinalConnectionState, ReactFlowInstance } from '@xyflow/react';
import {
  useCallback,
  useEffect,
  useMemo,
  useState,
  type MouseEvent as ReactMouseEvent,
} from 'react';
import type { Box } from '../../core/ergonomics/arrange';
import { scopeType } from '../../core/model/scope';
import type { StepPlace } from '../../core/model/steps';
import type { Point } from '../../core/model/types';
import type { PickerRequest } from '../../store/ergonomicsSlice';
import { useEditorStore } from '../EditorContext';
import type { CanvasNode, DependencyEdge } from './flowAdapter';
import type { MenuRequest } from './menus/ContextMenu';
import type { MenuContext } from './menus/canvasMenus';
import { loadMenus, type Menus } from './menus/loadMenus';
import type { Note } from '../../core/ergonomics/notes';
import { canvasPointer } from './pointer';
import { isNoteId } from '../notes/useNoteNodes';
import './ergonomics.css';

type Flow = ReactFlowInstance<CanvasNode, DependencyEdge>;

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

const clientPoint = (e: MouseEvent | TouchEvent): Point =>
  'changedTouches' in e
    ? { x: e.changedTouches[0]?.clientX ?? 0, y: e.changedTouches[0]?.clientY ?? 0 }
    : { x: e.clientX, y: e.clientY };

/**
 * @param placeAt where a point of the canvas falls among the groups of a
 *   steps template (undefined in a DAG)
 */
export function useCanvasErgonomics(flow: Flow, placeAt: (at: Point) => StepPlace | undefined) {
  const store = useEditorStore();
  const [menu, setMenu] = useState<MenuRequest | undefined>();
  const closeMenu = useCallback(() => setMenu(undefined), []);
  /** Opens a menu once its code is here (the first right-click loads it); the items are built then. */
  const openMenu = useCallback(
    (build: (menus: Menus) => MenuRequest | undefined) =>
      void loadMenus().then(
        (menus) => setMenu(build(menus)),
        () =>
          store.getState().setNotice({
            kind: 'error',
            message: 'The menu could not be loaded; reload the page to try again',
          }),
      ),
    [store],
  );

  const pick = useCallback(
    (screen: Point, at: Point, extra: Partial<PickerRequest> = {}) => {
      const place = placeAt(at);
      store.getState().openPicker({ screen, at, ...(place ? { place } : {}), ...extra });
    },
    [store, placeAt],
  );

  const ctx = useMemo<MenuContext>(
    () => ({
      store,
      pick,
      boxes: (names) =>
        names.flatMap((name): Box[] => {
          const n = flow.getInternalNode(name);
          if (!n) return [];
          const { x, y } = n.internals.positionAbsolute;
          return [{ name, x, y, width: n.measured.width ?? 0, height: n.measured.height ?? 0 }];
        }),
      copyText: (text, what) => {
        const say = (kind: 'info' | 'error', message: string) =>
          store.getState().setNotice({ kind, message });
        void navigator.clipboard?.writeText(text).then(
          () => say('info', `Copied ${what}`),
          () => say('error', 'The browser refused clipboard access; use the YAML panel instead'),
        );
      },
      fitView: () => void flow.fitView(),
    }),
    [store, pick, flow],
  );

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (isTyping(e.target) || e.ctrlKey || e.metaKey || e.altKey) return;
      const s = store.getState();
      if (s.picker || s.renaming) return;
      const inCanvas =
        e.target === document.body ||
        (e.target instanceof HTMLElement && e.target.closest('.canvas') !== null);
      // Tab adds a step only with the pointer over the canvas: elsewhere it moves focus.
      if (e.key === 'Tab' && !e.shiftKey && inCanvas && canvasPointer.over) {
        const screen = canvasPointer.client!;
        e.preventDefault();
        pick(screen, flow.screenToFlowPosition(screen));
      } else if (e.key === 'F2' && s.selection.length === 1) {
        e.preventDefault();
        s.startRename(s.selection[0]);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [store, flow, pick]);

  const wrapper = useMemo(
    () => ({
      onMouseMove: (e: ReactMouseEvent) => {
        canvasPointer.over = true;
        canvasPointer.client = { x: e.clientX, y: e.clientY };
        canvasPointer.flow = flow.screenToFlowPosition(canvasPointer.client);
      },
      onMouseLeave: () => {
        canvasPointer.over = false;
      },
      onDoubleClick: (e: ReactMouseEvent) => {
        if (!(e.target instanceof Element) || !e.target.classList.contains('react-flow__pane'))
          return;
        const screen = { x: e.clientX, y: e.clientY };
        pick(screen, flow.screenToFlowPosition(screen));
      },
    }),
    [flow, pick],
  );

  /** An edge dropped on empty canvas: pick the step it connects to. True when handled. */
  const onConnectEnd = useCallback(
    (event: MouseEvent | TouchEvent, state: FinalConnectionState): boolean => {
      if (state.isValid || state.toNode || !state.fromNode) return false;
      if (scopeType(store.getState().pipeline) !== 'dag' || isNoteId(state.fromNode.id))
        return false;
      const screen = clientPoint(event);
      const fromOutput = state.fromHandle?.type !== 'target';
      pick(screen, flow.screenToFlowPosition(screen), {
        [fromOutput ? 'after' : 'before']: state.fromNode.id,
      });
      return true;
    },
    [store, flow, pick],
  );

  const flowProps = useMemo(
    () => ({
      onNodeClick: (e: ReactMouseEvent, node: CanvasNode) => {
        // React Flow keeps a box selection when one of its nodes is clicked.
        const s = store.getState();
        if (e.shiftKey || e.ctrlKey || e.metaKey || node.type !== 'task') return;
        if (s.selection.length > 1 && s.selection.includes(node.id)) s.select([node.id]);
      },
      onNodeContextMenu: (e: ReactMouseEvent, node: CanvasNode) => {
        e.preventDefault();
        const note = (node.data as { note?: Note }).note;
        const { clientX: x, clientY: y } = e;
        if (isNoteId(node.id) && note)
          return openMenu((m) => ({ x, y, label: 'Note', items: m.noteMenu(ctx, note) }));
        if (node.type !== 'task') return;
        const s = store.getState();
        const many = s.selection.length > 1 && s.selection.includes(node.id);
        if (!many) s.select([node.id]);
        openMenu((m) => ({
          x,
          y,
          label: many ? `${s.selection.length} tasks` : `Task ${node.id}`,
          items: many
            ? m.selectionMenu(ctx, store.getState().selection)
            : m.taskMenu(ctx, node.id, node.data.opens),
        }));
      },
      onSelectionContextMenu: (e: ReactMouseEvent, nodes: CanvasNode[]) => {
        e.preventDefault();
        const names = nodes.filter((n) => n.type === 'task').map((n) => n.id);
        const { clientX: x, clientY: y } = e;
        if (names.length > 0)
          openMenu((m) => ({
            x,
            y,
            label: `${names.length} tasks`,
            items: m.selectionMenu(ctx, names),
          }));
      },
      onEdgeContextMenu: (e: ReactMouseEvent, edge: DependencyEdge) => {
        e.preventDefault();
        if (edge.id.startsWith('group:') || edge.source.startsWith('group:')) return;
        const screen = { x: e.clientX, y: e.clientY };
        const at = flow.screenToFlowPosition(screen);
        const wire = edge.data?.wire;
        openMenu((m) => ({
          ...screen,
          label: `Dependency ${edge.source} to ${edge.target}`,
          items: m.edgeMenu(ctx, { source: edge.source, target: edge.target, wire }, screen, at),
        }));
      },
      onPaneContextMenu: (e: ReactMouseEvent | MouseEvent) => {
        e.preventDefault();
        const screen = { x: e.clientX, y: e.clientY };
        const at = flow.screenToFlowPosition(screen);
        openMenu((m) => ({
          ...screen,
          label: 'Canvas',
          items: m.paneMenu(ctx, screen, at),
        }));
      },
    }),
    [store, ctx, flow, openMenu],
  );

  return { wrapper, flowProps, onConnectEnd, menu, closeMenu };
}
