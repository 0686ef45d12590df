// Keyboard shortcuts for the editor. They never fire while the user types in
// a field or in the YAML editor.
import { useEffect } from 'react';
import type { EditorStore } from '../store/editorStore';
import { scopeTasks } from '../core/model/scope';

export const SHORTCUTS: [string, string][] = [
  ['Ctrl+Z', 'Undo'],
  ['Ctrl+Shift+Z / Ctrl+Y', 'Redo'],
  ['Delete / Backspace', 'Remove the selection'],
  ['Ctrl+A', 'Select all tasks'],
  ['Ctrl+C / Ctrl+V', 'Copy / paste tasks'],
  ['Ctrl+D', 'Duplicate the selection'],
  ['Ctrl+S', 'Download the YAML'],
  ['Shift+click, Shift+drag', 'Add to the selection, box select'],
  ['Enter on a palette entry', 'Add it at the centre'],
  ['?', 'This help'],
];

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

interface Handlers {
  download(): void;
  help(): void;
}

export function useShortcuts(store: EditorStore, handlers: Handlers): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (isTyping(e.target)) return;
      const s = store.getState();
      const mod = e.ctrlKey || e.metaKey;
      const key = e.key.toLowerCase();
      const act = (fn: () => void) => {
        e.preventDefault();
        fn();
      };
      if (mod && key === 'z' && !e.shiftKey) act(s.undo);
      else if (mod && ((key === 'z' && e.shiftKey) || key === 'y')) act(s.redo);
      else if (mod && key === 'a') act(() => s.select(scopeTasks(s.pipeline).map((t) => t.name)));
      else if (mod && key === 'c') act(() => s.copy(s.selection));
      else if (mod && key === 'v') act(() => s.paste());
      else if (mod && key === 'd') act(() => s.duplicate(s.selection));
      else if (mod && key === 's') act(handlers.download);
      else if (!mod && e.key === '?') act(handlers.help);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [store, handlers]);
}
