// Focus mode and the minimap switch, among the canvas's zoom controls.
import { ControlButton } from '@xyflow/react';
import type { View } from './useView';

export function ViewControls({ view }: { view: View }) {
  return (
    <>
      <ControlButton
        onClick={view.toggleFocus}
        aria-label="Focus mode"
        aria-pressed={view.focus}
        title={view.focus ? 'Leave focus mode (Esc)' : 'Focus mode: the canvas alone (Shift+F)'}
      >
        <svg viewBox="0 0 16 16" aria-hidden="true">
          <path
            d="M1 5V1h4M11 1h4v4M15 11v4h-4M5 15H1v-4"
            fill="none"
            stroke="currentColor"
            strokeWidth="2"
          />
        </svg>
      </ControlButton>
      <ControlButton
        onClick={view.toggleMinimap}
        aria-label="Minimap"
        aria-pressed={view.minimap}
        title={view.minimap ? 'Hide the minimap' : 'Show the minimap'}
      >
        <svg viewBox="0 0 16 16" aria-hidden="true">
          <rect
            x="1"
            y="3"
            width="14"
            height="10"
            fill="none"
            stroke="currentColor"
            strokeWidth="1.5"
          />
          <rect x="8" y="8" width="5" height="3" fill="currentColor" />
        </svg>
      </ControlButton>
    </>
  );
}
