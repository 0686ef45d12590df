// @vitest-environment jsdom
// The templates outline (issue 9) against a real store: every template with
// its kind and marks, opening one, creating a DAG or steps template, setting
// the entrypoint, renaming (references follow) and deleting an unused one.
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { openDocuments } from '../../src/core';
import { entrypoint } from '../../src/core/model/pipeline';
import { rawTemplates } from '../../src/core/model/spec';
import { createEditorStore } from '../../src/store/editorStore';
import { EditorProvider } from '../../src/ui/EditorContext';
import { TemplatesOutline } from '../../src/ui/outline/TemplatesOutline';
import { TIMEOUT } from '../support/timeouts';

vi.setConfig({ testTimeout: TIMEOUT.component });

const NESTED = `apiVersion: argoproj.io/v1alpha1
kind: Workflow
metadata:
  generateName: nested-
spec:
  entrypoint: outer
  onExit: bye
  templates:
    - name: outer
      dag:
        tasks:
          - name: a
            template: inner
    - name: inner
      steps:
        - - name: s
            template: echo
    - name: echo
      container:
        image: alpine
    - name: bye
      container:
        image: alpine
    - name: spare
      container:
        image: alpine
`;

function setup() {
  const store = createEditorStore();
  store.getState().setPipeline(openDocuments(NESTED, 'n.yaml').documents[0]!.pipeline!, {
    fresh: true,
  });
  const user = userEvent.setup();
  render(
    <EditorProvider store={store}>
      <TemplatesOutline />
    </EditorProvider>,
  );
  const row = (name: string) => screen.getByTestId(`outline-${name}`);
  const names = () =>
    rawTemplates(store.getState().pipeline).map((t) => (t as { name: string }).name);
  return { store, user, row, names };
}

describe('the templates outline', () => {
  it('lists every template with its kind and marks: entry, exit handler, unused', () => {
    const { row } = setup();
    expect(within(row('outer')).getByText('dag')).toBeTruthy();
    expect(within(row('outer')).getByText('entry')).toBeTruthy();
    expect(within(row('inner')).getByText('steps')).toBeTruthy();
    expect(within(row('bye')).getByText('exit')).toBeTruthy();
    expect(within(row('spare')).getByText('unused')).toBeTruthy();
    expect(within(row('echo')).queryByText('unused')).toBeNull();
    expect(within(row('echo')).getByRole('button', { name: 'echo' }).title).toBe(
      'echo: used 1× by inner/s',
    );
  });

  it('opens a template on the canvas', async () => {
    const { store, user, row } = setup();
    expect(store.getState().pipeline.scope).toBe('outer');
    await user.click(within(row('inner')).getByRole('button', { name: 'inner' }));
    expect(store.getState().pipeline.scope).toBe('inner');
  });

  it('creates DAG and steps templates, and makes one the entrypoint', async () => {
    const { store, user, names } = setup();
    const before = names().length;
    await user.click(screen.getByRole('button', { name: '+ DAG' }));
    await user.click(screen.getByRole('button', { name: '+ Steps' }));
    expect(names()).toHaveLength(before + 2);
    await user.click(screen.getByRole('button', { name: 'Make inner the entrypoint' }));
    expect(entrypoint(store.getState().pipeline)).toBe('inner');
    store.getState().undo();
    expect(entrypoint(store.getState().pipeline)).toBe('outer');
  });

  it('renames a template and every reference follows; a bad name is refused', async () => {
    const { store, user, names } = setup();
    await user.click(screen.getByRole('button', { name: 'Rename template inner' }));
    const input = screen.getByRole('textbox', { name: 'New name for template inner' });
    await user.clear(input);
    await user.type(input, 'Bad_Name');
    expect(input.getAttribute('aria-invalid')).toBe('true');
    await user.keyboard('{Enter}');
    expect(names()).toContain('inner');
    await user.clear(input);
    await user.type(input, 'middle{Enter}');
    expect(names()).toContain('middle');
    expect(names()).not.toContain('inner');
    const outer = rawTemplates(store.getState().pipeline).find(
      (t) => (t as { name: string }).name === 'outer',
    ) as { dag: { tasks: { template: string }[] } };
    expect(outer.dag.tasks[0]!.template).toBe('middle');
  });

  it('deletes only a template nothing uses', async () => {
    const { user, row, names } = setup();
    expect(within(row('echo')).queryByRole('button', { name: /Delete/ })).toBeNull();
    await user.click(within(row('spare')).getByRole('button', { name: 'Delete template spare' }));
    expect(names()).not.toContain('spare');
  });
});
