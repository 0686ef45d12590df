// Edge results through the store: the edge inspector's edits are core
// operations run by `apply`, each one undo step, and the edge stays selected.
import { describe, expect, it } from 'vitest';
import { findTask, type Template } from '../../src/core';
import {
  dependsMode,
  setDependsMode,
  setDependsText,
  setEdgeResult,
} from '../../src/core/model/edgeResults';
import { createEditorStore, type EditorStore } from '../../src/store/editorStore';

const echo: Template = { name: 'echo', container: { image: 'alpine:3.20' } };

//   a ──> c <── b
function fanIn(): EditorStore {
  const store = createEditorStore();
  for (const name of ['a', 'b', 'c']) store.getState().addTask({ name, template: echo });
  store.getState().connect('a', 'c');
  store.getState().connect('b', 'c');
  return store;
}

const dependsOf = (store: EditorStore) => findTask(store.getState().pipeline, 'c')?.depends;

describe('edge inspector edits in the store', () => {
  it('sets a result on the selected edge as one undo step, and undo restores it', () => {
    const store = fanIn();
    store.getState().selectEdge('a->c');
    const steps = store.getState().history.past.length;
    store.getState().apply((p) => setEdgeResult(p, 'a', 'c', 'Failed'));
    expect(dependsOf(store)).toBe('a.Failed && b');
    expect(store.getState().history.past).toHaveLength(steps + 1);
    expect(store.getState().selectedEdge).toBe('a->c');
    store.getState().undo();
    expect(dependsOf(store)).toBe('a && b');
    store.getState().redo();
    expect(dependsOf(store)).toBe('a.Failed && b');
  });

  it('records nothing when the result is unchanged', () => {
    const store = fanIn();
    const steps = store.getState().history.past.length;
    store.getState().apply((p) => setEdgeResult(p, 'a', 'c', 'Succeeded'));
    expect(store.getState().history.past).toHaveLength(steps);
  });

  it('switches AND/OR and edits the text, each undoable', () => {
    const store = fanIn();
    store.getState().apply((p) => setDependsMode(p, 'c', 'or'));
    expect(dependsOf(store)).toBe('a || b');
    store.getState().apply((p) => setDependsText(p, 'c', '(a.Failed || b) && !a.Errored').value);
    expect(dependsMode(findTask(store.getState().pipeline, 'c')!)).toBe('custom');
    store.getState().undo();
    expect(dependsOf(store)).toBe('a || b');
    store.getState().undo();
    expect(dependsOf(store)).toBe('a && b');
  });
});
