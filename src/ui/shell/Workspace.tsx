// The window under the toolbar: palette | (canvas over YAML and side panels) |
// inspector. Every divider drags (and moves with the arrow keys), side panels
// fold to a rail, and the sizes come back after a reload (usePane). In focus
// mode everything but the canvas is hidden, without touching the saved sizes.
// Panes are sized in pixels; the canvas column, the canvas and the YAML panel
// take what is left, down to their CSS minimums (styles.css, "The window's panels").
import { useRef, type ReactNode } from 'react';
import { Divider } from './Divider';
import { PanelToggles } from './PanelToggles';
import { SidePanel } from './SidePanel';
import { usePane } from './usePane';

interface Props {
  sidebar: ReactNode;
  centre: ReactNode;
  inspector: ReactNode;
  yaml: ReactNode;
  side: ReactNode;
}

/** The canvas keeps this much height beside the bottom panel (and its divider). */
const CANVAS_MIN = 120;
const DIVIDER = 4;

export function Workspace({ sidebar, centre, inspector, yaml, side }: Props) {
  const main = useRef<HTMLDivElement>(null);
  const middle = useRef<HTMLDivElement>(null);
  const bottomRow = useRef<HTMLDivElement>(null);
  const palette = usePane({
    id: 'pane-sidebar',
    axis: 'x',
    container: main,
    defaultSize: 240,
    minSize: 160,
    maxShare: 0.45,
    collapsible: true,
  });
  const inspectorPane = usePane({
    id: 'pane-inspector',
    axis: 'x',
    reverse: true,
    container: main,
    defaultSize: 300,
    minSize: 220,
    maxShare: 0.5,
    collapsible: true,
  });
  const bottom = usePane({
    id: 'pane-bottom',
    axis: 'y',
    reverse: true,
    container: middle,
    defaultSize: 260,
    minSize: 90,
    maxShare: 0.85,
    keep: CANVAS_MIN + DIVIDER,
    collapsible: true,
  });
  const sidePane = usePane({
    id: 'pane-side',
    axis: 'x',
    reverse: true,
    container: bottomRow,
    defaultSize: 320,
    minSize: 180,
    maxShare: 0.8,
    keep: DIVIDER,
  });
  return (
    <div className="workspace split-row" ref={main}>
      <SidePanel pane={palette} label="palette" edge="left">
        {sidebar}
      </SidePanel>
      <Divider pane={palette} label="Resize the palette" />
      <div id="pane-middle" className="split-column" ref={middle}>
        <div id="pane-canvas" className="centre-slot">
          {centre}
          <PanelToggles
            panels={[
              ['left', 'palette', palette],
              ['right', 'inspector', inspectorPane],
              ['bottom', 'YAML and problems', bottom],
            ]}
          />
        </div>
        <Divider pane={bottom} label="Resize the YAML panel" />
        <SidePanel pane={bottom} label="YAML and problems" edge="bottom">
          <div className="bottom-panels split-row" ref={bottomRow}>
            <div id="pane-yaml">{yaml}</div>
            <Divider pane={sidePane} label="Resize the problems and runs" />
            <div id="pane-side" style={{ width: sidePane.size }}>
              {side}
            </div>
          </div>
        </SidePanel>
      </div>
      <Divider pane={inspectorPane} label="Resize the inspector" />
      <SidePanel pane={inspectorPane} label="inspector" edge="right">
        {inspector}
      </SidePanel>
    </div>
  );
}
