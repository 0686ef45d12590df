// Shows the DAG a steps template would become before it is applied.
import { useMemo } from 'react';
import { stepsToDag } from '../../core/model/convert';
import { templateYamlText } from '../../core/model/nodeYamlText';
import { scopeTemplate } from '../../core/model/scope';
import { useEditor, useEditorStore } from '../EditorContext';
import { Dialog } from '../Dialog';

export function ConvertDialog({ onClose }: { onClose(): void }) {
  const store = useEditorStore();
  const template = useEditor((s) => scopeTemplate(s.pipeline));
  const text = useMemo(() => (template ? templateYamlText(stepsToDag(template)) : ''), [template]);
  if (!template) return null;
  return (
    <Dialog label="Convert steps to DAG" onClose={onClose} closeOnBackdrop>
      <h2>Convert {template.name} to a DAG</h2>
      <p>
        Each step waits for every step of the group before it; references to <code>steps.X</code>{' '}
        become <code>tasks.X</code>. Undo brings the steps back.
      </p>
      <pre className="convert-preview" data-testid="convert-preview">
        {text}
      </pre>
      <div className="modal-actions">
        <button
          type="button"
          onClick={() => {
            store.getState().convertToDag();
            onClose();
          }}
        >
          Convert
        </button>
        <button type="button" onClick={onClose}>
          Cancel
        </button>
      </div>
    </Dialog>
  );
}
