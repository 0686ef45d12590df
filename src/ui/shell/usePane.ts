// One resizable pane of the window: its size in pixels along one axis, kept
// under `argoflow.view.layout.<id>` (viewStorage, which never throws), and for
// a side panel whether it is folded to a rail. Pointer drags and the arrow keys
// are react-resizable-layout's `useResizable` (a headless hook, about 1 kB:
// role="separator" with aria-valuenow/min/max and aria-orientation); this adds
// what the window needs on top of it:
// - the largest size as a share of the container, which follows the window;
// - folding to a rail: a drag below halfway from the minimum to the rail,
//   Enter on the divider, an arrow key past the minimum, or `collapse()` (the
//   canvas's hide buttons);
//   the size before folding comes back with `expand()`, Enter or an arrow;
// - Home and End (smallest and largest size), double-click back to the default.
import {
  useLayoutEffect,
  useRef,
  useState,
  type HTMLAttributes,
  type KeyboardEvent,
  type RefObject,
} from 'react';
import { useResizable } from 'react-resizable-layout';
import { layoutStorage } from './viewStorage';

/** A folded side panel's width (or height): its rail. */
export const RAIL = 28;

export interface PaneOptions {
  /** The pane element's id, also its storage key and the divider's aria-controls. */
  id: string;
  /** x: the pane's width changes; y: its height. */
  axis: 'x' | 'y';
  /** The pane comes after its divider (right or bottom): sizes count from the container's far edge. */
  reverse?: boolean;
  /** The element the divider splits; the pane's size is measured from its edge. */
  container: RefObject<HTMLElement | null>;
  defaultSize: number;
  minSize: number;
  /** The largest share of the container (0-1) the pane may take. */
  maxShare: number;
  /** Pixels of the container always left to the other side (its minimum and the divider). */
  keep?: number;
  /** Folds to a rail of RAIL pixels. */
  collapsible?: boolean;
}

export interface Pane {
  id: string;
  axis: 'x' | 'y';
  /** The size to draw, in pixels. */
  size: number;
  collapsed: boolean;
  dragging: boolean;
  collapse(): void;
  expand(): void;
  /** For the divider element: role, aria-value*, pointer and keyboard handlers. */
  separatorProps: HTMLAttributes<HTMLElement>;
}

interface Saved {
  /** The size when unfolded. */
  size: number;
  collapsed: boolean;
}

function readSaved(id: string, fallback: number): Saved {
  try {
    const v = JSON.parse(layoutStorage.getItem(`layout.${id}`) ?? 'null') as Partial<Saved> | null;
    const size = typeof v?.size === 'number' && Number.isFinite(v.size) ? v.size : fallback;
    return { size, collapsed: v?.collapsed === true };
  } catch {
    return { size: fallback, collapsed: false };
  }
}

/** The container's length along `axis`, following it (0 until laid out, and in jsdom). */
function useLength(ref: RefObject<HTMLElement | null>, axis: 'x' | 'y'): number {
  const [length, setLength] = useState(0);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const measure = () => {
      const r = el.getBoundingClientRect();
      setLength(Math.round(axis === 'x' ? r.width : r.height));
    };
    measure();
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, [ref, axis]);
  return length;
}

const GROW = { x: ['ArrowRight', 'ArrowLeft'], y: ['ArrowDown', 'ArrowUp'] } as const;

export function usePane(o: PaneOptions): Pane {
  const { id, axis, reverse = false, collapsible = false, minSize, defaultSize } = o;
  const [saved] = useState(() => readSaved(id, defaultSize));
  /** The unfolded size, for expand(). */
  const restore = useRef(Math.max(minSize, saved.size));
  const length = useLength(o.container, axis);
  // Not laid out (hidden in focus mode, or jsdom): no upper limit until it is.
  const limit =
    length > 0
      ? Math.max(minSize, Math.min(Math.floor(length * o.maxShare), length - (o.keep ?? 0)))
      : Infinity;
  const floor = collapsible ? RAIL : minSize;

  /** What a raw position shows: the rail below half the minimum, else within the limits. */
  const shown = (p: number): number =>
    collapsible && p < (RAIL + minSize) / 2 ? RAIL : Math.min(Math.max(p, minSize), limit);

  const save = (size: number, collapsed: boolean) =>
    layoutStorage.setItem(`layout.${id}`, JSON.stringify({ size, collapsed }));

  const step = Math.max(10, Math.round(length * 0.05));
  const { position, setPosition, isDragging, separatorProps } = useResizable({
    axis,
    reverse,
    containerRef: o.container as RefObject<HTMLElement>,
    initial: saved.collapsed && collapsible ? RAIL : Math.max(minSize, saved.size),
    min: floor,
    max: limit,
    step,
    shiftStep: step * 4,
    // At the end of a drag and after each arrow key.
    onResizeEnd: ({ position: p }) => settle(p),
  });

  /** Shows `p` as the pane's size from now on (snapped to the rail or the limits), and saves it. */
  function settle(p: number) {
    const size = shown(p);
    setPosition(size);
    const collapsed = collapsible && size === RAIL;
    if (!collapsed) restore.current = size;
    save(restore.current, collapsed);
  }

  const size = shown(position);
  const collapsed = collapsible && size === RAIL;
  const collapse = () => {
    if (collapsible) settle(RAIL);
  };
  const expand = () => settle(Math.max(restore.current, minSize));

  const onKeyDown = (e: KeyboardEvent<HTMLElement>) => {
    const [grow, shrink] = reverse ? [GROW[axis][1], GROW[axis][0]] : GROW[axis];
    const act = (fn: () => void) => {
      e.preventDefault();
      fn();
    };
    if (e.key === 'Enter') act(() => collapsible && (collapsed ? expand() : collapse()));
    else if (e.key === 'Home') act(() => settle(minSize));
    else if (e.key === 'End') act(() => Number.isFinite(limit) && settle(limit));
    else if (collapsed && e.key === grow) act(expand);
    else if (collapsible && e.key === shrink && size <= minSize) act(collapse);
    else separatorProps.onKeyDown?.(e as unknown as KeyboardEvent<HTMLHRElement>);
  };

  return {
    id,
    axis,
    size,
    collapsed,
    dragging: isDragging,
    collapse,
    expand,
    separatorProps: {
      ...(separatorProps as HTMLAttributes<HTMLElement>),
      'aria-valuenow': size,
      'aria-valuemin': floor,
      'aria-valuemax': Number.isFinite(limit) ? limit : undefined,
      onKeyDown,
      onDoubleClick: () => settle(defaultSize),
    },
  };
}
