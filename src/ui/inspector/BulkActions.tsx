// The inspector for several selected tasks: act on all of them at once
// (delete, move into a new DAG template, select what they wait for or what
// waits for them) or set one field on all (a YAML value; empty removes it).
import { useState } from 'react';
import { BULK_TASK_FIELDS, BULK_TEMPLATE_FIELDS, type BulkField } from '../../core/ergonomics/bulk';
import { scopeType } from '../../core/model/scope';
import { parseYamlValue } from '../../core/model/yamlFragment';
import { useEditor, useEditorStore } from '../EditorContext';

const FIELDS: { field: BulkField; hint: string }[] = [
  ...BULK_TEMPLATE_FIELDS.map((field) => ({ field, hint: 'on the templates they run' })),
  ...BULK_TASK_FIELDS.map((field) => ({ field, hint: 'on each task' })),
];
const EXAMPLES: Partial<Record<BulkField, string>> = {
  retryStrategy: 'limit: 3\nretryPolicy: OnFailure',
  nodeSelector: 'kubernetes.io/os: linux',
  tolerations: '- key: gpu\n  operator: Exists',
  when: "'{{workflow.parameters.run}}' == 'yes'",
};

export function BulkActions() {
  const store = useEditorStore();
  const names = useEditor((s) => s.selection);
  const dag = useEditor((s) => scopeType(s.pipeline) === 'dag');
  const [field, setField] = useState<BulkField>('retryStrategy');
  const [text, setText] = useState('');
  const parsed = parseYamlValue(text, field);
  const problem = parsed.diagnostics[0]?.message;
  const s = () => store.getState();
  return (
    <div className="inspector-body" data-testid="bulk-actions">
      <h2>{names.length} tasks selected</h2>
      <div className="bulk-buttons">
        <button type="button" onClick={() => s().removeTasks([...names])}>
          Delete {names.length} tasks
        </button>
        <button type="button" onClick={() => s().duplicate([...names])}>
          Duplicate
        </button>
        <button type="button" disabled={!dag} onClick={() => void s().moveIntoNewDag(names)}>
          Move into a new DAG template
        </button>
        <button type="button" disabled={!dag} onClick={() => s().selectUpstream(names)}>
          Select upstream
        </button>
        <button type="button" disabled={!dag} onClick={() => s().selectDownstream(names)}>
          Select downstream
        </button>
      </div>
      <h3>Set a field on all</h3>
      <div className="field">
        <label htmlFor="bulk-field">Field</label>
        <select
          id="bulk-field"
          value={field}
          onChange={(e) => setField(e.target.value as BulkField)}
        >
          {FIELDS.map((f) => (
            <option key={f.field} value={f.field}>
              {f.field} ({f.hint})
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="bulk-value">Value (YAML; empty removes the field)</label>
        <textarea
          id="bulk-value"
          rows={4}
          value={text}
          placeholder={EXAMPLES[field]}
          aria-invalid={problem ? true : undefined}
          onChange={(e) => setText(e.target.value)}
        />
        {problem && <div className="field-error">{problem}</div>}
      </div>
      <button
        type="button"
        disabled={problem !== undefined}
        onClick={() => void s().setTasksField(names, field, parsed.value)}
      >
        {text.trim() === '' ? `Remove ${field} from all` : `Set ${field} on all`}
      </button>
    </div>
  );
}
