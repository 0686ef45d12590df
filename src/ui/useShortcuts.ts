// Keyboard shortcuts for the editor. They never fire while the user types in
// a field or in the YAML editor. The help lists them (toolbar/helpEntries.ts).
import { useEffect } from 'react';
import type { EditorStore } from '../store/editorStore';
import { scopeEntries } from '../core/model/scope';
import { scopeView } from '../core/model/scopeView';
import { breadcrumb } from '../store/scopeSlice';
import { canvasPointer } from './canvas/pointer';

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
      else if (mod && key === 'a') act(() => s.select(scopeEntries(s.pipeline).map((t) => t.name)));
      else if (mod && key === 'c') act(() => s.copy(s.selection));
      else if (mod && key === 'v')
        act(() => s.paste(canvasPointer.over ? canvasPointer.flow : undefined));
      else if (mod && key === 'd') act(() => s.duplicate(s.selection));
      else if (mod && key === 's') act(handlers.download);
      else if (!mod && e.key === '?') act(handlers.help);
      else if (!mod && e.key === 'Enter' && s.selection.length === 1) {
        const node = scopeView(s.pipeline).nodes.find((n) => n.id === s.selection[0]);
        if (node?.opens) act(() => s.openScope(node.opens!, node.id));
      } else if (e.altKey && e.key === 'ArrowUp') {
        const depth = breadcrumb(s.pipeline, s.scopePath).length;
        if (depth > 1) act(() => s.goToScope(depth - 2));
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [store, handlers]);
}
