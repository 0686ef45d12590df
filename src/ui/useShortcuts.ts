// Keyboard shortcuts for the editor. They never fire while the user types in
// a field or in the YAML editor.
import { useEffect } from 'react';
import type { EditorStore } from '../store/editorStore';
import { scopeEntries } from '../core/model/scope';
import { scopeView } from '../core/model/scopeView';
import { breadcrumb } from '../store/scopeSlice';
import { canvasPointer } from './canvas/pointer';

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
  ['Enter on a task or step', 'Open the DAG or steps template it runs'],
  ['Double-click a task or step', 'Open the DAG or steps template it runs'],
  ['Alt+Up', 'Back up one level (the breadcrumb)'],
  ['Shift+F', 'Focus mode: the canvas alone; Escape leaves'],
  ['Arrow keys on a panel divider', 'Resize the panels (Tab reaches each divider)'],
  ['Tab (pointer over the canvas), double-click the canvas', 'Add a step at the pointer'],
  ['Drag an edge into empty canvas', 'Add a step connected to it'],
  ['Click an edge, then +', 'Insert a step on the edge'],
  ['F2', 'Rename the selected task'],
  ['Right-click', 'Actions for a task, an edge, the canvas or the selection'],
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
