// @vitest-environment jsdom
// The editor's panels against a real store: palette, inspectors, problems,
// YAML and the notice. The React Flow canvas is left to the browser tests
// (jsdom cannot measure its DOM).
import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactNode } from 'react';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { findTask, findTemplate, type Template } from '../../src/core';
import { createEditorStore, type EditorStore } from '../../src/store/editorStore';
import { EditorProvider } from '../../src/ui/EditorContext';
import { Inspector } from '../../src/ui/inspector/Inspector';
import { Notice } from '../../src/ui/Notice';
import { Palette } from '../../src/ui/palette/Palette';
import { ProblemsList } from '../../src/ui/problems/ProblemsList';
import { whenValidated } from '../../src/store/validationSlice';
import { YamlPanel } from '../../src/ui/yaml/YamlPanel';
import { LARGE_CHANGE_WAIT_MS } from '../../src/ui/yaml/YamlEditor';
import { TIMEOUT, WAIT_MS } from '../support/timeouts';
import { scopeTasks } from '../../src/core/model/scope';

// React rendered in jsdom against the real store, typed into key by key: up to
// 1.3 s a test quiet, ten times that at load 20 (test/support/timeouts.ts).
vi.setConfig({ testTimeout: TIMEOUT.component });

function renderWith(store: EditorStore, ui: ReactNode) {
  const user = userEvent.setup();
  return { user, ...render(<EditorProvider store={store}>{ui}</EditorProvider>) };
}

const CONFIG = `containers:
  - name: profiler
    description: Profile a dataset with PyDeequ.
    category: data quality
    image: pydeequ:0.1.7
  - name: busybox-shell
    description: Run a shell command.
    category: utilities
    image: busybox:1.36
  - name: curl
    description: Fetch a URL.
    category: utilities
    image: curlimages/curl:8.10.1
`;

describe('Palette', () => {
  async function palette(config = CONFIG) {
    const store = createEditorStore();
    await store.getState().loadConfig(config, 'config.yaml');
    const onAdd = vi.fn();
    return { store, onAdd, ...renderWith(store, <Palette onAdd={onAdd} onOpenConfig={vi.fn()} />) };
  }
  const shownNames = () =>
    [...document.querySelectorAll('.palette-entry .entry-name')].map((n) => n.textContent);

  it('shows the entries in their groups', async () => {
    await palette();
    expect(screen.getByText('config.yaml')).toBeInTheDocument();
    // The server's templates come in a chunk of their own (issue 11).
    await screen.findByRole('heading', { level: 3, name: 'Server templates' });
    const groups = screen.getAllByRole('heading', { level: 3 });
    expect(groups.map((h) => h.textContent)).toEqual([
      'data quality',
      'utilities',
      'Server templates',
    ]);
    const utilities = groups[1]!.closest('section')!;
    expect(within(utilities).getByText('busybox-shell')).toBeInTheDocument();
    expect(within(utilities).getByText('curl')).toBeInTheDocument();
    expect(within(utilities).queryByText('profiler')).not.toBeInTheDocument();
    expect(screen.getByText('pydeequ:0.1.7')).toBeInTheDocument();
  });

  it('filters by name, image and description', async () => {
    const { user } = await palette();
    const search = screen.getByRole('searchbox', { name: 'Search steps' });

    await user.type(search, 'CURL');
    expect(shownNames()).toEqual(['curl']);

    await user.clear(search);
    await user.type(search, 'busybox:1');
    expect(shownNames()).toEqual(['busybox-shell']);

    await user.clear(search);
    await user.type(search, 'pydeequ');
    expect(shownNames()).toEqual(['profiler']);

    await user.clear(search);
    await user.type(search, 'shell command');
    expect(shownNames()).toEqual(['busybox-shell']);

    await user.clear(search);
    await user.type(search, 'nothing like this');
    expect(shownNames()).toEqual([]);
    expect(screen.getByText('No step matches.')).toBeInTheDocument();

    await user.clear(search);
    expect(shownNames()).toHaveLength(3);
  });

  it('adds the focused entry on Enter', async () => {
    const { user, onAdd } = await palette();
    screen.getByTestId('palette-curl').focus();
    await user.keyboard('{Enter}');
    expect(onAdd).toHaveBeenCalledOnce();
    expect(onAdd.mock.calls[0]![0]).toMatchObject({ id: 'curl', image: 'curlimages/curl:8.10.1' });
  });

  it('reaches entries with Tab and adds with Enter', async () => {
    const { user, onAdd } = await palette();
    await user.click(screen.getByRole('searchbox'));
    await user.tab();
    expect(screen.getByTestId('palette-profiler')).toHaveFocus();
    await user.keyboard('{Enter}');
    expect(onAdd.mock.calls[0]![0]).toMatchObject({ id: 'profiler' });
  });

  it('shows a config error with its line', async () => {
    await palette('containers:\n  - name: hello\n    imgae: alpine\n');
    const alert = screen.getByRole('alert');
    expect(alert).toHaveTextContent(/config\.yaml:3:\d+: error: .*imgae/);
    expect(screen.getByText('No palette loaded.')).toBeInTheDocument();
  });

  it('keeps the previous entries and shows why a new config was refused', async () => {
    const { store } = await palette();
    await act(async () => {
      await store
        .getState()
        .loadConfig('containers:\n  - name: x\n    image: [alpine\n', 'bad.yaml');
    });
    expect(screen.getByRole('alert')).toHaveTextContent(/bad\.yaml:\d+:\d+: error: YAML syntax/);
    expect(shownNames()).toHaveLength(3);
  });
});

