// A panel of the window that collapses to a rail and back: by dragging its
// divider past its minimum, by Enter on the divider, by its rail when folded
// or by the hide button the canvas shows at its edge (PanelToggles). Its
// content stays mounted while collapsed (a filter typed in the palette, the
// YAML editor's cursor), only hidden.
import { useState, type ReactNode } from 'react';
import { Panel, usePanelRef, type PanelImperativeHandle } from 'react-resizable-panels';

export type Edge = 'left' | 'right' | 'bottom';

export interface Collapsible {
  ref: React.RefObject<PanelImperativeHandle | null>;
  collapsed: boolean;
  onResize(): void;
}

/** The handle and collapsed state of one side panel, for the panel and its toggle. */
export function useCollapsible(): Collapsible {
  const ref = usePanelRef();
  const [collapsed, setCollapsed] = useState(false);
  return { ref, collapsed, onResize: () => setCollapsed(ref.current?.isCollapsed() ?? false) };
}

interface Props {
  id: string;
  /** What the panel is called in "Show the …". */
  label: string;
  edge: Edge;
  state: Collapsible;
  defaultSize: number;
  minSize: number;
  maxSize?: string;
  children: ReactNode;
}

const RAIL = 28;
const SHOW = { left: '›', right: '‹', bottom: '▴' } as const;

export function SidePanel({
  id,
  label,
  edge,
  state,
  defaultSize,
  minSize,
  maxSize,
  children,
}: Props) {
  const { ref, collapsed, onResize } = state;
  return (
    <Panel
      id={id}
      panelRef={ref}
      className={`panel-slot panel-slot-${edge}${collapsed ? ' collapsed' : ''}`}
      collapsible
      collapsedSize={RAIL}
      defaultSize={defaultSize}
      minSize={minSize}
      maxSize={maxSize}
      groupResizeBehavior="preserve-pixel-size"
      onResize={onResize}
    >
      {collapsed && (
        <button
          type="button"
          className="panel-rail"
          aria-label={`Show the ${label}`}
          aria-expanded={false}
          aria-controls={`${id}-content`}
          onClick={() => ref.current?.expand()}
        >
          <span aria-hidden="true">{SHOW[edge]}</span>
          <span className="panel-rail-label">{label}</span>
        </button>
      )}
      <div id={`${id}-content`} className="panel-content" hidden={collapsed}>
        {children}
      </div>
    </Panel>
  );
}
