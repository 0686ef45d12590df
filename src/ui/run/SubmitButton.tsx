// One click from the canvas to a running workflow: a Workflow with arguments
// opens the submit form first (values, entrypoint, labels). Disabled while a
// request is in flight, so a double click submits once.
import { useEditor } from '../EditorContext';

export function SubmitButton() {
  const submitting = useEditor((s) => s.submitting);
  const submit = useEditor((s) => s.submit);
  const openForm = useEditor((s) => s.openSubmitForm);
  const kind = useEditor((s) => s.pipeline.kind);
  const hasArguments = useEditor((s) => {
    const args = s.pipeline.spec.arguments as { parameters?: unknown[] } | undefined;
    return Array.isArray(args?.parameters) && args.parameters.length > 0;
  });
  const label =
    kind === 'Workflow' ? (hasArguments ? 'Submit…' : 'Submit') : `Save ${kind} to server`;
  return (
    <button
      type="button"
      className="primary"
      onClick={() => (kind === 'Workflow' && hasArguments ? openForm() : void submit())}
      disabled={submitting}
      aria-busy={submitting}
      data-testid="submit"
    >
      {submitting ? 'Submitting…' : label}
    </button>
  );
}
