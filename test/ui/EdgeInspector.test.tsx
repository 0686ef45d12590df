// @vitest-environment jsdom
// The edge inspector against a real store: shown for the selected edge, its
// result and AND/OR selects, the depends text (error while typing, commit on
// Enter), and removing the dependency.
import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { findTask, type Template } from '../../src/core';
import { createEditorStore, type EditorStore } from '../../src/store/editorStore';
import { EditorProvider } from '../../src/ui/EditorContext';
import { parseEdgeId } from '../../src/ui/inspector/EdgeInspector';
import { Inspector } from '../../src/ui/inspector/Inspector';
import { TIMEOUT } from '../support/timeouts';

// React rendered in jsdom against the real store, typed into key by key: up to
// 1.3 s a test quiet, ten times that at load 20 (test/support/timeouts.ts).
vi.setConfig({ testTimeout: TIMEOUT.component });

const echo: Template = { name: 'echo', container: { image: 'alpine:3.20' } };

//   a ──> c <── b, edge a->c selected
function setup() {
  const store = createEditorStore();
  for (const name of ['a', 'b', 'c']) store.getState().addTask({ name, template: echo });
  store.getState().connect('a', 'c');
  store.getState().connect('b', 'c');
  store.getState().selectEdge('a->c');
  const user = userEvent.setup();
  render(
    <EditorProvider store={store}>
      <Inspector />
    </EditorProvider>,
  );
  return { store, user };
}

const dependsOf = (store: EditorStore) => findTask(store.getState().pipeline, 'c')?.depends;

describe('EdgeInspector', () => {
  it('parses canvas edge ids, data wires included', () => {
    expect(parseEdgeId('a->b')).toEqual({ from: 'a', to: 'b' });
    expect(parseEdgeId('a--->b-')).toEqual({ from: 'a--', to: 'b-' });
    expect(parseEdgeId('data:a:out:parameter:x->b:in:parameter:y')).toEqual({
      from: 'a',
      to: 'b',
    });
    expect(parseEdgeId('nonsense')).toBeUndefined();
  });

  it('sets the result and the AND/OR mode', async () => {
    const { store, user } = setup();
    expect(screen.getByTestId('edge-inspector')).toHaveTextContent('c waits for a');
    await user.selectOptions(screen.getByLabelText('Result of a'), 'Failed');
    expect(dependsOf(store)).toBe('a.Failed && b');
    await user.selectOptions(screen.getByLabelText('c runs when'), 'or');
    expect(dependsOf(store)).toBe('a.Failed || b');
    expect(screen.getByLabelText('depends of c')).toHaveValue('a.Failed || b');
  });

  it('shows a text error as you type and commits valid text on Enter', async () => {
    const { store, user } = setup();
    const field = screen.getByLabelText('depends of c');
    await user.clear(field);
    await user.type(field, 'a && c');
    expect(screen.getByRole('alert')).toHaveTextContent('cannot depend on itself');
    await user.keyboard('{Enter}');
    expect(dependsOf(store)).toBe('a && b');
    await user.clear(field);
    await user.type(field, '!a.Errored || b{Enter}');
    expect(dependsOf(store)).toBe('!a.Errored || b');
    expect(screen.getByLabelText('Result of a')).toBeDisabled();
    expect(screen.getByLabelText('c runs when')).toHaveValue('custom');
  });

  it('removes the dependency and clears the edge selection', async () => {
    const { store, user } = setup();
    await user.click(screen.getByRole('button', { name: 'Remove dependency' }));
    expect(dependsOf(store)).toBe('b');
    expect(store.getState().selectedEdge).toBeUndefined();
    expect(screen.getByTestId('workflow-inspector')).toBeInTheDocument();
    act(() => store.getState().selectEdge('a->c'));
    expect(screen.getByTestId('edge-inspector')).toHaveTextContent('no longer exists');
  });
});
