// The "+" on the selected dependency edge: opens the step picker to insert a
// step between its two tasks. Drawn in the viewport at the middle of the
// edge (the centre of React Flow's default bezier between a right-hand
// source and a left-hand target), and only for the one selected edge, so
// large graphs pay nothing for it.
import { ViewportPortal, useInternalNode, useReactFlow } from '@xyflow/react';
import { scopeType } from '../../core/model/scope';
import { useEditor, useEditorStore } from '../EditorContext';

const SIZE = 22;

export function EdgeInsertButton() {
  const id = useEditor((s) => (scopeType(s.pipeline) === 'dag' ? s.selectedEdge : undefined));
  const ends = id && !id.startsWith('data:') ? id.split('->') : undefined;
  return ends?.length === 2 ? <InsertOn from={ends[0]!} to={ends[1]!} /> : null;
}

function InsertOn({ from, to }: { from: string; to: string }) {
  const store = useEditorStore();
  const flow = useReactFlow();
  const source = useInternalNode(from);
  const target = useInternalNode(to);
  if (!source || !target) return null;
  const sx = source.internals.positionAbsolute.x + (source.measured.width ?? 0);
  const sy = source.internals.positionAbsolute.y + (source.measured.height ?? 0) / 2;
  const tx = target.internals.positionAbsolute.x;
  const ty = target.internals.positionAbsolute.y + (target.measured.height ?? 0) / 2;
  const at = { x: (sx + tx) / 2, y: (sy + ty) / 2 };
  return (
    <ViewportPortal>
      <button
        type="button"
        className="edge-insert nodrag nopan"
        data-testid="insert-on-edge"
        aria-label={`Insert a step between ${from} and ${to}`}
        title={`Insert a step between ${from} and ${to}`}
        style={{
          transform: `translate(${at.x - SIZE / 2}px, ${at.y - SIZE / 2}px)`,
          width: SIZE,
          height: SIZE,
        }}
        onClick={(e) => {
          const screen = flow.flowToScreenPosition(at);
          e.stopPropagation();
          store.getState().openPicker({
            screen,
            at: { x: at.x - 60, y: at.y + 40 },
            between: { from, to },
          });
        }}
      >
        +
      </button>
    </ViewportPortal>
  );
}
