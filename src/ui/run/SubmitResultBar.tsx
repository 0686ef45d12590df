// What the last submit did: the created name with a link to the Argo UI, an
// offer to update an existing template, or the failure in words.
import { useEditor, useEditorStore } from '../EditorContext';
import { TemplateRunForm } from '../lazyPanels';

export function SubmitResultBar() {
  const store = useEditorStore();
  const result = useEditor((s) => s.submitResult);
  const kind = useEditor((s) => s.pipeline.kind);
  if (!result) return null;
  return (
    <div
      className={`submit-result submit-${result.kind}`}
      role={result.kind === 'failed' || result.kind === 'invalid' ? 'alert' : 'status'}
      data-testid="submit-result"
    >
      <span>{result.message}</span>
      {result.link && (
        <a href={result.link} target="_blank" rel="noreferrer">
          Open in Argo UI
        </a>
      )}
      {result.kind === 'exists' && (
        <button type="button" onClick={() => void store.getState().updateExisting()}>
          Update it
        </button>
      )}
      {result.kind === 'created' && result.objectKind === kind && kind !== 'Workflow' && (
        <TemplateRunForm />
      )}
      <button
        type="button"
        aria-label="Dismiss"
        onClick={() => store.setState({ submitResult: undefined })}
      >
        ×
      </button>
    </div>
  );
}
