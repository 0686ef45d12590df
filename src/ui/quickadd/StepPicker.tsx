// The quick-add step picker (Tab, double-click on the canvas, an edge dropped
// on empty canvas, "+" on an edge): a searchable list of the palette's
// entries and the server's templates at the pointer. Enter or a click adds
// the step as the store's request says; Escape or a click outside closes it.
import { Command } from 'cmdk';
import { useMemo } from 'react';
import { useEditor, useEditorStore } from '../EditorContext';

interface Choice {
  id: string;
  name: string;
  group: string;
  detail: string;
  keywords: string[];
}

const WIDTH = 320;
const HEIGHT = 360;

export function StepPicker() {
  const store = useEditorStore();
  const request = useEditor((s) => s.picker);
  const entries = useEditor((s) => s.entries);
  const library = useEditor((s) => s.library);
  const choices = useMemo(() => {
    const out: Choice[] = entries.map((e) => ({
      id: e.id,
      name: e.name,
      group: e.category,
      detail: e.image ?? e.resourceKind ?? e.kind,
      keywords: [e.category, e.image ?? '', e.resourceKind ?? '', e.description ?? ''],
    }));
    for (const g of [...library.groups, ...library.clusterGroups])
      for (const t of g.templates)
        out.push({
          id: t.id,
          name: t.name,
          group: `${g.clusterScope ? 'ClusterWorkflowTemplate' : 'WorkflowTemplate'} ${g.name}`,
          detail: t.kind,
          keywords: [g.name, t.kind],
        });
    const groups = new Map<string, Choice[]>();
    for (const c of out) groups.set(c.group, [...(groups.get(c.group) ?? []), c]);
    return [...groups];
  }, [entries, library]);
  if (!request) return null;
  const close = () => store.getState().closePicker();
  // Kept inside the window: opened near the right or bottom edge, it opens the other way.
  const left = Math.max(8, Math.min(request.screen.x, window.innerWidth - WIDTH - 8));
  const top = Math.max(8, Math.min(request.screen.y, window.innerHeight - HEIGHT - 8));
  const title = request.between
    ? `Insert a step between ${request.between.from} and ${request.between.to}`
    : request.after
      ? `Add a step after ${request.after}`
      : request.before
        ? `Add a step before ${request.before}`
        : 'Add a step';
  return (
    <div className="picker-backdrop" onMouseDown={close}>
      <div
        className="step-picker"
        role="dialog"
        aria-label={title}
        style={{ left, top, width: WIDTH, maxHeight: HEIGHT }}
        onMouseDown={(e) => e.stopPropagation()}
      >
        <Command
          label={title}
          onKeyDown={(e) => {
            if (e.key === 'Escape') {
              e.preventDefault();
              e.stopPropagation();
              close();
            }
          }}
        >
          <div className="step-picker-title">{title}</div>
          <Command.Input autoFocus placeholder="Search steps…" aria-label="Search steps" />
          <Command.List>
            <Command.Empty>
              {choices.length === 0
                ? 'No steps: load a config.yaml or connect to a server for its templates.'
                : 'No step matches.'}
            </Command.Empty>
            {choices.map(([group, items]) => (
              <Command.Group key={group} heading={group}>
                {items.map((c) => (
                  <Command.Item
                    key={c.id}
                    value={c.id}
                    keywords={[c.name, ...c.keywords]}
                    onSelect={() => store.getState().pick(c.id)}
                  >
                    <span className="step-picker-name">{c.name}</span>
                    <span className="step-picker-detail">{c.detail}</span>
                  </Command.Item>
                ))}
              </Command.Group>
            ))}
          </Command.List>
        </Command>
      </div>
    </div>
  );
}
