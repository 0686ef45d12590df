// One task on the canvas: name, what it runs, image or resource kind, and a
// problem badge. Zoomed far out it draws only its name and its two dependency
// handles (level of detail, levelOfDetail.ts: fewer elements and store
// subscriptions per node is what keeps large canvases fluid). While a
// connection is being drawn, a node that would close a cycle shows itself as
// not connectable.
import { Handle, Position, type NodeProps } from '@xyflow/react';
import { memo, useCallback, useContext, useSyncExternalStore } from 'react';
import { useEditorStore } from '../EditorContext';
import { CanvasViewContext } from './canvasView';
import type { TaskFlowNode } from './flowAdapter';
import { portHandleId } from '../../core/model/dataFlow';
import { RunBadge } from '../lazyPanels';

const WORST = { error: 'an error', warning: 'a warning', info: 'a note' } as const;

function TaskNodeView({ id, data, selected }: NodeProps<TaskFlowNode>) {
  // No store subscriptions of its own: the canvas computes what nodes need once
  // (a node re-renders when a connection starts or ends, or the zoom crosses
  // the detail threshold, not on every mouse move).
  const view = useContext(CanvasViewContext);
  const store = useEditorStore();
  const detailed = view.detailed;
  const blocked = useSyncExternalStore(
    useCallback((changed: () => void) => view.refused.subscribe(id, changed), [view.refused, id]),
    () => view.refused.has(id),
  );
  const errors = data.problems.filter((d) => d.severity === 'error').length;
  const warnings = data.problems.filter((d) => d.severity === 'warning').length;
  const worst = errors > 0 ? 'error' : warnings > 0 ? 'warning' : 'info';
  const className = [
    'task-node',
    selected && 'selected',
    blocked && 'blocked',
    errors > 0 && 'has-errors',
    !detailed && 'compact',
  ]
    .filter(Boolean)
    .join(' ');
  return (
    <div
      className={className}
      data-testid={`task-${id}`}
      title={blocked ? 'Would close a dependency cycle' : undefined}
    >
      {/* The plain dependency handles come first: edges without a handle id attach to the first. */}
      <Handle type="target" position={Position.Left} isConnectableEnd={!blocked} />
      <Handle type="source" position={Position.Right} />
      <div className="task-node-name">{data.name}</div>
      {detailed && data.runs !== data.name && <div className="task-node-runs">{data.runs}</div>}
      {detailed && data.opens && (
        <button
          type="button"
          className="open-scope nodrag"
          title={`Open ${data.opens} (double-click, or Enter)`}
          onClick={(e) => {
            e.stopPropagation();
            store.getState().openScope(data.opens!, id);
          }}
        >
          Open {data.opens} ›
        </button>
      )}
      {detailed &&
        data.handlers.map((h) => (
          <button
            key={h.name}
            type="button"
            className="handler-badge nodrag"
            title={`${h.name}: opens template ${h.template}`}
            onClick={(e) => {
              e.stopPropagation();
              store.getState().showScope(h.template);
            }}
          >
            {h.name === 'onExit' ? 'on exit' : h.name.replace('hooks.', '')} → {h.template}
          </button>
        ))}
      {detailed && data.detail && <div className="task-node-detail">{data.detail}</div>}
      {view.runWatched && <RunBadge task={id} />}
      {data.problems.length > 0 && (
        <span
          className={`badge badge-${worst}`}
          title={data.problems.map((d) => `${d.severity}: ${d.message}`).join('\n')}
          role="img"
          aria-label={`${data.problems.length} problems, the worst ${WORST[worst]}`}
        >
          {data.problems.length}
        </span>
      )}
      {detailed && data.badges.length > 0 && (
        <div className="task-badges">
          {data.badges.map((b) => (
            <span key={b.label} className={`task-badge task-badge-${b.kind}`} title={b.title}>
              {b.label}
            </span>
          ))}
        </div>
      )}
      {detailed && (data.ports.inputs.length > 0 || data.ports.outputs.length > 0) && (
        <div className="task-ports">
          <div className="ports-in">
            {data.ports.inputs.map((port) => (
              <div
                className={`port port-${port.kind}`}
                key={portHandleId(port)}
                title={`input ${port.kind} ${port.name}`}
              >
                <Handle
                  type="target"
                  position={Position.Left}
                  id={portHandleId(port)}
                  isConnectableEnd={!blocked}
                />
                <span>{port.name}</span>
              </div>
            ))}
          </div>
          <div className="ports-out">
            {data.ports.outputs.map((port) => (
              <div
                className={`port port-${port.kind}`}
                key={portHandleId(port)}
                title={`output ${port.kind} ${port.name}`}
              >
                <span>{port.name}</span>
                <Handle type="source" position={Position.Right} id={portHandleId(port)} />
              </div>
            ))}
          </div>
        </div>
      )}
    </div>
  );
}

export const TaskNode = memo(TaskNodeView);
