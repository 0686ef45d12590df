/**
 * The bare React Flow page the canvas benchmark compares against: default
 * nodes, controlled nodes and edges (`useNodesState`, as React Flow's docs
 * write it), `fitView`, nothing else: no background, minimap, controls,
 * custom nodes or store. Its container gets the pixel size of the editor's
 * canvas so both draw the same graph at the same zoom.
 *
 * The runner calls `window.benchLoad(url, width, height)` after the page has
 * loaded, so the time to first full paint starts from the graph, as it does
 * for the editor's Open…. By hand: `bare/?n=1000` after a benchmark build.
 */
import { ReactFlow, useEdgesState, useNodesState, type Edge, type Node } from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { createRoot } from 'react-dom/client';

interface Graph {
  nodes: Node[];
  edges: Edge[];
}

function Bare({ graph }: { graph: Graph }) {
  const [nodes, , onNodesChange] = useNodesState(graph.nodes);
  const [edges, , onEdgesChange] = useEdgesState(graph.edges);
  return (
    <ReactFlow
      nodes={nodes}
      edges={edges}
      onNodesChange={onNodesChange}
      onEdgesChange={onEdgesChange}
      fitView
      minZoom={0.05}
      proOptions={{ hideAttribution: true }}
    />
  );
}

const container = document.getElementById('root')!;
const root = createRoot(container);

async function benchLoad(url: string, width: number, height: number): Promise<void> {
  const graph = (await (await fetch(url)).json()) as Graph;
  container.style.width = `${width}px`;
  container.style.height = `${height}px`;
  root.render(<Bare graph={graph} />);
}

declare global {
  interface Window {
    benchLoad: typeof benchLoad;
  }
}
window.benchLoad = benchLoad;

const n = new URLSearchParams(window.location.search).get('n');
if (n) void benchLoad(`graph-${n}.json`, window.innerWidth, window.innerHeight);
