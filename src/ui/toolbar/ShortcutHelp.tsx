// "?": the keyboard shortcuts and the toolbar's actions, filtered as you type.
import { useId, useState } from 'react';
import { Dialog } from '../Dialog';
import { CANVAS_CONTROLS, SHORTCUTS, TOOLBAR_ACTIONS } from './helpEntries';

const SECTIONS: [string, [string, string][]][] = [
  ['Keyboard', SHORTCUTS],
  ['Toolbar', TOOLBAR_ACTIONS],
  ['Canvas and panels', CANVAS_CONTROLS],
];

function matches(query: string, [keys, what]: [string, string]): boolean {
  const q = query.trim().toLowerCase();
  return !q || keys.toLowerCase().includes(q) || what.toLowerCase().includes(q);
}

export function ShortcutHelp({ onClose }: { onClose(): void }) {
  const [query, setQuery] = useState('');
  const id = useId();
  const shown = SECTIONS.map(
    ([title, rows]) => [title, rows.filter((r) => matches(query, r))] as const,
  );
  const none = shown.every(([, rows]) => rows.length === 0);
  return (
    <Dialog label="Keyboard shortcuts" onClose={onClose} closeOnBackdrop className="help">
      <h2>Keyboard shortcuts and actions</h2>
      <label htmlFor={id} className="visually-hidden">
        Search shortcuts and actions
      </label>
      <input
        id={id}
        type="search"
        placeholder="Search…"
        value={query}
        onChange={(e) => setQuery(e.target.value)}
        data-autofocus
      />
      {shown.map(
        ([title, rows]) =>
          rows.length > 0 && (
            <table key={title} aria-label={title}>
              <caption>{title}</caption>
              <tbody>
                {rows.map(([keys, what]) => (
                  <tr key={keys}>
                    <th scope="row">{title === 'Keyboard' ? <kbd>{keys}</kbd> : keys}</th>
                    <td>{what}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ),
      )}
      {none && <p className="muted">Nothing matches “{query}”.</p>}
      <div className="modal-actions">
        <button type="button" onClick={onClose}>
          Close
        </button>
      </div>
    </Dialog>
  );
}
