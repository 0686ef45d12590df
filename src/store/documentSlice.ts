/**
 * The document: the pipeline being edited, its history, and every edit as an
 * action that calls the core. Refused edits (a cycle, an invalid name) leave
 * the pipeline as it was and set a notice that says why.
 */
import type { StateCreator } from 'zustand/vanilla';
import { connect } from '../core/model/connections';
import {
  addTask,
  moveTasks,
  removeTask,
  renameTask,
  updateTask,
  type AddTaskOptions,
} from '../core/model/operations';
import { disconnect } from '../core/model/connections';
import { createPipeline } from '../core/model/pipeline';
import { copyTasks, pasteTasks, type Clip } from '../core/model/clipboard';
import {
  parsePortHandle,
  removeReferences,
  unwireData,
  wireData,
  type DataEdge,
} from '../core/model/dataFlow';
import type { Pipeline, Point, Task } from '../core/model/types';
import type { TaskResult } from '../core/argo/depends';
import { emptyHistory, record, redo, undo, type History } from './history';
import { whyUnshowable } from './showable';
import type { EditorState } from './editorStore';
import { scopeLayout, scopeProblem, scopeTemplate } from '../core/model/scope';
import { pasteOffset } from '../core/ergonomics/pasteOffset';
import { renameDescription, withoutDescriptions } from '../core/ergonomics/notes';
import type { StepPlace } from '../core/model/steps';
import { moveScopeStep } from '../core/model/templateOps';
import { onDemand } from './onDemand';

// Converting a template's shape is rare: its code loads on first use (issue 11's entry budget).
const loadConvert = onDemand(() => import('../core/model/convert'));

/** Positions by task name: a Map, or a record read by its own keys only. */
export type Moves = ReadonlyMap<string, Point> | Readonly<Record<string, Point>>;

const entriesOf = (moves: Moves): Iterable<readonly [string, Point]> =>
  moves instanceof Map ? moves : Object.entries(moves);

export interface Notice {
  kind: 'error' | 'info';
  message: string;
  /** Tasks the notice is about (e.g. the cycle path), for highlighting. */
  tasks?: string[];
  /** A fix the notice offers (e.g. wrap a leaf template in a DAG). */
  action?: { label: string; run(): void };
}

export interface DocumentSlice {
  pipeline: Pipeline;
  history: History;
  /** The pipeline before a drag started, so the whole drag is one undo step. */
  dragStart: Pipeline | undefined;
  /**
   * The pipeline before positions began to be applied in parts (an
   * auto-layout, `placeInChunks`), so they are one undo step however many
   * parts there were. Any other edit ends the placement first.
   */
  placingFrom: Pipeline | undefined;
  notice: Notice | undefined;
  /**
   * Replaces the document (New, Open, YAML edit). Recorded for undo unless
   * `fresh`. False (with a notice) when the editor cannot show `p`.
   */
  setPipeline(p: Pipeline, options?: { fresh?: boolean }): boolean;
  newPipeline(): void;
  /** Applies any core operation as one undoable step; one that throws changes nothing. */
  apply(operation: (p: Pipeline) => Pipeline): void;
  clip: Clip | undefined;
  copy(names: string[]): void;
  /**
   * Pastes the clipboard with its top-left node at `at` (the pointer), or
   * offset so that no copy lands on a node already there; selects and
   * returns the pasted names.
   */
  paste(at?: Point): string[];
  duplicate(names: string[]): string[];
  addTask(options: AddTaskOptions): string;
  removeTasks(names: string[]): void;
  renameTask(from: string, to: string): boolean;
  updateTask(name: string, update: (t: Task) => Task): void;
  /** Adds `from -> to`; returns false and sets a notice when refused. */
  connect(from: string, to: string, result?: TaskResult): boolean;
  disconnect(from: string, to: string): void;
  /**
   * Connects two handles: output port to input port wires data (reference +
   * dependency); anything else adds a plain dependency. False when refused.
   */
  connectHandles(
    from: string,
    fromHandle: string | null | undefined,
    to: string,
    toHandle: string | null | undefined,
  ): boolean;
  /** Removes tasks, dependencies and data wires as one step; `withReferences` also clears the wires a removed dependency carried. */
  deleteElements(
    tasks: string[],
    edges: { source: string; target: string; wire?: DataEdge }[],
    withReferences: boolean,
  ): void;
  /** Moves nodes while dragging: no history step until `endDrag`. */
  dragTasks(moves: Moves): void;
  endDrag(): void;
  /** Moves nodes as one undoable step (auto-layout, paste). */
  placeTasks(moves: Moves): void;
  /** Moves some nodes with no history step: one part of a placement that `endPlacing` ends. */
  placePart(moves: Moves): void;
  /**
   * Ends a placement: what its parts moved becomes one undo step (none when
   * nothing moved). With `keep` false it is only forgotten (the document
   * was replaced meanwhile, and its history with it).
   */
  endPlacing(keep?: boolean): void;
  /** Puts back what a placement has moved so far, with no history step. */
  cancelPlacing(): void;
  undo(): void;
  redo(): void;
  setNotice(notice: Notice | undefined): void;
  /** Moves a step of the steps template on the canvas to another place (a drag). */
  moveStep(name: string, to: StepPlace): void;
  /** Turns the steps template on the canvas into the equivalent DAG. */
  convertToDag(): Promise<void>;
  /** Wraps the leaf template on the canvas in a one-task DAG (the entrypoint when it was). */
  wrapInDag(): Promise<void>;
}

