// The node inspector's edits through the editor store: each accepted edit is
// one undo step, a refused one leaves the document and its history alone and
// says why.
import { describe, expect, it } from 'vitest';
import { findTask, findTemplate, templates, type Template } from '../../src/core';
import { setEnvVar } from '../../src/core/model/containerFields';
import { setTaskYaml } from '../../src/core/model/nodeYaml';
import { setLoop, setTaskField } from '../../src/core/model/taskFields';
import { forkTemplate, setRetryStrategy } from '../../src/core/model/templateFields';
import { applyChecked } from '../../src/store/applyChecked';
import { createEditorStore, type EditorStore } from '../../src/store/editorStore';

const echo: Template = { name: 'echo', container: { image: 'alpine:3.20', command: ['echo'] } };

function storeWith(...names: string[]): EditorStore {
  const store = createEditorStore();
  for (const name of names) store.getState().addTask({ name, template: echo });
  return store;
}

const steps = (store: EditorStore) => store.getState().history.past.length;
const task = (store: EditorStore, name: string) => findTask(store.getState().pipeline, name);
const template = (store: EditorStore, name: string) =>
  findTemplate(store.getState().pipeline, name);

describe('task and template edits in the store', () => {
  it('applies a task field as one step and undoes it', () => {
    const store = storeWith('a');
    const before = store.getState().pipeline;
    store
      .getState()
      .apply((p) => setTaskField(p, 'a', 'when', '{{workflow.parameters.go}} == yes'));
    expect(task(store, 'a')?.when).toBe('{{workflow.parameters.go}} == yes');
    expect(steps(store)).toBe(2);
    store.getState().undo();
    expect(store.getState().pipeline).toBe(before);
    store.getState().redo();
    expect(task(store, 'a')?.when).toBe('{{workflow.parameters.go}} == yes');
  });

  it('applies checked edits one step each', () => {
    const store = storeWith('a');
    expect(applyChecked(store, (p) => setLoop(p, 'a', 'withItems', ['x', 'y']))).toEqual([]);
    expect(applyChecked(store, (p) => setRetryStrategy(p, 'echo', { limit: '3' }))).toEqual([]);
    expect(
      applyChecked(store, (p) =>
        setEnvVar(p, 'echo', 'TOKEN', { kind: 'secretKeyRef', name: 'api', key: 'token' }),
      ),
    ).toEqual([]);
    expect(steps(store)).toBe(4);
    expect(template(store, 'echo')).toMatchObject({
      retryStrategy: { limit: 3 },
      container: {
        env: [{ name: 'TOKEN', valueFrom: { secretKeyRef: { name: 'api', key: 'token' } } }],
      },
    });
    store.getState().undo();
    expect(template(store, 'echo')).toMatchObject({ retryStrategy: { limit: 3 } });
    expect(template(store, 'echo')?.container).not.toHaveProperty('env');
    store.getState().undo();
    expect(template(store, 'echo')).toEqual(echo);
    expect(task(store, 'a')?.withItems).toEqual(['x', 'y']);
  });

  it('refuses without a step and says why', () => {
    const store = storeWith('a');
    const { pipeline, history } = store.getState();
    const diagnostics = applyChecked(store, (p) => setRetryStrategy(p, 'echo', { limit: '-1' }));
    expect(diagnostics[0]?.message).toMatch(/retryStrategy.limit must be at least 0/);
    expect(store.getState().pipeline).toBe(pipeline);
    expect(store.getState().history).toBe(history);
    expect(store.getState().notice).toMatchObject({
      kind: 'error',
      message: diagnostics[0]!.message,
    });
  });

  it('refuses invalid task YAML quietly when asked, for the YAML editor to show', () => {
    const store = storeWith('a');
    const { pipeline } = store.getState();
    const diagnostics = applyChecked(store, (p) => setTaskYaml(p, 'a', 'name: a\ntemplate: [x'), {
      notice: false,
    });
    expect(diagnostics[0]?.code).toBe('yaml-syntax');
    expect(store.getState().pipeline).toBe(pipeline);
    expect(store.getState().notice).toBeUndefined();
  });

  it('forks a shared template and undoes the fork in one step', () => {
    const store = storeWith('a', 'b');
    const before = store.getState().pipeline;
    expect(applyChecked(store, (p) => forkTemplate(p, 'b'))).toEqual([]);
    expect(task(store, 'b')?.template).toBe('echo-b');
    expect(templates(store.getState().pipeline).map((t) => t.name)).toEqual([
      'main',
      'echo',
      'echo-b',
    ]);
    store.getState().undo();
    expect(store.getState().pipeline).toBe(before);
  });
});
