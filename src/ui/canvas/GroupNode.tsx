// The frame around one group of a steps template: its place in the order,
// and whether its steps run in parallel. Edges from frame to frame show the
// order the groups run in.
import { Handle, Position, type NodeProps } from '@xyflow/react';
import { memo } from 'react';
import type { GroupFlowNode } from './flowAdapter';

function GroupNodeView({ data }: NodeProps<GroupFlowNode>) {
  return (
    <div className="step-group" data-testid={`step-group-${data.order}`}>
      <Handle type="target" position={Position.Left} isConnectable={false} />
      <div className="step-group-label">
        {data.order}
        {data.parallel > 1 && <span className="muted"> · {data.parallel} in parallel</span>}
      </div>
      <Handle type="source" position={Position.Right} isConnectable={false} />
    </div>
  );
}

export const GroupNode = memo(GroupNodeView);
