// The template on the canvas in the URL (`#/diamond/nested-diamond@A`): each
// drill-down is a browser history entry, so Back goes up a level and a reload
// or a shared link opens the same place.
import { useEffect } from 'react';
import type { ScopeStep } from '../core/model/templateGraph';
import type { EditorStore } from '../store/editorStore';
import { breadcrumb } from '../store/scopeSlice';

export function scopeHash(path: readonly ScopeStep[]): string {
  return `#/${path
    .map((s) => encodeURIComponent(s.template) + (s.via ? `@${encodeURIComponent(s.via)}` : ''))
    .join('/')}`;
}

export function parseScopeHash(hash: string): ScopeStep[] | undefined {
  if (!hash.startsWith('#/') || hash.length <= 2) return undefined;
  try {
    return hash
      .slice(2)
      .split('/')
      .map((part) => {
        const [template, via] = part.split('@');
        const step: ScopeStep = { template: decodeURIComponent(template!) };
        return via ? { ...step, via: decodeURIComponent(via) } : step;
      });
  } catch {
    return undefined; // a damaged hash opens where the document opens
  }
}

export function useScopeHistory(store: EditorStore): void {
  useEffect(() => {
    const show = () => {
      const path = parseScopeHash(window.location.hash);
      const last = path?.[path.length - 1];
      if (last && last.template !== store.getState().pipeline.scope)
        store.getState().showScope(last.template, path);
    };
    show();
    let shown = window.location.hash;
    const unsubscribe = store.subscribe((state, prev) => {
      if (state.pipeline.scope === prev.pipeline.scope && state.scopePath === prev.scopePath)
        return;
      const hash = scopeHash(breadcrumb(state.pipeline, state.scopePath));
      if (hash === shown) return;
      shown = hash;
      window.history.pushState(null, '', hash);
    });
    const onPop = () => {
      shown = window.location.hash;
      show();
    };
    window.addEventListener('popstate', onPop);
    return () => {
      unsubscribe();
      window.removeEventListener('popstate', onPop);
    };
  }, [store]);
}
