// The workflow's arguments: one row per parameter (name, value, enum as a
// comma list, description) and the artifacts as a YAML list. Argo reads
// `{{workflow.parameters.<name>}}` from these; a Workflow must give every
// parameter a value, one of its enum when it has one.
import { memo, useCallback, useMemo } from 'react';
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
import { Pager, usePage } from '../Pager';
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

const parameterName = (row: ArgumentParameter) => row.name;

/** How many parameters have each name: a row checks its name in O(1). */
function nameCounts(rows: readonly ArgumentParameter[]): ReadonlyMap<string, number> {
  const counts = new Map<string, number>();
  for (const r of rows) counts.set(r.name, (counts.get(r.name) ?? 0) + 1);
  return counts;
}

export function ArgumentsSection() {
  const store = useEditorStore();
  const apply = store.getState().apply;
  const args = useWorkflowField('arguments');
  // Rows keep their identity while their parameter is unchanged (see
  // parameterRows), so an edit re-renders the edited row and not the others.
  const rows = useMemo(() => parameterRows(args), [args]);
  const counts = useMemo(() => nameCounts(rows), [rows]);
  const { rows: shown, pager, showLast } = usePage(rows, parameterName);
  const artifacts = isObject(args) ? args.artifacts : undefined;
  const onChange = useCallback(
    (index: number, patch: Partial<ArgumentParameter>) =>
      apply((p) => updateArgumentParameter(p, index, patch)),
    [apply],
  );
  const onRemove = useCallback(
    (index: number) => apply((p) => removeArgumentParameter(p, index)),
    [apply],
  );

  const add = () => {
    apply((p) => {
      const current = argumentParameters(p);
      const name = uniqueName('param', new Set(current.map((r) => r.name)));
      return setArgumentParameters(p, [...current, { name }]);
    });
    showLast();
  };

  return (
    <Section title="Arguments" open>
      {pager && <Pager what="parameters" pager={pager} />}
      {shown.map(({ item, index }) => (
        <ParameterRow
          key={index}
          index={index}
          row={item}
          counts={counts}
          onChange={onChange}
          onRemove={onRemove}
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
  /** Parameters by name, this one included. */
  counts: ReadonlyMap<string, number>;
  onChange: (index: number, patch: Partial<ArgumentParameter>) => void;
  onRemove: (index: number) => void;
}

const ParameterRow = memo(function ParameterRow({
  index,
  row,
  counts,
  onChange,
  onRemove,
}: RowProps) {
  const checkName = (v: string) =>
    !PARAM_NAME_PATTERN.test(v)
      ? 'letters, digits, - and _ only'
      : (counts.get(v) ?? 0) > (v === row.name ? 1 : 0)
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
        onCommit={(name) => onChange(index, { name })}
      />
      <TextField
        label="Value"
        name={`wf-param-${index}-value`}
        value={row.value ?? ''}
        placeholder="required to submit a Workflow"
        check={checkValue}
        suggestions={row.enum}
        onCommit={(value) => onChange(index, { value })}
      />
      <TextField
        label="Enum (comma-separated)"
        name={`wf-param-${index}-enum`}
        value={(row.enum ?? []).join(', ')}
        placeholder="any value"
        onCommit={(text) => onChange(index, { enum: toEnum(text) })}
      />
      <TextField
        label="Description"
        name={`wf-param-${index}-description`}
        value={row.description ?? ''}
        onCommit={(description) => onChange(index, { description })}
      />
      <button
        type="button"
        aria-label={`Remove parameter ${row.name}`}
        onClick={() => onRemove(index)}
      >
        Remove
      </button>
    </fieldset>
  );
});
