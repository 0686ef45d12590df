/**
 * Which template the canvas shows, and how the user got there (the
 * breadcrumb). Navigation is not an edit: it changes `pipeline.scope`
 * without a history step, and clears the selection (names belong to a scope).
 */
import type { StateCreator } from 'zustand/vanilla';
import { entrypoint } from '../core/model/pipeline';
import { defaultScope, templateIndex, withScope } from '../core/model/scope';
import { findTemplate } from '../core/model/spec';
import { callPath, type ScopeStep } from '../core/model/templateGraph';
import type { Pipeline } from '../core/model/types';
import type { EditorState } from './editorStore';

export interface ScopeSlice {
  /** The drill-down from the workflow's entry to the template on the canvas. */
  scopePath: ScopeStep[];
  /** Opens template `template` from node `via` of the template on the canvas. */
  openScope(template: string, via?: string): void;
  /** Goes back up to level `depth` of the breadcrumb (0: the top). */
  goToScope(depth: number): void;
  /** Shows a template by itself (the outline, a problem, the URL). */
  showScope(template: string, path?: ScopeStep[]): void;
}

/** The breadcrumb for `p`: `path` while it ends at the template on the canvas, else the shortest call path. */
export function breadcrumb(p: Pipeline, path: readonly ScopeStep[]): ScopeStep[] {
  const scope = p.scope;
  if (scope === undefined) return [];
  if (path.length > 0 && path[path.length - 1]!.template === scope && pathExists(p, path))
    return path as ScopeStep[];
  const root = entrypoint(p) ?? defaultScope(p);
  const found = root ? callPath(root, scope, (n) => findTemplate(p, n)) : undefined;
  return found ?? [{ template: scope }];
}

function pathExists(p: Pipeline, path: readonly ScopeStep[]): boolean {
  return path.every((s) => templateIndex(p, s.template) >= 0);
}

export const createScopeSlice: StateCreator<EditorState, [], [], ScopeSlice> = (set, get) => {
  const go = (template: string, path: ScopeStep[]): void => {
    const p = get().pipeline;
    const next = withScope(p, template);
    if (next.scope !== template) return;
    set({ pipeline: next, scopePath: path, selection: [], selectedEdge: undefined });
  };
  return {
    scopePath: [],
    openScope(template, via) {
      const here = breadcrumb(get().pipeline, get().scopePath);
      go(template, [...here, via === undefined ? { template } : { template, via }]);
    },
    goToScope(depth) {
      const here = breadcrumb(get().pipeline, get().scopePath);
      const target = here[depth];
      if (target) go(target.template, here.slice(0, depth + 1));
    },
    showScope(template, path) {
      const p = get().pipeline;
      const at = path ?? breadcrumb(withScope(p, template), []);
      go(template, at);
    },
  };
};