const greet: Template = {
  name: 'greet',
  inputs: { parameters: [{ name: 'message' }, { name: 'count', default: '1' }] },
  container: { image: 'alpine:3.20', command: ['echo'] },
};

describe('TaskInspector', () => {
  /** A store with tasks `greet` and `other`, `greet` selected, and the inspector shown. */
  function inspector() {
    const store = createEditorStore();
    store.getState().addTask({ name: 'greet', template: greet });
    store.getState().addTask({ name: 'other', template: greet });
    store.getState().select(['greet']);
    return { store, ...renderWith(store, <Inspector />) };
  }

  it('validates the name as you type and does not commit an invalid one', async () => {
    const { store, user } = inspector();
    const before = store.getState().pipeline;
    const name = screen.getByLabelText('Name');
    expect(name).toHaveValue('greet');

    await user.clear(name);
    await user.type(name, 'bad name!');
    expect(name).toHaveAttribute('aria-invalid', 'true');
    expect(name).toHaveAccessibleDescription(/name 'bad name!' is invalid/);
    await user.keyboard('{Enter}');
    await user.tab(); // blur commits too, unless invalid
    expect(store.getState().pipeline).toBe(before);

    await user.clear(name);
    expect(name).toHaveAccessibleDescription('name is empty');

    await user.type(name, 'other');
    expect(name).toHaveAccessibleDescription("a task named 'other' already exists");
    await user.keyboard('{Enter}');
    expect(store.getState().pipeline).toBe(before);
    expect(store.getState().notice).toBeUndefined(); // refused in the field, not by the store

    await user.keyboard('{Escape}');
    expect(name).toHaveValue('greet');
    expect(name).not.toHaveAttribute('aria-invalid');
    expect(name).not.toHaveAccessibleDescription();
  });

  it('renames on Enter and keeps showing the renamed task', async () => {
    const { store, user } = inspector();
    const name = screen.getByLabelText('Name');
    await user.clear(name);
    await user.type(name, 'hello{Enter}');
    const { pipeline, selection } = store.getState();
    expect(scopeTasks(pipeline).map((t) => t.name)).toEqual(['hello', 'other']);
    expect(selection).toEqual(['hello']);
    expect(screen.getByTestId('task-inspector')).toBeInTheDocument();
    expect(screen.getByLabelText('Name')).toHaveValue('hello');

    // Undo renames back, and the field follows the document.
    act(() => store.getState().undo());
    expect(scopeTasks(store.getState().pipeline)[0]!.name).toBe('greet');
  });

  it('commits an image edit to the template', async () => {
    const { store, user } = inspector();
    const image = screen.getByLabelText('Image');
    expect(image).toHaveValue('alpine:3.20');
    expect(screen.getByText(/change all 2 tasks that run/)).toBeInTheDocument();

    await user.clear(image);
    expect(image).toHaveAccessibleDescription('an image is required');
    await user.type(image, 'busybox:1.36{Enter}');

    const template = findTemplate(store.getState().pipeline, 'greet');
    expect(template?.container).toEqual({ image: 'busybox:1.36', command: ['echo'] });
  });

  it('asks for a required parameter and commits its value', async () => {
    const { store, user } = inspector();
    const message = screen.getByLabelText('message');
    expect(message).toHaveAttribute('placeholder', 'required');
    expect(message).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByText('a value is required')).toBeInTheDocument();
    // A parameter with a default is optional.
    expect(screen.getByLabelText('count')).toHaveAttribute('placeholder', 'default: 1');
    expect(screen.getByLabelText('count')).not.toHaveAttribute('aria-invalid');

    await user.type(message, 'hi there');
    await user.tab();
    expect(screen.queryByText('a value is required')).not.toBeInTheDocument();
    expect(findTask(store.getState().pipeline, 'greet')?.arguments).toEqual({
      parameters: [{ name: 'message', value: 'hi there' }],
    });
  });
});

