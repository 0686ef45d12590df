// The bar between two panes: a focusable separator that drags, moves with the
// arrow keys, Home and End, and folds its side panel with Enter (usePane).
import type { Pane } from './usePane';

export function Divider({ pane, label }: { pane: Pane; label: string }) {
  return (
    <div
      {...pane.separatorProps}
      className="divider"
      tabIndex={0}
      aria-label={label}
      aria-controls={pane.id}
      data-active={pane.dragging || undefined}
    />
  );
}
