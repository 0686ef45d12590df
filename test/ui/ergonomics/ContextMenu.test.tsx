// @vitest-environment jsdom
// Context menus: the menu component (keyboard, disabled items with their
// reason, Escape) and what the canvas's menus do to a real store.
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { findTask } from '../../../src/core';
import { scopeLayout } from '../../../src/core/model/scope';
import { notesOf } from '../../../src/core/ergonomics/notes';
import { createEditorStore, type EditorStore } from '../../../src/store/editorStore';
import { ContextMenu, type MenuItem } from '../../../src/ui/canvas/menus/ContextMenu';
import {
  edgeMenu,
  noteMenu,
  paneMenu,
  selectionMenu,
  taskMenu,
  type MenuContext,
} from '../../../src/ui/canvas/menus/canvasMenus';
import { TIMEOUT } from '../../support/timeouts';

vi.setConfig({ testTimeout: TIMEOUT.component });

const echo = { name: 'echo', container: { image: 'alpine' } };

/** a -> b -> c, placed in a row. */
function chain(): EditorStore {
  const store = createEditorStore();
  ['a', 'b', 'c'].forEach((name, i) =>
    store.getState().addTask({ name, template: echo, position: { x: i * 200, y: i * 30 } }),
  );
  store.getState().connect('a', 'b');
  store.getState().connect('b', 'c');
  return store;
}

function context(store: EditorStore): MenuContext {
  return {
    store,
    boxes: (names) =>
      names.map((name) => ({
        name,
        ...scopeLayout(store.getState().pipeline)[name]!,
        width: 100,
        height: 40,
      })),
    pick: (screen, at, extra) => store.getState().openPicker({ screen, at, ...extra }),
    copyText: vi.fn(),
    fitView: vi.fn(),
  };
}
const item = (items: MenuItem[], label: string) => items.find((i) => i.label === label)!;

describe('ContextMenu', () => {
  it('runs an item, skips a disabled one with its reason, moves with arrows, closes on Escape', async () => {
    const user = userEvent.setup();
    const ran = vi.fn();
    const onClose = vi.fn();
    render(
      <ContextMenu
        menu={{
          x: 5,
          y: 5,
          label: 'Task a',
          items: [
            { label: 'First', run: ran },
            { label: 'Blocked', disabled: 'no run is shown', run: ran },
            { label: 'Last', run: ran },
          ],
        }}
        onClose={onClose}
      />,
    );
    expect(screen.getByRole('menu', { name: 'Task a' })).toBeInTheDocument();
    expect(screen.getByRole('menuitem', { name: /First/ })).toHaveFocus();
    await user.keyboard('{ArrowDown}');
    expect(screen.getByRole('menuitem', { name: /Blocked/ })).toHaveFocus();
    expect(screen.getByRole('menuitem', { name: /Blocked/ })).toHaveAttribute(
      'title',
      'no run is shown',
    );
    await user.keyboard('{Enter}');
    expect(ran).not.toHaveBeenCalled();
    await user.keyboard('{ArrowDown}{Enter}');
    expect(ran).toHaveBeenCalledTimes(1);
    await user.keyboard('{Escape}');
    expect(onClose).toHaveBeenCalled();
  });
});

describe('the canvas menus', () => {
  it('a task: select upstream and downstream, rename, run from here disabled without a run', () => {
    const store = chain();
    const items = taskMenu(context(store), 'b', undefined);
    item(items, 'Select upstream').run();
    expect(store.getState().selection).toEqual(['a']);
    item(items, 'Select downstream').run();
    expect(store.getState().selection).toEqual(['c']);
    item(items, 'Rename…').run();
    expect(store.getState().renaming).toBe('b');
    expect(item(items, 'Run from here (resubmit)').disabled).toMatch(/no run is shown/);
    expect(item(items, 'Open template').disabled).toMatch(/runs no DAG/);
    item(items, 'Disconnect').run();
    expect(findTask(store.getState().pipeline, 'b')?.depends).toBeUndefined();
    expect(findTask(store.getState().pipeline, 'c')?.depends).toBeUndefined();
  });

  it('an edge: insert a step opens the picker for that edge; disconnect removes it', () => {
    const store = chain();
    const items = edgeMenu(
      context(store),
      { source: 'a', target: 'b' },
      { x: 1, y: 2 },
      { x: 3, y: 4 },
    );
    item(items, 'Insert a step here…').run();
    expect(store.getState().picker).toMatchObject({
      between: { from: 'a', to: 'b' },
      at: { x: 3, y: 4 },
    });
    item(items, 'Disconnect').run();
    expect(findTask(store.getState().pipeline, 'b')?.depends).toBeUndefined();
  });

  it('the canvas: paste is disabled until something is copied; a note is added where clicked', () => {
    const store = chain();
    expect(
      item(paneMenu(context(store), { x: 0, y: 0 }, { x: 9, y: 9 }), 'Paste here').disabled,
    ).toBe('nothing copied yet');
    item(paneMenu(context(store), { x: 0, y: 0 }, { x: 9, y: 9 }), 'Add a note here').run();
    expect(store.getState().pipeline.metadata.annotations?.['studio.argoflow.io/notes']).toContain(
      '"x":9',
    );
  });

  it('a note: change its colour or delete it', () => {
    const store = chain();
    store.getState().addNote({ x: 0, y: 0 });
    const note = () => notesOf(store.getState().pipeline, 'main')[0];
    expect(item(noteMenu(context(store), note()!), 'Colour: yellow').disabled).toBeDefined();
    item(noteMenu(context(store), note()!), 'Colour: green').run();
    expect(note()?.colour).toBe('green');
    item(noteMenu(context(store), note()!), 'Delete note').run();
    expect(note()).toBeUndefined();
  });

  it('a selection: align and distribute move the tasks as one undo step', () => {
    const store = chain();
    const steps = store.getState().history.past.length;
    item(selectionMenu(context(store), ['a', 'b', 'c']), 'Align top edges').run();
    const layout = () => scopeLayout(store.getState().pipeline);
    expect(['a', 'b', 'c'].map((n) => layout()[n]!.y)).toEqual([0, 0, 0]);
    expect(store.getState().history.past.length).toBe(steps + 1);
    item(selectionMenu(context(store), ['a', 'b']), 'Align left edges').run();
    expect(layout().b!.x).toBe(0);
    expect(
      item(selectionMenu(context(store), ['a', 'b']), 'Distribute horizontally').disabled,
    ).toBe('needs three tasks or more');
  });
});
