// @vitest-environment jsdom
// The window's dividers and side panels (src/ui/shell): the keyboard on a
// divider (arrows, Home, End, Enter folds and unfolds), double-click back to
// the default, the hide buttons and rails, and the sizes and folds remembered
// under argoflow.view.layout.* (a storage that throws is not an error).
// jsdom lays nothing out, so the containers measure 0: the arrow step is its
// floor (10 px) and the largest size is the saved or default one. Dragging and
// the limits as a share of the window are checked in a browser (e2e/layout.spec.ts).
import { fireEvent, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Workspace } from '../../src/ui/shell/Workspace';
import { TIMEOUT } from '../support/timeouts';

vi.setConfig({ testTimeout: TIMEOUT.component });

const renderWorkspace = () =>
  render(
    <Workspace
      sidebar={<input aria-label="palette filter" />}
      centre={<div>canvas</div>}
      inspector={<div>inspector</div>}
      yaml={<div>yaml</div>}
      side={<div>problems</div>}
    />,
  );

const divider = (name: string) => screen.getByRole('separator', { name });
const now = (name: string) => Number(divider(name).getAttribute('aria-valuenow'));
const saved = (id: string) => JSON.parse(localStorage.getItem(`argoflow.view.layout.${id}`)!);

describe('the workspace', () => {
  beforeEach(() => localStorage.clear());
  afterEach(() => vi.restoreAllMocks());

  it('has a focusable separator per divider, naming the pane it resizes', () => {
    renderWorkspace();
    const names = screen.getAllByRole('separator').map((s) => s.getAttribute('aria-label'));
    expect(names).toEqual([
      'Resize the palette',
      'Resize the YAML panel',
      'Resize the problems and runs',
      'Resize the inspector',
    ]);
    const palette = divider('Resize the palette');
    expect(palette).toHaveAttribute('tabindex', '0');
    expect(palette).toHaveAttribute('aria-controls', 'pane-sidebar');
    expect(palette).toHaveAttribute('aria-orientation', 'vertical');
    expect(palette).toHaveAttribute('aria-valuenow', '240');
    expect(palette).toHaveAttribute('aria-valuemin', '28');
    expect(divider('Resize the YAML panel')).toHaveAttribute('aria-orientation', 'horizontal');
    expect(document.getElementById('pane-sidebar')).toHaveStyle({ width: '240px' });
  });

  it('moves with the arrow keys and Home, and goes back to the default on double-click', async () => {
    const user = userEvent.setup();
    renderWorkspace();
    divider('Resize the palette').focus();
    await user.keyboard('{ArrowRight}{ArrowRight}');
    expect(now('Resize the palette')).toBe(260);
    expect(saved('pane-sidebar')).toEqual({ size: 260, collapsed: false });
    await user.keyboard('{Home}');
    expect(now('Resize the palette')).toBe(160);
    // The inspector is on the right: ArrowLeft widens it.
    divider('Resize the inspector').focus();
    await user.keyboard('{ArrowLeft}');
    expect(now('Resize the inspector')).toBe(310);
    await user.keyboard('{ArrowRight}{ArrowRight}{ArrowRight}');
    expect(now('Resize the inspector')).toBe(280);
    // The YAML panel is below: ArrowUp makes it taller.
    divider('Resize the YAML panel').focus();
    await user.keyboard('{ArrowUp}');
    expect(now('Resize the YAML panel')).toBe(270);
    fireEvent.doubleClick(divider('Resize the YAML panel'));
    expect(now('Resize the YAML panel')).toBe(260);
    // The problems pane does not fold: Home stops at its minimum.
    divider('Resize the problems and runs').focus();
    await user.keyboard('{Home}{ArrowRight}{Enter}');
    expect(now('Resize the problems and runs')).toBe(180);
  });

  it('Enter folds a side panel to its rail and back, keeping its content mounted', async () => {
    const user = userEvent.setup();
    renderWorkspace();
    await user.type(screen.getByLabelText('palette filter'), 'spark');
    divider('Resize the palette').focus();
    await user.keyboard('{ArrowRight}{Enter}');
    expect(now('Resize the palette')).toBe(28);
    expect(screen.getByRole('button', { name: 'Show the palette' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Hide the palette' })).toBeNull();
    expect(document.getElementById('pane-sidebar-content')).not.toBeVisible();
    expect(saved('pane-sidebar')).toEqual({ size: 250, collapsed: true });
    await user.keyboard('{Enter}');
    expect(now('Resize the palette')).toBe(250);
    expect(screen.getByLabelText('palette filter')).toHaveValue('spark');
  });

  it('an arrow past the minimum folds, and the other way unfolds', async () => {
    const user = userEvent.setup();
    renderWorkspace();
    divider('Resize the palette').focus();
    await user.keyboard('{Home}{ArrowLeft}');
    expect(now('Resize the palette')).toBe(28);
    await user.keyboard('{ArrowRight}');
    expect(now('Resize the palette')).toBe(160);
  });

  it('the hide buttons fold, the rails unfold, and folds survive a reload', async () => {
    const user = userEvent.setup();
    const { unmount } = renderWorkspace();
    await user.click(screen.getByRole('button', { name: 'Hide the inspector' }));
    await user.click(screen.getByRole('button', { name: 'Hide the YAML and problems' }));
    expect(document.getElementById('pane-bottom')).toHaveStyle({ height: '28px' });
    unmount();
    renderWorkspace();
    expect(now('Resize the inspector')).toBe(28);
    await user.click(screen.getByRole('button', { name: 'Show the inspector' }));
    expect(now('Resize the inspector')).toBe(300);
    expect(screen.getByRole('button', { name: 'Show the YAML and problems' })).toBeInTheDocument();
  });

  it('starts from the defaults when the saved sizes are unreadable, and never throws on a full storage', async () => {
    localStorage.setItem('argoflow.view.layout.pane-sidebar', '{not json');
    localStorage.setItem('argoflow.view.layout.pane-inspector', '{"size":"wide"}');
    const user = userEvent.setup();
    renderWorkspace();
    expect(now('Resize the palette')).toBe(240);
    expect(now('Resize the inspector')).toBe(300);
    vi.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {
      throw new DOMException('full', 'QuotaExceededError');
    });
    divider('Resize the palette').focus();
    await user.keyboard('{ArrowRight}');
    expect(now('Resize the palette')).toBe(250);
  });
});
