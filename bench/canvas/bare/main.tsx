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
 *
 * The edits the benchmark times on both pages, written as a bare React Flow
 * app would: connect with the mouse (`addEdge`), delete the selection with
 * Backspace (React Flow's own), Insert adds a node at the middle of the view,
 * F2 renames the selected node (a new id, its edges follow, as a rename in
 * the editor moves every reference).
 */
import {
  addEdge,
  ReactFlow,
  useEdgesState,
  useNodesState,
  useReactFlow,
  ReactFlowProvider,
  type Connection,
  type Edge,
  type Node,
} from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { useCallback, useEffect } from 'react';
import { createRoot } from 'react-dom/client';

interface Graph {
  nodes: Node[];
  edges: Edge[];
}

/** Sets by keyboard: Insert adds a node, F2 renames the selected one. */
function useEditKeys(
  setNodes: ReturnType<typeof useNodesState>[1],
  setEdges: ReturnType<typeof useEdgesState>[1],
) {
  const flow = useReactFlow();
  useEffect(() => {
    let added = 0;
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Insert') {
        const box = document.querySelector('.react-flow')!.getBoundingClientRect();
        const position = flow.screenToFlowPosition({
          x: box.x + box.width / 2,
          y: box.y + box.height / 2,
        });
        const id = `added-${++added}`;
        setNodes((ns) => [...ns, { id, position, data: { label: id } }]);
      } else if (e.key === 'F2') {
        const old = flow.getNodes().find((n) => n.selected)?.id;
        if (!old) return;
        const id = `${old}-renamed`;
        setNodes((ns) => ns.map((n) => (n.id === old ? { ...n, id, data: { label: id } } : n)));
        setEdges((es) =>
          es.map((edge) =>
            edge.source === old || edge.target === old
              ? {
                  ...edge,
                  id: edge.id.replace(old, id),
                  source: edge.source === old ? id : edge.source,
                  target: edge.target === old ? id : edge.target,
                }
              : edge,
          ),
        );
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [flow, setNodes, setEdges]);
}

function Bare({ graph }: { graph: Graph }) {
  const [nodes, setNodes, onNodesChange] = useNodesState(graph.nodes);
  const [edges, setEdges, onEdgesChange] = useEdgesState(graph.edges);
  const onConnect = useCallback((c: Connection) => setEdges((es) => addEdge(c, es)), [setEdges]);
  useEditKeys(setNodes, setEdges);
  return (
    <ReactFlow
      nodes={nodes}
      edges={edges}
      onNodesChange={onNodesChange}
      onEdgesChange={onEdgesChange}
      onConnect={onConnect}
      fitView
      minZoom={0.01}
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
  root.render(
    <ReactFlowProvider>
      <Bare graph={graph} />
    </ReactFlowProvider>,
  );
}

declare global {
  interface Window {
    benchLoad: typeof benchLoad;
  }
}
window.benchLoad = benchLoad;

const n = new URLSearchParams(window.location.search).get('n');
if (n) void benchLoad(`graph-${n}.json`, window.innerWidth, window.innerHeight);
