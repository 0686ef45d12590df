// A script step's source: the program the template's image runs.
import { setContainerField } from '../../../core/model/fields';
import { isObject, type Template } from '../../../core/model/types';
import { useEditorStore } from '../../EditorContext';
import { TextField } from '../fields';
import { Section } from './Section';

export function ScriptSection({ template }: { template: Template }) {
  const store = useEditorStore();
  const script = isObject(template.script) ? template.script : {};
  const command = Array.isArray(script.command) ? script.command.join(' ') : '';
  return (
    <Section title="Script source" scope="template" open>
      <TextField
        label="Script source"
        name="script-source"
        multiline
        value={typeof script.source === 'string' ? script.source : ''}
        check={(v) => (v.trim() === '' ? 'script.source is required' : undefined)}
        hint={command ? `Run with: ${command}` : 'Run with the image’s command (e.g. python).'}
        onCommit={(v) =>
          store.getState().apply((p) => setContainerField(p, template.name, 'source', v))
        }
      />
    </Section>
  );
}
