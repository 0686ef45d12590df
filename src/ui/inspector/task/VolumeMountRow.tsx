// One volume mount: volume name, mount path, read-only.
import { useId } from 'react';
import type { Diagnostic } from '../../../core/diagnostics';
import { volumeMountProblem, type VolumeMountInput } from '../../../core/model/containerFields';
import { RowGroup } from './RowGroup';
import { RowInput } from './RowInput';
import { useDraft } from './useDraft';

interface Props {
  index: number;
  value: VolumeMountInput;
  /** Volumes declared in the template or the workflow, for suggestions and a hint. */
  volumes: string[];
  listId: string;
  onCommit: (m: VolumeMountInput) => Diagnostic[];
  onRemove: () => void;
}

export function VolumeMountRow({ index, value, volumes, listId, onCommit, onRemove }: Props) {
  const id = useId();
  const initial = {
    name: value.name,
    mountPath: value.mountPath,
    readOnly: value.readOnly === true,
  };
  const [draft, setDraft] = useDraft(initial);
  const changed = JSON.stringify(draft) !== JSON.stringify(initial);
  const problem = changed ? volumeMountProblem(draft) : undefined;
  const label = `Mount ${index + 1}`;
  const unknown = draft.name !== '' && !volumes.includes(draft.name);
  return (
    <RowGroup
      label={label}
      problem={problem}
      onCommit={() => {
        if (changed && !problem) onCommit(draft);
      }}
      onReset={() => setDraft(initial)}
      onRemove={onRemove}
    >
      <RowInput
        label="volume"
        name={`${label} volume`}
        value={draft.name}
        list={listId}
        onChange={(name) => setDraft({ ...draft, name })}
      />
      <RowInput
        label="path"
        name={`${label} path`}
        value={draft.mountPath}
        placeholder="/work"
        onChange={(mountPath) => setDraft({ ...draft, mountPath })}
      />
      <span className="row-input row-check">
        <input
          id={id}
          type="checkbox"
          aria-label={`${label} read-only`}
          checked={draft.readOnly}
          onChange={(e) => setDraft({ ...draft, readOnly: e.target.checked })}
        />
        <label htmlFor={id}>read-only</label>
      </span>
      {unknown && !problem && (
        <div className="field-hint">
          No volume named {draft.name} in this template or the workflow.
        </div>
      )}
    </RowGroup>
  );
}
