// The toolbar's autosave chip: saved, not saved and why, and whether the
// document is open in another tab. The revision attributes let browser tests
// see what has reached storage.
import { useEditor } from '../EditorContext';
import type { SaveStatus as Status } from '../../store/saveSlice';

function describe(status: Status): { text: string; title: string; bad: boolean } {
  switch (status.kind) {
    case 'idle':
      return { text: 'Not saved yet', title: 'Autosave starts with the editor', bad: false };
    case 'saved':
      return {
        text: 'Saved',
        title: `Saved in this browser at ${new Date(status.savedAt).toLocaleTimeString()}`,
        bad: false,
      };
    case 'off':
      return { text: 'Autosave off', title: status.reason, bad: true };
    case 'failed':
      return { text: 'Not saved', title: `The last autosave failed: ${status.reason}`, bad: true };
    case 'conflict':
      return {
        text: 'Not saved: changed in another tab',
        title: 'Another tab saved this workflow; choose which version to keep',
        bad: true,
      };
    case 'held':
      return { text: 'Autosave paused', title: status.reason, bad: true };
  }
}

export function SaveStatus() {
  const status = useEditor((s) => s.saveStatus);
  const durable = useEditor((s) => s.durableRevision);
  const others = useEditor((s) => s.otherTabs);
  const { text, title, bad } = describe(status);
  return (
    <span
      className={`save-status${bad ? ' save-status-bad' : ''}`}
      title={title}
      data-testid="save-status"
      data-revision={status.kind === 'saved' ? status.revision : undefined}
      data-durable-revision={durable}
    >
      {text}
      {others > 0 && ` · open in ${others} other tab${others > 1 ? 's' : ''}`}
    </span>
  );
}
