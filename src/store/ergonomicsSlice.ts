/**
 * Editor ergonomics (issue 13): the quick-add picker's request, inserting on
 * an edge, selecting upstream or downstream, arranging a selection, bulk
 * actions, sticky notes and task descriptions. Every edit calls the core and
 * is one undo step; a refused one leaves the document as it was and says why.
 */
import type { StateCreator } from 'zustand/vanilla';
import { insertOnEdge } from '../core/ergonomics/insertOnEdge';
import { downstreamOf, upstreamOf } from '../core/ergonomics/reach';
import type { BulkField } from '../core/ergonomics/bulk';
import {
  newNoteId,
  notesOf,
  withDescription,
  withNote,
  withoutNote,
  type Note,
} from '../core/ergonomics/notes';
import { templateRefTask } from '../core/library/library';
import { addTask, type AddTaskOptions } from '../core/model/operations';
import { connect } from '../core/model/connections';
import type { StepPlace } from '../core/model/steps';
import type { Point } from '../core/model/types';
import type { EditorState } from './editorStore';

/** What the step picker was opened for, and where. */
export interface PickerRequest {
  /** Where the picker is drawn (client pixels). */
  screen: Point;
  /** Where the new step goes on the canvas. */
  at: Point;
  /** Connect the new step after this task (an edge dropped on empty canvas). */
  after?: string;
  /** Connect the new step before this task (an edge dragged back from an input). */
  before?: string;
  /** Insert the new step on this edge. */
  between?: { from: string; to: string };
  /** The place in a steps template. */
  place?: StepPlace;
}

export interface ErgonomicsSlice {
  picker: PickerRequest | undefined;
  openPicker(request: PickerRequest): void;
  closePicker(): void;
  /** Adds the palette or library entry as the picker's request says; selects and returns its name. */
  pick(entryId: string): string | undefined;
  /** The task being renamed in place (F2), if any. */
  renaming: string | undefined;
  startRename(task: string | undefined): void;
  selectUpstream(names: readonly string[]): void;
  selectDownstream(names: readonly string[]): void;
  /** Bulk edits (the inspector's, the selection's menu): their code loads on first use. */
  setTasksField(names: readonly string[], field: BulkField, value: unknown): Promise<void>;
  moveIntoNewDag(names: readonly string[]): Promise<void>;
  addNote(at: Point): string;
  updateNote(note: Note): void;
  removeNote(id: string): void;
  setDescription(task: string, text: string): void;
}

export const createErgonomicsSlice: StateCreator<EditorState, [], [], ErgonomicsSlice> = (
  set,
  get,
) => {
  const refuse = (message: string): undefined => {
    set({ notice: { kind: 'error', message } });
    return undefined;
  };
  /** What a palette or library entry adds (as `addPaletteEntry` does). */
  const entryOptions = (id: string): AddTaskOptions | undefined => {
    const s = get();
    const entry = s.entries.find((e) => e.id === id);
    if (entry) return { name: entry.name, template: entry.template };
    const t = [...s.library.groups, ...s.library.clusterGroups]
      .flatMap((g) => g.templates)
      .find((x) => x.id === id);
    return t ? templateRefTask(t) : undefined;
  };
  const scope = () => get().pipeline.scope ?? '';

  return {
    picker: undefined,
    openPicker(request) {
      set({ picker: request });
    },
    closePicker() {
      set({ picker: undefined });
    },
    pick(entryId) {
      const s = get();
      const request = s.picker;
      const options = entryOptions(entryId);
      set({ picker: undefined });
      if (!request || !options) return undefined;
      let next = s.pipeline;
      let name: string;
      if (request.between) {
        const { from, to } = request.between;
        const out = insertOnEdge(next, from, to, { ...options, position: request.at });
        if (out.diagnostics.length > 0)
          return refuse(`Not inserted: ${out.diagnostics[0]!.message}`);
        ({ pipeline: next, name } = out);
      } else {
        const added = addTask(next, {
          ...options,
          position: request.at,
          ...(request.place ? { place: request.place } : {}),
        });
        if (added.refused) return refuse(`Not added: ${added.refused}.`);
        ({ pipeline: next, name } = added);
        // One undo step for the step and its edge; a refused edge keeps the step and says why.
        const link = request.after
          ? connect(next, request.after, name)
          : request.before
            ? connect(next, name, request.before)
            : undefined;
        if (link && link.diagnostics.length === 0) next = link.pipeline;
        else if (link)
          set({
            notice: { kind: 'error', message: `Not connected: ${link.diagnostics[0]!.message}` },
          });
      }
      const notice = get().notice;
      get().apply(() => next);
      if (notice && !get().notice) set({ notice });
      get().select([name]);
      return name;
    },
    renaming: undefined,
    startRename(task) {
      set({ renaming: task });
    },
    selectUpstream(names) {
      get().select(upstreamOf(get().pipeline, names));
    },
    selectDownstream(names) {
      get().select(downstreamOf(get().pipeline, names));
    },
    async setTasksField(names, field, value) {
      const { setFieldOnTasks } = await import('../core/ergonomics/bulk');
      const { value: next, diagnostics } = setFieldOnTasks(get().pipeline, names, field, value);
      if (diagnostics.some((d) => d.severity === 'error'))
        return void refuse(`Not applied: ${diagnostics[0]!.message}`);
      get().apply(() => next);
      if (diagnostics[0]) set({ notice: { kind: 'info', message: diagnostics[0].message } });
    },
    async moveIntoNewDag(names) {
      const { moveIntoNewDag } = await import('../core/ergonomics/bulk');
      const out = moveIntoNewDag(get().pipeline, names);
      if (out.diagnostics.length > 0)
        return void refuse(`Not moved: ${out.diagnostics[0]!.message}`);
      get().apply(() => out.value);
      if (out.task) get().select([out.task]);
    },
    addNote(at) {
      const p = get().pipeline;
      const id = newNoteId(p, scope());
      const note: Note = {
        id,
        x: at.x,
        y: at.y,
        width: 220,
        height: 120,
        text: '',
        colour: 'yellow',
      };
      get().apply((q) => withNote(q, scope(), note));
      return id;
    },
    updateNote(given) {
      // Whole pixels: the annotation is read in reviews, and 74.6328 says nothing more than 75.
      const note = {
        ...given,
        x: Math.round(given.x),
        y: Math.round(given.y),
        width: Math.round(given.width),
        height: Math.round(given.height),
      };
      const current = notesOf(get().pipeline, scope()).find((n) => n.id === note.id);
      if (current && JSON.stringify(current) === JSON.stringify(note)) return;
      get().apply((q) => withNote(q, scope(), note));
    },
    removeNote(id) {
      get().apply((q) => withoutNote(q, scope(), id));
    },
    setDescription(task, text) {
      get().apply((q) => withDescription(q, scope(), task, text));
    },
  };
};
