// Renaming a task in place (F2 or the context menu): a field over the node.
// Enter renames (every reference follows, as in the inspector), Escape
// cancels; an invalid or taken name keeps the field open and says why. The
// field (RenameField.tsx) loads on first use.
import { useEditor } from '../EditorContext';
import { RenameField } from '../lazyPanels';

export function RenameBox() {
  const name = useEditor((s) => s.renaming);
  return name ? <RenameField key={name} name={name} /> : null;
}
