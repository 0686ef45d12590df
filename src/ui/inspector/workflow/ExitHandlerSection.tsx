// The exit handler: a template Argo runs after the workflow ends, whatever
// its status (`{{workflow.status}}` tells which). Pick one of the manifest's
// templates, create a small one, or have none.
import { useMemo } from 'react';
import { templates } from '../../../core/model/spec';
import { createExitHandler, setOnExit } from '../../../core/model/workflowFields';
import { useEditor, useEditorStore } from '../../EditorContext';
import { Section } from './Section';
import { useWorkflowField } from './useWorkflowField';
import { entrypoint } from '../../../core/model/pipeline';

export function ExitHandlerSection() {
  const store = useEditorStore();
  const apply = store.getState().apply;
  const onExit = useWorkflowField('onExit');
  const current = typeof onExit === 'string' ? onExit : '';
  // Every template but the entrypoint: running the whole workflow again on exit is never meant.
  const names = useEditor((s) =>
    templates(s.pipeline)
      .map((t) => t.name)
      .filter((n) => n !== entrypoint(s.pipeline))
      .join('\n'),
  );
  const options = useMemo(() => {
    const list = names.split('\n').filter(Boolean);
    return current && !list.includes(current) ? [...list, current] : list;
  }, [names, current]);

  return (
    <Section title="Exit handler">
      <div className="field">
        <label htmlFor="wf-on-exit">Exit handler (onExit)</label>
        <select
          id="wf-on-exit"
          value={current}
          onChange={(e) => apply((p) => setOnExit(p, e.target.value))}
        >
          <option value="">(none)</option>
          {options.map((n) => (
            <option key={n} value={n}>
              {n}
            </option>
          ))}
        </select>
        <div className="field-hint">Runs when the workflow ends, whether it succeeded or not.</div>
      </div>
      <button type="button" onClick={() => apply((p) => createExitHandler(p).pipeline)}>
        Create exit handler
      </button>
    </Section>
  );
}
