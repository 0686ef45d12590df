// The field of RenameBox, loaded the first time a task is renamed in place.
import { useReactFlow } from '@xyflow/react';
import { useState } from 'react';
import { taskNameProblem } from '../../core/model/names';
import { nodeNames } from '../../core/model/operations';
import { useEditorStore } from '../EditorContext';

export function RenameField({ name }: { name: string }) {
  const store = useEditorStore();
  const flow = useReactFlow();
  const [value, setValue] = useState(name);
  const node = flow.getInternalNode(name);
  const at = node
    ? flow.flowToScreenPosition(node.internals.positionAbsolute)
    : { x: window.innerWidth / 2, y: window.innerHeight / 3 };
  const problem =
    value !== name && nodeNames(store.getState().pipeline).has(value)
      ? `a task named '${value}' already exists`
      : taskNameProblem(value);
  const close = () => store.getState().startRename(undefined);
  const commit = () => {
    if (problem) return;
    if (value === name || store.getState().renameTask(name, value)) close();
  };
  return (
    <div
      className="rename-box"
      style={{ left: at.x, top: at.y }}
      role="dialog"
      aria-label={`Rename ${name}`}
    >
      <input
        autoFocus
        aria-label="New name"
        aria-invalid={problem ? true : undefined}
        value={value}
        onFocus={(e) => e.currentTarget.select()}
        onChange={(e) => setValue(e.target.value)}
        onBlur={close}
        onKeyDown={(e) => {
          e.stopPropagation();
          if (e.key === 'Enter') commit();
          else if (e.key === 'Escape') close();
        }}
      />
      {problem && <div className="rename-problem">{problem}</div>}
    </div>
  );
}
