// The window under the toolbar: palette | (canvas over YAML and side panels) |
// inspector. Every divider drags (and moves with the arrow keys), side panels
// collapse to a rail, and the sizes come back after a reload. In focus mode
// everything but the canvas is hidden, without touching the saved sizes.
import type { ReactNode } from 'react';
import { Group, Panel, Separator, useDefaultLayout } from 'react-resizable-panels';
import { PanelToggles } from './PanelToggles';
import { SidePanel, useCollapsible } from './SidePanel';
import { layoutStorage } from './viewStorage';

interface Props {
  sidebar: ReactNode;
  centre: ReactNode;
  inspector: ReactNode;
  yaml: ReactNode;
  side: ReactNode;
}

function useSaved(id: string) {
  return useDefaultLayout({ id, storage: layoutStorage });
}

export function Workspace({ sidebar, centre, inspector, yaml, side }: Props) {
  const main = useSaved('layout-main');
  const middle = useSaved('layout-middle');
  const bottom = useSaved('layout-bottom');
  const sidebarState = useCollapsible();
  const bottomState = useCollapsible();
  const inspectorState = useCollapsible();
  return (
    <Group orientation="horizontal" className="workspace" id="layout-main" {...main}>
      <SidePanel
        id="pane-sidebar"
        label="palette"
        state={sidebarState}
        edge="left"
        defaultSize={240}
        minSize={160}
        maxSize="45%"
      >
        {sidebar}
      </SidePanel>
      <Separator className="divider" aria-label="Resize the palette" />
      <Panel id="pane-middle" minSize="25%">
        <Group orientation="vertical" id="layout-middle" {...middle}>
          <Panel id="pane-canvas" minSize={120} className="centre-slot">
            {centre}
            <PanelToggles
              panels={[
                ['left', 'pane-sidebar', 'palette', sidebarState],
                ['right', 'pane-inspector', 'inspector', inspectorState],
                ['bottom', 'pane-bottom', 'YAML and problems', bottomState],
              ]}
            />
          </Panel>
          <Separator className="divider" aria-label="Resize the YAML panel" />
          <SidePanel
            id="pane-bottom"
            label="YAML and problems"
            state={bottomState}
            edge="bottom"
            defaultSize={260}
            minSize={90}
            maxSize="85%"
          >
            <Group
              orientation="horizontal"
              id="layout-bottom"
              className="bottom-panels"
              {...bottom}
            >
              <Panel id="pane-yaml" minSize="20%">
                {yaml}
              </Panel>
              <Separator className="divider" aria-label="Resize the problems and runs" />
              <Panel
                id="pane-side"
                minSize={180}
                defaultSize={320}
                groupResizeBehavior="preserve-pixel-size"
              >
                {side}
              </Panel>
            </Group>
          </SidePanel>
        </Group>
      </Panel>
      <Separator className="divider" aria-label="Resize the inspector" />
      <SidePanel
        id="pane-inspector"
        label="inspector"
        state={inspectorState}
        edge="right"
        defaultSize={300}
        minSize={220}
        maxSize="50%"
      >
        {inspector}
      </SidePanel>
    </Group>
  );
}
