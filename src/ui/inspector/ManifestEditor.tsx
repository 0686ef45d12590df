// The raw manifest of a resource template: edited as text, checked as you type
// (YAML as Argo reads it, placeholders filled; a Kubernetes object with
// apiVersion and kind), applied with the button or Ctrl+Enter as one undo
// step. Nothing is applied while the text is invalid; each problem names its
// line, and clicking it selects that line.
import { useId, useMemo, useRef, useState } from 'react';
import type { Diagnostic } from '../../core/diagnostics';
import { readManifestText } from '../../core/model/resourceFields';
import './resource.css';

interface ManifestEditorProps {
  /** The manifest as the document has it. */
  text: string;
  /** Applies `text`; returns the diagnostics of a refused edit. */
  onApply: (text: string) => Diagnostic[];
  hint?: string;
}

export function ManifestEditor({ text, onApply, hint }: ManifestEditorProps) {
  const id = useId();
  const ref = useRef<HTMLTextAreaElement>(null);
  const [draft, setDraft] = useState(text);
  const [shown, setShown] = useState(text);
  const [refused, setRefused] = useState<Diagnostic[]>([]);
  // The document changed underneath (the form, undo, a YAML edit): show it.
  if (text !== shown) {
    setShown(text);
    setDraft(text);
    setRefused([]);
  }
  const problems = useMemo(() => readManifestText(draft).diagnostics, [draft]);
  const dirty = draft !== text;
  const listed = problems.length > 0 ? problems : refused;
  const apply = () => {
    if (!dirty || problems.length > 0) return;
    setRefused(onApply(draft).filter((d) => d.severity === 'error'));
  };
  const selectLine = (line: number | undefined) => {
    const area = ref.current;
    if (!area || line === undefined) return;
    const lines = draft.split('\n');
    const start = lines.slice(0, line - 1).reduce((n, l) => n + l.length + 1, 0);
    area.focus();
    area.setSelectionRange(start, start + (lines[line - 1]?.length ?? 0));
  };
  return (
    <fieldset className="manifest-editor" data-testid="manifest-editor">
      <legend>Manifest</legend>
      <label htmlFor={id} className="field-label">
        Manifest (YAML)
      </label>
      <textarea
        id={id}
        ref={ref}
        name="manifest"
        spellCheck={false}
        value={draft}
        rows={Math.min(24, Math.max(6, draft.split('\n').length + 1))}
        aria-invalid={problems.length > 0 || undefined}
        aria-describedby={listed.length > 0 ? `${id}-problems` : undefined}
        onChange={(e) => {
          setDraft(e.target.value);
          setRefused([]);
        }}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
            e.preventDefault();
            apply();
          }
        }}
      />
      <div className="manifest-actions">
        <button
          type="button"
          className="primary"
          disabled={!dirty || problems.length > 0}
          onClick={apply}
        >
          Apply
        </button>
        <button
          type="button"
          disabled={!dirty}
          onClick={() => {
            setDraft(text);
            setRefused([]);
          }}
        >
          Revert
        </button>
        {dirty && problems.length === 0 && <span className="field-hint">Not applied yet</span>}
      </div>
      {listed.length > 0 && (
        <ul className="manifest-problems" id={`${id}-problems`} role="alert">
          {listed.map((d, i) => (
            <li key={i}>
              {d.line !== undefined ? (
                <button type="button" className="link" onClick={() => selectLine(d.line)}>
                  {d.message}
                </button>
              ) : (
                d.message
              )}
            </li>
          ))}
        </ul>
      )}
      {hint && <div className="field-hint">{hint}</div>}
    </fieldset>
  );
}
