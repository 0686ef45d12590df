// withSequence: count (or end), start and a printf format. Each field commits
// the whole sequence; count and end cannot both be set.
import { scalarText } from '../../../core/model/fieldChecks';
import { sequenceProblem, setLoop, type SequenceInput } from '../../../core/model/taskFields';
import { isObject, type Task } from '../../../core/model/types';
import { TextField } from '../fields';
import { useChecked } from './useChecked';

const FIELDS = [
  ['count', 'Sequence count', '5'],
  ['start', 'Sequence start', '0'],
  ['end', 'Sequence end', 'or an end instead of a count'],
  ['format', 'Sequence format', 'part-%02d'],
] as const;

export function SequenceFields({ task, replaces }: { task: Task; replaces?: string | undefined }) {
  const apply = useChecked();
  const raw = isObject(task.withSequence) ? task.withSequence : {};
  const seq: Record<string, string> = {};
  for (const [key] of FIELDS) if (raw[key] !== undefined) seq[key] = scalarText(raw[key]);
  return (
    <fieldset>
      <legend>withSequence</legend>
      {replaces && <div className="field-hint">{replaces}</div>}
      {FIELDS.map(([key, label, placeholder]) => (
        <TextField
          key={key}
          label={label}
          name={`sequence-${key}`}
          value={seq[key] ?? ''}
          placeholder={placeholder}
          check={(v) => {
            const next = { ...seq, [key]: v };
            const empty = Object.values(next).every((x) => x.trim() === '');
            return key === 'format' || empty ? undefined : sequenceProblem(next);
          }}
          onCommit={(v) =>
            apply((p) =>
              setLoop(p, task.name, 'withSequence', { ...seq, [key]: v } as SequenceInput),
            )
          }
        />
      ))}
    </fieldset>
  );
}