describe('WorkflowInspector', () => {
  it('shows schedules once the kind is CronWorkflow', async () => {
    const store = createEditorStore();
    const { user } = renderWith(store, <Inspector />);
    expect(screen.getByTestId('workflow-inspector')).toBeInTheDocument();
    expect(screen.queryByLabelText(/Schedules/)).not.toBeInTheDocument();

    await user.selectOptions(screen.getByLabelText('Kind'), 'CronWorkflow');

    expect(store.getState().pipeline.kind).toBe('CronWorkflow');
    expect(screen.getByLabelText(/Schedules/)).toHaveValue('0 * * * *');
    expect(screen.getByLabelText('Name')).toHaveValue('pipeline');

    await user.clear(screen.getByLabelText(/Schedules/));
    await user.type(screen.getByLabelText(/Schedules/), '30 2 * * *');
    await user.tab();
    expect(store.getState().pipeline.spec.schedules).toEqual(['30 2 * * *']);
  });

  it('refuses an invalid workflow name and commits a valid one', async () => {
    const store = createEditorStore();
    const { user } = renderWith(store, <Inspector />);
    const name = screen.getByLabelText('Name');
    const before = store.getState().pipeline;

    await user.type(name, 'Nightly_Run');
    expect(name).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByRole('alert')).toHaveTextContent(/lower case letters/);
    await user.keyboard('{Enter}');
    expect(store.getState().pipeline).toBe(before);

    await user.clear(name);
    await user.type(name, 'nightly-run{Enter}');
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expect(store.getState().pipeline.metadata.name).toBe('nightly-run');
  });
});

