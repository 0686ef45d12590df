// @vitest-environment jsdom
// The panels of issue 12 against a real store: the submit form (enum as a
// dropdown, description as help, a required value, remembered values), the
// server templates in the palette (search, the cluster note), the runs panel
// and compare view from store state, and the simulation panel (a task marked
// failing changes the run). Network calls are not made here: the store's
// state is set as the slices would set it (the slices have tests of their own).
import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactNode } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createPipeline } from '../../src/core';
import { libraryGroups } from '../../src/core/library';
import { setServerTemplates } from '../../src/core/library/templateRefs';
import { createEditorStore, type EditorStore } from '../../src/store/editorStore';
import { EditorProvider } from '../../src/ui/EditorContext';
import { Palette } from '../../src/ui/palette/Palette';
import { CompareView } from '../../src/ui/run/CompareView';
import { RunPanel } from '../../src/ui/run/RunPanel';
import { RunsPanel } from '../../src/ui/run/RunsPanel';
import { SubmitForm } from '../../src/ui/run/SubmitForm';
import { MemoryStorage } from '../support/storageDoubles';
import { TIMEOUT } from '../support/timeouts';

vi.setConfig({ testTimeout: TIMEOUT.component });
afterEach(() => setServerTemplates(undefined));

function renderWith(store: EditorStore, ui: ReactNode) {
  const user = userEvent.setup();
  return { user, ...render(<EditorProvider store={store}>{ui}</EditorProvider>) };
}

function withArguments(storage = new MemoryStorage()) {
  const store = createEditorStore({ localStorage: storage });
  const p = createPipeline({ generateName: 'report-' });
  store.getState().setPipeline(
    {
      ...p,
      spec: {
        ...p.spec,
        arguments: {
          parameters: [
            {
              name: 'env',
              value: 'dev',
              enum: ['dev', 'prod'],
              description: 'Where the report goes',
            },
            { name: 'day' },
          ],
        },
        templates: [
          ...(p.spec.templates as object[]),
          { name: 'other', container: { image: 'a' } },
        ],
      },
    },
    { fresh: true },
  );
  return store;
}

describe('SubmitForm', () => {
  it('an enum is a dropdown, a description is help; a missing value is refused; values are submitted', async () => {
    const store = withArguments();
    const submit = vi.fn(async () => {});
    store.setState({ submit });
    const onClose = vi.fn();
    const { user } = renderWith(store, <SubmitForm onClose={onClose} />);
    const env = screen.getByLabelText('env') as HTMLSelectElement;
    expect(env.tagName).toBe('SELECT');
    expect([...env.options].map((o) => o.value)).toEqual(['dev', 'prod']);
    expect(screen.getByText('Where the report goes')).toBeInTheDocument();
    await user.click(screen.getByTestId('submit-form-submit'));
    expect(screen.getByRole('alert')).toHaveTextContent('parameter day needs a value');
    expect(submit).not.toHaveBeenCalled();

    await user.selectOptions(env, 'prod');
    await user.type(screen.getByLabelText(/^day/), 'mon');
    await user.selectOptions(screen.getByLabelText('Entrypoint'), 'other');
    await user.type(screen.getByLabelText('Labels to add'), 'team=data');
    await user.click(screen.getByTestId('submit-form-submit'));
    expect(onClose).toHaveBeenCalled();
    expect(submit).toHaveBeenCalledWith({
      parameters: expect.objectContaining({ env: 'prod', day: 'mon' }),
      entrypoint: 'other',
      labels: expect.objectContaining({ team: 'data' }),
    });
  });

  it('remember these values: they come back next time, for this workflow', async () => {
    const storage = new MemoryStorage();
    const store = withArguments(storage);
    store.setState({ submit: vi.fn(async () => {}) });
    const first = renderWith(store, <SubmitForm onClose={vi.fn()} />);
    await first.user.type(screen.getByLabelText(/^day/), 'fri');
    await first.user.click(screen.getByLabelText(/Remember these values/));
    await first.user.click(screen.getByTestId('submit-form-submit'));
    first.unmount();
    renderWith(store, <SubmitForm onClose={vi.fn()} />);
    expect(screen.getByLabelText(/^day/)).toHaveValue('fri');
    expect(screen.getByLabelText(/Remember these values/)).toBeChecked();
  });
});

