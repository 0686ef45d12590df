// Task fields: the `when` condition and the loop (withItems, withParam or
// withSequence; one at a time). They change this task only.
import { useId, useState } from 'react';
import { referencesInScope } from '../../../store/derived';
import { useEditor } from '../../EditorContext';
import { templateStringProblem, whenProblem } from '../../../core/argo/expressions';
import {
  itemsText,
  loopKind,
  parseItems,
  setLoop,
  setWhen,
  type LoopKind,
} from '../../../core/model/taskFields';
import type { Task } from '../../../core/model/types';
import { TextField } from '../fields';
import { Section } from './Section';
import { SequenceFields } from './SequenceFields';
import { useChecked } from './useChecked';

const LOOPS: [LoopKind, string][] = [
  ['none', 'No loop'],
  ['withItems', 'withItems: a list'],
  ['withParam', 'withParam: a JSON list from a parameter or output'],
  ['withSequence', 'withSequence: numbers'],
];

export function ConditionsSection({ task }: { task: Task }) {
  const apply = useChecked();
  const id = useId();
  const current = loopKind(task);
  // The kind chosen in the select; the document changes once its value is committed.
  const [kind, setKind] = useState(current);
  const [shown, setShown] = useState(current);
  if (current !== shown) {
    setShown(current);
    setKind(current);
  }
  const name = task.name;
  const conditions = useEditor((s) => referencesInScope(s.pipeline)(name).conditions);
  const references = useEditor((s) => referencesInScope(s.pipeline)(name).references);
  const replaces = current !== 'none' && current !== kind ? ` Setting it replaces ${current}.` : '';
  return (
    <Section
      title="Conditions & loops"
      scope="task"
      open={task.when !== undefined || current !== 'none'}
    >
      <TextField
        label="When"
        name="when"
        value={typeof task.when === 'string' ? task.when : ''}
        placeholder="{{tasks.check.outputs.result}} == ready"
        check={(v) => (v.trim() === '' ? undefined : whenProblem(v.trim()))}
        hint="Runs the task only when the condition holds; empty always runs it."
        suggestions={conditions}
        onCommit={(v) => apply((p) => setWhen(p, name, v))}
      />
      <div className="field">
        <label htmlFor={id}>Loop</label>
        <select
          id={id}
          value={kind}
          onChange={(e) => {
            const next = e.target.value as LoopKind;
            setKind(next);
            if (next === 'none') apply((p) => setLoop(p, name, 'none'));
          }}
        >
          {LOOPS.map(([k, text]) => (
            <option key={k} value={k}>
              {text}
            </option>
          ))}
        </select>
      </div>
      {kind === 'withItems' && (
        <TextField
          label="Items (one a line, or a YAML list)"
          name="with-items"
          multiline
          value={current === 'withItems' ? itemsText(task.withItems) : ''}
          check={(v) => parseItems(v).diagnostics[0]?.message}
          hint={`Each item runs the task once as {{item}}.${replaces}`}
          onCommit={(v) => apply((p) => setLoop(p, name, 'withItems', parseItems(v).value))}
        />
      )}
      {kind === 'withParam' && (
        <TextField
          label="withParam (JSON list or expression)"
          name="with-param"
          value={
            current === 'withParam' && typeof task.withParam === 'string' ? task.withParam : ''
          }
          placeholder="{{tasks.list.outputs.result}}"
          suggestions={references}
          check={(v) => {
            const problem = templateStringProblem(v);
            return problem ? `withParam: ${problem}` : undefined;
          }}
          hint={replaces.trim() || undefined}
          onCommit={(v) => apply((p) => setLoop(p, name, 'withParam', v))}
        />
      )}
      {kind === 'withSequence' && (
        <SequenceFields task={task} replaces={replaces.trim() || undefined} />
      )}
    </Section>
  );
}
