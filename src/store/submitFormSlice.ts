/**
 * The submit form: whether it is open, and the values the user asked to
 * remember for this workflow (parameters, entrypoint, labels; never the token),
 * kept in localStorage under the workflow's kind and name.
 */
import type { StateCreator } from 'zustand/vanilla';
import { pipelineLabelValue } from '../core/argo/pipelineLabel';
import type { SubmitOptions } from '../core/argo/submitOptions';
import type { EditorState } from './editorStore';
import { readJson } from './storageKeys';

/** Remembered submit values: the prefix, then `<kind>:<name>`. */
export const SUBMIT_PREFIX = 'argoflow.submit.';

export interface SubmitFormSlice {
  submitFormOpen: boolean;
  openSubmitForm(): void;
  closeSubmitForm(): void;
  /** The values remembered for the document being edited. */
  rememberedSubmit(): SubmitOptions | undefined;
  /** Remembers these values for this workflow; undefined forgets them. */
  rememberSubmit(options: SubmitOptions | undefined): void;
}

const isStrings = (v: unknown) =>
  typeof v === 'object' && v !== null && Object.values(v).every((x) => typeof x === 'string');

const isOptions = (v: unknown): boolean => {
  if (typeof v !== 'object' || v === null) return false;
  const o = v as Record<string, unknown>;
  return (
    (o.parameters === undefined || isStrings(o.parameters)) &&
    (o.labels === undefined || isStrings(o.labels)) &&
    (o.entrypoint === undefined || typeof o.entrypoint === 'string')
  );
};

export function createSubmitFormSlice(
  storage: Storage | undefined,
): StateCreator<EditorState, [], [], SubmitFormSlice> {
  return (set, get) => {
    const key = () => {
      const p = get().pipeline;
      const name = pipelineLabelValue(p.metadata);
      return name ? `${SUBMIT_PREFIX}${p.kind}:${name}` : undefined;
    };
    return {
      submitFormOpen: false,
      openSubmitForm: () => set({ submitFormOpen: true }),
      closeSubmitForm: () => set({ submitFormOpen: false }),
      rememberedSubmit() {
        const k = key();
        return storage && k ? readJson<SubmitOptions>(storage, k, isOptions) : undefined;
      },
      rememberSubmit(options) {
        const k = key();
        if (!storage || !k) return;
        try {
          if (!options) storage.removeItem(k);
          else {
            // Only what the form holds: no token can reach this object.
            const { parameters, entrypoint, labels } = options;
            storage.setItem(k, JSON.stringify({ parameters, entrypoint, labels }));
          }
        } catch {
          // Remembering is a convenience: a full or blocked storage only loses it.
        }
      },
    };
  };
}
