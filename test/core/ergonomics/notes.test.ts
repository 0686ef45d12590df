// Sticky notes, task descriptions, and renames typed in the YAML panel.
import { describe, expect, it } from 'vitest';
import {
  createPipeline,
  exportDocument,
  findTask,
  openDocuments,
  templates,
  withTemplates,
  type Task,
} from '../../../src/core';
import {
  DESCRIPTIONS_ANNOTATION,
  NOTES_ANNOTATION,
  descriptionOf,
  newNoteId,
  notesOf,
  withDescription,
  withNote,
  withoutNote,
} from '../../../src/core/ergonomics/notes';
import { carryYamlRenames, renamedTasks } from '../../../src/core/ergonomics/yamlRenames';
import { scopeLayout } from '../../../src/core/model/scope';
import { layoutOf } from '../../../src/core/model/layout';
import { withTasks } from '../../support/scope';

const t = (name: string, fields: Partial<Task> = {}): Task => ({
  name,
  template: 'echo',
  ...fields,
});
const base = () => {
  const p = createPipeline({ name: 'wf' });
  return withTasks(
    withTemplates(p, [...templates(p), { name: 'echo', container: { image: 'alpine' } }]),
    [t('a'), t('b', { depends: 'a' })],
    layoutOf([
      ['a', { x: 10, y: 20 }],
      ['b', { x: 300, y: 20 }],
    ]),
  );
};
const note = {
  id: 'note-1',
  x: 1,
  y: 2,
  width: 200,
  height: 100,
  text: '**Why** this',
  colour: 'blue' as const,
};

describe('notes', () => {
  it('survive export and open as one annotation, the manifest otherwise unchanged', () => {
    const p = withNote(base(), 'main', note);
    const text = exportDocument(p);
    expect(text).toContain(NOTES_ANNOTATION);
    const back = openDocuments(text).documents[0]!.pipeline!;
    expect(notesOf(back, 'main')).toEqual([note]);
    expect(exportDocument(back)).toBe(text);
  });

  it('change, get new ids and go away with the last one', () => {
    let p = withNote(base(), 'main', note);
    expect(newNoteId(p, 'main')).toBe('note-2');
    p = withNote(p, 'main', { ...note, text: 'edited' });
    expect(notesOf(p, 'main').map((n) => n.text)).toEqual(['edited']);
    p = withoutNote(p, 'main', 'note-1');
    expect(p.metadata.annotations?.[NOTES_ANNOTATION]).toBeUndefined();
  });

  it('read damaged JSON or entries as nothing rather than failing', () => {
    const p = base();
    const broken = {
      ...p,
      metadata: { ...p.metadata, annotations: { [NOTES_ANNOTATION]: '{oops' } },
    };
    expect(notesOf(broken, 'main')).toEqual([]);
    const odd = {
      ...p,
      metadata: {
        ...p.metadata,
        annotations: { [NOTES_ANNOTATION]: JSON.stringify({ main: [null, { text: 'x' }] }) },
      },
    };
    expect(notesOf(odd, 'main')).toEqual([
      { id: 'note-2', x: 0, y: 0, width: 200, height: 120, text: 'x', colour: 'yellow' },
    ]);
  });
});

describe('descriptions', () => {
  it('are kept per template and task, names like __proto__ included', () => {
    let p = withDescription(base(), 'main', 'a', 'Fetches the data');
    p = withDescription(p, 'main', '__proto__', 'odd name');
    expect(descriptionOf(p, 'main', 'a')).toBe('Fetches the data');
    expect(descriptionOf(p, 'main', '__proto__')).toBe('odd name');
    expect(descriptionOf(p, 'main', 'constructor')).toBe('');
    p = withDescription(withDescription(p, 'main', 'a', ''), 'main', '__proto__', '');
    expect(p.metadata.annotations?.[DESCRIPTIONS_ANNOTATION]).toBeUndefined();
  });
});

describe('renames typed in the YAML', () => {
  it('are found by place, and not when tasks were added or swapped', () => {
    expect(renamedTasks([t('a'), t('b')], [t('x'), t('b')])).toEqual(new Map([['a', 'x']]));
    expect(renamedTasks([t('a'), t('b')], [t('b'), t('a')]).size).toBe(0);
    expect(renamedTasks([t('a')], [t('a'), t('b')]).size).toBe(0);
  });

  it('keep the position, the description and the references', () => {
    const before = withDescription(base(), 'main', 'a', 'first');
    const typed = exportDocument(before).replace('- name: a\n', '- name: fetch\n');
    const after = openDocuments(typed).documents[0]!.pipeline!;
    const carried = carryYamlRenames(before, { ...after, scope: before.scope });
    expect(scopeLayout(carried).fetch).toEqual({ x: 10, y: 20 });
    expect(scopeLayout(carried).a).toBeUndefined();
    expect(findTask(carried, 'b')?.depends).toBe('fetch');
    expect(descriptionOf(carried, 'main', 'fetch')).toBe('first');
  });
});
