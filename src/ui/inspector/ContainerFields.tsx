// A container or script template's image, command, args and resources.
import { setContainerField } from '../../core/model/fields';
import { isObject, type JsonObject, type Template } from '../../core/model/types';
import { useEditorStore } from '../EditorContext';
import { checkRecordLines, linesToList, linesToRecord, listToLines, TextField } from './fields';

export function ContainerFields({
  template,
  field: key,
  focusKey,
}: {
  template: Template;
  field: 'container' | 'script';
  focusKey?: number | undefined;
}) {
  const store = useEditorStore();
  const container = template[key] as JsonObject;
  const setContainer = (field: string, value: unknown) =>
    store.getState().apply((p) => setContainerField(p, template.name, field, value));
  return (
    <fieldset>
      <legend>{key === 'script' ? 'Script' : 'Container'}</legend>
      <TextField
        label="Image"
        name="image"
        value={String(container.image ?? '')}
        onCommit={(v) => setContainer('image', v)}
        check={(v) => (v.trim() === '' ? 'an image is required' : undefined)}
        focusKey={focusKey}
      />
      <TextField
        label="Command (one item a line)"
        name="command"
        multiline
        value={listToLines(container.command)}
        onCommit={(v) => setContainer('command', linesToList(v))}
      />
      {key === 'container' && (
        <TextField
          label="Args (one item a line)"
          name="args"
          multiline
          value={listToLines(container.args)}
          onCommit={(v) => setContainer('args', linesToList(v))}
        />
      )}
      <TextField
        label="Resources (requests.cpu=500m a line)"
        name="resources"
        multiline
        value={resourceLines(container.resources)}
        check={checkRecordLines}
        onCommit={(v) => setContainer('resources', linesToResources(v))}
      />
    </fieldset>
  );
}

function resourceLines(resources: unknown): string {
  if (!isObject(resources)) return '';
  const lines: string[] = [];
  for (const [group, values] of Object.entries(resources)) {
    if (isObject(values))
      for (const [k, v] of Object.entries(values)) lines.push(`${group}.${k}=${String(v)}`);
  }
  return lines.join('\n');
}

function linesToResources(text: string): JsonObject {
  // Maps, not `out[group] ??= {}`: a group typed as `constructor` would find Object there.
  const groups = new Map<string, [string, string][]>();
  for (const [key, value] of Object.entries(linesToRecord(text))) {
    const [group, name] = key.includes('.') ? key.split('.', 2) : ['requests', key];
    const list = groups.get(group!) ?? [];
    groups.set(group!, [...list, [name!, value]]);
  }
  return Object.fromEntries([...groups].map(([group, list]) => [group, Object.fromEntries(list)]));
}
