/**
 * What is selected, kept apart from the pipeline (React Flow's performance
 * guide): selecting a node must not touch the document or its history.
 */
import type { StateCreator } from 'zustand/vanilla';
import type { EditorState } from './editorStore';

export interface FieldFocus {
  task?: string;
  /** Field path inside the task or workflow, e.g. `['arguments']`. */
  field?: string;
  /** Bumped on every request so the same field can be focused twice. */
  nonce: number;
}

export interface SelectionSlice {
  selection: string[];
  selectedEdge: string | undefined;
  focus: FieldFocus | undefined;
  select(names: string[]): void;
  selectEdge(id: string | undefined): void;
  /** Selects a task (or the workflow) and asks the inspector to focus a field. */
  focusField(task: string | undefined, field?: string): void;
}

export const createSelectionSlice: StateCreator<EditorState, [], [], SelectionSlice> = (
  set,
  get,
) => ({
  selection: [],
  selectedEdge: undefined,
  focus: undefined,
  select(names) {
    const current = get().selection;
    if (current.length === names.length && current.every((n, i) => n === names[i])) return;
    set({ selection: names, selectedEdge: names.length > 0 ? undefined : get().selectedEdge });
  },
  selectEdge(id) {
    set({ selectedEdge: id, selection: id ? [] : get().selection });
  },
  focusField(task, field) {
    set({
      selection: task ? [task] : [],
      selectedEdge: undefined,
      focus: { task, field, nonce: (get().focus?.nonce ?? 0) + 1 },
    });
  },
});
