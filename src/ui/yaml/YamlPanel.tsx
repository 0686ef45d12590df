// The YAML panel: the live manifest, editable. Valid edits update the canvas;
// invalid ones show their errors inline and leave the canvas as it was.
import { lazy, Suspense, useCallback, useEffect, useRef } from 'react';
import { pipelinePreview } from '../../store/derived';
import { useEditor, useEditorStore } from '../EditorContext';

const YamlEditor = lazy(() => import('./YamlEditor'));

interface Props {
  onDownload: () => void;
  dark: boolean;
}

export function YamlPanel({ onDownload, dark }: Props) {
  const store = useEditorStore();
  const preview = useEditor((s) => pipelinePreview(s.pipeline));
  const draft = useEditor((s) => s.yamlDraft);
  const diagnostics = useEditor((s) => s.yamlDiagnostics);
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const text = draft ?? preview;

  const onChange = useCallback(
    (next: string) => {
      clearTimeout(timer.current);
      timer.current = setTimeout(() => store.getState().editYaml(next), 250);
    },
    [store],
  );
  useEffect(() => () => clearTimeout(timer.current), []);

  const copy = () => {
    void navigator.clipboard?.writeText(text).then(
      () => store.getState().setNotice({ kind: 'info', message: 'YAML copied to the clipboard' }),
      () =>
        store.getState().setNotice({
          kind: 'error',
          message: 'The browser refused clipboard access; select the text and copy it instead',
        }),
    );
  };

  return (
    <section className="yaml-panel" aria-label="YAML">
      <div className="panel-title">
        Argo YAML
        <span className="spacer" />
        <button type="button" onClick={copy}>
          Copy
        </button>
        <button type="button" onClick={onDownload}>
          Download
        </button>
      </div>
      {diagnostics.length > 0 && (
        <ul className="yaml-problems" role="alert">
          {diagnostics.map((d, i) => (
            <li key={i} className={d.severity}>
              {d.line !== undefined ? `line ${d.line}: ` : ''}
              {d.message}
            </li>
          ))}
        </ul>
      )}
      <pre className="yaml-text" data-testid="yaml-text" hidden>
        {preview}
      </pre>
      <Suspense fallback={<pre className="yaml-fallback">{text}</pre>}>
        <YamlEditor
          value={text}
          diagnostics={diagnostics}
          onChange={onChange}
          onBlur={() => store.getState().closeYamlDraft()}
          dark={dark}
        />
      </Suspense>
    </section>
  );
}
