// One click from the canvas to a running workflow. Disabled while a request
// is in flight, so a double click submits once.
import { useEditor } from '../EditorContext';

export function SubmitButton() {
  const submitting = useEditor((s) => s.submitting);
  const submit = useEditor((s) => s.submit);
  const kind = useEditor((s) => s.pipeline.kind);
  const label = kind === 'Workflow' ? 'Submit' : `Save ${kind} to server`;
  return (
    <button
      type="button"
      className="primary"
      onClick={() => void submit()}
      disabled={submitting}
      aria-busy={submitting}
      data-testid="submit"
    >
      {submitting ? 'Submitting…' : label}
    </button>
  );
}
