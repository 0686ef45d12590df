// Where the workflow's pods may run: a default nodeSelector and tolerations
// for every pod (a template's own settings override them).
import { isObject } from '../../../core/model/types';
import { setWorkflowField } from '../../../core/model/workflowFields';
import { useEditorStore } from '../../EditorContext';
import { checkRecordLines, linesToRecord, recordToLines, TextField } from '../fields';
import { Section } from './Section';
import { useWorkflowField } from './useWorkflowField';
import { YamlListField } from './YamlListField';

const TOLERATION_EXAMPLE = `- key: dedicated
  operator: Equal
  value: batch
  effect: NoSchedule`;

const checkToleration = (item: unknown) =>
  isObject(item) ? undefined : 'each toleration is a mapping (key, operator, value, effect)';

export function SchedulingSection() {
  const store = useEditorStore();
  const apply = store.getState().apply;
  const nodeSelector = useWorkflowField('nodeSelector');
  const tolerations = useWorkflowField('tolerations');
  const set = (key: string) => (value: unknown) => apply((p) => setWorkflowField(p, key, value));
  return (
    <Section title="Scheduling">
      <TextField
        label="Node selector (key=value a line)"
        name="wf-node-selector"
        multiline
        value={recordToLines(nodeSelector)}
        placeholder="kubernetes.io/os=linux"
        check={checkRecordLines}
        onCommit={(v) => set('nodeSelector')(linesToRecord(v))}
      />
      <YamlListField
        label="Tolerations (YAML list)"
        field="tolerations"
        name="wf-tolerations"
        value={tolerations}
        placeholder={TOLERATION_EXAMPLE}
        itemCheck={checkToleration}
        onCommit={set('tolerations')}
      />
    </Section>
  );
}
