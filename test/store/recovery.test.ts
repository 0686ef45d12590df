// Recovery in the store: a panel that fails to render brings back the last
// document shown without a failure and keeps the failed one aside; a failure
// on the last good document itself changes nothing but is reported.
import { describe, expect, it } from 'vitest';
import type { Template } from '../../src/core';
import { createEditorStore, type EditorStore } from '../../src/store/editorStore';
import { scopeTasks } from '../../src/core/model/scope';

const echo: Template = { name: 'echo', container: { image: 'alpine:3.20' } };

/** A store showing `a`, confirmed as rendered. */
function shown(): EditorStore {
  const store = createEditorStore();
  store.getState().addTask({ name: 'a', template: echo, position: { x: 0, y: 0 } });
  store.getState().confirmShown(store.getState().pipeline);
  return store;
}

describe('reportCrash', () => {
  it('restores the last good document and keeps the failed one aside', () => {
    const store = shown();
    const good = store.getState().pipeline;
    store.getState().addTask({ name: 'b', template: echo, position: { x: 0, y: 0 } });
    store.getState().reportCrash('canvas', new TypeError('x is undefined'));
    const s = store.getState();
    expect(s.pipeline).toBe(good);
    expect(s.crash).toEqual({ panel: 'canvas', message: 'x is undefined' });
    expect(s.notice?.message).toBe(
      'The last change made the canvas fail (x is undefined). It was undone; the document as it was is kept aside for download.',
    );
    expect(s.aside).toHaveLength(1);
    expect(s.aside[0]!.reason).toBe('the canvas failed on this document (x is undefined)');
    expect(s.aside[0]!.text).toContain('name: b');
    // The failed step is gone from redo; the step before it is still undoable.
    expect(s.history.future).toEqual([]);
    s.undo();
    expect(scopeTasks(store.getState().pipeline)).toEqual([]);
  });

  it('does not promote a document a panel failed on, even when confirmed afterwards', () => {
    const store = shown();
    const good = store.getState().pipeline;
    store.getState().addTask({ name: 'b', template: echo, position: { x: 0, y: 0 } });
    const bad = store.getState().pipeline;
    store.getState().reportCrash('inspector', new Error('no'));
    store.getState().confirmShown(bad);
    expect(store.getState().lastGood()).toBe(good);
  });

  it('changes nothing when the last good document itself fails, but says which panel', () => {
    const store = shown();
    const good = store.getState().pipeline;
    store.getState().reportCrash('problems list', new Error('selection broke it'));
    expect(store.getState().pipeline).toBe(good);
    expect(store.getState().crash).toEqual({
      panel: 'problems list',
      message: 'selection broke it',
    });
    expect(store.getState().aside).toEqual([]);
    store.getState().clearCrash();
    expect(store.getState().crash).toBeUndefined();
  });

  it('keeps text typed in the YAML panel as a draft marked not applied', () => {
    const store = shown();
    const text =
      'apiVersion: argoproj.io/v1alpha1\nkind: Workflow\nmetadata: {name: w}\nspec: {}\n';
    store.getState().editYaml(text);
    store.getState().reportCrash('canvas', new Error('bad'));
    expect(store.getState().yamlDraft).toBe(text);
    expect(store.getState().yamlDiagnostics).toContainEqual(
      expect.objectContaining({ code: 'unshowable', severity: 'error' }),
    );
    store.getState().closeYamlDraft();
    expect(store.getState().yamlDraft).toBe(text);
  });
});

describe('aside entries', () => {
  it('are listed until discarded', () => {
    const store = createEditorStore();
    const entry = store.getState().keepAside('a reason', 'kind: Workflow\n');
    expect(store.getState().aside).toEqual([entry]);
    expect(entry.savedAt).toMatch(/^\d{4}-\d\d-\d\dT/);
    store.getState().discardAside(entry.id);
    expect(store.getState().aside).toEqual([]);
  });
});
