// Every template of the document: its type, where it is used, which is the
// entrypoint and the exit handler; open any on the canvas, create a DAG or
// steps template, make one the entrypoint, rename one (everything that runs
// it follows), delete one nothing uses.
import { useState } from 'react';
import type { OutlineEntry } from '../../core/model/templateOutline';
import { outlineOf } from '../../store/derived';
import {
  createTemplate,
  deleteTemplate,
  renameTemplate,
  setEntrypoint,
} from '../../core/model/templateOps';
import { taskNameProblem } from '../../core/model/names';
import { applyChecked } from '../../store/applyChecked';
import { useEditor, useEditorStore } from '../EditorContext';

export function TemplatesOutline() {
  const store = useEditorStore();
  // Not the pipeline: positions change on every drag move and auto-layout part.
  const entries = useEditor((s) => outlineOf(s.pipeline));
  const scope = useEditor((s) => s.pipeline.scope);
  const [renaming, setRenaming] = useState<string | undefined>();
  const create = (kind: 'dag' | 'steps') => {
    const { pipeline: next } = createTemplate(store.getState().pipeline, kind);
    store.getState().apply(() => next);
  };
  return (
    <section className="outline" aria-label="Templates" data-testid="templates-outline">
      <div className="outline-title">
        <h3>Templates</h3>
        <span>
          <button type="button" onClick={() => create('dag')} title="A new DAG template">
            + DAG
          </button>{' '}
          <button type="button" onClick={() => create('steps')} title="A new steps template">
            + Steps
          </button>
        </span>
      </div>
      <ul>
        {entries.map((e) => (
          <OutlineRow
            key={e.name}
            entry={e}
            current={e.name === scope}
            renaming={renaming === e.name}
            onRename={() => setRenaming(e.name)}
            onRenamed={(to) => {
              setRenaming(undefined);
              if (to !== undefined && to !== e.name)
                applyChecked(store, (p) => renameTemplate(p, e.name, to));
            }}
          />
        ))}
      </ul>
    </section>
  );
}

function OutlineRow({
  entry: e,
  current,
  renaming,
  onRename,
  onRenamed,
}: {
  entry: OutlineEntry;
  current: boolean;
  renaming: boolean;
  onRename(): void;
  onRenamed(to: string | undefined): void;
}) {
  const store = useEditorStore();
  const [draft, setDraft] = useState(e.name);
  const problem = draft !== e.name ? taskNameProblem(draft) : undefined;
  const marks = [e.entry && 'entry', e.exitHandler && 'exit', !e.reachable && 'unused']
    .filter(Boolean)
    .join(', ');
  return (
    <li
      className={current ? 'outline-row current' : 'outline-row'}
      data-testid={`outline-${e.name}`}
    >
      {renaming ? (
        <form
          onSubmit={(ev) => {
            ev.preventDefault();
            if (!problem) onRenamed(draft.trim());
          }}
        >
          <input
            aria-label={`New name for template ${e.name}`}
            value={draft}
            autoFocus
            onChange={(ev) => setDraft(ev.target.value)}
            onKeyDown={(ev) => ev.key === 'Escape' && onRenamed(undefined)}
            aria-invalid={problem !== undefined}
            title={problem}
          />
        </form>
      ) : (
        <button
          type="button"
          className="link outline-open"
          aria-current={current ? 'true' : undefined}
          onClick={() => store.getState().showScope(e.name)}
          title={
            e.usedBy.length > 0
              ? `${e.name}: used ${e.usedBy.length}× by ${e.usedBy.join(', ')}`
              : `${e.name}: not used`
          }
        >
          {e.name}
        </button>
      )}
      <span className={`scope-type scope-type-${e.type}`}>{e.type}</span>
      {marks && (
        <span className="muted outline-marks" title={marks}>
          {marks}
        </span>
      )}
      <span className="outline-actions">
        {!e.entry && (
          <button
            type="button"
            title="Make it the entrypoint"
            aria-label={`Make ${e.name} the entrypoint`}
            onClick={() => store.getState().apply((p) => setEntrypoint(p, e.name))}
          >
            ▶
          </button>
        )}
        <button
          type="button"
          title="Rename"
          aria-label={`Rename template ${e.name}`}
          onClick={onRename}
        >
          ✎
        </button>
        {e.usedBy.length === 0 && (
          <button
            type="button"
            title="Delete (nothing uses it)"
            aria-label={`Delete template ${e.name}`}
            onClick={() => applyChecked(store, (p) => deleteTemplate(p, e.name))}
          >
            🗑
          </button>
        )}
      </span>
    </li>
  );
}
