// A collapsible group of the node inspector. `scope` says where the fields
// live: on this task only, or on its template (shared by every task that runs it).
import { useState, type ReactNode } from 'react';

export type Scope = 'task' | 'template' | 'task + template';

interface SectionProps {
  title: string;
  scope: Scope;
  /** Open at first (when the section has values); the user toggles it after. */
  open?: boolean;
  children: ReactNode;
}

export function Section({ title, scope, open, children }: SectionProps) {
  const [initiallyOpen] = useState(open ?? false);
  return (
    <details className="task-section" open={initiallyOpen || undefined}>
      <summary>
        {title} <span className={`section-scope scope-${scope.replace(/\W+/g, '-')}`}>{scope}</span>
      </summary>
      <div className="task-section-body">{children}</div>
    </details>
  );
}
