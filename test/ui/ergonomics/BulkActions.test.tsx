// @vitest-environment jsdom
// Several tasks selected: the inspector offers bulk actions and sets one
// field on all of them (a YAML value, refused while it does not parse).
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { findTask } from '../../../src/core';
import { findTemplate } from '../../../src/core/model/spec';
import { createEditorStore } from '../../../src/store/editorStore';
import { EditorProvider } from '../../../src/ui/EditorContext';
import { Inspector } from '../../../src/ui/inspector/Inspector';
import { TIMEOUT } from '../../support/timeouts';

vi.setConfig({ testTimeout: TIMEOUT.component });

function setup() {
  const store = createEditorStore();
  for (const name of ['a', 'b'])
    store.getState().addTask({ name, template: { name: 'echo', container: { image: 'x' } } });
  store.getState().connect('a', 'b');
  store.getState().select(['a', 'b']);
  render(
    <EditorProvider store={store}>
      <Inspector />
    </EditorProvider>,
  );
  return { store, user: userEvent.setup() };
}

describe('BulkActions', () => {
  it('sets retryStrategy on the templates of all selected tasks', async () => {
    const { store, user } = setup();
    expect(screen.getByRole('heading', { name: '2 tasks selected' })).toBeInTheDocument();
    await user.type(screen.getByLabelText(/^Value/), 'limit: 2');
    await user.click(screen.getByRole('button', { name: 'Set retryStrategy on all' }));
    // The bulk edits' code loads on first use.
    await waitFor(() =>
      expect(findTemplate(store.getState().pipeline, 'echo')?.retryStrategy).toEqual({ limit: 2 }),
    );
  });

  it('refuses a value that is not YAML', async () => {
    const { user } = setup();
    await user.type(screen.getByLabelText(/^Value/), 'a: [[');
    expect(screen.getByRole('button', { name: /on all/ })).toBeDisabled();
  });

  it('sets a task field on each task', async () => {
    const { store, user } = setup();
    await user.selectOptions(screen.getByLabelText('Field'), 'continueOn');
    await user.type(screen.getByLabelText(/^Value/), 'failed: true');
    await user.click(screen.getByRole('button', { name: 'Set continueOn on all' }));
    await waitFor(() =>
      expect(findTask(store.getState().pipeline, 'a')?.continueOn).toEqual({ failed: true }),
    );
    expect(findTask(store.getState().pipeline, 'b')?.continueOn).toEqual({ failed: true });
  });

  it('moves the selection into a new DAG template', async () => {
    const { store, user } = setup();
    await user.click(screen.getByRole('button', { name: 'Move into a new DAG template' }));
    await waitFor(() => expect(store.getState().selection).toEqual(['group']));
    expect(findTemplate(store.getState().pipeline, 'group')?.dag).toBeDefined();
  });
});
