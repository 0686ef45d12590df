// @vitest-environment jsdom
// Thousands of workflow parameters: the inspector shows one page of rows with
// a filter, checks names against counts computed once, and an edit touches
// one row. (5,000 rows rendered at once froze the page for 10 s, then 4 s per
// edit; the figures after the change are in docs/PERFORMANCE.md.)
import { render, screen, within } from '@testing-library/react';
import userEvent, { PointerEventsCheckLevel } from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { workflowSpec } from '../../src/core';
import {
  parameterRows,
  setArgumentParameters,
  updateArgumentParameter,
} from '../../src/core/model/workflowFields';
import { createEditorStore, type EditorStore } from '../../src/store/editorStore';
import { EditorProvider } from '../../src/ui/EditorContext';
import { Inspector } from '../../src/ui/inspector/Inspector';
import { TemplateRunForm } from '../../src/ui/run/TemplateRunForm';

const N = 5000;

function storeWithParameters(n = N): EditorStore {
  const store = createEditorStore();
  const rows = Array.from({ length: n }, (_, i) => ({ name: `p${i}`, value: `v${i}` }));
  store.getState().setPipeline(setArgumentParameters(store.getState().pipeline, rows), {
    fresh: true,
  });
  return store;
}

function renderInspector(store: EditorStore) {
  // user-event's pointer-events check reads computed styles up the tree on
  // every action, seconds per keystroke in jsdom with thousands of inputs.
  const user = userEvent.setup({ pointerEventsCheck: PointerEventsCheckLevel.Never });
  render(
    <EditorProvider store={store}>
      <Inspector />
    </EditorProvider>,
  );
  return user;
}

const shownRows = () => screen.queryAllByTestId(/^wf-parameter-\d+$/);
const parameters = (store: EditorStore) =>
  (workflowSpec(store.getState().pipeline).arguments as { parameters: object[] }).parameters;

// A 5,000-parameter store rendered in jsdom is genuinely heavy: an explicit timeout.
describe('5,000 workflow parameters', { timeout: 30_000 }, () => {
  it('shows one page of 50 rows, and Next the following 50', async () => {
    const user = renderInspector(storeWithParameters());
    expect(shownRows()).toHaveLength(50);
    const pager = screen.getByTestId('pager-parameters');
    expect(pager).toHaveTextContent('1–50 of 5,000');
    await user.click(within(pager).getByRole('button', { name: 'Next' }));
    expect(pager).toHaveTextContent('51–100 of 5,000');
    expect(shownRows()[0]).toHaveAttribute('data-testid', 'wf-parameter-50');
  });

  it('finds a row by name and edits the parameter at its place in the list', async () => {
    const store = storeWithParameters();
    const user = renderInspector(store);
    // Queried inside the pager: a label query over the whole inspector takes seconds in jsdom.
    const pager = within(screen.getByTestId('pager-parameters'));
    await user.type(pager.getByLabelText('Find parameters by name'), 'p4321');
    expect(shownRows()).toHaveLength(1);
    const row = within(screen.getByTestId('wf-parameter-4321'));
    await user.clear(row.getByLabelText('Value'));
    await user.type(row.getByLabelText('Value'), 'changed{Enter}');
    expect(parameters(store)[4321]).toEqual({ name: 'p4321', value: 'changed' });
    expect(parameters(store)).toHaveLength(N);
  });

  it('refuses a name another parameter has, anywhere in the list', async () => {
    const user = renderInspector(storeWithParameters());
    const row = within(screen.getByTestId('wf-parameter-3'));
    await user.clear(row.getByLabelText('Parameter name'));
    await user.type(row.getByLabelText('Parameter name'), 'p4999');
    expect(row.getByRole('alert')).toHaveTextContent("a parameter named 'p4999' already exists");
    await user.clear(row.getByLabelText('Parameter name'));
    await user.type(row.getByLabelText('Parameter name'), 'p3');
    expect(row.queryByRole('alert')).toBeNull();
  });

  it('Add parameter shows the last page with the new row', async () => {
    const store = storeWithParameters();
    const user = renderInspector(store);
    await user.click(screen.getByRole('button', { name: 'Add parameter' }));
    expect(parameters(store)).toHaveLength(N + 1);
    expect(screen.getByTestId('pager-parameters')).toHaveTextContent('5,001–5,001 of 5,001');
    expect(
      within(screen.getByTestId(`wf-parameter-${N}`)).getByLabelText('Parameter name'),
    ).toHaveValue('param');
  });

  it('a short list has no pager', () => {
    renderInspector(storeWithParameters(3));
    expect(shownRows()).toHaveLength(3);
    expect(screen.queryByTestId('pager-parameters')).toBeNull();
  });
});

describe('parameter rows', () => {
  it('keep their identity when their parameter did not change, so an edit re-renders one row', () => {
    const store = storeWithParameters(100);
    const before = parameterRows(workflowSpec(store.getState().pipeline).arguments);
    const next = updateArgumentParameter(store.getState().pipeline, 7, { value: 'x' });
    const after = parameterRows(workflowSpec(next).arguments);
    expect(after[7]).toEqual({ name: 'p7', value: 'x' });
    expect(after.filter((row, i) => row !== before[i]).map((row) => row.name)).toEqual(['p7']);
  });
});

describe(
  'running a stored WorkflowTemplate with thousands of parameters',
  { timeout: 30_000 },
  () => {
    it('shows a page of fields, finds one by name, and submits every value by name', async () => {
      const store = storeWithParameters();
      const names = ['constructor', ...Array.from({ length: N - 1 }, (_, i) => `p${i + 1}`)];
      store.getState().setPipeline(
        setArgumentParameters(
          store.getState().pipeline,
          names.map((name) => ({ name, value: 'x' })),
        ),
        { fresh: true },
      );
      const submit = vi.fn(async (_parameters: Record<string, string>) => {});
      store.setState({ submitFromTemplate: submit });
      const user = userEvent.setup({ pointerEventsCheck: PointerEventsCheckLevel.Never });
      const { container } = render(
        <EditorProvider store={store}>
          <TemplateRunForm />
        </EditorProvider>,
      );
      expect(container.querySelectorAll('input[name^="run-"]')).toHaveLength(50);
      const pager = within(screen.getByTestId('pager-template parameters'));
      await user.type(pager.getByLabelText('Find template parameters by name'), 'p4999');
      const field = container.querySelector<HTMLInputElement>('input[name="run-p4999"]')!;
      await user.clear(field);
      await user.type(field, 'chosen');
      await user.click(screen.getByRole('button', { name: 'Run from template' }));
      const sent = submit.mock.calls[0]![0];
      expect(Object.keys(sent)).toHaveLength(N);
      expect(sent.p4999).toBe('chosen');
      expect(Object.hasOwn(sent, 'constructor') && sent.constructor).toBe('x');
    });
  },
);
