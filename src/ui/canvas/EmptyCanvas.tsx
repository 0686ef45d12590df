// What an empty canvas says: a new workflow invites a first step; a DAG or
// steps template without tasks says so by name.
import { scopeView } from '../../core/model/scopeView';
import { useEditor } from '../EditorContext';
import { useShellActions } from '../shell/ShellActions';

export function EmptyCanvas() {
  const view = useEditor((s) => scopeView(s.pipeline));
  const shell = useShellActions();
  if (view.nodes.length > 0) return null;
  const name = view.template?.name;
  return (
    <div className="canvas-empty">
      <p>
        {!name
          ? 'Drag a step from the palette, or open an Argo YAML file.'
          : view.type === 'steps'
            ? `Steps template ${name} has no steps yet: drag one from the palette.`
            : `DAG template ${name} has no tasks yet: drag a step from the palette.`}
      </p>
      {shell && (
        <button type="button" className="canvas-empty-action" onClick={shell.openExamples}>
          Start from an example…
        </button>
      )}
    </div>
  );
}
