// The editor store driven through its vanilla API, as the CLI and tests do:
// every edit is one undo step, refused edits leave the document untouched and
// say why, and nothing typed into the YAML panel is lost.
import { describe, expect, it } from 'vitest';
import { findTask, previewDocument, templates, type Pipeline, type Template } from '../../src/core';
import { setMetadataField } from '../../src/core/model/fields';
import { createEditorStore, type EditorStore } from '../../src/store/editorStore';
import { scopeLayout, scopeTasks } from '../../src/core/model/scope';

const echo: Template = { name: 'echo', container: { image: 'alpine:3.20', command: ['echo'] } };

/** A store holding tasks `names`, each running the shared `echo` template. */
function storeWith(...names: string[]): EditorStore {
  const store = createEditorStore();
  names.forEach((name, i) =>
    store.getState().addTask({ name, template: echo, position: { x: i * 100, y: 0 } }),
  );
  return store;
}

const taskNames = (p: Pipeline): string[] => scopeTasks(p).map((t) => t.name);
const dependsOf = (store: EditorStore, name: string): string | undefined =>
  findTask(store.getState().pipeline, name)?.depends;

describe('adding and connecting tasks', () => {
  it('gives every added task a unique name and one shared template', () => {
    const store = createEditorStore();
    const names = [1, 2, 3].map(() => store.getState().addTask({ name: 'echo', template: echo }));
    expect(names).toEqual(['echo', 'echo-2', 'echo-3']);
    const { pipeline } = store.getState();
    expect(taskNames(pipeline)).toEqual(names);
    expect(templates(pipeline).filter((t) => t.name === 'echo')).toHaveLength(1);
    expect(store.getState().history.past).toHaveLength(3);
  });

  it('writes `depends` when connecting', () => {
    // a -> b -> c
    const store = storeWith('a', 'b', 'c');
    expect(store.getState().connect('a', 'b')).toBe(true);
    expect(store.getState().connect('b', 'c')).toBe(true);
    expect(dependsOf(store, 'b')).toBe('a');
    expect(dependsOf(store, 'c')).toBe('b');
    expect(store.getState().notice).toBeUndefined();
  });

  it('refuses a cycle: a notice with the path, the same pipeline, the same history', () => {
    // a -> b -> c, then c -> a would close a -> b -> c -> a
    const store = storeWith('a', 'b', 'c');
    store.getState().connect('a', 'b');
    store.getState().connect('b', 'c');
    const { pipeline, history } = store.getState();

    expect(store.getState().connect('c', 'a')).toBe(false);

    const after = store.getState();
    expect(after.pipeline).toBe(pipeline);
    expect(after.history).toBe(history);
    expect(after.history.past).toHaveLength(history.past.length);
    expect(after.notice?.kind).toBe('error');
    expect(after.notice?.message).toContain('cycle');
    expect(after.notice?.message).toContain('c → a → b → c');
    expect(after.notice?.tasks).toEqual(['c', 'a', 'b', 'c']);
  });

  it('refuses a self-dependency and an unknown task with a notice', () => {
    const store = storeWith('a');
    const { pipeline } = store.getState();
    expect(store.getState().connect('a', 'a')).toBe(false);
    expect(store.getState().notice?.message).toMatch(/a → a/);
    expect(store.getState().connect('a', 'ghost')).toBe(false);
    expect(store.getState().notice?.message).toMatch(/no task named 'ghost'/);
    expect(store.getState().pipeline).toBe(pipeline);
  });

  it('clears the notice on the next successful edit', () => {
    const store = storeWith('a', 'b');
    store.getState().connect('a', 'a');
    expect(store.getState().notice).toBeDefined();
    store.getState().connect('a', 'b');
    expect(store.getState().notice).toBeUndefined();
  });
});

