// One node selector requirement: label key, operator, values (comma separated).
import type { Diagnostic } from '../../../core/diagnostics';
import { nodeRequirementProblem, type NodeRequirement } from '../../../core/model/affinity';
import { NODE_OPERATORS } from '../../../core/model/fieldChecks';
import { RowGroup } from './RowGroup';
import { RowInput } from './RowInput';
import { RowSelect } from './RowSelect';
import { useDraft } from './useDraft';

interface Props {
  index: number;
  value: NodeRequirement;
  onCommit: (r: NodeRequirement) => Diagnostic[];
  onRemove: () => void;
}

interface Draft {
  key: string;
  operator: string;
  values: string;
}

const toRequirement = (d: Draft): NodeRequirement => ({
  key: d.key.trim(),
  operator: d.operator,
  values: d.values
    .split(',')
    .map((v) => v.trim())
    .filter((v) => v !== ''),
});

export function NodeRequirementRow({ index, value, onCommit, onRemove }: Props) {
  const initial: Draft = {
    key: value.key,
    operator: value.operator,
    values: value.values.join(', '),
  };
  const [draft, setDraft] = useDraft(initial);
  const changed = JSON.stringify(draft) !== JSON.stringify(initial);
  const problem = changed ? nodeRequirementProblem(toRequirement(draft)) : undefined;
  const label = `Requirement ${index + 1}`;
  const noValues = draft.operator === 'Exists' || draft.operator === 'DoesNotExist';
  return (
    <RowGroup
      label={label}
      problem={problem}
      onCommit={() => {
        if (changed && !problem) onCommit(toRequirement(draft));
      }}
      onReset={() => setDraft(initial)}
      onRemove={onRemove}
    >
      <RowInput
        label="label key"
        name={`${label} key`}
        value={draft.key}
        placeholder="kubernetes.io/arch"
        onChange={(key) => setDraft({ ...draft, key })}
      />
      <RowSelect
        label="operator"
        name={`${label} operator`}
        value={draft.operator}
        options={NODE_OPERATORS.map((o) => [o, o] as const)}
        onChange={(operator) =>
          setDraft({
            ...draft,
            operator,
            values: operator === 'Exists' || operator === 'DoesNotExist' ? '' : draft.values,
          })
        }
      />
      <RowInput
        label="values"
        name={`${label} values`}
        value={draft.values}
        placeholder={noValues ? '(none)' : 'amd64, arm64'}
        disabled={noValues}
        onChange={(values) => setDraft({ ...draft, values })}
      />
    </RowGroup>
  );
}
