// View switches of the window: focus mode (the canvas alone, left with the
// Exit button, Escape or Shift+F) and the minimap (remembered).
import { useCallback, useEffect, useState } from 'react';
import { readFlag, writeFlag } from './viewStorage';

export interface View {
  focus: boolean;
  toggleFocus(): void;
  minimap: boolean;
  toggleMinimap(): void;
}

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

export function useView(): View {
  const [focus, setFocus] = useState(false);
  const [minimap, setMinimap] = useState(() => readFlag('minimap', true));
  const toggleFocus = useCallback(() => setFocus((f) => !f), []);
  const toggleMinimap = useCallback(() => setMinimap((m) => !m), []);
  useEffect(() => writeFlag('minimap', minimap), [minimap]);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (isTyping(e.target) || e.ctrlKey || e.metaKey || e.altKey) return;
      if (e.key === 'F' && e.shiftKey) {
        e.preventDefault();
        toggleFocus();
      } else if (e.key === 'Escape' && focus && !e.defaultPrevented) setFocus(false);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [focus, toggleFocus]);
  return { focus, toggleFocus, minimap, toggleMinimap };
}