describe('renaming', () => {
  it('renames a task and rewrites the dependencies on it', () => {
    const store = storeWith('a', 'b');
    store.getState().connect('a', 'b');
    expect(store.getState().renameTask('a', 'extract')).toBe(true);
    expect(taskNames(store.getState().pipeline)).toEqual(['extract', 'b']);
    expect(dependsOf(store, 'b')).toBe('extract');
    expect(scopeLayout(store.getState().pipeline).extract).toEqual({ x: 0, y: 0 });
  });

  it('keeps a renamed task selected', () => {
    const store = storeWith('a');
    store.getState().select(['a']);
    store.getState().renameTask('a', 'extract');
    expect(store.getState().selection).toEqual(['extract']);
  });

  it.each([
    ['a duplicate name', 'b', /already exists/],
    ['an invalid name', 'not valid!', /invalid/],
    ['an empty name', '', /empty/],
  ])('refuses %s with a notice and leaves the pipeline as it was', (_, to, message) => {
    const store = storeWith('a', 'b');
    const { pipeline, history } = store.getState();
    expect(store.getState().renameTask('a', to)).toBe(false);
    expect(store.getState().pipeline).toBe(pipeline);
    expect(store.getState().history).toBe(history);
    expect(store.getState().notice).toMatchObject({ kind: 'error', tasks: ['a'] });
    expect(store.getState().notice?.message).toMatch(message);
  });
});

describe('undo and redo', () => {
  it('undoes and redoes every kind of edit', () => {
    const store = createEditorStore();
    const s = () => store.getState();
    const snapshots: Pipeline[] = [s().pipeline];
    const edits: [string, () => void][] = [
      ['add', () => s().addTask({ name: 'a', template: echo, position: { x: 0, y: 0 } })],
      ['add', () => s().addTask({ name: 'b', template: echo, position: { x: 200, y: 0 } })],
      ['connect', () => s().connect('a', 'b')],
      ['rename', () => s().renameTask('b', 'load')],
      ['update', () => s().updateTask('a', (t) => ({ ...t, when: '1 == 1' }))],
      ['apply', () => s().apply((p) => setMetadataField(p, 'name', 'nightly'))],
      ['place', () => s().placeTasks({ a: { x: 10, y: 20 } })],
      ['duplicate', () => s().duplicate(['a', 'load'])],
      ['disconnect', () => s().disconnect('a', 'load')],
      ['remove', () => s().removeTasks(['a-2'])],
      ['yaml', () => s().editYaml(previewDocument(s().pipeline).replace('nightly', 'daily'))],
      ['new', () => s().newPipeline()],
    ];
    for (const [, edit] of edits) {
      edit();
      expect(s().pipeline).not.toBe(snapshots[snapshots.length - 1]);
      snapshots.push(s().pipeline);
    }
    expect(s().history.past).toHaveLength(edits.length);

    for (let i = edits.length - 1; i >= 0; i--) {
      s().undo();
      expect(s().pipeline, `undo ${edits[i]![0]}`).toBe(snapshots[i]);
    }
    s().undo(); // nothing left: a no-op
    expect(s().pipeline).toBe(snapshots[0]);

    for (let i = 1; i <= edits.length; i++) {
      s().redo();
      expect(s().pipeline, `redo ${edits[i - 1]![0]}`).toBe(snapshots[i]);
    }
    s().redo(); // nothing left: a no-op
    expect(s().pipeline).toBe(snapshots[edits.length]);
  });

  it('keeps at least 100 steps: 120 edits, 100 undos give the state after edit 20', () => {
    const store = storeWith('a');
    const s = () => store.getState();
    const start = s().history.past.length;
    let after20: Pipeline | undefined;
    let after20Yaml = '';
    for (let i = 1; i <= 120; i++) {
      switch (i % 4) {
        case 0:
          s().addTask({ name: 'step', template: echo, position: { x: i, y: i } });
          break;
        case 1:
          s().placeTasks({ a: { x: i, y: -i } });
          break;
        case 2:
          s().updateTask('a', (t) => ({ ...t, when: `${i} > 0` }));
          break;
        default:
          s().apply((p) => setMetadataField(p, 'labels', { edit: String(i) }));
      }
      if (i === 20) {
        after20 = s().pipeline;
        after20Yaml = previewDocument(after20);
      }
    }
    expect(s().history.past.length - start).toBe(120);
    for (let i = 0; i < 100; i++) s().undo();
    expect(s().pipeline).toBe(after20);
    expect(previewDocument(s().pipeline)).toBe(after20Yaml);
    expect(s().history.future).toHaveLength(100);
    // A new edit drops the redo branch.
    s().placeTasks({ a: { x: -1, y: -1 } });
    expect(s().history.future).toHaveLength(0);
  });

  it('records a whole drag as one step and undo puts the node back', () => {
    const store = storeWith('a', 'b');
    const s = () => store.getState();
    const before = s().pipeline;
    const steps = s().history.past.length;
    for (let i = 1; i <= 50; i++) s().dragTasks({ a: { x: i, y: 2 * i }, b: { x: -i, y: 0 } });
    expect(s().dragStart).toBe(before);
    expect(s().history.past).toHaveLength(steps); // no step while dragging
    s().endDrag();
    expect(s().dragStart).toBeUndefined();
    expect(s().history.past).toHaveLength(steps + 1);
    expect(scopeLayout(s().pipeline).a).toEqual({ x: 50, y: 100 });

    s().undo();
    expect(s().pipeline).toBe(before);
    expect(scopeLayout(s().pipeline).a).toEqual({ x: 0, y: 0 });
    expect(scopeLayout(s().pipeline).b).toEqual({ x: 100, y: 0 });
    s().redo();
    expect(scopeLayout(s().pipeline).a).toEqual({ x: 50, y: 100 });
  });

  it('records nothing for a drag that did not move anything', () => {
    const store = storeWith('a');
    const steps = store.getState().history.past.length;
    store.getState().dragTasks({ a: { x: 0, y: 0 } });
    store.getState().endDrag();
    store.getState().endDrag(); // a second end is harmless
    expect(store.getState().history.past).toHaveLength(steps);
  });
});

