// @vitest-environment jsdom
// The quick-add step picker against a real store: it lists the palette,
// filters as the user types, adds the chosen step as the request says
// (connected after the task an edge was dragged from), and Escape closes it.
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { findTask } from '../../../src/core';
import { scopeLayout } from '../../../src/core/model/scope';
import { createEditorStore } from '../../../src/store/editorStore';
import { EditorProvider } from '../../../src/ui/EditorContext';
import { StepPicker } from '../../../src/ui/quickadd/StepPicker';
import { TIMEOUT } from '../../support/timeouts';

vi.setConfig({ testTimeout: TIMEOUT.component });

const CONFIG = `containers:
  - name: profiler
    category: data quality
    image: pydeequ:0.1.7
  - name: busybox-shell
    category: utilities
    image: busybox:1.36
`;

// cmdk scrolls the selected item into view; jsdom has no layout.
Element.prototype.scrollIntoView ??= () => {};
globalThis.ResizeObserver ??= class {
  observe() {}
  unobserve() {}
  disconnect() {}
} as unknown as typeof ResizeObserver;

async function setup() {
  const store = createEditorStore();
  await store.getState().loadConfig(CONFIG, 'config.yaml');
  store.getState().addTask({ name: 'a', template: { name: 'echo', container: { image: 'x' } } });
  render(
    <EditorProvider store={store}>
      <StepPicker />
    </EditorProvider>,
  );
  return { store, user: userEvent.setup() };
}

const shown = () => screen.queryAllByRole('option').map((o) => o.textContent);

describe('StepPicker', () => {
  it('is closed until asked, then filters the palette as the user types', async () => {
    const { store, user } = await setup();
    expect(screen.queryByRole('dialog')).toBeNull();
    store.getState().openPicker({ screen: { x: 10, y: 10 }, at: { x: 400, y: 100 } });
    expect(await screen.findByRole('dialog', { name: 'Add a step' })).toBeInTheDocument();
    expect(shown()).toEqual(['profilerpydeequ:0.1.7', 'busybox-shellbusybox:1.36']);
    await user.keyboard('busy');
    expect(shown()).toEqual(['busybox-shellbusybox:1.36']);
  });

  it('adds the chosen step after the task the edge came from, where it was dropped', async () => {
    const { store, user } = await setup();
    store.getState().openPicker({ screen: { x: 10, y: 10 }, at: { x: 400, y: 100 }, after: 'a' });
    expect(await screen.findByRole('dialog', { name: 'Add a step after a' })).toBeInTheDocument();
    await user.keyboard('prof{Enter}');
    const p = store.getState().pipeline;
    expect(findTask(p, 'profiler')?.depends).toBe('a');
    expect(scopeLayout(p).profiler).toEqual({ x: 400, y: 100 });
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('closes on Escape without adding anything', async () => {
    const { store, user } = await setup();
    const before = store.getState().pipeline;
    store.getState().openPicker({ screen: { x: 10, y: 10 }, at: { x: 0, y: 0 } });
    await screen.findByRole('dialog');
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(store.getState().pipeline).toBe(before);
  });
});
