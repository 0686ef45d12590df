// One task on the canvas: name, what it runs, image or resource kind, and a
// problem badge. While a connection is being drawn, a node that would close a
// cycle shows itself as not connectable.
import { Handle, Position, useConnection, type NodeProps } from '@xyflow/react';
import { memo } from 'react';
import { canConnect } from '../../store/documentSlice';
import { useEditor } from '../EditorContext';
import type { TaskFlowNode } from './flowAdapter';

function TaskNodeView({ id, data, selected }: NodeProps<TaskFlowNode>) {
  // Only the source's id: the node re-renders when a connection starts or ends, not on every mouse move.
  const from = useConnection((c) =>
    c.inProgress && c.fromHandle?.type === 'source' ? c.fromNode.id : null,
  );
  const blocked = useEditor((s) =>
    from !== null && from !== id ? !canConnect(s.pipeline, from, id) : false,
  );
  const errors = data.problems.filter((d) => d.severity === 'error').length;
  const warnings = data.problems.length - errors;
  const className = [
    'task-node',
    selected && 'selected',
    blocked && 'blocked',
    errors > 0 && 'has-errors',
  ]
    .filter(Boolean)
    .join(' ');
  return (
    <div
      className={className}
      data-testid={`task-${id}`}
      title={blocked ? 'Would close a dependency cycle' : undefined}
    >
      <Handle type="target" position={Position.Left} isConnectableEnd={!blocked} />
      <div className="task-node-name">{data.name}</div>
      <div className="task-node-runs">{data.runs}</div>
      {data.detail && <div className="task-node-detail">{data.detail}</div>}
      {data.problems.length > 0 && (
        <span
          className={errors > 0 ? 'badge badge-error' : 'badge badge-warning'}
          title={data.problems.map((d) => d.message).join('\n')}
          aria-label={`${errors} errors, ${warnings} warnings`}
        >
          {data.problems.length}
        </span>
      )}
      <Handle type="source" position={Position.Right} />
    </div>
  );
}

export const TaskNode = memo(TaskNodeView);
