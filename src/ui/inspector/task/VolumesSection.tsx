// Volumes: the template's volumes as YAML, and where its container mounts them.
import { useId, useState } from 'react';
import {
  declaredVolumes,
  setVolumeMount,
  volumeMounts,
  type VolumeMountInput,
} from '../../../core/model/containerFields';
import { containerKey } from '../../../core/model/fields';
import type { Template } from '../../../core/model/types';
import { useEditor } from '../../EditorContext';
import { Section } from './Section';
import { useChecked } from './useChecked';
import { VolumeMountRow } from './VolumeMountRow';
import { YamlField } from './YamlField';

export function VolumesSection({ template }: { template: Template }) {
  const apply = useChecked();
  const listId = useId();
  const [adding, setAdding] = useState(false);
  const volumes = useEditor((s) => declaredVolumes(s.pipeline, template).join('\n'))
    .split('\n')
    .filter(Boolean);
  const mounts = volumeMounts(template);
  const write = (index: number, mount: VolumeMountInput | undefined) =>
    apply((p) => setVolumeMount(p, template.name, index, mount));
  const hasContainer = containerKey(template) !== undefined;
  return (
    <Section
      title="Volumes"
      scope="template"
      open={template.volumes !== undefined || mounts.length > 0}
    >
      <YamlField
        label="Volumes (YAML list)"
        template={template}
        field="volumes"
        shape="list"
        placeholder={'- name: work\n  emptyDir: {}'}
      />
      {hasContainer && (
        <fieldset>
          <legend>Volume mounts</legend>
          <datalist id={listId}>
            {volumes.map((v) => (
              <option key={v} value={v} />
            ))}
          </datalist>
          {mounts.map((m, i) => (
            <VolumeMountRow
              key={i}
              index={i}
              value={m}
              volumes={volumes}
              listId={listId}
              onCommit={(next) => write(i, next)}
              onRemove={() => write(i, undefined)}
            />
          ))}
          {adding ? (
            <VolumeMountRow
              index={mounts.length}
              value={{ name: volumes[0] ?? '', mountPath: '', readOnly: false }}
              volumes={volumes}
              listId={listId}
              onCommit={(next) => {
                const diagnostics = write(mounts.length, next);
                if (diagnostics.length === 0) setAdding(false);
                return diagnostics;
              }}
              onRemove={() => setAdding(false)}
            />
          ) : (
            <button type="button" onClick={() => setAdding(true)}>
              Add mount
            </button>
          )}
        </fieldset>
      )}
    </Section>
  );
}
