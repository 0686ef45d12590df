// A message about the last action: why a connection was refused, a file that
// did not open, a full storage quota. Errors stay until dismissed.
import { useEffect } from 'react';
import { useEditor, useEditorStore } from './EditorContext';

export function Notice() {
  const store = useEditorStore();
  const notice = useEditor((s) => s.notice);
  useEffect(() => {
    if (notice?.kind !== 'info') return;
    const timer = setTimeout(() => store.getState().setNotice(undefined), 3000);
    return () => clearTimeout(timer);
  }, [notice, store]);
  if (!notice) return null;
  return (
    <div
      className={`notice notice-${notice.kind}`}
      role={notice.kind === 'error' ? 'alert' : 'status'}
      data-testid="notice"
    >
      <span>{notice.message}</span>
      {notice.action && (
        <button
          type="button"
          onClick={() => {
            store.getState().setNotice(undefined);
            notice.action!.run();
          }}
        >
          {notice.action.label}
        </button>
      )}
      <button
        type="button"
        aria-label="Dismiss"
        onClick={() => store.getState().setNotice(undefined)}
      >
        ×
      </button>
    </div>
  );
}
