// Retry & timeouts. The retry strategy and the timeouts live on the template
// (shared by every task that runs it); continueOn lives on the task.
import { useId } from 'react';
import { RETRY_POLICIES, scalarText } from '../../../core/model/fieldChecks';
import { setContinueOn } from '../../../core/model/taskFields';
import {
  retryFieldProblem,
  setRetryStrategy,
  setTemplateTimeout,
  timeoutProblem,
  type RetryField,
} from '../../../core/model/templateFields';
import { isObject, type JsonObject, type Task, type Template } from '../../../core/model/types';
import { useEditorStore } from '../../EditorContext';
import { TextField } from '../fields';
import { CheckboxField } from './CheckboxField';
import { Section } from './Section';
import { useChecked } from './useChecked';

const BACKOFF: [RetryField, string, string][] = [
  ['duration', 'Backoff duration', '10s'],
  ['factor', 'Backoff factor', '2'],
  ['maxDuration', 'Backoff max duration', '5m'],
];

export function RetrySection({ task, template }: { task: Task; template: Template | undefined }) {
  const store = useEditorStore();
  const apply = useChecked();
  const policyId = useId();
  const retry: JsonObject = isObject(template?.retryStrategy) ? template.retryStrategy : {};
  const backoff: JsonObject = isObject(retry.backoff) ? retry.backoff : {};
  const continueOn: JsonObject = isObject(task.continueOn) ? task.continueOn : {};
  const t = template?.name ?? '';
  const setRetry = (field: RetryField, v: string) =>
    apply((p) => setRetryStrategy(p, t, { [field]: v }));
  const open =
    template?.retryStrategy !== undefined ||
    template?.activeDeadlineSeconds !== undefined ||
    template?.timeout !== undefined ||
    task.continueOn !== undefined;
  return (
    <Section title="Retry & timeouts" scope="task + template" open={open}>
      {template && (
        <>
          <TextField
            label="Retry limit"
            name="retry-limit"
            value={scalarText(retry.limit)}
            placeholder="no retries"
            check={(v) => retryFieldProblem('limit', v)}
            hint={
              template.retryStrategy !== undefined && retry.limit === undefined
                ? 'No limit: Argo retries until the step succeeds.'
                : 'Retries after the first attempt.'
            }
            onCommit={(v) => setRetry('limit', v)}
          />
          <div className="field">
            <label htmlFor={policyId}>Retry policy</label>
            <select
              id={policyId}
              value={typeof retry.retryPolicy === 'string' ? retry.retryPolicy : ''}
              onChange={(e) => setRetry('retryPolicy', e.target.value)}
            >
              <option value="">(default: OnFailure)</option>
              {RETRY_POLICIES.map((policy) => (
                <option key={policy} value={policy}>
                  {policy}
                </option>
              ))}
            </select>
          </div>
          {BACKOFF.map(([field, label, placeholder]) => (
            <TextField
              key={field}
              label={label}
              name={`backoff-${field}`}
              value={scalarText(backoff[field])}
              placeholder={placeholder}
              check={(v) => retryFieldProblem(field, v)}
              onCommit={(v) => setRetry(field, v)}
            />
          ))}
          <TextField
            label="Active deadline (seconds)"
            name="active-deadline-seconds"
            value={scalarText(template.activeDeadlineSeconds)}
            check={(v) => timeoutProblem('activeDeadlineSeconds', v)}
            hint="How long the pod may run; container and script steps only."
            onCommit={(v) => apply((p) => setTemplateTimeout(p, t, 'activeDeadlineSeconds', v))}
          />
          <TextField
            label="Timeout"
            name="timeout"
            value={scalarText(template.timeout)}
            placeholder="1h30m"
            check={(v) => timeoutProblem('timeout', v)}
            hint="The whole step, pending time included."
            onCommit={(v) => apply((p) => setTemplateTimeout(p, t, 'timeout', v))}
          />
        </>
      )}
      <CheckboxField
        label="Continue on failed"
        checked={continueOn.failed === true}
        onChange={(failed) =>
          store.getState().apply((p) => setContinueOn(p, task.name, { failed }))
        }
      />
      <CheckboxField
        label="Continue on error"
        checked={continueOn.error === true}
        onChange={(error) => store.getState().apply((p) => setContinueOn(p, task.name, { error }))}
        hint="The DAG goes on after this task fails (or errors)."
      />
    </Section>
  );
}
