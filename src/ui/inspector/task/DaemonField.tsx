// `daemon`: the step keeps running (a server, a database) while the DAG goes on.
import { setDaemon } from '../../../core/model/templateFields';
import type { Template } from '../../../core/model/types';
import { useEditorStore } from '../../EditorContext';
import { CheckboxField } from './CheckboxField';

export function DaemonField({ template }: { template: Template }) {
  const store = useEditorStore();
  return (
    <CheckboxField
      label="Daemon (keeps running while the DAG goes on)"
      checked={template.daemon === true}
      onChange={(on) => store.getState().apply((p) => setDaemon(p, template.name, on))}
      hint={template.daemon === true ? 'Stopped when the DAG that started it ends.' : undefined}
    />
  );
}
