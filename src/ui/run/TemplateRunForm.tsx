// Starts a run from the stored WorkflowTemplate: a form built from its spec.arguments.
import { useState } from 'react';
import { workflowSpec } from '../../core/model/spec';
import { isObject, type Parameter } from '../../core/model/types';
import { useEditor, useEditorStore } from '../EditorContext';

export function TemplateRunForm() {
  const store = useEditorStore();
  const args = useEditor((s) => workflowSpec(s.pipeline).arguments);
  const params =
    isObject(args) && Array.isArray(args.parameters) ? (args.parameters as Parameter[]) : [];
  const [values, setValues] = useState<Record<string, string>>(() =>
    Object.fromEntries(params.map((p) => [p.name, String(p.value ?? '')])),
  );
  return (
    <form
      className="template-run"
      onSubmit={(e) => {
        e.preventDefault();
        void store.getState().submitFromTemplate(values);
      }}
    >
      {params.map((p) => (
        <label key={p.name}>
          {p.name}{' '}
          <input
            name={`run-${p.name}`}
            value={Object.hasOwn(values, p.name) ? values[p.name] : ''}
            onChange={(e) => setValues({ ...values, [p.name]: e.target.value })}
          />
        </label>
      ))}
      <button type="submit">Run from template</button>
    </form>
  );
}
