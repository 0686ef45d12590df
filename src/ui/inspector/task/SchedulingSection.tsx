// Scheduling: where the template's pods may run. Node selector labels,
// node affinity as a form for the common case, tolerations and the rest of
// affinity as YAML. All of it lives on the template.
import { setTemplateField } from '../../../core/model/templateFields';
import type { Template } from '../../../core/model/types';
import { useEditorStore } from '../../EditorContext';
import { checkRecordLines, linesToRecord, recordToLines, TextField } from '../fields';
import { NodeAffinityForm } from './NodeAffinityForm';
import { Section } from './Section';
import { YamlField } from './YamlField';

export function SchedulingSection({ template }: { template: Template }) {
  const store = useEditorStore();
  const open = ['nodeSelector', 'tolerations', 'affinity'].some((k) => template[k] !== undefined);
  return (
    <Section title="Scheduling" scope="template" open={open}>
      <TextField
        label="Node selector (KEY=value a line)"
        name="node-selector"
        multiline
        value={recordToLines(template.nodeSelector)}
        placeholder="kubernetes.io/os=linux"
        check={checkRecordLines}
        onCommit={(v) =>
          store
            .getState()
            .apply((p) => setTemplateField(p, template.name, 'nodeSelector', linesToRecord(v)))
        }
      />
      <NodeAffinityForm template={template} />
      <YamlField
        label="Affinity (YAML: everything, including the requirements above)"
        template={template}
        field="affinity"
        shape="mapping"
        placeholder="podAntiAffinity: ..."
      />
      <YamlField
        label="Tolerations (YAML list)"
        template={template}
        field="tolerations"
        shape="list"
        placeholder={'- key: gpu\n  operator: Exists\n  effect: NoSchedule'}
      />
    </Section>
  );
}
