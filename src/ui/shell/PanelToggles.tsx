// Hide buttons for the side panels, on the canvas's edges beside the panel
// each one folds (n8n's and VS Code's habit): they cover no panel content and
// stay clear of the canvas controls and minimap in the corners.
import type { Edge } from './SidePanel';
import type { Pane } from './usePane';

const HIDE = { left: '‹', right: '›', bottom: '▾' } as const;

export function PanelToggles({ panels }: { panels: [Edge, string, Pane][] }) {
  return (
    <>
      {panels.map(
        ([edge, label, pane]) =>
          !pane.collapsed && (
            <button
              key={pane.id}
              type="button"
              className={`panel-hide panel-hide-${edge}`}
              aria-label={`Hide the ${label}`}
              title={`Hide the ${label}`}
              aria-expanded
              aria-controls={`${pane.id}-content`}
              onClick={pane.collapse}
            >
              <span aria-hidden="true">{HIDE[edge]}</span>
            </button>
          ),
      )}
    </>
  );
}
