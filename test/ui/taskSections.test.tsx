// @vitest-environment jsdom
// The node inspector's sections against a real store: a field commits on
// Enter or blur and not while invalid, an env row writes a secretKeyRef, the
// task and its template can be edited as YAML (refused while invalid), and a
// shared template can be copied for one task.
import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { load } from 'js-yaml';
import type { ReactNode } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { findTask, findTemplate, previewDocument, type Template } from '../../src/core';
import { createEditorStore, type EditorStore } from '../../src/store/editorStore';
import { EditorProvider } from '../../src/ui/EditorContext';
import { Inspector } from '../../src/ui/inspector/Inspector';
import { TaskSections } from '../../src/ui/inspector/task/TaskSections';
import { TIMEOUT } from '../support/timeouts';

// React rendered in jsdom against the real store, typed into key by key: up to
// 1.3 s a test quiet, ten times that at load 20 (test/support/timeouts.ts).
vi.setConfig({ testTimeout: TIMEOUT.component });

const work: Template = { name: 'work', container: { image: 'alpine:3.20', command: ['sh'] } };

/** Tasks `a` and `b` running the shared template `work`; `a` is shown. */
function setup(ui: (store: EditorStore) => ReactNode = () => <TaskSections name="a" />) {
  const store = createEditorStore();
  store.getState().addTask({ name: 'a', template: work });
  store.getState().addTask({ name: 'b', template: work });
  store.getState().select(['a']);
  const user = userEvent.setup();
  render(<EditorProvider store={store}>{ui(store)}</EditorProvider>);
  return { store, user };
}

const taskA = (store: EditorStore) => findTask(store.getState().pipeline, 'a')!;
const workTemplate = (store: EditorStore) => findTemplate(store.getState().pipeline, 'work')!;

describe('conditions', () => {
  it('commits `when` on Enter, not while it does not parse, and follows undo', async () => {
    const { store, user } = setup();
    await user.click(screen.getByText('Conditions & loops'));
    const when = screen.getByLabelText('When');
    const before = store.getState().pipeline;

    await user.type(when, 'x ==');
    expect(when).toHaveAccessibleDescription(/condition ends with an operator/);
    await user.keyboard('{Enter}');
    expect(store.getState().pipeline).toBe(before);

    await user.clear(when);
    await user.paste('{{workflow.parameters.run}} == yes');
    expect(when).not.toHaveAttribute('aria-invalid');
    await user.keyboard('{Enter}');
    expect(taskA(store).when).toBe('{{workflow.parameters.run}} == yes');

    act(() => store.getState().undo());
    expect(taskA(store)).not.toHaveProperty('when');
    expect(screen.getByLabelText('When')).toHaveValue('');
  });

  it('sets a withItems loop, one item a line', async () => {
    const { store, user } = setup();
    await user.selectOptions(screen.getByLabelText('Loop'), 'withItems');
    const items = screen.getByLabelText('Items (one a line, or a YAML list)');
    await user.type(items, 'eu{Enter}us');
    await user.tab();
    expect(taskA(store).withItems).toEqual(['eu', 'us']);
    await user.selectOptions(screen.getByLabelText('Loop'), 'none');
    expect(taskA(store)).not.toHaveProperty('withItems');
  });
});

describe('retry', () => {
  it('validates the limit as you type and writes a number', async () => {
    const { store, user } = setup();
    const before = store.getState().pipeline;
    const limit = screen.getByLabelText('Retry limit');

    await user.type(limit, '-1');
    expect(limit).toHaveAttribute('aria-invalid', 'true');
    expect(limit).toHaveAccessibleDescription('retryStrategy.limit must be at least 0');
    await user.tab();
    expect(store.getState().pipeline).toBe(before);

    await user.clear(limit);
    await user.type(limit, 'two');
    expect(limit).toHaveAccessibleDescription(/retryStrategy.limit must be a whole number/);

    await user.clear(limit);
    await user.type(limit, '3{Enter}');
    expect(workTemplate(store).retryStrategy).toEqual({ limit: 3 });

    await user.selectOptions(screen.getByLabelText('Retry policy'), 'OnTransientError');
    expect(workTemplate(store).retryStrategy).toEqual({
      limit: 3,
      retryPolicy: 'OnTransientError',
    });

    await user.click(screen.getByLabelText('Continue on failed'));
    expect(taskA(store).continueOn).toEqual({ failed: true });
  });
});

