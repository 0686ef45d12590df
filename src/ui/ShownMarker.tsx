// Tells the store that a document was shown: this runs after every render of
// a new document, after any panel that failed on it has reported (error
// boundaries report while the render is committed, effects run after), so a
// document is confirmed as the last good one only when no panel failed on it.
import { useEffect } from 'react';
import { useEditor, useEditorStore } from './EditorContext';

export function ShownMarker() {
  const store = useEditorStore();
  const pipeline = useEditor((s) => s.pipeline);
  useEffect(() => store.getState().confirmShown(pipeline), [store, pipeline]);
  return null;
}