export const HISTORY_FULL: Notice = {
  kind: 'info',
  message:
    'Undo history is full: from now on its oldest steps are merged. Undo still goes back to the workflow as it was opened.',
};

export const createDocumentSlice: StateCreator<EditorState, [], [], DocumentSlice> = (set, get) => {
  /** Refuses `next` with a notice when the editor cannot show it. */
  const refused = (next: Pipeline): boolean => {
    const why = whyUnshowable(next);
    if (why)
      set({
        notice: { kind: 'error', message: `Not applied: ${why}. The workflow is unchanged.` },
      });
    return why !== undefined;
  };
  /** For a module loaded on first use that did not load: says so, and gives undefined. */
  const noticeLoadFailure = (e: unknown): undefined => {
    set({
      notice: {
        kind: 'error',
        message: `Could not load that action (${(e as Error).message}); the document is unchanged. Try again, or reload the page.`,
      },
    });
    return undefined;
  };

  /**
   * Records an edit, with a history step only when something changed. A
   * canvas edit of a template whose tasks or steps the canvas cannot address
   * (unnamed, not lists) is refused: writing around them would drop them. The
   * YAML panel (`setPipeline`) is how they are fixed.
   */
  const commit = (next: Pipeline, fromCanvas = true): boolean => {
    endPlacing();
    const { pipeline, history } = get();
    if (next === pipeline) return true;
    const problem = fromCanvas ? scopeProblem(pipeline) : undefined;
    if (problem && scopeTemplate(next) !== scopeTemplate(pipeline)) {
      set({ notice: { kind: 'error', message: `Not applied: ${problem}.` } });
      return false;
    }
    if (refused(next)) return false;
    const recorded = record(history, pipeline);
    set({
      pipeline: next,
      history: recorded,
      // Said once, when history first merges steps.
      notice: recorded.dropped > 0 && history.dropped === 0 ? HISTORY_FULL : undefined,
      serverDiagnostics: [],
    });
    return true;
  };

  /** Records the placement under way, if any, as one step: an edit that comes in ends it. */
  const endPlacing = (keep = true): void => {
    const { placingFrom, pipeline, history } = get();
    if (!placingFrom) return;
    const recorded = !keep || placingFrom === pipeline ? history : record(history, placingFrom);
    set({
      placingFrom: undefined,
      history: recorded,
      ...(recorded.dropped > 0 && history.dropped === 0 ? { notice: HISTORY_FULL } : {}),
    });
  };

  return {
    pipeline: createPipeline(),
    history: emptyHistory(),
    dragStart: undefined,
    placingFrom: undefined,
    notice: undefined,
    setPipeline(p, options) {
      if (!options?.fresh) return commit(p, false);
      if (refused(p)) return false;
      set({
        pipeline: p,
        history: emptyHistory(),
        placingFrom: undefined,
        notice: undefined,
        serverDiagnostics: [],
      });
      return true;
    },
    newPipeline() {
      commit(createPipeline());
    },
    apply(operation) {
      let next: Pipeline;
      try {
        next = operation(get().pipeline);
      } catch (e) {
        const message = `Not applied: the editor failed on this edit (${(e as Error)?.message}). The workflow is unchanged.`;
        set({ notice: { kind: 'error', message } });
        return;
      }
      commit(next);
    },
    clip: undefined,
    copy(names) {
      if (names.length > 0) set({ clip: copyTasks(get().pipeline, names) });
    },
    paste(at) {
      const clip = get().clip;
      if (!clip) return [];
      const p = get().pipeline;
      const offset = pasteOffset(clip.layout, scopeLayout(p), at);
      const { pipeline, names } = pasteTasks(p, clip, offset);
      commit(pipeline);
      get().select(names);
      return names;
    },
    duplicate(names) {
      if (names.length === 0) return [];
      const p = get().pipeline;
      const clip = copyTasks(p, names);
      const offset = pasteOffset(clip.layout, scopeLayout(p));
      const { pipeline, names: pasted } = pasteTasks(p, clip, offset);
      commit(pipeline);
      get().select(pasted);
      return pasted;
    },
    addTask(options) {
      const { pipeline, name, refused: why } = addTask(get().pipeline, options);
      if (why) {
        set({
          notice: {
            kind: 'error',
            message: `Not added: ${why}.`,
            action: { label: 'Wrap in a DAG', run: () => get().wrapInDag() },
          },
        });
        return '';
      }
      return commit(pipeline) ? name : '';
    },
    removeTasks(names) {
      const p = get().pipeline;
      commit(withoutDescriptions(names.reduce(removeTask, p), p.scope ?? '', names));
      get().select(get().selection.filter((n) => !names.includes(n)));
    },
    renameTask(from, to) {
      const { value, diagnostics } = renameTask(get().pipeline, from, to);
      if (diagnostics.length > 0) {
        set({ notice: { kind: 'error', message: diagnostics[0]!.message, tasks: [from] } });
        return false;
      }
      // The task's description (editor data, by name) follows it.
      commit(renameDescription(value, value.scope ?? '', from, to));
      // The selection names tasks: follow the rename, or the inspector loses the task.
      const selection = get().selection;
      if (selection.includes(from)) get().select(selection.map((n) => (n === from ? to : n)));
      return true;
    },
    updateTask(name, update) {
      commit(updateTask(get().pipeline, name, update));
    },
    connect(from, to, result) {
      const outcome = connect(get().pipeline, from, to, result);
      if (outcome.diagnostics.length > 0) {
        const cycle = outcome.cycle;
        const message = cycle
          ? `Not connected: ${from} → ${to} would close a dependency cycle: ${cycle.join(' → ')}`
          : `Not connected: ${outcome.diagnostics[0]!.message}`;
        set({ notice: { kind: 'error', message, tasks: cycle ?? [from, to] } });
        return false;
      }
      commit(outcome.pipeline);
      return true;
    },
    disconnect(from, to) {
      commit(disconnect(get().pipeline, from, to));
    },
    connectHandles(from, fromHandle, to, toHandle) {
      const output = parsePortHandle(fromHandle);
      const input = parsePortHandle(toHandle);
      if (!output || !input) return get().connect(from, to);
      const outcome = wireData(get().pipeline, from, output, to, input);
      if (outcome.diagnostics.length > 0) {
        const cycle = outcome.cycle;
        const why = cycle
          ? `${from} → ${to} would close a dependency cycle: ${cycle.join(' → ')}`
          : outcome.diagnostics[0]!.message;
        set({
          notice: { kind: 'error', message: `Not wired: ${why}`, tasks: cycle ?? [from, to] },
        });
        return false;
      }
      commit(outcome.pipeline);
      return true;
    },
    deleteElements(tasks, edges, withReferences) {
      let p = get().pipeline;
      for (const e of edges) {
        if (e.wire) p = unwireData(p, e.wire.to, e.wire.input);
        else {
          if (withReferences) p = removeReferences(p, e.source, e.target);
          p = disconnect(p, e.source, e.target);
        }
      }
      p = withoutDescriptions(tasks.reduce(removeTask, p), p.scope ?? '', tasks);
      commit(p);
      get().select(get().selection.filter((n) => !tasks.includes(n)));
    },
    dragTasks(moves) {
      if (!get().dragStart) endPlacing();
      const { pipeline, dragStart } = get();
      set({ pipeline: moveTasks(pipeline, entriesOf(moves)), dragStart: dragStart ?? pipeline });
    },
    endDrag() {
      const { dragStart, pipeline, history } = get();
      if (!dragStart) return;
      const recorded = dragStart === pipeline ? history : record(history, dragStart);
      set({
        dragStart: undefined,
        history: recorded,
        ...(recorded.dropped > 0 && history.dropped === 0 ? { notice: HISTORY_FULL } : {}),
      });
    },
    placeTasks(moves) {
      commit(moveTasks(get().pipeline, entriesOf(moves)));
    },
    placePart(moves) {
      const { pipeline, placingFrom } = get();
      const next = moveTasks(pipeline, entriesOf(moves));
      if (next !== pipeline) set({ pipeline: next, placingFrom: placingFrom ?? pipeline });
    },
    endPlacing(keep = true) {
      endPlacing(keep);
    },
    cancelPlacing() {
      const { placingFrom } = get();
      if (placingFrom) set({ pipeline: placingFrom, placingFrom: undefined });
    },
    undo() {
      endPlacing();
      const step = undo(get().history, get().pipeline);
      if (step) set({ ...step, notice: undefined, serverDiagnostics: [] });
    },
    redo() {
      endPlacing();
      const step = redo(get().history, get().pipeline);
      if (step) set({ ...step, notice: undefined, serverDiagnostics: [] });
    },
    moveStep(name, to) {
      commit(moveScopeStep(get().pipeline, name, to));
    },
    async convertToDag() {
      const convert = await loadConvert().catch(noticeLoadFailure);
      if (!convert) return;
      const { value, diagnostics } = convert.convertScopeToDag(get().pipeline);
      if (diagnostics.length > 0)
        set({ notice: { kind: 'error', message: diagnostics[0]!.message } });
      else commit(value);
    },
    async wrapInDag() {
      const convert = await loadConvert().catch(noticeLoadFailure);
      if (!convert) return;
      const { value, diagnostics } = convert.wrapScopeInDag(get().pipeline);
      if (diagnostics.length > 0)
        set({ notice: { kind: 'error', message: diagnostics[0]!.message } });
      else if (commit(value, false)) set({ scopePath: [], selection: [] });
    },
    setNotice(notice) {
      set({ notice });
    },
  };
};
