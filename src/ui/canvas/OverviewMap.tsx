// The minimap: every node as one rectangle of a single SVG path, the view as
// a mask, panned and zoomed by React Flow's own minimap controller
// (XYMinimap). React Flow's <MiniMap> draws a component per node, each a
// subscription to React Flow's store that every store update visits (1,000
// more at 1,000 tasks, a fifth of the canvas's), plus a bounds pass over all
// nodes on every update, pan and zoom included. Here the path and the bounds
// are computed once per nodes array, so panning costs nothing per node and a
// drag move one pass. Same classes and CSS variables as <MiniMap>.
import { Panel, useStore, useStoreApi, type Node, type ReactFlowState } from '@xyflow/react';
import { getBoundsOfRects, XYMinimap, type Rect, type XYMinimapInstance } from '@xyflow/system';
import { useEffect, useLayoutEffect, useRef } from 'react';
import { MINIMAP } from './fitPadding';

const { width: WIDTH, height: HEIGHT } = MINIMAP;
/** Space around the nodes, in minimap pixels (as <MiniMap>'s offsetScale). */
const OFFSET_SCALE = 5;

interface Drawing {
  /** One `M x y h w v h h -w z` per node with a size. */
  path: string;
  /** Around every node drawn; undefined when none is. */
  bounds: Rect | undefined;
}

const drawings = new WeakMap<Node[], Drawing>();

/** The nodes' path and bounds, once per nodes array (React Flow replaces it on every change). */
export function drawNodes(nodes: Node[]): Drawing {
  let drawing = drawings.get(nodes);
  if (drawing) return drawing;
  const parts: string[] = [];
  let [x0, y0, x1, y1] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const n of nodes) {
    const width = n.measured?.width ?? n.width;
    const height = n.measured?.height ?? n.height;
    if (n.hidden || !width || !height) continue;
    const { x, y } = n.position;
    parts.push(`M${x},${y}h${width}v${height}h${-width}z`);
    x0 = Math.min(x0, x);
    y0 = Math.min(y0, y);
    x1 = Math.max(x1, x + width);
    y1 = Math.max(y1, y + height);
  }
  drawing = {
    path: parts.join(''),
    bounds: parts.length > 0 ? { x: x0, y: y0, width: x1 - x0, height: y1 - y0 } : undefined,
  };
  drawings.set(nodes, drawing);
  return drawing;
}

const nodesOf = (s: ReactFlowState) => s.nodes;
const viewOf = (s: ReactFlowState) => s.transform;

export function OverviewMap({ ariaLabel = 'Mini Map' }: { ariaLabel?: string }) {
  const store = useStoreApi();
  const svg = useRef<SVGSVGElement>(null);
  const { path, bounds } = drawNodes(useStore(nodesOf));
  const [tx, ty, zoom] = useStore(viewOf);
  const flowWidth = useStore((s) => s.width);
  const flowHeight = useStore((s) => s.height);
  const panZoom = useStore((s) => s.panZoom);
  const translateExtent = useStore((s) => s.translateExtent);

  const view: Rect = {
    x: -tx / zoom,
    y: -ty / zoom,
    width: flowWidth / zoom,
    height: flowHeight / zoom,
  };
  const box = bounds ? getBoundsOfRects(bounds, view) : view;
  const viewScale = Math.max(box.width / WIDTH, box.height / HEIGHT);
  const offset = OFFSET_SCALE * viewScale;
  const width = viewScale * WIDTH + offset * 2;
  const height = viewScale * HEIGHT + offset * 2;
  const x = box.x - (viewScale * WIDTH - box.width) / 2 - offset;
  const y = box.y - (viewScale * HEIGHT - box.height) / 2 - offset;

  const scale = useRef(viewScale);
  useLayoutEffect(() => {
    scale.current = viewScale;
  });
  const minimap = useRef<XYMinimapInstance>(undefined);
  useEffect(() => {
    if (!svg.current || !panZoom) return;
    minimap.current = XYMinimap({
      domNode: svg.current,
      panZoom,
      getTransform: () => store.getState().transform,
      getViewScale: () => scale.current,
    });
    return () => minimap.current?.destroy();
  }, [panZoom, store]);
  useEffect(() => {
    minimap.current?.update({
      translateExtent,
      width: flowWidth,
      height: flowHeight,
      pannable: true,
      zoomable: true,
      zoomStep: 1,
      inversePan: false,
    });
    // On panZoom too: a controller made after the first update needs one of its own.
  }, [panZoom, translateExtent, flowWidth, flowHeight]);

  return (
    <Panel position="bottom-right" className="react-flow__minimap" data-testid="rf__minimap">
      <svg
        ref={svg}
        width={WIDTH}
        height={HEIGHT}
        viewBox={`${x} ${y} ${width} ${height}`}
        className="react-flow__minimap-svg"
        role="img"
        aria-label={ariaLabel}
      >
        <path className="react-flow__minimap-node overview-nodes" d={path} />
        <path
          className="react-flow__minimap-mask"
          d={`M${x - offset},${y - offset}h${width + offset * 2}v${height + offset * 2}h${-width - offset * 2}z
M${view.x},${view.y}h${view.width}v${view.height}h${-view.width}z`}
          fillRule="evenodd"
          pointerEvents="none"
        />
      </svg>
    </Panel>
  );
}
