// Submit with parameters: each workflow argument with its default (an enum
// as a dropdown, the description as help), the entrypoint among the
// templates, labels to add, and "remember these values" for this workflow
// (never the token). The values go into what is submitted; the document does
// not change.
import { useMemo, useState, type FormEvent } from 'react';
import {
  argumentFields,
  parsePairs,
  submitOptionProblems,
  templateNames,
  type SubmitOptions,
} from '../../core/argo/submitOptions';
import { useEditor, useEditorStore } from '../EditorContext';
import { Dialog } from '../Dialog';

export function SubmitForm({ onClose }: { onClose(): void }) {
  const store = useEditorStore();
  const pipeline = useEditor((s) => s.pipeline);
  const manifest = useMemo(
    () => ({ kind: pipeline.kind, metadata: pipeline.metadata, spec: pipeline.spec }),
    [pipeline],
  );
  const fields = useMemo(() => argumentFields(manifest), [manifest]);
  const names = useMemo(() => templateNames(manifest), [manifest]);
  const defaultEntry = String(
    (pipeline.kind === 'CronWorkflow'
      ? (pipeline.spec.workflowSpec as { entrypoint?: string } | undefined)?.entrypoint
      : pipeline.spec.entrypoint) ?? '',
  );
  const [remembered] = useState(() => store.getState().rememberedSubmit());
  const [values, setValues] = useState<ReadonlyMap<string, string>>(
    () =>
      new Map(
        fields.map((f) => [
          f.name,
          remembered?.parameters && Object.hasOwn(remembered.parameters, f.name)
            ? remembered.parameters[f.name]!
            : f.value,
        ]),
      ),
  );
  const [entrypoint, setEntrypoint] = useState(remembered?.entrypoint ?? defaultEntry);
  const [labels, setLabels] = useState(
    Object.entries(remembered?.labels ?? {})
      .map(([k, v]) => `${k}=${v}`)
      .join('\n'),
  );
  const [remember, setRemember] = useState(remembered !== undefined);
  const [problems, setProblems] = useState<string[]>([]);

  const options = (): SubmitOptions | string[] => {
    const out: SubmitOptions = {};
    const parameters = Object.create(null) as Record<string, string>;
    const required = new Set(fields.filter((f) => f.required).map((f) => f.name));
    // A required value left blank is missing, not the empty string.
    for (const [k, v] of values) if (!(required.has(k) && v === '')) parameters[k] = v;
    if (values.size > 0) out.parameters = parameters;
    if (entrypoint && entrypoint !== defaultEntry) out.entrypoint = entrypoint;
    const lines = labels
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean);
    if (lines.length > 0) {
      const parsed = parsePairs(lines, 'label');
      if ('error' in parsed) return [parsed.error];
      out.labels = parsed.values;
    }
    const found = submitOptionProblems(manifest, out);
    return found.length > 0 ? found : out;
  };

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const o = options();
    if (Array.isArray(o)) return setProblems(o);
    store.getState().rememberSubmit(remember ? o : undefined);
    onClose();
    void store.getState().submit(o);
  };

  return (
    <Dialog label="Submit" onClose={onClose} className="submit-form" onSubmit={onSubmit}>
      <h2>Submit {String(pipeline.metadata.name ?? pipeline.metadata.generateName ?? '')}</h2>
      {fields.map((f, i) => (
        <div className="field" key={i}>
          <label htmlFor={`submit-param-${i}`}>
            {f.name}
            {f.required && (
              <span className="required" title="needs a value">
                {' '}
                *
              </span>
            )}
          </label>
          {f.enum ? (
            <select
              id={`submit-param-${i}`}
              name={`param-${f.name}`}
              value={values.get(f.name) ?? ''}
              onChange={(e) => setValues((old) => new Map(old).set(f.name, e.target.value))}
            >
              {f.enum.map((v) => (
                <option key={v} value={v}>
                  {v}
                </option>
              ))}
            </select>
          ) : (
            <input
              id={`submit-param-${i}`}
              name={`param-${f.name}`}
              value={values.get(f.name) ?? ''}
              onChange={(e) => setValues((old) => new Map(old).set(f.name, e.target.value))}
            />
          )}
          {f.description && <p className="field-hint">{f.description}</p>}
        </div>
      ))}
      <div className="field">
        <label htmlFor="submit-entrypoint">Entrypoint</label>
        <select
          id="submit-entrypoint"
          value={entrypoint}
          onChange={(e) => setEntrypoint(e.target.value)}
        >
          {names.map((n) => (
            <option key={n} value={n}>
              {n}
              {n === defaultEntry ? ' (default)' : ''}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="submit-labels">Labels to add</label>
        <textarea
          id="submit-labels"
          rows={2}
          placeholder="team=data"
          value={labels}
          onChange={(e) => setLabels(e.target.value)}
        />
        <p className="field-hint">
          One key=value a line. The editor adds argoflow.dev/pipeline itself.
        </p>
      </div>
      <label className="checkbox">
        <input type="checkbox" checked={remember} onChange={(e) => setRemember(e.target.checked)} />{' '}
        Remember these values for this workflow (in this browser; never the token)
      </label>
      {problems.length > 0 && (
        <ul className="field-error" role="alert">
          {problems.map((p) => (
            <li key={p}>{p}</li>
          ))}
        </ul>
      )}
      <div className="modal-actions">
        <span className="spacer" />
        <button type="button" onClick={onClose}>
          Cancel
        </button>
        <button type="submit" className="primary" data-testid="submit-form-submit">
          Submit
        </button>
      </div>
    </Dialog>
  );
}
