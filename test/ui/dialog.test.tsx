// @vitest-environment jsdom
// The shared Dialog: Escape closes it, Tab stays inside, focus returns to the
// opener, and editor shortcuts do not fire behind it. Then "?" searchable, and
// every toolbar button listed there.
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { createEditorStore } from '../../src/store/editorStore';
import { Dialog } from '../../src/ui/Dialog';
import { EditorProvider } from '../../src/ui/EditorContext';
import { ConnectionDialog } from '../../src/ui/run/ConnectionDialog';
import { ShortcutHelp } from '../../src/ui/toolbar/ShortcutHelp';
import { Toolbar } from '../../src/ui/toolbar/Toolbar';
import { TOOLBAR_ACTIONS } from '../../src/ui/toolbar/helpEntries';
import { TIMEOUT } from '../support/timeouts';

vi.setConfig({ testTimeout: TIMEOUT.component });

function Opener() {
  const [open, setOpen] = useState(false);
  return (
    <div>
      <button type="button" onClick={() => setOpen(true)}>
        Open it
      </button>
      {open && (
        <Dialog label="Test dialog" onClose={() => setOpen(false)}>
          <input aria-label="first" />
          <button type="button">middle</button>
          <button type="button">last</button>
        </Dialog>
      )}
    </div>
  );
}

describe('Dialog', () => {
  it('focuses inside, traps Tab, closes on Escape and gives focus back', async () => {
    const user = userEvent.setup();
    render(<Opener />);
    const opener = screen.getByRole('button', { name: 'Open it' });
    await user.click(opener);
    const dialog = screen.getByRole('dialog', { name: 'Test dialog' });
    expect(dialog).toHaveAttribute('aria-modal', 'true');
    expect(screen.getByLabelText('first')).toHaveFocus();
    await user.tab();
    await user.tab();
    expect(screen.getByRole('button', { name: 'last' })).toHaveFocus();
    await user.tab();
    expect(screen.getByLabelText('first')).toHaveFocus();
    await user.tab({ shift: true });
    expect(screen.getByRole('button', { name: 'last' })).toHaveFocus();
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(opener).toHaveFocus();
  });

  it('keeps keys from the window-level shortcuts while open', async () => {
    const user = userEvent.setup();
    const onWindowKey = vi.fn();
    const listener = () => onWindowKey();
    window.addEventListener('keydown', listener);
    try {
      render(
        <Dialog label="Quiet" onClose={() => {}}>
          <button type="button">ok</button>
        </Dialog>,
      );
      await user.keyboard('{Delete}');
      expect(onWindowKey).not.toHaveBeenCalled();
      // and React Flow's document-level keys skip anything inside `.nokey`
      expect(screen.getByRole('button', { name: 'ok' }).closest('.nokey')).not.toBeNull();
    } finally {
      window.removeEventListener('keydown', listener);
    }
  });

  it('closes the top dialog only', async () => {
    const user = userEvent.setup();
    const closeOuter = vi.fn();
    const closeInner = vi.fn();
    render(
      <>
        <Dialog label="Outer" onClose={closeOuter}>
          <button type="button">outer</button>
        </Dialog>
        <Dialog label="Inner" onClose={closeInner}>
          <button type="button">inner</button>
        </Dialog>
      </>,
    );
    await user.keyboard('{Escape}');
    expect(closeInner).toHaveBeenCalledTimes(1);
    expect(closeOuter).not.toHaveBeenCalled();
  });
});

describe('the Server dialog', () => {
  it('closes on Escape without saving', async () => {
    const user = userEvent.setup();
    const store = createEditorStore();
    const onClose = vi.fn();
    render(
      <EditorProvider store={store}>
        <ConnectionDialog onClose={onClose} />
      </EditorProvider>,
    );
    await user.type(screen.getByLabelText('Namespace'), 'x');
    await user.keyboard('{Escape}');
    expect(onClose).toHaveBeenCalledTimes(1);
    expect(store.getState().connection.namespace).not.toContain('x');
  });
});

describe('"?" help', () => {
  it('filters shortcuts and actions as you type', async () => {
    const user = userEvent.setup();
    render(<ShortcutHelp onClose={() => {}} />);
    const search = screen.getByRole('searchbox', { name: 'Search shortcuts and actions' });
    expect(search).toHaveFocus();
    await user.type(search, 'undo');
    const rows = screen.getAllByRole('row').map((r) => r.textContent);
    expect(rows.some((r) => r?.includes('Ctrl+Z'))).toBe(true);
    expect(rows.some((r) => r?.includes('Paste') || r?.includes('paste'))).toBe(false);
    await user.clear(search);
    await user.type(search, 'zzzz');
    expect(screen.getByText(/Nothing matches/)).toBeInTheDocument();
  });

  it('lists every toolbar button by the name it shows', () => {
    const noop = () => {};
    render(
      <EditorProvider store={createEditorStore()}>
        <Toolbar
          onNew={noop}
          onOpen={noop}
          onDownload={noop}
          onAutoLayout={noop}
          onFit={noop}
          onToggleTheme={noop}
          onHelp={noop}
          onConnection={noop}
          onOpenRun={noop}
          theme="light"
          onExamples={noop}
        />
      </EditorProvider>,
    );
    const listed = new Set(TOOLBAR_ACTIONS.map(([name]) => name));
    const names = screen
      .getAllByRole('button')
      .map((b) => b.getAttribute('aria-label') ?? b.textContent?.trim());
    expect(names.length).toBeGreaterThan(5);
    for (const name of names) expect(listed, `${name} is not in "?"`).toContain(name);
    for (const name of listed)
      expect(names, `"?" lists ${name}, not on the toolbar`).toContain(name);
  });
});
