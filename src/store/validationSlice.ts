/**
 * Validation off the input handler (issue 11): an edit only marks the document
 * as changed; the validator (loaded on first use, with croner, so neither is in
 * the entry chunk) runs when the browser is idle, at most 100 ms later, over
 * the newest document, and one store update brings its diagnostics. Edits made
 * meanwhile are validated once, together. Until then the Problems list and the
 * node badges show the previous diagnostics.
 *
 * A validator that throws (a core defect) no longer blocks the edit: its error
 * becomes a diagnostic of its own, so the document stays editable and the
 * Problems list says what failed.
 */
import type { StateCreator, StoreApi } from 'zustand/vanilla';
import type { Diagnostic } from '../core/diagnostics';
import { libraryVersion } from '../core/library/templateRefs';
import type { Pipeline } from '../core/model/types';
import type { EditorState } from './editorStore';
import { whenIdle, type Scheduler } from './idle';

export interface ValidationSlice {
  /** The diagnostics of `validated` (the whole document, every template). */
  diagnostics: Diagnostic[];
  /** The pipeline the diagnostics were computed for; undefined before the first run. */
  validated: Pipeline | undefined;
  /** The known WorkflowTemplates (`libraryVersion()`) templateRefs were checked against. */
  validatedLibrary: number;
}

/** Within 100 ms of the edit, when the page is idle (a microtask outside a browser). */
export const idleScheduler: Scheduler = whenIdle(100);

/** The parts validation reads: not the layout, nor the template on show. */
function sameDocument(a: Pipeline, b: Pipeline | undefined): boolean {
  return (
    !!b &&
    a.apiVersion === b.apiVersion &&
    a.kind === b.kind &&
    a.metadata === b.metadata &&
    a.spec === b.spec &&
    a.extra === b.extra
  );
}

/**
 * Whether the store's diagnostics are those of its current document and of
 * the WorkflowTemplates known now (the server's list and the open file's
 * arrive after the document; each arrival comes with a store update).
 */
export function isValidated(s: EditorState): boolean {
  return sameDocument(s.pipeline, s.validated) && s.validatedLibrary === libraryVersion();
}

const waiters = new WeakMap<StoreApi<EditorState>, (() => void)[]>();

/** Resolves once the diagnostics are those of the current document. */
export function whenValidated(store: StoreApi<EditorState>): Promise<void> {
  if (isValidated(store.getState())) return Promise.resolve();
  return new Promise((done) => {
    const list = waiters.get(store) ?? [];
    list.push(done);
    waiters.set(store, list);
  });
}

async function runValidation(p: Pipeline): Promise<Diagnostic[]> {
  try {
    const { validate } = await import('../core/argo/validate');
    return validate(p);
  } catch (e) {
    const why = e instanceof RangeError ? 'it is nested too deeply' : String((e as Error)?.message);
    return [
      {
        code: 'validator-failed',
        severity: 'error',
        message: `The editor's validator failed on this workflow (${why}); its other problems are not known.`,
      },
    ];
  }
}

export function createValidationSlice(
  schedule: Scheduler = idleScheduler,
): StateCreator<EditorState, [], [], ValidationSlice> {
  return (set, get, api) => {
    let pending = false;
    const run = async () => {
      const p = get().pipeline;
      const library = libraryVersion();
      const diagnostics = await runValidation(p);
      pending = false;
      // A newer document or library came in while this one was checked: check again.
      if (!sameDocument(get().pipeline, p) || libraryVersion() !== library) return request();
      set({ diagnostics, validated: p, validatedLibrary: library });
      const list = waiters.get(api) ?? [];
      waiters.delete(api);
      for (const done of list) done();
    };
    const request = () => {
      if (pending) return;
      pending = true;
      schedule(() => void run());
    };
    api.subscribe((state) => {
      if (!isValidated(state)) request();
    });
    request();
    return { diagnostics: [], validated: undefined, validatedLibrary: -1 };
  };
}
