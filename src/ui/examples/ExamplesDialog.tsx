// The examples gallery: pick one, and a copy of it opens as the document (the
// example's file never changes). Work already on the canvas is kept aside
// first (listed, downloadable) and Undo brings it back.
import { useState } from 'react';
import { EXAMPLES, exampleText } from '../../examples';
import { scopeTasks } from '../../core/model/scope';
import { saveTextOf } from '../../store/fileSlice';
import { Dialog } from '../Dialog';
import { useEditorStore } from '../EditorContext';

interface Props {
  onClose(): void;
  /** Opens YAML text as the document, as Open… does. */
  onOpen(text: string, fileName: string): void;
}

export default function ExamplesDialog({ onClose, onOpen }: Props) {
  const store = useEditorStore();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const pick = (id: string, title: string) => {
    setBusy(true);
    exampleText(id).then(
      (text) => {
        const state = store.getState();
        if (scopeTasks(state.pipeline).length > 0)
          state.keepAside(
            `your workflow, when the example “${title}” was opened`,
            saveTextOf(state),
          );
        onOpen(text, `${id}.yaml`);
        store.getState().setNotice({
          kind: 'info',
          message: `Opened a copy of the example “${title}”. Undo brings back what you had; it is also kept aside.`,
        });
        onClose();
      },
      (e: Error) => {
        setBusy(false);
        setError(`The example could not be loaded: ${e.message}`);
      },
    );
  };
  return (
    <Dialog label="Examples" onClose={onClose} closeOnBackdrop className="examples">
      <h2>Start from an example</h2>
      <p className="muted">Each opens as a copy; your current workflow is kept aside.</p>
      <ul className="example-list">
        {EXAMPLES.map((e) => (
          <li key={e.id}>
            <button
              type="button"
              className="example-card"
              disabled={busy}
              onClick={() => pick(e.id, e.title)}
              data-testid={`example-${e.id}`}
            >
              <span className="example-title">{e.title}</span>
              <span className="example-kind">{e.kind}</span>
              <span className="example-description">{e.description}</span>
            </button>
          </li>
        ))}
      </ul>
      {error && (
        <p className="check-failed" role="alert">
          {error}
        </p>
      )}
      <div className="modal-actions">
        <button type="button" onClick={onClose}>
          Cancel
        </button>
      </div>
    </Dialog>
  );
}
