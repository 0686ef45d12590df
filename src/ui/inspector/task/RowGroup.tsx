// One row of a list form (an env variable, a volume mount, a node affinity
// requirement): its inputs are edited together and committed when focus
// leaves the row or on Enter, so a half-filled row is never written. Escape
// puts the row back as the document has it.
import type { ReactNode } from 'react';

interface RowGroupProps {
  label: string;
  problem?: string | undefined;
  onCommit: () => void;
  onReset: () => void;
  onRemove?: () => void;
  children: ReactNode;
}

export function RowGroup({ label, problem, onCommit, onReset, onRemove, children }: RowGroupProps) {
  return (
    <div
      className={`task-row${problem ? ' invalid' : ''}`}
      role="group"
      aria-label={label}
      onBlur={(e) => {
        if (!e.currentTarget.contains(e.relatedTarget as Node | null)) onCommit();
      }}
      onKeyDown={(e) => {
        if (e.key === 'Enter' && (e.target as HTMLElement).tagName === 'INPUT') onCommit();
        if (e.key === 'Escape') onReset();
      }}
    >
      <div className="task-row-fields">{children}</div>
      {onRemove && (
        <button type="button" className="link" aria-label={`Remove ${label}`} onClick={onRemove}>
          Remove
        </button>
      )}
      {problem && (
        <div className="field-error" role="alert">
          {problem}
        </div>
      )}
    </div>
  );
}
