// Documents kept aside (a damaged autosave, a change a panel failed on, the
// version another tab replaced): each with why, a download, and a discard.
import { useEditor, useEditorStore } from '../EditorContext';
import { downloadText } from '../files';
import type { AsideEntry } from '../../store/recoverySlice';

const fileName = (entry: AsideEntry) =>
  `kept-aside-${(entry.savedAt || 'undated').replace(/[^0-9T]/g, '').slice(0, 15) || entry.id}.yaml`;

export function AsideList() {
  const store = useEditorStore();
  const aside = useEditor((s) => s.aside);
  if (aside.length === 0) return null;
  return (
    <section className="aside-list" aria-label="Kept aside">
      {/* Collapsible, so a long list never hides the canvas for good. */}
      <details open>
        <summary>
          <strong>Kept aside ({aside.length})</strong>
        </summary>
        <ul>
          {aside.map((entry) => (
            <li key={entry.id} data-testid="aside-entry">
              <span className="aside-reason">
                {entry.reason}
                {entry.savedAt && ` (${new Date(entry.savedAt).toLocaleString()})`}
              </span>
              <button type="button" onClick={() => downloadText(entry.text, fileName(entry))}>
                Download
              </button>
              <button type="button" onClick={() => store.getState().discardAside(entry.id)}>
                Discard
              </button>
            </li>
          ))}
        </ul>
      </details>
    </section>
  );
}
