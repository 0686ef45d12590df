// @vitest-environment jsdom
// A note's text: simple Markdown as React elements, never HTML, so a note
// cannot run script. And a task's description in the inspector.
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { descriptionOf, notesOf } from '../../../src/core/ergonomics/notes';
import { createEditorStore } from '../../../src/store/editorStore';
import { EditorProvider } from '../../../src/ui/EditorContext';
import { NoteText } from '../../../src/ui/notes/NoteText';
import { Inspector } from '../../../src/ui/inspector/Inspector';
import { TIMEOUT } from '../../support/timeouts';

vi.setConfig({ testTimeout: TIMEOUT.component });

describe('NoteText', () => {
  it('renders headings, bullets, bold, italic and code', () => {
    const { container } = render(
      <NoteText text={'# Plan\n- **profile** first\n- then *Spark* with `--conf`\nDone.'} />,
    );
    expect(container.querySelector('.note-heading')?.textContent).toBe('Plan');
    expect([...container.querySelectorAll('li')].map((l) => l.textContent)).toEqual([
      'profile first',
      'then Spark with --conf',
    ]);
    expect(container.querySelector('strong:not(.note-heading)')?.textContent).toBe('profile');
    expect(container.querySelector('em')?.textContent).toBe('Spark');
    expect(container.querySelector('code')?.textContent).toBe('--conf');
  });

  it('shows HTML as the characters it is', () => {
    const text = '<img src=x onerror="alert(1)"><script>alert(2)</script>';
    const { container } = render(<NoteText text={text} />);
    expect(container.querySelector('img, script')).toBeNull();
    expect(container.textContent).toBe(text);
  });
});

describe('task description', () => {
  it('is edited in the inspector and kept in the annotation', async () => {
    const store = createEditorStore();
    store.getState().addTask({ name: 'a', template: { name: 'echo', container: { image: 'x' } } });
    store.getState().select(['a']);
    render(
      <EditorProvider store={store}>
        <Inspector />
      </EditorProvider>,
    );
    const user = userEvent.setup();
    await user.type(screen.getByLabelText('Description'), 'Fetches the data');
    await user.tab();
    expect(descriptionOf(store.getState().pipeline, 'main', 'a')).toBe('Fetches the data');
  });
});

describe('the workflow annotations field', () => {
  it('hides the notes annotation, and an edit there keeps the notes', async () => {
    const store = createEditorStore();
    store.getState().addTask({ name: 'a', template: { name: 'echo', container: { image: 'x' } } });
    store.getState().addNote({ x: 1, y: 2 });
    render(
      <EditorProvider store={store}>
        <Inspector />
      </EditorProvider>,
    );
    const field = screen.getByLabelText(/^Annotations/);
    expect((field as HTMLTextAreaElement).value).toBe('');
    const user = userEvent.setup();
    await user.type(field, 'team=data');
    await user.tab();
    const p = store.getState().pipeline;
    expect(p.metadata.annotations?.team).toBe('data');
    expect(notesOf(p, 'main')).toHaveLength(1);
  });
});