describe('copy, paste and duplicate', () => {
  // a -> b -> c; copying b and c keeps b -> c and drops a -> b.
  function chain(): EditorStore {
    const store = storeWith('a', 'b', 'c');
    store.getState().connect('a', 'b');
    store.getState().connect('b', 'c');
    return store;
  }

  it('pastes with unique names, keeping only the edges between pasted tasks', () => {
    const store = chain();
    store.getState().copy(['b', 'c']);
    const pasted = store.getState().paste();
    expect(pasted).toEqual(['b-2', 'c-2']);
    const { pipeline, selection } = store.getState();
    expect(taskNames(pipeline)).toEqual(['a', 'b', 'c', 'b-2', 'c-2']);
    expect(new Set(taskNames(pipeline)).size).toBe(scopeTasks(pipeline).length);
    expect(findTask(pipeline, 'b-2')?.depends).toBeUndefined();
    expect(findTask(pipeline, 'c-2')?.depends).toBe('b-2');
    expect(findTask(pipeline, 'c')?.depends).toBe('b'); // the originals are untouched
    expect(scopeLayout(pipeline)['b-2']).toEqual({ x: 140, y: 40 });
    expect(selection).toEqual(pasted);

    // Pasting again gives yet other names.
    expect(store.getState().paste()).toEqual(['b-3', 'c-3']);
    expect(findTask(store.getState().pipeline, 'c-3')?.depends).toBe('b-3');
  });

  it('pastes nothing without a copy', () => {
    const store = chain();
    const { pipeline } = store.getState();
    expect(store.getState().paste()).toEqual([]);
    store.getState().copy([]);
    expect(store.getState().clip).toBeUndefined();
    expect(store.getState().pipeline).toBe(pipeline);
  });

  it('duplicates as one undo step', () => {
    const store = chain();
    const before = store.getState().pipeline;
    const names = store.getState().duplicate(['a', 'b', 'c']);
    expect(names).toEqual(['a-2', 'b-2', 'c-2']);
    const { pipeline } = store.getState();
    expect(findTask(pipeline, 'b-2')?.depends).toBe('a-2');
    expect(findTask(pipeline, 'c-2')?.depends).toBe('b-2');
    expect(store.getState().selection).toEqual(names);
    store.getState().undo();
    expect(store.getState().pipeline).toBe(before);
    expect(store.getState().duplicate([])).toEqual([]);
  });

  it('removes tasks and drops them from the selection', () => {
    const store = chain();
    store.getState().select(['a', 'b']);
    store.getState().removeTasks(['b']);
    expect(taskNames(store.getState().pipeline)).toEqual(['a', 'c']);
    expect(dependsOf(store, 'c')).toBeUndefined();
    expect(store.getState().selection).toEqual(['a']);
  });
});

