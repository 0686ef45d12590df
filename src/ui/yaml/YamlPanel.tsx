// The YAML panel: the live manifest, editable. Valid edits update the canvas;
// invalid ones show their errors inline and leave the canvas as it was.
import { lazy, Suspense, useCallback, useEffect, useRef } from 'react';
import { pipelinePreview } from '../../store/derived';
import { useEditor, useEditorStore } from '../EditorContext';

const YamlEditor = lazy(() => import('./YamlEditor'));

const APPLY_AFTER_MS = 250;
const APPLY_AT_LATEST_MS = 300;

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
  /** Text typed and not yet applied, and when it must be applied at the latest. */
  const pending = useRef<{ text: string; deadline: number } | undefined>(undefined);
  const text = draft ?? preview;

  const apply = useCallback(() => {
    clearTimeout(timer.current);
    const typed = pending.current;
    pending.current = undefined;
    if (typed) store.getState().editYaml(typed.text);
  }, [store]);

  // Typing applies 250 ms after the last key, and never later than 300 ms
  // after the first key not yet applied (autosave then writes it at once).
  const onChange = useCallback(
    (next: string) => {
      const now = Date.now();
      const deadline = pending.current?.deadline ?? now + APPLY_AT_LATEST_MS;
      pending.current = { text: next, deadline };
      clearTimeout(timer.current);
      timer.current = setTimeout(apply, Math.max(0, Math.min(APPLY_AFTER_MS, deadline - now)));
    },
    [apply],
  );
  // A page being hidden or closed applies what is typed, so autosave can write it.
  useEffect(() => {
    const hidden = () => {
      if (document.visibilityState === 'hidden') apply();
    };
    window.addEventListener('pagehide', apply);
    document.addEventListener('visibilitychange', hidden);
    return () => {
      window.removeEventListener('pagehide', apply);
      document.removeEventListener('visibilitychange', hidden);
      clearTimeout(timer.current);
    };
  }, [apply]);

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
