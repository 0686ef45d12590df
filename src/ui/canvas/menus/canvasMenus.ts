// What the canvas's context menus offer: for a task, an edge, the empty
// canvas and a selection of several tasks. Each item calls a store action;
// the menus hold no state of their own. Loaded with the menu component on the
// first right-click (useCanvasErgonomics, Canvas), not with the editor.
import {
  alignBoxes,
  distributeBoxes,
  type Alignment,
  type Box,
} from '../../../core/ergonomics/arrange';
import { findTask } from '../../../core/model/pipeline';
import { taskDependencies } from '../../../core/graph/taskDependencies';
import { scopeEntries, scopeType } from '../../../core/model/scope';
import { taskYamlText } from '../../../core/model/nodeYamlText';
import { toYamlText } from '../../../core/model/yamlFragment';
import type { Point } from '../../../core/model/types';
import type { EditorStore } from '../../../store/editorStore';
import type { PickerRequest } from '../../../store/ergonomicsSlice';
import type { MenuItem } from './ContextMenu';

export { ContextMenu } from './ContextMenu';
import type { DataEdge } from '../../../core/model/dataFlow';
import { NOTE_COLOURS, type Note } from '../../../core/ergonomics/notes';

export interface MenuContext {
  store: EditorStore;
  /** The named nodes as drawn: position and measured size. */
  boxes(names: readonly string[]): Box[];
  /** Opens the step picker at a point of the window and of the canvas. */
  pick(screen: Point, at: Point, extra?: Partial<PickerRequest>): void;
  /** Puts text on the clipboard and says so. */
  copyText(text: string, what: string): void;
  fitView(): void;
}

const NOT_DAG = 'only in a DAG template (steps run in groups)';

/** Why "run from here" cannot run, or undefined when a run is shown. */
function runProblem(store: EditorStore): string | undefined {
  return store.getState().run ? undefined : 'no run is shown: submit, or open a run first';
}

export function taskMenu(ctx: MenuContext, name: string, opens: string | undefined): MenuItem[] {
  const s = ctx.store.getState();
  const dag = scopeType(s.pipeline) === 'dag' ? undefined : NOT_DAG;
  const task = findTask(s.pipeline, name) ?? scopeEntries(s.pipeline).find((t) => t.name === name);
  return [
    {
      label: 'Open template',
      disabled: opens ? undefined : 'this task runs no DAG or steps template of this file',
      keys: 'Enter',
      run: () => opens && s.openScope(opens, name),
    },
    { label: 'Rename…', keys: 'F2', run: () => s.startRename(name) },
    { label: 'Duplicate', keys: 'Ctrl+D', run: () => s.duplicate([name]) },
    {
      label: 'Copy as YAML',
      run: () => task && ctx.copyText(taskYamlText(task), `${name} as YAML`),
    },
    {
      label: 'Select upstream',
      disabled: dag,
      separated: true,
      run: () => s.selectUpstream([name]),
    },
    { label: 'Select downstream', disabled: dag, run: () => s.selectDownstream([name]) },
    {
      label: 'Disconnect',
      disabled: dag,
      run: () => {
        const p = ctx.store.getState().pipeline;
        const edges = scopeEntries(p).flatMap((t) =>
          t.name === name
            ? taskDependencies(t).map((d) => ({ source: d, target: name }))
            : taskDependencies(t).includes(name)
              ? [{ source: name, target: t.name }]
              : [],
        );
        s.deleteElements([], edges, false);
      },
    },
    {
      label: 'Run from here (resubmit)',
      disabled: runProblem(ctx.store),
      separated: true,
      run: () => void s.runAction('resubmit'),
    },
    { label: 'Delete', keys: 'Delete', separated: true, run: () => s.removeTasks([name]) },
  ];
}

