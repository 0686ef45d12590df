// Level of detail. Zoomed out below DETAIL_ZOOM a node draws its name and its
// two dependency handles only, no ports: each port is three elements and a
// handle subscribed to React Flow's store, which every store update visits,
// so at 1,000 tasks they more than doubled the canvas's elements and that
// work, for labels no one can read and handles no one can aim at. Data wires
// end on the nodes' dependency handles meanwhile.
import { useStore as useFlowStore, useStoreApi, useUpdateNodeInternals } from '@xyflow/react';
import { useEffect, useMemo, useRef } from 'react';
import type { DependencyEdge } from './flowAdapter';

/** Below this zoom the details are too small to read. */
export const DETAIL_ZOOM = 0.45;

const compactCache = new WeakMap<DependencyEdge, DependencyEdge>();

/** The edge as drawn zoomed out: a wire between ports ends on the nodes' own handles. */
export function compactEdge(edge: DependencyEdge): DependencyEdge {
  if (edge.sourceHandle == null && edge.targetHandle == null) return edge;
  let compact = compactCache.get(edge);
  if (!compact) {
    compact = { ...edge, sourceHandle: null, targetHandle: null };
    compactCache.set(edge, compact);
  }
  return compact;
}

/** Whether the canvas shows details at the current zoom. */
export const useDetailed = (): boolean => useFlowStore((s) => s.transform[2] >= DETAIL_ZOOM);

/**
 * The edges to draw at the level of detail. When the level changes, the
 * nodes' handles are re-measured once, together: a node whose ports mount
 * without changing its size would go unnoticed by React Flow, and its data
 * wires would find no port.
 */
export function useLevelOfDetail(edges: DependencyEdge[], detailed: boolean): DependencyEdge[] {
  const shown = useMemo(() => (detailed ? edges : edges.map(compactEdge)), [detailed, edges]);
  const flow = useStoreApi();
  const updateNodeInternals = useUpdateNodeInternals();
  const previous = useRef(detailed);
  useEffect(() => {
    if (previous.current === detailed) return;
    previous.current = detailed;
    updateNodeInternals([...flow.getState().nodeLookup.keys()]);
  }, [detailed, flow, updateNodeInternals]);
  return shown;
}
