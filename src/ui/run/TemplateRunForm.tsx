// Starts a run from the stored WorkflowTemplate: a form built from its spec.arguments.
// Values live in a Map keyed by parameter name (`constructor` is a name like
// any other); a template with thousands of parameters shows them a page at a
// time, and typing re-renders only the field typed in.
import { memo, useCallback, useState } from 'react';
import { workflowSpec } from '../../core/model/spec';
import { isObject, type Parameter } from '../../core/model/types';
import { useEditor, useEditorStore } from '../EditorContext';
import { Pager, usePage } from '../inspector/Pager';

const parameterName = (p: Parameter) => p.name;

export function TemplateRunForm() {
  const store = useEditorStore();
  const args = useEditor((s) => workflowSpec(s.pipeline).arguments);
  const params =
    isObject(args) && Array.isArray(args.parameters) ? (args.parameters as Parameter[]) : [];
  const [values, setValues] = useState<ReadonlyMap<string, string>>(
    () => new Map(params.map((p) => [p.name, String(p.value ?? '')])),
  );
  const { rows, pager } = usePage(params, parameterName);
  const setValue = useCallback(
    (name: string, value: string) => setValues((old) => new Map(old).set(name, value)),
    [],
  );
  return (
    <form
      className="template-run"
      onSubmit={(e) => {
        e.preventDefault();
        void store.getState().submitFromTemplate(Object.fromEntries(values));
      }}
    >
      {pager && <Pager what="template parameters" pager={pager} />}
      {rows.map(({ item, index }) => (
        <ValueField
          key={index}
          name={item.name}
          value={values.get(item.name) ?? ''}
          onChange={setValue}
        />
      ))}
      <button type="submit">Run from template</button>
    </form>
  );
}

const ValueField = memo(function ValueField({
  name,
  value,
  onChange,
}: {
  name: string;
  value: string;
  onChange: (name: string, value: string) => void;
}) {
  return (
    <label>
      {name}{' '}
      <input name={`run-${name}`} value={value} onChange={(e) => onChange(name, e.target.value)} />
    </label>
  );
});
