// Issue 13 through the vanilla store: the step picker adds, connects and
// inserts as one undo step; paste lands at the pointer or further off each
// time; a rename typed in the YAML keeps the position; notes and bulk edits.
import { describe, expect, it } from 'vitest';
import { findTask, openDocuments, previewDocument, type Template } from '../../src/core';
import { createEditorStore, type EditorStore } from '../../src/store/editorStore';
import { scopeLayout } from '../../src/core/model/scope';
import { findTemplate } from '../../src/core/model/spec';
import { descriptionOf, notesOf } from '../../src/core/ergonomics/notes';

const echo: Template = { name: 'echo', container: { image: 'alpine:3.20' } };
const CONFIG = `containers:
  - name: train
    image: python:3.12
`;

async function storeWith(...names: string[]): Promise<EditorStore> {
  const store = createEditorStore();
  names.forEach((name, i) =>
    store.getState().addTask({ name, template: echo, position: { x: i * 300, y: 0 } }),
  );
  expect(await store.getState().loadConfig(CONFIG, 'config.yaml')).toBe(true);
  return store;
}
const depends = (s: EditorStore, name: string) => findTask(s.getState().pipeline, name)?.depends;
const at = { x: 500, y: 200 };
const screen = { x: 10, y: 10 };

describe('the step picker', () => {
  it('adds the picked entry where it was opened, connected after the dragged output', async () => {
    const store = await storeWith('a');
    const before = store.getState().history.past.length;
    store.getState().openPicker({ screen, at, after: 'a' });
    const name = store.getState().pick('train');
    expect(name).toBe('train');
    expect(depends(store, 'train')).toBe('a');
    expect(scopeLayout(store.getState().pipeline).train).toEqual(at);
    expect(store.getState().selection).toEqual(['train']);
    expect(store.getState().picker).toBeUndefined();
    expect(store.getState().history.past.length).toBe(before + 1);
    store.getState().undo();
    expect(findTask(store.getState().pipeline, 'train')).toBeUndefined();
  });

  it('inserts on an edge, rewiring the downstream task', async () => {
    const store = await storeWith('a', 'b');
    store.getState().connect('a', 'b');
    store.getState().openPicker({ screen, at, between: { from: 'a', to: 'b' } });
    store.getState().pick('train');
    expect(depends(store, 'train')).toBe('a');
    expect(depends(store, 'b')).toBe('train');
  });

  it('says why when the edge is gone, and adds nothing', async () => {
    const store = await storeWith('a', 'b');
    const p = store.getState().pipeline;
    store.getState().openPicker({ screen, at, between: { from: 'a', to: 'b' } });
    expect(store.getState().pick('train')).toBeUndefined();
    expect(store.getState().pipeline).toBe(p);
    expect(store.getState().notice?.message).toMatch(/b does not depend on a/);
  });
});

describe('paste', () => {
  it('lands further off with each paste, and at the pointer when given', async () => {
    const store = await storeWith('a');
    store.getState().copy(['a']);
    const [first] = store.getState().paste();
    const [second] = store.getState().paste();
    const layout = () => scopeLayout(store.getState().pipeline);
    expect(layout()[first!]).toEqual({ x: 40, y: 40 });
    expect(layout()[second!]).toEqual({ x: 80, y: 80 });
    const [third] = store.getState().paste({ x: 700, y: 20 });
    expect(layout()[third!]).toEqual({ x: 700, y: 20 });
  });

  it('never stacks duplicates of the same task', async () => {
    const store = await storeWith('a');
    const [first] = store.getState().duplicate(['a']);
    const [second] = store.getState().duplicate(['a']);
    const layout = scopeLayout(store.getState().pipeline);
    expect(layout[first!]).toEqual({ x: 40, y: 40 });
    expect(layout[second!]).toEqual({ x: 80, y: 80 });
  });
});

