/**
 * Values derived from the pipeline's structure: the YAML preview, and views of
 * the diagnostics validation left in the store (validationSlice.ts). They are
 * keyed on everything except the layout, so dragging a node (which changes
 * only `layout`) never recompiles or revalidates.
 */
import { previewDocument } from '../core/argo/document';
import type { Diagnostic } from '../core/diagnostics';
import { conditionSuggestions, scopeSuggestions } from '../core/model/dataFlow';
import { templateUseCount } from '../core/model/templateUses';
import { templateOutline, type OutlineEntry } from '../core/model/templateOutline';
import type { Pipeline } from '../core/model/types';
import { runState, type RunState } from '../core/argo/client/runStatus';
import { scopeEntries } from '../core/model/scope';
import type { EditorState } from './editorStore';
import { breadcrumb } from './scopeSlice';
import { simulatedRunState } from './simulationSlice';

function structure(p: Pipeline): unknown[] {
  return [p.apiVersion, p.kind, p.metadata, p.spec, p.scope, p.extra];
}

/** Memoises `fn` on the identity of the pipeline's structural parts. */
function byStructure<T>(fn: (p: Pipeline) => T): (p: Pipeline) => T {
  return memoOn(structure, fn);
}

/** Memoises `fn` on the identities of the parts `parts` picks. */
function memoOn<T>(parts: (p: Pipeline) => unknown[], fn: (p: Pipeline) => T): (p: Pipeline) => T {
  let lastKey: unknown[] | undefined;
  let lastValue: T;
  return (p) => {
    const key = parts(p);
    if (!lastKey || key.some((part, i) => part !== lastKey![i])) {
      lastValue = fn(p);
      lastKey = key;
    }
    return lastValue;
  };
}

export const pipelinePreview: (p: Pipeline) => string = byStructure(previewDocument);

/**
 * The templates outline, the same array while the structure is the same: a
 * drag or an auto-layout (positions only) re-renders no outline row.
 */
export const outlineOf: (p: Pipeline) => OutlineEntry[] = byStructure(templateOutline);

/**
 * Diagnostics of the template on the canvas grouped by task name, for node
 * badges; the same map (by identity) until the diagnostics or the template on
 * show change.
 */
export const diagnosticsByTask = (() => {
  let last: { diagnostics: Diagnostic[]; scope: string | undefined } | undefined;
  let map = new Map<string, Diagnostic[]>();
  return (s: Pick<EditorState, 'diagnostics' | 'pipeline'>): Map<string, Diagnostic[]> => {
    const scope = s.pipeline.scope;
    if (last?.diagnostics === s.diagnostics && last.scope === scope) return map;
    last = { diagnostics: s.diagnostics, scope };
    map = new Map();
    for (const d of s.diagnostics) {
      if (!d.task || (d.template !== undefined && d.template !== scope)) continue;
      const list = map.get(d.task);
      if (list) list.push(d);
      else map.set(d.task, [d]);
    }
    return map;
  };
})();

export interface InScope {
  /** References a field of the task may use (inputs, upstream outputs, workflow parameters, item). */
  references: string[];
  /** The same for a `when` condition: quoted, and in `{{= }}` form. */
  conditions: string[];
}

/**
 * What each task's fields may refer to, computed once per structure and task:
 * inspector fields read it on every store update (every drag move), so it
 * must not walk the graph each time, and its arrays keep their identity.
 */
export const referencesInScope: (p: Pipeline) => (task: string) => InScope = byStructure((p) => {
  const cache = new Map<string, InScope>();
  return (task) => {
    let scope = cache.get(task);
    if (!scope) {
      scope = { references: scopeSuggestions(p, task), conditions: conditionSuggestions(p, task) };
      cache.set(task, scope);
    }
    return scope;
  };
});

/**
 * How many places run each template (`templateUseCount`), cached per
 * structure: the resource inspector asks on every store update, and the
 * count walks the whole workflow spec.
 */
export const templateUses: (p: Pipeline) => (template: string) => number = byStructure((p) => {
  const cache = new Map<string, number>();
  return (template) => {
    let count = cache.get(template);
    if (count === undefined) cache.set(template, (count = templateUseCount(p, template)));
    return count;
  };
});

/**
 * The watched (or simulated) run as the template on the canvas sees it: at
 * the entrypoint level, the run's own state; drilled in, the nodes of that
 * level (the tasks drilled through give the boundary). Cached on its inputs:
 * every run badge asks on every store update.
 */
export const scopedRun = (() => {
  let last: { run: unknown; simulation: unknown; scope: unknown; path: unknown } | undefined;
  let value: RunState | undefined;
  return (s: EditorState): RunState | undefined => {
    const key = {
      run: s.run,
      simulation: s.simulation,
      scope: s.pipeline.scope,
      path: s.scopePath,
    };
    if (
      last &&
      Object.keys(key).every((k) => key[k as keyof typeof key] === last![k as keyof typeof key])
    )
      return value;
    last = key;
    value = computeScopedRun(s);
    return value;
  };
})();

function computeScopedRun(s: EditorState): RunState | undefined {
  const run = s.run;
  if (!run) return undefined;
  const crumbs = breadcrumb(s.pipeline, s.scopePath);
  const via = crumbs.slice(1).map((c) => c.via ?? '');
  if (run.watch === 'simulated' && s.simulation)
    return simulatedRunState(s.simulation.snapshot, {
      template: s.pipeline.scope,
      taskNames: scopeEntries(s.pipeline).map((t) => t.name),
    });
  if (via.length === 0 || !run.workflow) return run.state;
  return runState(run.workflow, via);
}