describe('palette config', () => {
  const good = 'containers:\n  - name: hello\n    image: alpine:3.20\n';

  it('loads a config into palette entries', async () => {
    const store = createEditorStore();
    expect(await store.getState().loadConfig(good, 'config.yaml')).toBe(true);
    expect(store.getState().entries.map((e) => e.name)).toEqual(['hello']);
    expect(store.getState().config).toEqual({ name: 'config.yaml', text: good });
    expect(store.getState().configDiagnostics).toEqual([]);
  });

  it('keeps the previous palette when a config is broken, and says on which line', async () => {
    const store = createEditorStore();
    await store.getState().loadConfig(good, 'config.yaml');
    const { entries, config } = store.getState();
    const broken = 'containers:\n  - name: hello\n    image: [alpine\n';

    expect(await store.getState().loadConfig(broken, 'broken.yaml')).toBe(false);

    const after = store.getState();
    expect(after.entries).toBe(entries);
    expect(after.config).toBe(config);
    expect(after.configDiagnostics.length).toBeGreaterThan(0);
    const [first] = after.configDiagnostics;
    expect(first).toMatchObject({ severity: 'error', source: 'broken.yaml' });
    expect(first?.line).toBeGreaterThanOrEqual(3);
  });

  it('reports an entry error with its line', async () => {
    const store = createEditorStore();
    expect(
      await store.getState().loadConfig('containers:\n  - name: x\n    imgae: a\n', 'c.yaml'),
    ).toBe(false);
    expect(store.getState().configDiagnostics[0]).toMatchObject({ line: 3 });
    expect(store.getState().configDiagnostics[0]?.message).toMatch(/imgae/);
  });
});

describe('YAML panel edits', () => {
  it('replaces the pipeline with valid YAML, keeping positions', () => {
    const store = storeWith('a', 'b');
    const text = previewDocument(store.getState().pipeline).replace(/\bb\b/g, 'loader');
    store.getState().editYaml(text);
    const { pipeline, yamlDraft, yamlDiagnostics } = store.getState();
    expect(taskNames(pipeline)).toEqual(['a', 'loader']);
    expect(scopeLayout(pipeline).a).toEqual({ x: 0, y: 0 });
    expect(yamlDraft).toBe(text);
    expect(yamlDiagnostics).toEqual([]);
    store.getState().closeYamlDraft();
    expect(store.getState().yamlDraft).toBeUndefined();
  });

  it('keeps the pipeline and the typed text when the YAML is invalid', () => {
    const store = storeWith('a');
    const { pipeline, history } = store.getState();
    const text = `${previewDocument(pipeline)}  - oops: [unclosed\n`;

    store.getState().editYaml(text);

    const after = store.getState();
    expect(after.pipeline).toBe(pipeline);
    expect(after.history).toBe(history);
    expect(after.yamlDraft).toBe(text);
    expect(after.yamlDiagnostics.length).toBeGreaterThan(0);
    expect(after.yamlDiagnostics[0]).toMatchObject({ severity: 'error' });
    expect(after.yamlDiagnostics[0]?.line).toEqual(expect.any(Number));

    // Closing the panel's draft keeps invalid text: nothing typed is lost.
    store.getState().closeYamlDraft();
    expect(store.getState().yamlDraft).toBe(text);
    expect(store.getState().yamlDiagnostics).toBe(after.yamlDiagnostics);
  });

  it('reports a manifest that parses but is not a workflow, on its line', () => {
    const store = storeWith('a');
    const { pipeline } = store.getState();
    const text = 'apiVersion: argoproj.io/v1alpha1\nkind: Pod\nmetadata:\n  name: x\n';
    store.getState().editYaml(text);
    expect(store.getState().pipeline).toBe(pipeline);
    expect(store.getState().yamlDraft).toBe(text);
    expect(store.getState().yamlDiagnostics[0]?.line).toEqual(expect.any(Number));
  });

  it('refuses several documents in the panel', () => {
    const store = storeWith('a');
    const { pipeline } = store.getState();
    const one = previewDocument(pipeline);
    store.getState().editYaml(`${one}---\n${one}`);
    expect(store.getState().pipeline).toBe(pipeline);
    expect(store.getState().yamlDiagnostics.map((d) => d.code)).toContain('multiple-documents');
  });

  it('a later valid edit clears the diagnostics and the draft can close', () => {
    const store = storeWith('a');
    const valid = previewDocument(store.getState().pipeline);
    store.getState().editYaml('not: [valid');
    expect(store.getState().yamlDiagnostics.length).toBeGreaterThan(0);
    store.getState().editYaml(valid);
    expect(store.getState().yamlDiagnostics).toEqual([]);
    store.getState().closeYamlDraft();
    expect(store.getState().yamlDraft).toBeUndefined();
  });
});