describe('a rename typed in the YAML panel', () => {
  it('keeps the position and the dependents', async () => {
    const store = await storeWith('a', 'b');
    store.getState().connect('a', 'b');
    const text = previewDocument(store.getState().pipeline).replace(
      '- name: a\n',
      '- name: fetch\n',
    );
    expect(text).toContain('name: fetch');
    store.getState().editYaml(text);
    const p = store.getState().pipeline;
    expect(scopeLayout(p).fetch).toEqual({ x: 0, y: 0 });
    expect(depends(store, 'b')).toBe('fetch');
  });
});

describe('selection and bulk actions', () => {
  it('selects upstream and downstream', async () => {
    const store = await storeWith('a', 'b', 'c');
    store.getState().connect('a', 'b');
    store.getState().connect('b', 'c');
    store.getState().selectUpstream(['c']);
    expect([...store.getState().selection].sort()).toEqual(['a', 'b']);
    store.getState().selectDownstream(['a']);
    expect([...store.getState().selection].sort()).toEqual(['b', 'c']);
  });

  it('sets retryStrategy on the templates of the selection, one undo step', async () => {
    const store = await storeWith('a', 'b');
    await store.getState().setTasksField(['a', 'b'], 'retryStrategy', { limit: 3 });
    expect(findTemplate(store.getState().pipeline, 'echo')?.retryStrategy).toEqual({ limit: 3 });
    store.getState().undo();
    expect(findTemplate(store.getState().pipeline, 'echo')?.retryStrategy).toBeUndefined();
  });

  it('moves a selection into a new DAG, or says why not', async () => {
    const store = await storeWith('a', 'b');
    store.getState().connect('a', 'b');
    await store.getState().moveIntoNewDag(['a', 'b']);
    expect(store.getState().selection).toEqual(['group']);
    expect(findTemplate(store.getState().pipeline, 'group')?.dag).toBeDefined();
  });
});

describe('notes and descriptions', () => {
  it('are added, edited and removed as undoable edits of the document', async () => {
    const store = await storeWith('a');
    const id = store.getState().addNote({ x: 5, y: 6 });
    const note = notesOf(store.getState().pipeline, 'main')[0]!;
    expect(note).toMatchObject({ id, x: 5, y: 6 });
    store.getState().updateNote({ ...note, text: 'hello', colour: 'green' });
    expect(notesOf(store.getState().pipeline, 'main')[0]!.text).toBe('hello');
    expect(previewDocument(store.getState().pipeline)).toContain('hello');
    store.getState().removeNote(id);
    expect(notesOf(store.getState().pipeline, 'main')).toEqual([]);
    store.getState().undo();
    expect(notesOf(store.getState().pipeline, 'main')[0]!.text).toBe('hello');
    store.getState().setDescription('a', 'Fetches data');
    expect(previewDocument(store.getState().pipeline)).toContain('Fetches data');
    expect(store.getState().renameTask('a', 'fetch')).toBe(true);
    expect(descriptionOf(store.getState().pipeline, 'main', 'fetch')).toBe('Fetches data');
    store.getState().removeTasks(['fetch']);
    expect(previewDocument(store.getState().pipeline)).not.toContain('Fetches data');
  });
});

describe('the step picker in a steps template', () => {
  it('adds a step at the place the picker was opened for', async () => {
    const store = createEditorStore();
    await store.getState().loadConfig(CONFIG, 'config.yaml');
    const text = `apiVersion: argoproj.io/v1alpha1
kind: Workflow
metadata: {name: s}
spec:
  entrypoint: main
  templates:
    - name: main
      steps:
        - - {name: one, template: echo}
        - - {name: two, template: echo}
    - {name: echo, container: {image: alpine}}
`;
    const opened = openDocuments(text).documents[0]!.pipeline!;
    expect(store.getState().setPipeline(opened, { fresh: true })).toBe(true);
    store.getState().openPicker({ screen, at, place: { group: 1, index: 1 } });
    expect(store.getState().pick('train')).toBe('train');
    const steps = findTemplate(store.getState().pipeline, 'main')?.steps as { name: string }[][];
    expect(steps.map((g) => g.map((s) => s.name))).toEqual([['one'], ['two', 'train']]);
  });
});
