// @vitest-environment jsdom
// Focus mode and the minimap switch: Shift+F and the Focus button toggle focus
// mode, Escape leaves it (not while typing), and the minimap choice is
// remembered in localStorage under argoflow.view.*.
import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ReactFlowProvider } from '@xyflow/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { useView } from '../../src/ui/shell/useView';
import { ViewControls } from '../../src/ui/shell/ViewControls';
import { TIMEOUT } from '../support/timeouts';

vi.setConfig({ testTimeout: TIMEOUT.component });

function Harness() {
  const view = useView();
  return (
    <ReactFlowProvider>
      <div data-testid="state" data-focus={view.focus} data-minimap={view.minimap} />
      <input aria-label="a field" />
      <ViewControls view={view} />
    </ReactFlowProvider>
  );
}

const state = () => screen.getByTestId('state');

describe('view switches', () => {
  beforeEach(() => localStorage.clear());

  it('Shift+F enters focus mode, Escape leaves; typing in a field does neither', async () => {
    const user = userEvent.setup();
    render(<Harness />);
    await user.keyboard('{Shift>}F{/Shift}');
    expect(state()).toHaveAttribute('data-focus', 'true');
    expect(screen.getByRole('button', { name: 'Focus mode' })).toHaveAttribute(
      'aria-pressed',
      'true',
    );
    await user.click(screen.getByLabelText('a field'));
    await user.keyboard('{Escape}');
    expect(state()).toHaveAttribute('data-focus', 'true');
    await user.keyboard('{Shift>}F{/Shift}');
    expect(state()).toHaveAttribute('data-focus', 'true');
    act(() => (document.activeElement as HTMLElement).blur());
    await user.keyboard('{Escape}');
    expect(state()).toHaveAttribute('data-focus', 'false');
  });

  it('the Focus mode button toggles it', async () => {
    const user = userEvent.setup();
    render(<Harness />);
    await user.click(screen.getByRole('button', { name: 'Focus mode' }));
    expect(state()).toHaveAttribute('data-focus', 'true');
    await user.click(screen.getByRole('button', { name: 'Focus mode' }));
    expect(state()).toHaveAttribute('data-focus', 'false');
  });

  it('remembers the minimap hidden', async () => {
    const user = userEvent.setup();
    const { unmount } = render(<Harness />);
    expect(state()).toHaveAttribute('data-minimap', 'true');
    await user.click(screen.getByRole('button', { name: 'Minimap' }));
    expect(state()).toHaveAttribute('data-minimap', 'false');
    expect(localStorage.getItem('argoflow.view.minimap')).toBe('false');
    unmount();
    render(<Harness />);
    expect(state()).toHaveAttribute('data-minimap', 'false');
    expect(screen.getByRole('button', { name: 'Minimap' })).toHaveAttribute(
      'aria-pressed',
      'false',
    );
  });
});
