// @vitest-environment jsdom
// The layout status: how long the background layout has run of its budget,
// Cancel, and what the last layout came to until dismissed. The clock is
// passed in: nothing here waits on real time.
import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { createEditorStore } from '../../src/store/editorStore';
import { EditorProvider } from '../../src/ui/EditorContext';
import { LayoutStatus } from '../../src/ui/layout/LayoutStatus';

describe('LayoutStatus', () => {
  it('shows a running layout with its time used of the budget, and Cancel calls cancel', async () => {
    const store = createEditorStore();
    const cancel = vi.fn();
    let now = 10_000;
    store.getState().setLayoutJob({
      phase: 'running',
      tasks: 1200,
      startedAt: 6_000,
      budgetMs: 20_000,
      cancel,
    });
    render(
      <EditorProvider store={store}>
        <LayoutStatus now={() => now} />
      </EditorProvider>,
    );
    const status = screen.getByTestId('layout-status');
    expect(status).toHaveTextContent(
      'Laying out 1,200 tasks in the background: 4 s of at most 20 s',
    );
    expect(screen.getByRole('progressbar')).toHaveAttribute('value', '4000');
    now = 60_000;
    act(() => store.getState().setLayoutJob({ ...store.getState().layoutJob! }));
    // Never more than the budget: the runner stops the layout there.
    expect(status).toHaveTextContent('20 s of at most 20 s');
    await userEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(cancel).toHaveBeenCalledOnce();
  });

  it('keeps what the layout came to until dismissed', async () => {
    const store = createEditorStore();
    store.getState().setLayoutJob({ phase: 'ended', message: 'Layout cancelled: nothing moved.' });
    render(
      <EditorProvider store={store}>
        <LayoutStatus />
      </EditorProvider>,
    );
    expect(screen.getByRole('status')).toHaveTextContent('Layout cancelled: nothing moved.');
    await userEvent.click(screen.getByRole('button', { name: 'Dismiss' }));
    expect(screen.queryByTestId('layout-status')).toBeNull();
    expect(store.getState().layoutJob).toBeUndefined();
  });
});
