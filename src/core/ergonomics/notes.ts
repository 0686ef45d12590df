/**
 * Sticky notes and task descriptions: editor-only text that rides in the
 * manifest's metadata annotations, like the layout. Argo has no field for
 * either (`workflows.argoproj.io/description` describes a whole Workflow, not
 * a task), so each is one JSON annotation keyed by template:
 *
 *   studio.argoflow.io/notes:        {"main": [{"id": "n1", "x": 0, ...}]}
 *   studio.argoflow.io/descriptions: {"main": {"train": "Fits the model"}}
 *
 * Argo ignores both, so the YAML stays a valid manifest, and they live in
 * `metadata` so open, save, download and autosave carry them unchanged.
 * Unreadable JSON reads as nothing and is replaced only when edited.
 */
import type { Pipeline } from '../model/types';

export const NOTES_ANNOTATION = 'studio.argoflow.io/notes';
export const DESCRIPTIONS_ANNOTATION = 'studio.argoflow.io/descriptions';

export const NOTE_COLOURS = ['yellow', 'blue', 'green', 'pink', 'grey'] as const;
export type NoteColour = (typeof NOTE_COLOURS)[number];

export interface Note {
  id: string;
  x: number;
  y: number;
  width: number;
  height: number;
  text: string;
  colour: NoteColour;
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

function readAnnotation(p: Pipeline, key: string): Record<string, unknown> {
  const annotations = p.metadata.annotations;
  const raw =
    isRecord(annotations) && Object.hasOwn(annotations, key) ? annotations[key] : undefined;
  if (typeof raw !== 'string') return {};
  try {
    const parsed: unknown = JSON.parse(raw);
    return isRecord(parsed) ? parsed : {};
  } catch {
    return {};
  }
}

function withAnnotation(p: Pipeline, key: string, value: Record<string, unknown>): Pipeline {
  const { [key]: _old, ...rest } = p.metadata.annotations ?? {};
  const empty = Object.keys(value).length === 0;
  const annotations = empty ? rest : { ...rest, [key]: JSON.stringify(value) };
  const { annotations: _a, ...metadata } = p.metadata;
  return {
    ...p,
    metadata: Object.keys(annotations).length > 0 ? { ...metadata, annotations } : metadata,
  };
}

/** A copy keyed by user names: no prototype, so `__proto__` is a key like any other. */
const dict = (from: Record<string, unknown>): Record<string, unknown> =>
  Object.assign(Object.create(null) as Record<string, unknown>, from);

const num = (v: unknown, fallback: number) =>
  typeof v === 'number' && Number.isFinite(v) ? v : fallback;

function readNote(v: unknown, i: number): Note | undefined {
  if (!isRecord(v)) return undefined;
  const colour = NOTE_COLOURS.find((c) => c === v.colour) ?? 'yellow';
  return {
    id: typeof v.id === 'string' && v.id ? v.id : `note-${i + 1}`,
    x: num(v.x, 0),
    y: num(v.y, 0),
    width: Math.max(80, num(v.width, 200)),
    height: Math.max(40, num(v.height, 120)),
    text: typeof v.text === 'string' ? v.text : '',
    colour,
  };
}

/** The notes on a template's canvas (entries that are not notes are skipped). */
export function notesOf(p: Pipeline, template: string): Note[] {
  const all = readAnnotation(p, NOTES_ANNOTATION);
  const list = Object.hasOwn(all, template) ? all[template] : undefined;
  if (!Array.isArray(list)) return [];
  return list.map(readNote).filter((n): n is Note => n !== undefined);
}

/** `p` with a template's notes replaced (none removes the template's entry). */
export function withNotes(p: Pipeline, template: string, notes: readonly Note[]): Pipeline {
  const all = dict(readAnnotation(p, NOTES_ANNOTATION));
  if (notes.length > 0) all[template] = notes;
  else delete all[template];
  return withAnnotation(p, NOTES_ANNOTATION, all);
}

/** A note id not used on the template's canvas. */
export function newNoteId(p: Pipeline, template: string): string {
  const used = new Set(notesOf(p, template).map((n) => n.id));
  let i = used.size + 1;
  while (used.has(`note-${i}`)) i++;
  return `note-${i}`;
}

/** `p` with one note changed (by id), added when it is new. */
export function withNote(p: Pipeline, template: string, note: Note): Pipeline {
  const notes = notesOf(p, template);
  const i = notes.findIndex((n) => n.id === note.id);
  return withNotes(p, template, i < 0 ? [...notes, note] : notes.with(i, note));
}

export function withoutNote(p: Pipeline, template: string, id: string): Pipeline {
  return withNotes(
    p,
    template,
    notesOf(p, template).filter((n) => n.id !== id),
  );
}

/** A task's free-text description ('' when it has none). */
export function descriptionOf(p: Pipeline, template: string, task: string): string {
  const all = readAnnotation(p, DESCRIPTIONS_ANNOTATION);
  const byTask = Object.hasOwn(all, template) ? all[template] : undefined;
  const text = isRecord(byTask) && Object.hasOwn(byTask, task) ? byTask[task] : undefined;
  return typeof text === 'string' ? text : '';
}

/** `p` with a task's description set ('' removes it). */
export function withDescription(
  p: Pipeline,
  template: string,
  task: string,
  text: string,
): Pipeline {
  const all = dict(readAnnotation(p, DESCRIPTIONS_ANNOTATION));
  const current = Object.hasOwn(all, template) ? all[template] : undefined;
  const byTask = dict(isRecord(current) ? current : {});
  if (text) byTask[task] = text;
  else delete byTask[task];
  if (Object.keys(byTask).length > 0) all[template] = byTask;
  else delete all[template];
  return withAnnotation(p, DESCRIPTIONS_ANNOTATION, all);
}

/** `p` with a renamed task's description moved to its new name. */
export function renameDescription(
  p: Pipeline,
  template: string,
  from: string,
  to: string,
): Pipeline {
  const text = descriptionOf(p, template, from);
  if (!text) return p;
  return withDescription(withDescription(p, template, from, ''), template, to, text);
}

/** `p` without the descriptions of removed tasks (a task added later under the name starts blank). */
export function withoutDescriptions(
  p: Pipeline,
  template: string,
  tasks: readonly string[],
): Pipeline {
  return tasks.reduce(
    (next, task) =>
      descriptionOf(next, template, task) ? withDescription(next, template, task, '') : next,
    p,
  );
}
