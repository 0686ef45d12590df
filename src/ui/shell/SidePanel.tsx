// A panel of the window that folds to a rail and back: by dragging its
// divider below halfway from its minimum to the rail, by Enter on the
// divider, by its rail when folded or by the hide button the canvas shows at
// its edge (PanelToggles).
// Its content stays mounted while folded (a filter typed in the palette, the
// YAML editor's cursor), only hidden.
import type { ReactNode } from 'react';
import type { Pane } from './usePane';

export type Edge = 'left' | 'right' | 'bottom';

const SHOW = { left: '›', right: '‹', bottom: '▴' } as const;

interface Props {
  pane: Pane;
  /** What the panel is called in "Show the …". */
  label: string;
  edge: Edge;
  children: ReactNode;
}

export function SidePanel({ pane, label, edge, children }: Props) {
  const { id, collapsed, size, axis } = pane;
  return (
    <div
      id={id}
      className={`panel-slot panel-slot-${edge}${collapsed ? ' collapsed' : ''}`}
      style={axis === 'x' ? { width: size } : { height: size }}
    >
      {collapsed && (
        <button
          type="button"
          className="panel-rail"
          aria-label={`Show the ${label}`}
          aria-expanded={false}
          aria-controls={`${id}-content`}
          onClick={pane.expand}
        >
          <span aria-hidden="true">{SHOW[edge]}</span>
          <span className="panel-rail-label">{label}</span>
        </button>
      )}
      <div id={`${id}-content`} className="panel-content" hidden={collapsed}>
        {children}
      </div>
    </div>
  );
}