describe('ProblemsList', () => {
  it('says when there is no problem', async () => {
    // A new document's DAG has no task, which Argo refuses: give it one.
    const store = createEditorStore();
    store
      .getState()
      .addTask({ name: 'a', template: { name: 'hi', container: { image: 'alpine' } } });
    await whenValidated(store);
    renderWith(store, <ProblemsList />);
    expect(screen.getByText('No problems found.')).toBeInTheDocument();
  });

  it('lists a cycle and an unknown dependency; a click selects the task and asks for focus', async () => {
    // a <-> b (written by hand: connect refuses it), c depends on a missing task.
    const store = createEditorStore();
    const s = store.getState();
    for (const name of ['a', 'b', 'c']) s.addTask({ name, template: greet });
    s.updateTask('a', (t) => ({ ...t, depends: 'b' }));
    s.updateTask('b', (t) => ({ ...t, depends: 'a' }));
    s.updateTask('c', (t) => ({ ...t, depends: 'ghost' }));
    const { user } = renderWith(store, <ProblemsList />);

    // Validation runs after the edit, not in it: the list updates when it is done.
    const unknown = await screen.findByRole('button', { name: /dependency 'ghost' not defined/ });
    const cycle = screen.getByRole('button', { name: /dependency cycle detected/ });
    expect(unknown).toHaveTextContent('c:');

    await user.click(unknown);
    expect(store.getState().selection).toEqual(['c']);
    expect(store.getState().focus).toMatchObject({ task: 'c', field: 'depends' });
    const first = store.getState().focus!.nonce;

    await user.click(cycle);
    const cycleTask = store.getState().selection[0];
    expect(['a', 'b']).toContain(cycleTask);
    expect(store.getState().focus).toMatchObject({ task: cycleTask });
    expect(store.getState().focus!.nonce).toBeGreaterThan(first);
  });

  it('follows the document: fixing the problem removes it', async () => {
    const store = createEditorStore();
    store.getState().addTask({ name: 'c', template: greet });
    store.getState().updateTask('c', (t) => ({ ...t, depends: 'ghost' }));
    renderWith(store, <ProblemsList />);
    expect(await screen.findByText(/dependency 'ghost' not defined/)).toBeInTheDocument();
    act(() => store.getState().undo());
    await act(() => whenValidated(store));
    expect(screen.queryByText(/dependency 'ghost' not defined/)).not.toBeInTheDocument();
  });
});

