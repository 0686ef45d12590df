// A sticky note on the canvas: Markdown-ish text, a colour, resizable with
// React Flow's NodeResizer when selected. Double-click (or Edit) to write;
// the text is saved when the field loses focus or on Ctrl+Enter, Escape
// leaves it unchanged. Notes are saved in the document's annotations.
import { NodeResizer, type Node, type NodeProps } from '@xyflow/react';
import { memo, useState } from 'react';
import { NOTE_COLOURS, type Note } from '../../core/ergonomics/notes';
import { useEditorStore } from '../EditorContext';
import { NoteText } from './NoteText';

export type NoteFlowNode = Node<{ note: Note }, 'note'>;

function NoteNodeView({ data, selected }: NodeProps<NoteFlowNode>) {
  const store = useEditorStore();
  const { note } = data;
  const [editing, setEditing] = useState(false);
  const save = (patch: Partial<Note>) => store.getState().updateNote({ ...note, ...patch });
  return (
    <div
      className={`note note-${note.colour}`}
      data-testid="note"
      aria-label={`Note: ${note.text.slice(0, 60) || 'empty'}`}
      onDoubleClick={(e) => {
        e.stopPropagation();
        setEditing(true);
      }}
    >
      <NodeResizer
        isVisible={selected === true}
        minWidth={80}
        minHeight={40}
        onResizeEnd={(_, r) => save({ x: r.x, y: r.y, width: r.width, height: r.height })}
      />
      {selected && !editing && (
        <div className="note-toolbar nodrag">
          {NOTE_COLOURS.map((c) => (
            <button
              key={c}
              type="button"
              className={`note-swatch note-${c}`}
              aria-label={`Colour ${c}`}
              aria-pressed={note.colour === c}
              onClick={() => save({ colour: c })}
            />
          ))}
          <button type="button" onClick={() => setEditing(true)}>
            Edit
          </button>
          <button type="button" onClick={() => store.getState().removeNote(note.id)}>
            Delete
          </button>
        </div>
      )}
      {editing ? (
        <textarea
          className="note-editor nodrag nowheel"
          aria-label="Note text"
          // Focus without scrolling: the browser would scroll React Flow's pane to show it.
          ref={(el) => el?.focus({ preventScroll: true })}
          defaultValue={note.text}
          onBlur={(e) => {
            setEditing(false);
            save({ text: e.target.value });
          }}
          onKeyDown={(e) => {
            e.stopPropagation();
            if (e.key === 'Escape') {
              e.currentTarget.value = note.text;
              e.currentTarget.blur();
            } else if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) e.currentTarget.blur();
          }}
        />
      ) : (
        <div className="note-text">
          {note.text ? (
            <NoteText text={note.text} />
          ) : (
            <span className="muted">Double-click to write</span>
          )}
        </div>
      )}
    </div>
  );
}

export const NoteNode = memo(NoteNodeView);
