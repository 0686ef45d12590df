// The bar between two panes: a focusable separator that drags, moves with the
// arrow keys, Home and End, and folds its side panel with Enter (usePane).
import { useEffect } from 'react';
import type { Pane } from './usePane';

export function Divider({ pane, label }: { pane: Pane; label: string }) {
  // While it drags, the pointer keeps the resize cursor over whatever it
  // crosses: a mark on the root, not `.app:has(.divider[data-active]) *`,
  // which made Chromium restyle the whole page (11,000 elements at 1,000
  // tasks, 60-100 ms) whenever anything in the app was added or removed.
  const orientation = pane.separatorProps['aria-orientation'];
  useEffect(() => {
    if (!pane.dragging) return;
    const root = document.documentElement;
    root.dataset.resizing = orientation;
    return () => void delete root.dataset.resizing;
  }, [pane.dragging, orientation]);
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
