// For a file of several YAML documents: which one is on the canvas, and a
// switch to any other workflow in it. Documents that are not workflows (a
// ConfigMap beside them) are listed, kept as written.
import { useEditor, useEditorStore } from '../EditorContext';

export function DocumentSwitcher() {
  const store = useEditorStore();
  const file = useEditor((s) => s.file);
  const active = useEditor((s) => s.fileActive);
  if (!file) return null;
  return (
    <label className="document-switcher">
      <span className="visually-hidden">Document</span>
      <select
        value={active}
        data-testid="document-switcher"
        onChange={(e) => store.getState().switchDocument(Number(e.target.value))}
        title={`${file.name}: ${file.documents.length} documents, all saved together`}
      >
        {file.documents.map((d, i) => (
          <option key={i} value={i} disabled={!d.baseline}>
            {d.label}
            {d.baseline ? '' : ' (kept as written)'}
          </option>
        ))}
      </select>
    </label>
  );
}
