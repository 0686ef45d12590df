// The notes of the template on the canvas as React Flow nodes (id `note:<id>`),
// and what to do with React Flow's changes to them: selection and the
// position while dragging or resizing are view state here; the note is
// written to the document when a drag or resize ends (one undo step).
import type { Node, NodeChange } from '@xyflow/react';
import { useCallback, useMemo, useState } from 'react';
import { notesOf, type Note } from '../../core/ergonomics/notes';
import type { Point } from '../../core/model/types';
import { useEditor, useEditorStore } from '../EditorContext';
import type { NoteFlowNode } from './NoteNode';

const NO_LIVE: ReadonlyMap<string, Live> = new Map();
export const NOTE_PREFIX = 'note:';
export const isNoteId = (id: string) => id.startsWith(NOTE_PREFIX);

interface Live {
  position?: Point;
  size?: { width: number; height: number };
}

export function useNoteNodes() {
  const store = useEditorStore();
  const annotation = useEditor((s) => s.pipeline.metadata.annotations);
  const scope = useEditor((s) => s.pipeline.scope ?? '');
  const notes = useMemo(
    () => notesOf(store.getState().pipeline, scope),
    // The notes change only with the annotations or the template shown.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [annotation, scope, store],
  );
  const [selected, setSelected] = useState<ReadonlySet<string>>(() => new Set());
  // View state of a drag or resize, for the notes as they were then: once the
  // document has the notes where it left them, it no longer applies.
  const [liveFor, setLiveFor] = useState<{ notes: Note[]; map: ReadonlyMap<string, Live> }>(() => ({
    notes,
    map: new Map(),
  }));
  const live = liveFor.notes === notes ? liveFor.map : NO_LIVE;
  const setLive = useCallback(
    (id: string, patch: Live) =>
      setLiveFor((old) => {
        const map = new Map(old.notes === notes ? old.map : NO_LIVE);
        return { notes, map: map.set(id, { ...map.get(id), ...patch }) };
      }),
    [notes],
  );

  const nodes = useMemo<NoteFlowNode[]>(
    () =>
      notes.map((note) => {
        const id = NOTE_PREFIX + note.id;
        const now = live.get(id);
        return {
          id,
          type: 'note',
          position: now?.position ?? { x: note.x, y: note.y },
          width: now?.size?.width ?? note.width,
          height: now?.size?.height ?? note.height,
          data: { note },
          selected: selected.has(id),
          zIndex: -2,
          connectable: false,
          dragHandle: '.note-text',
        };
      }),
    [notes, live, selected],
  );

  /** Handles the changes to notes; returns the others for the canvas. */
  const onChanges = useCallback(
    <N extends Node>(changes: NodeChange<N>[]): NodeChange<N>[] => {
      const rest: NodeChange<N>[] = [];
      const ended: Note[] = [];
      for (const c of changes) {
        if (!('id' in c) || !isNoteId(c.id)) {
          rest.push(c);
          continue;
        }
        const note = notes.find((n) => NOTE_PREFIX + n.id === c.id);
        if (c.type === 'select')
          setSelected((old) => {
            const next = new Set(old);
            if (c.selected) next.add(c.id);
            else next.delete(c.id);
            return next;
          });
        else if (c.type === 'position' && c.position) {
          const at = c.position;
          // A drag ends with `dragging: false`; a resize moves without the flag (saved at its end).
          if (c.dragging === false && note) ended.push({ ...note, x: at.x, y: at.y });
          else setLive(c.id, { position: at });
        } else if (c.type === 'dimensions' && c.dimensions && c.resizing) {
          const size = c.dimensions;
          setLive(c.id, { size });
        } else if (c.type === 'remove' && note) store.getState().removeNote(note.id);
      }
      for (const n of ended) store.getState().updateNote(n);
      return rest;
    },
    [notes, store, setLive],
  );

  return { nodes, onChanges };
}
