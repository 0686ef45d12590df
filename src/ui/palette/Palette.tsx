// The palette: entries of the active config.yaml, grouped and searchable.
// Drag an entry onto the canvas, or focus it and press Enter to add it at the centre.
import { useMemo, useState, type KeyboardEvent } from 'react';
import type { PaletteEntry } from '../../core/config';
import { formatDiagnostic } from '../../core/diagnostics';
import { useEditor } from '../EditorContext';
import { ConfigSourceDialog, LibrarySection } from '../lazyPanels';
import { PALETTE_MIME } from './paletteDrag';

interface Props {
  onAdd: (entry: Pick<PaletteEntry, 'id'>) => void;
  onOpenConfig: () => void;
}

function matches(entry: PaletteEntry, query: string): boolean {
  if (!query) return true;
  const q = query.toLowerCase();
  return [entry.name, entry.image, entry.resourceKind, entry.description, entry.category].some(
    (field) => field?.toLowerCase().includes(q),
  );
}

export function Palette({ onAdd, onOpenConfig }: Props) {
  const entries = useEditor((s) => s.entries);
  const source = useEditor((s) => s.config?.name);
  const problems = useEditor((s) => s.configDiagnostics);
  const [query, setQuery] = useState('');
  const [fromDialog, setFromDialog] = useState(false);
  const groups = useMemo(() => {
    const map = new Map<string, PaletteEntry[]>();
    for (const e of entries) {
      if (!matches(e, query)) continue;
      map.set(e.category, [...(map.get(e.category) ?? []), e]);
    }
    return [...map];
  }, [entries, query]);

  const onKey = (entry: PaletteEntry) => (event: KeyboardEvent) => {
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      onAdd(entry);
    }
  };

  return (
    <aside className="palette" aria-label="Palette">
      <div className="panel-title">
        Steps
        <button
          type="button"
          className="link"
          onClick={onOpenConfig}
          title="Load another config.yaml"
        >
          Open config…
        </button>
        <button
          type="button"
          className="link"
          onClick={() => setFromDialog(true)}
          title="Load config.yaml from a URL or a ConfigMap"
        >
          From…
        </button>
      </div>
      {fromDialog && <ConfigSourceDialog onClose={() => setFromDialog(false)} />}
      {source && (
        <div className="palette-source" title={source}>
          {source}
        </div>
      )}
      <input
        type="search"
        className="palette-search"
        placeholder="Search steps"
        aria-label="Search steps"
        value={query}
        onChange={(e) => setQuery(e.target.value)}
      />
      {problems.length > 0 && (
        <ul className="palette-problems" role="alert">
          {problems.map((d, i) => (
            <li key={i} className={d.severity}>
              {formatDiagnostic(d)}
            </li>
          ))}
        </ul>
      )}
      {groups.length === 0 && (
        <p className="muted">{entries.length === 0 ? 'No palette loaded.' : 'No step matches.'}</p>
      )}
      {groups.map(([category, list]) => (
        <section key={category} className="palette-group">
          <h3>{category}</h3>
          <ul>
            {list.map((entry) => (
              <li
                key={entry.id}
                className="palette-entry"
                tabIndex={0}
                draggable
                data-testid={`palette-${entry.id}`}
                onDragStart={(e) => {
                  e.dataTransfer.setData(PALETTE_MIME, entry.id);
                  e.dataTransfer.effectAllowed = 'copy';
                }}
                onKeyDown={onKey(entry)}
                onDoubleClick={() => onAdd(entry)}
                title={`${entry.description ?? entry.name}\nDrag onto the canvas, or press Enter`}
              >
                <div className="entry-name">{entry.name}</div>
                <div className="entry-detail">
                  {entry.image ?? entry.resourceKind ?? entry.kind}
                </div>
                {entry.description && <div className="entry-description">{entry.description}</div>}
              </li>
            ))}
          </ul>
        </section>
      ))}
      <LibrarySection query={query} onAdd={onAdd} />
    </aside>
  );
}
