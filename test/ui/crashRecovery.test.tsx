// @vitest-environment jsdom
// The whole editor in jsdom, fed documents that took it down (issue 8):
// whatever the core or a panel does with them, the editor stays up, a failed
// panel says what failed and offers a way back, and nothing is lost.
import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Template } from '../../src/core';
import { createEditorStore, type EditorStore } from '../../src/store/editorStore';
import { App } from '../../src/ui/App';
import { ErrorBoundary } from '../../src/ui/ErrorBoundary';
import { HOSTILE_DOCUMENTS, PARAMETERS_OPEN } from '../support/hostileDocuments';
import { scopeTasks } from '../../src/core/model/scope';

// A panel that fails to render on some documents, as a UI defect would: the
// problems list throws whenever the workflow has a task named `boom`, the
// inspector whenever the task `fragile` is there and selected.
vi.mock('../../src/ui/problems/ProblemsList', async (original) => {
  const real = await original<typeof import('../../src/ui/problems/ProblemsList')>();
  const { useEditor } = await import('../../src/ui/EditorContext');
  return {
    ProblemsList() {
      const boom = useEditor((s) => scopeTasks(s.pipeline).some((t) => t.name === 'boom'));
      if (boom) throw new TypeError("Cannot read properties of null (reading 'value')");
      return real.ProblemsList();
    },
  };
});
vi.mock('../../src/ui/inspector/Inspector', async (original) => {
  const real = await original<typeof import('../../src/ui/inspector/Inspector')>();
  const { useEditor } = await import('../../src/ui/EditorContext');
  return {
    Inspector() {
      const fragile = useEditor(
        (s) =>
          s.selection.includes('fragile') &&
          scopeTasks(s.pipeline).some((t) => t.name === 'fragile'),
      );
      if (fragile) throw new Error('the inspector broke on fragile');
      return real.Inspector();
    },
  };
});

const echo: Template = { name: 'echo', container: { image: 'alpine:3.20' } };

beforeAll(() => {
  // React Flow measures with ResizeObserver, which jsdom lacks.
  globalThis.ResizeObserver ??= class {
    observe() {}
    unobserve() {}
    disconnect() {}
  } as unknown as typeof ResizeObserver;
});
beforeEach(() => {
  vi.spyOn(console, 'error').mockImplementation(() => {});
});
afterEach(() => {
  vi.restoreAllMocks();
});

/** The editor rendered, once its lazily loaded inspector has arrived. */
async function editor(store: EditorStore = createEditorStore()) {
  render(
    <ErrorBoundary onReload={() => {}}>
      <App store={store} />
    </ErrorBoundary>,
  );
  await screen.findByRole('complementary', { name: 'Inspector' });
  return store;
}

/** The editor is up: no top-level failure, and its panels are there. */
function expectEditorUp() {
  expect(screen.queryByText('Something went wrong')).not.toBeInTheDocument();
  expect(screen.getByRole('toolbar', { name: 'Editor' })).toBeInTheDocument();
  expect(screen.getByRole('region', { name: 'YAML' })).toBeInTheDocument();
}

// The whole editor rendering in jsdom is heavy on a loaded machine: generous timeouts.
describe('hostile documents typed into the YAML panel', { timeout: 60_000 }, () => {
  for (const [name, text] of Object.entries(HOSTILE_DOCUMENTS)) {
    it(`${name}: the editor stays up and the text is kept`, async () => {
      const store = await editor();
      act(() => store.getState().editYaml(PARAMETERS_OPEN));
      act(() => store.getState().editYaml(text));
      expectEditorUp();
      expect(store.getState().yamlDraft).toBe(text);
      // Select every task too: the inspector must survive them.
      act(() => store.getState().select(scopeTasks(store.getState().pipeline).map((t) => t.name)));
      act(() => store.getState().select([scopeTasks(store.getState().pipeline)[0]?.name ?? '']));
      expectEditorUp();
    });
  }
});

describe('a panel that fails to render', { timeout: 60_000 }, () => {
  it('after a change: the change is undone, kept aside for download, and the panel comes back', async () => {
    const store = await editor();
    act(() => {
      store.getState().addTask({ name: 'a', template: echo, position: { x: 0, y: 0 } });
    });
    act(() => {
      store.getState().addTask({ name: 'boom', template: echo, position: { x: 0, y: 0 } });
    });
    expectEditorUp();
    expect(scopeTasks(store.getState().pipeline).map((t) => t.name)).toEqual(['a']);
    expect(screen.getByTestId('notice')).toHaveTextContent(
      "The last change made the problems list fail (Cannot read properties of null (reading 'value')). It was undone",
    );
    // The problems list is back, on the restored document.
    expect(screen.getByRole('region', { name: 'Problems' })).toBeInTheDocument();
    const kept = within(screen.getByRole('region', { name: 'Kept aside' }));
    expect(kept.getByText(/the problems list failed on this document/)).toBeInTheDocument();
    expect(store.getState().aside[0]!.text).toContain('name: boom');
  });

  it('on the document as it is: that panel says so and offers a way back; the rest works', async () => {
    const user = userEvent.setup();
    const store = await editor();
    act(() => {
      store.getState().addTask({ name: 'fragile', template: echo, position: { x: 0, y: 0 } });
    });
    const before = store.getState().pipeline;
    act(() => store.getState().select(['fragile']));
    const failed = screen.getByRole('alert', { name: 'The inspector failed' });
    expect(failed).toHaveTextContent('The inspector could not be shown.');
    expect(failed).toHaveTextContent('the inspector broke on fragile');
    expect(store.getState().pipeline).toBe(before);
    expectEditorUp();
    expect(screen.getByRole('region', { name: 'Problems' })).toBeInTheDocument();

    // Trying again while the cause remains fails again; selecting something else brings it back.
    await user.click(within(failed).getByRole('button', { name: 'Try again' }));
    expect(screen.getByRole('alert', { name: 'The inspector failed' })).toBeInTheDocument();
    act(() => store.getState().select([]));
    expect(screen.queryByRole('alert', { name: 'The inspector failed' })).not.toBeInTheDocument();
    expect(screen.getByRole('complementary', { name: 'Inspector' })).toBeInTheDocument();
  });

  it('offers Undo, which undoes the last change and tries again', async () => {
    const user = userEvent.setup();
    const store = await editor();
    act(() => {
      store.getState().addTask({ name: 'fragile', template: echo, position: { x: 0, y: 0 } });
    });
    act(() => store.getState().select(['fragile']));
    await user.click(screen.getByRole('button', { name: 'Undo last change' }));
    expect(scopeTasks(store.getState().pipeline)).toEqual([]);
    expect(screen.queryByRole('alert', { name: 'The inspector failed' })).not.toBeInTheDocument();
  });
});