describe('YamlPanel', () => {
  // CodeMirror measures text through Range rects, which jsdom does not implement.
  beforeAll(() => {
    const empty = () => new DOMRect(0, 0, 0, 0);
    Range.prototype.getBoundingClientRect ??= empty;
    Range.prototype.getClientRects ??= () => ({
      length: 0,
      item: () => null,
      [Symbol.iterator]: [][Symbol.iterator],
    });
  });

  it('shows the manifest and the errors of an invalid edit with their line', async () => {
    const store = createEditorStore();
    store.getState().addTask({ name: 'hello', template: greet });
    renderWith(store, <YamlPanel onDownload={vi.fn()} dark={false} />);

    const text = screen.getByTestId('yaml-text');
    expect(text).toHaveTextContent(/kind: Workflow/);
    expect(text.textContent).toContain('- name: hello');
    expect(text.textContent).not.toContain('studio.argoflow.io/layout');
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();

    act(() => store.getState().editYaml('not: [valid'));

    expect(await screen.findByRole('alert')).toHaveTextContent(/line \d+: /);
    // The canvas document is unchanged, so the preview still shows it.
    expect(screen.getByTestId('yaml-text').textContent).toContain('- name: hello');
  });

  it('shows the draft, not the preview, while it is invalid', async () => {
    const store = createEditorStore();
    renderWith(store, <YamlPanel onDownload={vi.fn()} dark={false} />);
    act(() => store.getState().editYaml('kind: [Workflow'));
    // The editor chunk loads lazily: its fallback, then CodeMirror, show the draft.
    const editor = await screen.findByTestId('yaml-editor');
    await vi.waitFor(() => expect(editor).toHaveTextContent('kind: [Workflow'), WAIT_MS);
    expect(screen.getByRole('alert')).toHaveTextContent(/line \d+: unexpected end/);
    // The error points past the last line (end of the text): CodeMirror marks the last line.
    await vi.waitFor(
      () => expect(editor.querySelector('.cm-lint-marker-error')).not.toBeNull(),
      WAIT_MS,
    );
    expect(editor.querySelector('.cm-lintRange-error')).toHaveTextContent('kind: [Workflow');
  });

  it('takes a whole new document into the editor at idle time, a small edit at once', async () => {
    // CodeMirror's own parser also asks for idle time: ours is the one with our wait.
    const ours: IdleRequestCallback[] = [];
    vi.stubGlobal('requestIdleCallback', (cb: IdleRequestCallback, o?: IdleRequestOptions) => {
      if (o?.timeout === LARGE_CHANGE_WAIT_MS) ours.push(cb);
      return 0;
    });
    vi.stubGlobal('cancelIdleCallback', () => {});
    try {
      const store = createEditorStore();
      renderWith(store, <YamlPanel onDownload={vi.fn()} dark={false} />);
      act(() => store.getState().editYaml('kind: [Workflow'));
      const editor = await screen.findByTestId('yaml-editor');
      await vi.waitFor(() => expect(editor).toHaveTextContent('kind: [Workflow'), WAIT_MS);
      // More than 20,000 characters at once (a file opened): waits for idle time.
      const big = `kind: [Workflow${' '.repeat(25_000)}x`;
      act(() => store.getState().editYaml(big));
      await vi.waitFor(() => expect(ours).toHaveLength(1), WAIT_MS);
      expect(editor.getAttribute('data-shown-length')).not.toBe(String(big.length));
      act(() => ours.shift()!({ didTimeout: false, timeRemaining: () => 50 }));
      expect(editor.getAttribute('data-shown-length')).toBe(String(big.length));
      // A small edit after it shows without waiting for idle time.
      act(() => store.getState().editYaml(`${big}y`));
      await vi.waitFor(
        () => expect(editor.getAttribute('data-shown-length')).toBe(String(big.length + 1)),
        WAIT_MS,
      );
      expect(ours).toHaveLength(0);
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it('calls onDownload', async () => {
    const onDownload = vi.fn();
    const { user } = renderWith(
      createEditorStore(),
      <YamlPanel onDownload={onDownload} dark={false} />,
    );
    await user.click(screen.getByRole('button', { name: 'Download' }));
    expect(onDownload).toHaveBeenCalledOnce();
  });
});

describe('Notice', () => {
  it("shows the store's notice and the dismiss button clears it", async () => {
    const store = createEditorStore();
    const { user } = renderWith(store, <Notice />);
    expect(screen.queryByTestId('notice')).not.toBeInTheDocument();

    act(() => store.getState().setNotice({ kind: 'error', message: 'Not connected: a cycle' }));
    expect(screen.getByRole('alert')).toHaveTextContent('Not connected: a cycle');

    await user.click(screen.getByRole('button', { name: 'Dismiss' }));
    expect(store.getState().notice).toBeUndefined();
    expect(screen.queryByTestId('notice')).not.toBeInTheDocument();
  });

  it('shows a refused connection from the store', () => {
    const store = createEditorStore();
    store
      .getState()
      .addTask({ name: 'a', template: { name: 'hi', container: { image: 'alpine' } } });
    renderWith(store, <Notice />);
    act(() => {
      store.getState().connect('a', 'a');
    });
    expect(screen.getByRole('alert')).toHaveTextContent('a → a');
  });

  it('lets an info notice go by itself', () => {
    vi.useFakeTimers();
    try {
      const store = createEditorStore();
      renderWith(store, <Notice />);
      act(() => store.getState().setNotice({ kind: 'info', message: 'YAML copied' }));
      expect(screen.getByRole('status')).toHaveTextContent('YAML copied');
      act(() => vi.advanceTimersByTime(3000));
      expect(store.getState().notice).toBeUndefined();
      expect(screen.queryByRole('status')).not.toBeInTheDocument();
    } finally {
      vi.useRealTimers();
    }
  });
});
