// A collapsible part of the workflow inspector. The browser keeps it open or
// closed as the user left it; `open` is only where it starts.
import type { ReactNode } from 'react';

export function Section({
  title,
  open = false,
  children,
}: {
  title: string;
  open?: boolean;
  children: ReactNode;
}) {
  return (
    <details className="section wf-section" open={open} data-testid={`wf-section-${slug(title)}`}>
      <summary>{title}</summary>
      <div className="wf-section-body">{children}</div>
    </details>
  );
}

const slug = (title: string) => title.toLowerCase().replace(/[^a-z0-9]+/g, '-');
