// The workflow's arguments: one row per parameter (name, value, enum as a
// comma list, description) and the artifacts as a YAML list. Argo reads
// `{{workflow.parameters.<name>}}` from these; a Workflow must give every
// parameter a value, one of its enum when it has one.
import { useMemo } from 'react';
import { PARAM_NAME_PATTERN, uniqueName } from '../../../core/model/names';
import { isObject } from '../../../core/model/types';
import {
  argumentParameters,
  parameterRows,
  removeArgumentParameter,
  setArgumentArtifacts,
  setArgumentParameters,
  updateArgumentParameter,
  type ArgumentParameter,
} from '../../../core/model/workflowFields';
import { useEditorStore } from '../../EditorContext';
import { TextField } from '../fields';
import { Section } from './Section';
import { useWorkflowField } from './useWorkflowField';
import { YamlListField } from './YamlListField';

const toEnum = (text: string): string[] =>
  text
    .split(',')
    .map((v) => v.trim())
    .filter((v) => v !== '');

const checkArtifact = (item: unknown): string | undefined =>
  !isObject(item)
    ? 'each artifact is a mapping with a name'
    : typeof item.name !== 'string' || !PARAM_NAME_PATTERN.test(item.name)
      ? 'name must be letters, digits, - and _'
      : undefined;

const ARTIFACT_EXAMPLE = `- name: data
  s3:
    key: inputs/data.csv`;

export function ArgumentsSection() {
  const store = useEditorStore();
  const apply = store.getState().apply;
  const args = useWorkflowField('arguments');
  const rows = useMemo(() => parameterRows(args), [args]);
  const artifacts = isObject(args) ? args.artifacts : undefined;

  const add = () =>
    apply((p) => {
      const current = argumentParameters(p);
      const name = uniqueName('param', new Set(current.map((r) => r.name)));
      return setArgumentParameters(p, [...current, { name }]);
    });

  return (
    <Section title="Arguments" open>
      {rows.map((row, i) => (
        <ParameterRow
          key={i}
          index={i}
          row={row}
          taken={rows.filter((_, j) => j !== i).map((r) => r.name)}
          onChange={(patch) => apply((p) => updateArgumentParameter(p, i, patch))}
          onRemove={() => apply((p) => removeArgumentParameter(p, i))}
        />
      ))}
      <button type="button" onClick={add}>
        Add parameter
      </button>
      <YamlListField
        label="Artifacts (YAML list: name, and from or a location)"
        field="arguments.artifacts"
        name="wf-artifacts"
        value={artifacts}
        placeholder={ARTIFACT_EXAMPLE}
        itemCheck={checkArtifact}
        onCommit={(list) => apply((p) => setArgumentArtifacts(p, list?.filter(isObject) ?? []))}
      />
    </Section>
  );
}

interface RowProps {
  index: number;
  row: ArgumentParameter;
  taken: string[];
  onChange: (patch: Partial<ArgumentParameter>) => void;
  onRemove: () => void;
}

function ParameterRow({ index, row, taken, onChange, onRemove }: RowProps) {
  const checkName = (v: string) =>
    !PARAM_NAME_PATTERN.test(v)
      ? 'letters, digits, - and _ only'
      : taken.includes(v)
        ? `a parameter named '${v}' already exists`
        : undefined;
  const checkValue = (v: string) =>
    row.enum && row.enum.length > 0 && v !== '' && !row.enum.includes(v)
      ? `must be one of: ${row.enum.join(', ')}`
      : undefined;
  return (
    <fieldset className="wf-parameter" data-testid={`wf-parameter-${index}`}>
      <legend>{row.name}</legend>
      <TextField
        label="Parameter name"
        name={`wf-param-${index}-name`}
        value={row.name}
        check={checkName}
        onCommit={(name) => onChange({ name })}
      />
      <TextField
        label="Value"
        name={`wf-param-${index}-value`}
        value={row.value ?? ''}
        placeholder="required to submit a Workflow"
        check={checkValue}
        suggestions={row.enum}
        onCommit={(value) => onChange({ value })}
      />
      <TextField
        label="Enum (comma-separated)"
        name={`wf-param-${index}-enum`}
        value={(row.enum ?? []).join(', ')}
        placeholder="any value"
        onCommit={(text) => onChange({ enum: toEnum(text) })}
      />
      <TextField
        label="Description"
        name={`wf-param-${index}-description`}
        value={row.description ?? ''}
        onCommit={(description) => onChange({ description })}
      />
      <button type="button" aria-label={`Remove parameter ${row.name}`} onClick={onRemove}>
        Remove
      </button>
    </fieldset>
  );
}