export function edgeMenu(
  ctx: MenuContext,
  edge: { source: string; target: string; wire?: DataEdge },
  screen: Point,
  at: Point,
): MenuItem[] {
  const s = ctx.store.getState();
  const plain = scopeType(s.pipeline) === 'dag' && !edge.wire;
  return [
    {
      label: 'Insert a step here…',
      disabled: plain ? undefined : 'only on a dependency of a DAG',
      run: () => ctx.pick(screen, at, { between: { from: edge.source, to: edge.target } }),
    },
    { label: `Select ${edge.source}`, run: () => s.select([edge.source]) },
    { label: `Select ${edge.target}`, run: () => s.select([edge.target]) },
    {
      label: 'Disconnect',
      keys: 'Delete',
      separated: true,
      disabled: scopeType(s.pipeline) === 'dag' ? undefined : 'groups set the order of steps',
      // A data wire is a reference in the downstream task's arguments: remove that, not the dependency.
      run: () =>
        edge.wire
          ? s.deleteElements([], [{ ...edge, wire: edge.wire }], false)
          : s.disconnect(edge.source, edge.target),
    },
  ];
}

export function paneMenu(ctx: MenuContext, screen: Point, at: Point): MenuItem[] {
  const s = ctx.store.getState();
  return [
    { label: 'Add a step here…', keys: 'Tab', run: () => ctx.pick(screen, at) },
    { label: 'Add a note here', run: () => s.addNote(at) },
    {
      label: 'Paste here',
      keys: 'Ctrl+V',
      disabled: s.clip ? undefined : 'nothing copied yet',
      run: () => s.paste(at),
    },
    {
      label: 'Select all',
      keys: 'Ctrl+A',
      separated: true,
      run: () => s.select(scopeEntries(s.pipeline).map((t) => t.name)),
    },
    { label: 'Fit view', run: ctx.fitView },
  ];
}

const ALIGN: [Alignment, string][] = [
  ['left', 'Align left edges'],
  ['centre-x', 'Align centres (vertical line)'],
  ['right', 'Align right edges'],
  ['top', 'Align top edges'],
  ['centre-y', 'Align middles (horizontal line)'],
  ['bottom', 'Align bottom edges'],
];

export function selectionMenu(ctx: MenuContext, names: readonly string[]): MenuItem[] {
  const s = ctx.store.getState();
  const dag = scopeType(s.pipeline) === 'dag' ? undefined : NOT_DAG;
  const few = names.length < 3 ? 'needs three tasks or more' : undefined;
  const place = (moves: Map<string, Point>) => s.placeTasks(moves);
  const tasks = scopeEntries(s.pipeline).filter((t) => names.includes(t.name));
  return [
    ...ALIGN.map(([how, label]) => ({
      label,
      disabled: dag,
      run: () => place(alignBoxes(ctx.boxes(names), how)),
    })),
    {
      label: 'Distribute horizontally',
      disabled: dag ?? few,
      run: () => place(distributeBoxes(ctx.boxes(names), 'horizontal')),
    },
    {
      label: 'Distribute vertically',
      disabled: dag ?? few,
      run: () => place(distributeBoxes(ctx.boxes(names), 'vertical')),
    },
    { label: 'Duplicate', keys: 'Ctrl+D', separated: true, run: () => s.duplicate([...names]) },
    {
      label: 'Copy as YAML',
      run: () => ctx.copyText(toYamlText(tasks), `${names.length} tasks as YAML`),
    },
    { label: 'Select upstream', disabled: dag, run: () => s.selectUpstream(names) },
    { label: 'Select downstream', disabled: dag, run: () => s.selectDownstream(names) },
    {
      label: 'Move into a new DAG template',
      disabled: dag,
      run: () => void s.moveIntoNewDag(names),
    },
    {
      label: `Delete ${names.length} tasks`,
      keys: 'Delete',
      separated: true,
      run: () => s.removeTasks([...names]),
    },
  ];
}

/** A sticky note: its colour, or delete it. */
export function noteMenu(ctx: MenuContext, note: Note): MenuItem[] {
  const s = ctx.store.getState();
  return [
    ...NOTE_COLOURS.map((colour) => ({
      label: `Colour: ${colour}`,
      disabled: colour === note.colour ? 'the note has this colour' : undefined,
      run: () => s.updateNote({ ...note, colour }),
    })),
    { label: 'Delete note', keys: 'Delete', separated: true, run: () => s.removeNote(note.id) },
  ];
}
