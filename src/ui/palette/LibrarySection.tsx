// The palette's server section: the namespace's WorkflowTemplates and the
// ClusterWorkflowTemplates, each template with its inputs and outputs. Drag
// one onto the canvas (or press Enter) to add a task that calls it by
// templateRef. Loaded once a token is set, cached for the session, refreshed
// on demand; searched with the palette's search box.
import { useEffect, type KeyboardEvent } from 'react';
import { matchesQuery, type LibraryGroup, type LibraryTemplate } from '../../core/library/library';
import { useEditor, useEditorStore } from '../EditorContext';
import { PALETTE_MIME } from './paletteDrag';

interface Props {
  query: string;
  onAdd: (entry: { id: string }) => void;
}

export function LibrarySection({ query, onAdd }: Props) {
  const store = useEditorStore();
  const library = useEditor((s) => s.library);
  const token = useEditor((s) => s.token);
  const namespace = useEditor((s) => s.namespace());
  useEffect(() => {
    // Once there is a token; Refresh reloads on demand.
    if (token) void store.getState().loadLibrary();
  }, [store, token, namespace]);

  const groups = [
    ...library.groups.map((g) => ({ g, label: 'WorkflowTemplate' })),
    ...library.clusterGroups.map((g) => ({ g, label: 'ClusterWorkflowTemplate' })),
  ];
  const shown = groups
    .map(({ g, label }) => ({
      g,
      label,
      templates: g.templates.filter((t) => matchesQuery(g, t, query)),
    }))
    .filter((x) => x.templates.length > 0);

  return (
    <section className="palette-library" aria-label="Server templates" data-testid="library">
      <div className="palette-library-title">
        <h3>Server templates</h3>
        <button
          type="button"
          className="link"
          onClick={() => void store.getState().loadLibrary({ force: true })}
          disabled={library.status === 'loading'}
          title="List the WorkflowTemplates again"
        >
          {library.status === 'loading'
            ? 'Loading…'
            : library.status === 'idle'
              ? 'Load'
              : 'Refresh'}
        </button>
      </div>
      {library.status === 'idle' && !token && (
        <p className="muted">Connect to an Argo Server (Server…) to use its WorkflowTemplates.</p>
      )}
      {library.error && (
        <p className="palette-problems error" role="alert">
          {library.error}
        </p>
      )}
      {library.clusterNote && <p className="muted library-note">{library.clusterNote}</p>}
      {library.status === 'loaded' && groups.length === 0 && (
        <p className="muted">No WorkflowTemplates in {namespace}.</p>
      )}
      {library.status === 'loaded' && groups.length > 0 && shown.length === 0 && (
        <p className="muted">No template matches.</p>
      )}
      {shown.map(({ g, label, templates }) => (
        <Group
          key={`${label}/${g.name}`}
          group={g}
          label={label}
          templates={templates}
          onAdd={onAdd}
        />
      ))}
    </section>
  );
}

function Group({
  group,
  label,
  templates,
  onAdd,
}: {
  group: LibraryGroup;
  label: string;
  templates: LibraryTemplate[];
  onAdd: Props['onAdd'];
}) {
  return (
    <details className="palette-group library-group" open>
      <summary title={group.description ?? label}>
        {group.name} <span className="muted">{group.clusterScope ? 'cluster' : ''}</span>
      </summary>
      <ul>
        {templates.map((t) => (
          <Entry key={t.id} t={t} onAdd={onAdd} />
        ))}
      </ul>
    </details>
  );
}

function Entry({ t, onAdd }: { t: LibraryTemplate; onAdd: Props['onAdd'] }) {
  const onKey = (event: KeyboardEvent) => {
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      onAdd({ id: t.id });
    }
  };
  const inputs = [
    ...t.inputs.map((p) => (p.default === undefined ? `${p.name}*` : p.name)),
    ...t.inputArtifacts,
  ];
  return (
    <li
      className="palette-entry"
      tabIndex={0}
      draggable
      data-testid={`palette-${t.id}`}
      onDragStart={(e) => {
        e.dataTransfer.setData(PALETTE_MIME, t.id);
        e.dataTransfer.effectAllowed = 'copy';
      }}
      onKeyDown={onKey}
      onDoubleClick={() => onAdd({ id: t.id })}
      title={`templateRef ${t.workflowTemplate}/${t.name}${t.clusterScope ? ' (cluster)' : ''}\nDrag onto the canvas, or press Enter`}
    >
      <div className="entry-name">{t.name}</div>
      <div className="entry-detail">{t.kind}</div>
      {inputs.length > 0 && <div className="entry-description">in: {inputs.join(', ')}</div>}
      {t.outputs.length > 0 && <div className="entry-description">out: {t.outputs.join(', ')}</div>}
    </li>
  );
}
