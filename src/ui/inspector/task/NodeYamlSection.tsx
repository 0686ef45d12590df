// "Edit as YAML" for the task or its template: anything the forms do not
// cover. Nothing is applied while the text does not parse or would bring new
// errors; the diagnostics say why.
import { useId, useState } from 'react';
import type { Diagnostic } from '../../../core/diagnostics';
import { parseYamlAs } from '../../../core/model/yamlFragment';
import { Section } from './Section';
import type { Scope } from './Section';

interface Props {
  title: string;
  scope: Scope;
  /** The node as YAML, as the document has it. */
  text: string;
  /** Applies the edited text; returns why it was refused, or []. */
  onApply: (text: string) => Diagnostic[];
}

export function NodeYamlSection({ title, scope, text, onApply }: Props) {
  const id = useId();
  const [draft, setDraft] = useState(text);
  const [shown, setShown] = useState(text);
  const [refused, setRefused] = useState<Diagnostic[]>([]);
  // The document changed (an applied edit, undo, a form): show its YAML.
  if (text !== shown) {
    setShown(text);
    setDraft(text);
    setRefused([]);
  }
  const syntax = parseYamlAs(draft, scope, 'mapping').diagnostics;
  const problems = syntax.length > 0 ? syntax : refused;
  return (
    <Section title={title} scope={scope}>
      <div className={`field${problems.length > 0 ? ' invalid' : ''}`}>
        <label htmlFor={id}>{scope === 'task' ? 'Task YAML' : 'Template YAML'}</label>
        <textarea
          id={id}
          className="node-yaml"
          spellCheck={false}
          rows={Math.min(20, Math.max(4, draft.split('\n').length + 1))}
          value={draft}
          aria-invalid={problems.length > 0 || undefined}
          onChange={(e) => {
            setDraft(e.target.value);
            setRefused([]);
          }}
        />
      </div>
      {problems.length > 0 && (
        <ul className="inspector-problems" role="alert">
          {problems.map((d, i) => (
            <li key={i} className={d.severity}>
              {d.line !== undefined ? `line ${d.line}: ` : ''}
              {d.message}
            </li>
          ))}
        </ul>
      )}
      <div className="node-yaml-actions">
        <button
          type="button"
          className="primary"
          aria-label={`Apply ${scope} YAML`}
          disabled={draft === text || syntax.length > 0}
          onClick={() => setRefused(onApply(draft))}
        >
          Apply
        </button>
        <button
          type="button"
          aria-label={`Reset ${scope} YAML`}
          disabled={draft === text}
          onClick={() => setDraft(text)}
        >
          Reset
        </button>
      </div>
    </Section>
  );
}
