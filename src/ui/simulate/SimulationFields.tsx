// The simulation panel's two choices: how a leaf ends, and a `when` decided by
// the user where the simulator cannot (or should not) evaluate it.
import type { LeafOutcome } from '../../core/simulate';

const OUTCOMES: { key: string; label: string; outcome?: LeafOutcome }[] = [
  { key: '', label: 'Succeeds' },
  { key: 'Failed', label: 'Fails', outcome: { phase: 'Failed' } },
  { key: 'Error', label: 'Errors', outcome: { phase: 'Error' } },
  {
    key: 'Failed-1',
    label: 'Fails once, then succeeds (retries)',
    outcome: { phase: 'Failed', times: 1 },
  },
];

const keyOf = (o: LeafOutcome | undefined) =>
  !o ? '' : o.times !== undefined ? `${o.phase}-${o.times}` : o.phase;

export function OutcomeSelect({
  id,
  label = 'Ends',
  value,
  onChange,
}: {
  id: string;
  label?: string;
  value: LeafOutcome | undefined;
  onChange: (o: LeafOutcome | undefined) => void;
}) {
  return (
    <span className="sim-outcome">
      <label htmlFor={id} className={label === 'Ends' ? undefined : 'visually-hidden'}>
        {label}
      </label>{' '}
      <select
        id={id}
        data-testid={id}
        value={keyOf(value)}
        onChange={(e) => onChange(OUTCOMES.find((o) => o.key === e.target.value)?.outcome)}
      >
        {OUTCOMES.map((o) => (
          <option key={o.key} value={o.key}>
            {o.label}
          </option>
        ))}
        {value && !OUTCOMES.some((o) => o.key === keyOf(value)) && (
          <option value={keyOf(value)}>{keyOf(value)}</option>
        )}
      </select>
    </span>
  );
}

export function WhenSelect({
  id,
  when,
  value,
  onChange,
}: {
  id: string;
  when: string;
  value: boolean | undefined;
  onChange: (v: boolean | undefined) => void;
}) {
  return (
    <div className="field">
      <label htmlFor={id}>
        when <code>{when}</code>
      </label>
      <select
        id={id}
        value={value === undefined ? '' : String(value)}
        onChange={(e) => onChange(e.target.value === '' ? undefined : e.target.value === 'true')}
      >
        <option value="">evaluate it</option>
        <option value="true">true: run</option>
        <option value="false">false: skip</option>
      </select>
    </div>
  );
}
