// @vitest-environment jsdom
// The examples gallery: a pick opens a copy through the same path as Open…,
// keeps the work on the canvas aside first, and Escape closes it. The empty
// canvas offers it.
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { createEditorStore } from '../../src/store/editorStore';
import { EmptyCanvas } from '../../src/ui/canvas/EmptyCanvas';
import { EditorProvider } from '../../src/ui/EditorContext';
import ExamplesDialog from '../../src/ui/examples/ExamplesDialog';
import { ShellActionsContext } from '../../src/ui/shell/ShellActions';
import { TIMEOUT } from '../support/timeouts';

vi.setConfig({ testTimeout: TIMEOUT.component });

function gallery(withTask: boolean) {
  const store = createEditorStore();
  if (withTask)
    store.getState().addTask({
      name: 'mine',
      template: { name: 'mine', container: { image: 'busybox:1.36' } },
      position: { x: 0, y: 0 },
    });
  const onOpen = vi.fn();
  const onClose = vi.fn();
  const user = userEvent.setup();
  render(
    <EditorProvider store={store}>
      <ExamplesDialog onClose={onClose} onOpen={onOpen} />
    </EditorProvider>,
  );
  return { store, onOpen, onClose, user };
}

describe('ExamplesDialog', () => {
  it('opens a copy of the picked example and says how to get back', async () => {
    const { store, onOpen, onClose, user } = gallery(false);
    await user.click(screen.getByRole('button', { name: /Fan-out, fan-in/ }));
    await waitFor(() => expect(onOpen).toHaveBeenCalledTimes(1));
    const [text, name] = onOpen.mock.calls[0] as [string, string];
    expect(name).toBe('fan-out-fan-in.yaml');
    expect(text).toContain('withParam');
    expect(onClose).toHaveBeenCalled();
    expect(store.getState().notice?.message).toMatch(/copy of the example “Fan-out, fan-in”/);
    // nothing was on the canvas: nothing kept aside
    expect(store.getState().aside).toEqual([]);
  });

  it('keeps the work on the canvas aside before opening', async () => {
    const { store, onOpen, user } = gallery(true);
    await user.click(screen.getByRole('button', { name: /Nightly report/ }));
    await waitFor(() => expect(onOpen).toHaveBeenCalled());
    const aside = store.getState().aside;
    expect(aside).toHaveLength(1);
    expect(aside[0]!.text).toContain('name: mine');
  });

  it('closes on Escape', async () => {
    const { onClose, onOpen, user } = gallery(false);
    await user.keyboard('{Escape}');
    expect(onClose).toHaveBeenCalledTimes(1);
    expect(onOpen).not.toHaveBeenCalled();
  });
});

describe('EmptyCanvas', () => {
  it('offers the examples', async () => {
    const openExamples = vi.fn();
    const user = userEvent.setup();
    render(
      <EditorProvider store={createEditorStore()}>
        <ShellActionsContext.Provider value={{ openExamples }}>
          <EmptyCanvas />
        </ShellActionsContext.Provider>
      </EditorProvider>,
    );
    await user.click(screen.getByRole('button', { name: 'Start from an example…' }));
    expect(openExamples).toHaveBeenCalledTimes(1);
  });
});