describe('server templates in the palette', () => {
  const lib = (name: string) => ({
    metadata: { name },
    spec: {
      templates: [
        {
          name: 'extract',
          inputs: { parameters: [{ name: 'source' }] },
          container: { image: 'a' },
        },
        {
          name: 'train',
          outputs: { parameters: [{ name: 'model' }] },
          script: { image: 'p', source: '' },
        },
      ],
    },
  });

  it('lists each template with its inputs and outputs, searchable, with the cluster note', async () => {
    const store = createEditorStore();
    store.setState({
      token: 't',
      loadLibrary: vi.fn(async () => {}),
      library: {
        status: 'loaded',
        groups: libraryGroups([lib('etl')], false),
        clusterGroups: [],
        clusterNote:
          'This token may not list ClusterWorkflowTemplates (403); only the namespace’s WorkflowTemplates are shown.',
        version: 1,
      },
    });
    const onAdd = vi.fn();
    const { user } = renderWith(store, <Palette onAdd={onAdd} onOpenConfig={vi.fn()} />);
    const section = await screen.findByTestId('library');
    expect(within(section).getByText('in: source*')).toBeInTheDocument();
    expect(within(section).getByText('out: model')).toBeInTheDocument();
    expect(within(section).getByText(/may not list ClusterWorkflowTemplates/)).toBeInTheDocument();
    await user.type(screen.getByRole('searchbox'), 'train');
    expect(within(section).queryByText('extract')).not.toBeInTheDocument();
    within(section).getByText('train').closest('li')!.focus();
    await user.keyboard('{Enter}');
    expect(onAdd).toHaveBeenCalledWith({ id: 'ref:ns:etl:train' });
  });
});

describe('runs and compare', () => {
  it('lists runs with phase, archive mark and duration; two ticked compare', async () => {
    const store = createEditorStore();
    const compareRuns = vi.fn(async () => {});
    const run = (name: string, phase: string, archived = false) => ({
      name,
      uid: name,
      phase,
      archived,
      startedAt: '2026-01-01T10:00:00Z',
      finishedAt: '2026-01-01T10:01:05Z',
      durationSeconds: 65,
      parameters: {},
    });
    store.setState({
      loadRuns: vi.fn(async () => {}),
      compareRuns,
      runs: {
        status: 'loaded',
        items: [run('r-2', 'Failed'), run('r-1', 'Succeeded', true)],
        more: true,
        phases: [],
      },
    });
    const { user } = renderWith(store, <RunsPanel />);
    await user.click(screen.getByText('Runs of this workflow'));
    const table = screen.getByTestId('runs-table');
    expect(within(table).getAllByText(/1m 5s/)).toHaveLength(2);
    expect(within(table).getByText('(archived)')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Load more' })).toBeInTheDocument();
    await user.click(screen.getByLabelText('Compare r-2'));
    await user.click(screen.getByLabelText('Compare r-1'));
    await user.click(screen.getByRole('button', { name: 'Compare' }));
    expect(compareRuns).toHaveBeenCalledWith(
      expect.objectContaining({ name: 'r-2' }),
      expect.objectContaining({ name: 'r-1' }),
    );
  });

  it('the compare view marks phase changes and signs the duration difference', () => {
    const store = createEditorStore();
    const task = (phase: string) => ({ phase, nodeId: 'n', podName: 'p' });
    store.setState({
      compare: {
        a: { name: 'r-1', phase: 'Succeeded', archived: false, parameters: {} },
        b: { name: 'r-2', phase: 'Failed', archived: false, parameters: {} },
        result: {
          a: { name: 'r-1', phase: 'Succeeded', tasks: new Map() },
          b: { name: 'r-2', phase: 'Failed', tasks: new Map() },
          rows: [
            {
              task: 'a',
              a: task('Succeeded'),
              b: task('Succeeded'),
              aSeconds: 10,
              bSeconds: 70,
              deltaSeconds: 60,
              phaseChanged: false,
            },
            { task: 'b', a: task('Succeeded'), b: task('Failed'), phaseChanged: true },
          ],
        },
      },
    });
    renderWith(store, <CompareView />);
    const rows = within(screen.getByTestId('compare-table')).getAllByRole('row').slice(2);
    expect(rows[0]).toHaveTextContent('+1m 0s');
    expect(rows[1]).toHaveClass('changed');
  });
});

describe('simulation panel', () => {
  it('choosing how the selected task ends re-runs the simulation on the spot', async () => {
    const store = createEditorStore();
    const s = store.getState();
    s.addTask({ name: 'a', template: { name: 'pass', container: { image: 'b' } } });
    s.addTask({ name: 'b', fields: { template: 'pass', depends: 'a' } });
    await s.startSimulation();
    s.select(['a']);
    const { user } = renderWith(store, <RunPanel />);
    expect(screen.getByTestId('run-phase')).toHaveTextContent('Succeeded');
    await user.selectOptions(screen.getByTestId('sim-outcome'), 'Failed');
    expect(screen.getByTestId('run-phase')).toHaveTextContent('Failed');
    expect(store.getState().run?.state.tasks.get('b')?.phase).toBe('Omitted');
    expect(screen.getByTestId('sim-node-b')).toHaveAttribute('data-phase', 'Omitted');
    await user.click(screen.getByRole('button', { name: 'To the start' }));
    expect(screen.getByTestId('sim-step')).toHaveTextContent('step 0 of 2');
    await act(async () => store.getState().stopSimulation());
    expect(screen.queryByTestId('simulation')).not.toBeInTheDocument();
  });
});
