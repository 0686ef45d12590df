// Volumes every template may mount, and claims the controller creates when
// the workflow starts and deletes when it ends (volumeClaimTemplates).
import { isObject } from '../../../core/model/types';
import { setWorkflowField } from '../../../core/model/workflowFields';
import { useEditorStore } from '../../EditorContext';
import { Section } from './Section';
import { useWorkflowField } from './useWorkflowField';
import { YamlListField } from './YamlListField';

const VOLUME_EXAMPLE = `- name: scratch
  emptyDir: {}`;
const CLAIM_EXAMPLE = `- metadata:
    name: work
  spec:
    accessModes: [ReadWriteOnce]
    resources:
      requests:
        storage: 1Gi`;

const checkVolume = (item: unknown) =>
  isObject(item) && typeof item.name === 'string' && item.name !== ''
    ? undefined
    : 'each volume needs a name';
const checkClaim = (item: unknown) =>
  isObject(item) && isObject(item.metadata) && typeof item.metadata.name === 'string'
    ? undefined
    : 'each claim needs metadata.name';

export function VolumesSection() {
  const store = useEditorStore();
  const apply = store.getState().apply;
  const volumes = useWorkflowField('volumes');
  const claims = useWorkflowField('volumeClaimTemplates');
  const set = (key: string) => (value: unknown) => apply((p) => setWorkflowField(p, key, value));
  return (
    <Section title="Volumes">
      <YamlListField
        label="Volumes (YAML list)"
        field="volumes"
        name="wf-volumes"
        value={volumes}
        placeholder={VOLUME_EXAMPLE}
        itemCheck={checkVolume}
        onCommit={set('volumes')}
      />
      <YamlListField
        label="Volume claim templates (YAML list)"
        field="volumeClaimTemplates"
        name="wf-volume-claims"
        value={claims}
        placeholder={CLAIM_EXAMPLE}
        itemCheck={checkClaim}
        onCommit={set('volumeClaimTemplates')}
      />
    </Section>
  );
}
