// One environment variable: its name and where the value comes from.
// Committed when focus leaves the row (or on Enter), once it is complete.
import { hasErrors } from '../../../core/diagnostics';
import {
  envVarProblem,
  setEnvVar,
  type EnvRow,
  type EnvSource,
} from '../../../core/model/containerFields';
import { RowGroup } from './RowGroup';
import { RowInput } from './RowInput';
import { RowSelect } from './RowSelect';
import { useChecked } from './useChecked';
import { useDraft } from './useDraft';

interface Props {
  index: number;
  template: string;
  row: EnvRow;
  /** A row not yet in the document: committing appends it. */
  isNew?: boolean;
  onDone?: () => void;
}

type Kind = EnvSource['kind'];

interface Draft {
  name: string;
  kind: Kind;
  value: string;
  refName: string;
  refKey: string;
}

const KINDS = [
  ['value', 'value'],
  ['secretKeyRef', 'Secret key'],
  ['configMapKeyRef', 'ConfigMap key'],
] as const;

function toDraft({ name, source }: EnvRow): Draft {
  const ref = source.kind === 'secretKeyRef' || source.kind === 'configMapKeyRef';
  return {
    name,
    kind: source.kind,
    value: source.kind === 'value' ? source.value : '',
    refName: ref ? source.name : '',
    refKey: ref ? source.key : '',
  };
}

function toSource(d: Draft): EnvSource {
  if (d.kind === 'value') return { kind: 'value', value: d.value };
  if (d.kind === 'other') return { kind: 'other' };
  return { kind: d.kind, name: d.refName, key: d.refKey };
}

export function EnvVarRow({ index, template, row, isNew, onDone }: Props) {
  const apply = useChecked();
  const initial = toDraft(row);
  const [draft, setDraft] = useDraft(initial);
  const changed = JSON.stringify(draft) !== JSON.stringify(initial);
  const problem = changed ? envVarProblem(draft.name.trim(), toSource(draft)) : undefined;
  const label = `Env ${index + 1}`;
  const what = draft.kind === 'secretKeyRef' ? 'Secret' : 'ConfigMap';
  const commit = () => {
    if (!changed || problem || draft.kind === 'other') return;
    const previous = isNew ? '' : row.name;
    const diagnostics = apply((p) =>
      setEnvVar(p, template, draft.name.trim(), toSource(draft), previous),
    );
    if (!hasErrors(diagnostics)) onDone?.();
  };
  return (
    <RowGroup
      label={label}
      problem={problem}
      onCommit={commit}
      onReset={() => setDraft(initial)}
      onRemove={() => {
        if (isNew) onDone?.();
        else apply((p) => setEnvVar(p, template, row.name, undefined));
      }}
    >
      <RowInput
        label="name"
        name={`${label} name`}
        value={draft.name}
        placeholder="DB_HOST"
        onChange={(name) => setDraft({ ...draft, name })}
      />
      {draft.kind === 'other' ? (
        <span className="field-hint">from a field or resource: edit the template as YAML</span>
      ) : (
        <>
          <RowSelect
            label="from"
            name={`${label} source`}
            value={draft.kind}
            options={KINDS}
            onChange={(kind) => setDraft({ ...draft, kind: kind as Kind })}
          />
          {draft.kind === 'value' ? (
            <RowInput
              label="value"
              name={`${label} value`}
              value={draft.value}
              onChange={(value) => setDraft({ ...draft, value })}
            />
          ) : (
            <>
              <RowInput
                label={`${what} name`}
                name={`${label} ${what} name`}
                value={draft.refName}
                onChange={(refName) => setDraft({ ...draft, refName })}
              />
              <RowInput
                label="key"
                name={`${label} ${what} key`}
                value={draft.refKey}
                onChange={(refKey) => setDraft({ ...draft, refKey })}
              />
            </>
          )}
        </>
      )}
    </RowGroup>
  );
}
