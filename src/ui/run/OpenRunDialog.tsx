// "Open run…": watch an existing workflow by name on the current canvas.
import { useState } from 'react';
import { useEditorStore } from '../EditorContext';
import { DialogField } from './DialogField';
import { Dialog } from '../Dialog';

export function OpenRunDialog({ onClose }: { onClose(): void }) {
  const store = useEditorStore();
  const [name, setName] = useState('');
  return (
    <Dialog
      label="Open run"
      onClose={onClose}
      onSubmit={(e) => {
        e.preventDefault();
        if (name.trim()) store.getState().openRun(name.trim());
        onClose();
      }}
    >
      <h2>Open run</h2>
      <DialogField
        id="run-name"
        label="Workflow name"
        value={name}
        onChange={setName}
        placeholder="my-pipeline-x7k2p"
        autoFocus
      />
      <div className="modal-actions">
        <span className="spacer" />
        <button type="button" onClick={onClose}>
          Cancel
        </button>
        <button type="submit">Watch</button>
      </div>
    </Dialog>
  );
}
