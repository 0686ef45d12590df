// What the editor says about storage, in words: what happened since the last
// visit (a damaged autosave kept aside, a write that failed, storage that is
// off or full), a conflict with another tab and its choice, the other tabs
// open on the document, and the documents kept aside.
import { useState } from 'react';
import { useEditor, useEditorStore } from '../EditorContext';
import { AsideList } from './AsideList';

function Conflict() {
  const status = useEditor((s) => s.saveStatus);
  const controls = useEditor((s) => s.saveControls);
  if (status.kind !== 'conflict' || !controls) return null;
  const when = status.theirs.savedAt
    ? ` at ${new Date(status.theirs.savedAt).toLocaleTimeString()}`
    : '';
  return (
    <div className="storage-message storage-conflict" role="alert" data-testid="tab-conflict">
      <span>
        Another tab saved this workflow{when} while this tab had changes of its own. Nothing from
        this tab is saved until you choose; the version you do not keep is kept aside for download.
      </span>
      <button type="button" onClick={controls.keepMine}>
        Keep this tab’s version
      </button>
      <button type="button" onClick={controls.takeTheirs}>
        Load the other tab’s version
      </button>
    </div>
  );
}

function OtherTabs() {
  const others = useEditor((s) => s.otherTabs);
  const [dismissed, setDismissed] = useState(0);
  if (others === 0 || others === dismissed) return null;
  return (
    <div className="storage-message" role="status" data-testid="other-tabs">
      <span>
        This workflow is also open in another tab. Changes saved in one tab appear in the other; if
        both change it at once, you are asked which version to keep.
      </span>
      <button type="button" aria-label="Dismiss" onClick={() => setDismissed(others)}>
        ×
      </button>
    </div>
  );
}

export function StorageBanner() {
  const store = useEditorStore();
  const messages = useEditor((s) => s.storageMessages);
  return (
    <div className="storage-banner" data-testid="storage-banner">
      {messages.map((message, i) => (
        <div key={i} className="storage-message" role="alert" data-testid="storage-message">
          <span>{message}</span>
          <button
            type="button"
            aria-label="Dismiss"
            onClick={() => store.getState().dismissStorageMessage(i)}
          >
            ×
          </button>
        </div>
      ))}
      <Conflict />
      <OtherTabs />
      <AsideList />
    </div>
  );
}
