// Every problem the core's validation finds; clicking one opens the template
// it is in, selects its task or step (or the workflow) and focuses the field
// it is about.
import { useMemo } from 'react';
import type { Diagnostic } from '../../core/diagnostics';
import { isTemplate } from '../../core/model/pipeline';
import { rawTemplates } from '../../core/model/spec';
import type { Pipeline } from '../../core/model/types';
import { useEditor, useEditorStore } from '../EditorContext';

/** The inspector field a diagnostic is about, from the last task-level key in its path. */
function fieldOf(d: Diagnostic): string | undefined {
  const path = d.path ?? [];
  const at = path.lastIndexOf('tasks');
  if (at >= 0) return typeof path[at + 2] === 'string' ? String(path[at + 2]) : undefined;
  const step = path.lastIndexOf('steps');
  if (step >= 0) return typeof path[step + 3] === 'string' ? String(path[step + 3]) : undefined;
  return path[0] === 'metadata' ? String(path[1] ?? 'name') : undefined;
}

/** The template a diagnostic is in: named, or the `templates[i]` its path goes through. */
function templateOf(p: Pipeline, d: Diagnostic): string | undefined {
  if (d.template) return d.template;
  const path = d.path ?? [];
  const at = path.indexOf('templates');
  const item = at >= 0 ? rawTemplates(p)[path[at + 1] as number] : undefined;
  return isTemplate(item) ? item.name : undefined;
}

export function ProblemsList() {
  const store = useEditorStore();
  const local = useEditor((s) => s.diagnostics);
  const server = useEditor((s) => s.serverDiagnostics);
  const diagnostics = useMemo(
    () => (server.length > 0 ? [...server, ...local] : local),
    [server, local],
  );
  return (
    <section className="problems" aria-label="Problems">
      <div className="panel-title">
        Problems <span className="count">{diagnostics.length}</span>
      </div>
      {diagnostics.length === 0 ? (
        <p className="muted">No problems found.</p>
      ) : (
        <ul>
          {diagnostics.map((d, i) => (
            <li key={i} className={d.severity}>
              <button
                type="button"
                className="link"
                onClick={() => {
                  const s = store.getState();
                  const template = templateOf(s.pipeline, d);
                  if (d.task && template && template !== s.pipeline.scope) s.showScope(template);
                  store.getState().focusField(d.task, fieldOf(d));
                }}
              >
                <span className="severity">{d.severity === 'info' ? 'note' : d.severity}</span>{' '}
                {d.task && <strong>{d.task}: </strong>}
                {d.message}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