describe('env', () => {
  it('writes a secretKeyRef row once it is complete', async () => {
    const { store, user } = setup();
    await user.click(screen.getByRole('button', { name: 'Add variable' }));
    const row = screen.getByRole('group', { name: 'Env 1' });
    await user.type(within(row).getByLabelText('Env 1 name'), 'DB_PASSWORD');
    await user.selectOptions(within(row).getByLabelText('Env 1 source'), 'Secret key');
    await user.type(within(row).getByLabelText('Env 1 Secret name'), 'db');
    // Leaving the row without the key: refused, and said why.
    await user.click(screen.getByLabelText('Retry limit'));
    expect(within(row).getByRole('alert')).toHaveTextContent(
      'env DB_PASSWORD: the key in the Secret is required',
    );
    expect(workTemplate(store).container).not.toHaveProperty('env');

    await user.type(within(row).getByLabelText('Env 1 Secret key'), 'password{Enter}');
    const manifest = load(previewDocument(store.getState().pipeline)) as {
      spec: { templates: { name: string; container?: { env?: unknown } }[] };
    };
    const written = manifest.spec.templates.find((t) => t.name === 'work');
    expect(written?.container?.env).toEqual([
      { name: 'DB_PASSWORD', valueFrom: { secretKeyRef: { name: 'db', key: 'password' } } },
    ]);
    expect(previewDocument(store.getState().pipeline)).toMatch(
      /- name: DB_PASSWORD\n\s+valueFrom:\n\s+secretKeyRef:\n\s+name: db\n\s+key: password\n/,
    );
    // The committed row is now a row of the document.
    expect(screen.getByLabelText('Env 1 Secret key')).toHaveValue('password');
    expect(screen.getByRole('button', { name: 'Add variable' })).toBeInTheDocument();
  });
});

describe('edit as YAML', () => {
  it('refuses invalid task YAML and applies valid YAML', async () => {
    const { store, user } = setup();
    await user.click(screen.getByText('Task as YAML'));
    const text = screen.getByLabelText('Task YAML');
    const apply = screen.getByRole('button', { name: 'Apply task YAML' });
    expect(text).toHaveValue('name: a\ntemplate: work\n');
    expect(apply).toBeDisabled();
    const before = store.getState().pipeline;

    await user.clear(text);
    await user.paste('name: a\ntemplate: [work');
    expect(screen.getByRole('alert')).toHaveTextContent(/line \d+: task: /);
    expect(apply).toBeDisabled();

    await user.clear(text);
    await user.paste('name: a\ntemplate: nope');
    await user.click(apply);
    expect(screen.getByRole('alert')).toHaveTextContent("template name 'nope' undefined");
    expect(store.getState().pipeline).toBe(before);

    await user.clear(text);
    await user.paste('name: a\ntemplate: work\nwhen: "{{workflow.name}} == nightly"\n');
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    await user.click(apply);
    expect(taskA(store).when).toBe('{{workflow.name}} == nightly');
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expect(text).toHaveValue('name: a\ntemplate: work\nwhen: "{{workflow.name}} == nightly"\n');
    expect(store.getState().notice).toBeUndefined();
  });

  it('refuses a template with two types and applies a valid one to every task', async () => {
    const { store, user } = setup();
    const text = screen.getByLabelText('Template YAML');
    const apply = screen.getByRole('button', { name: 'Apply template YAML' });

    await user.clear(text);
    await user.paste('name: work\ncontainer: {image: a}\nscript: {image: a, source: x}');
    await user.click(apply);
    expect(screen.getByRole('alert')).toHaveTextContent(/multiple template types/);
    expect(workTemplate(store)).toEqual(work);

    await user.clear(text);
    await user.paste('name: work\ncontainer: {image: busybox:1.36}\ndaemon: true');
    await user.click(apply);
    expect(workTemplate(store)).toEqual({
      name: 'work',
      container: { image: 'busybox:1.36' },
      daemon: true,
    });
    expect(screen.getByLabelText(/^Daemon/)).toBeChecked();
  });
});

describe('shared templates', () => {
  it('copies the template for this task from the inspector', async () => {
    const { store, user } = setup(() => <Inspector />);
    expect(screen.getByText(/change all 2 tasks that run work/)).toBeInTheDocument();
    await user.click(
      screen.getByRole('button', { name: 'Make a copy of the template for this task' }),
    );
    expect(taskA(store).template).toBe('work-a');
    expect(findTask(store.getState().pipeline, 'b')?.template).toBe('work');
    expect(screen.queryByRole('button', { name: /Make a copy/ })).not.toBeInTheDocument();
    expect(screen.getByTestId('task-sections')).toBeInTheDocument();
  });
});
