// How the workflow runs: parallelism, service account, deadline, the
// workflow-level retry strategy, pod garbage collection and how long the
// finished Workflow object is kept (ttlStrategy).
import { RETRY_POLICIES } from '../../../core/model/fieldChecks';
import { K8S_NAME_PATTERN } from '../../../core/model/names';
import { isObject } from '../../../core/model/types';
import {
  POD_GC_STRATEGIES,
  setPodGC,
  setRetryStrategy,
  setTtl,
  setWorkflowField,
  type PodGCStrategy,
  type TtlField,
} from '../../../core/model/workflowFields';
import { useEditorStore } from '../../EditorContext';
import { TextField } from '../fields';
import { IntField } from './IntField';
import { Section } from './Section';
import { useWorkflowField } from './useWorkflowField';

const TTL_LABELS: [TtlField, string][] = [
  ['secondsAfterCompletion', 'Delete after completion (seconds)'],
  ['secondsAfterSuccess', 'Delete after success (seconds)'],
  ['secondsAfterFailure', 'Delete after failure (seconds)'],
];

const checkAccount = (v: string) =>
  v === '' || K8S_NAME_PATTERN.test(v) ? undefined : 'a Kubernetes name: lower case, digits, -';

export function ExecutionSection() {
  const store = useEditorStore();
  const apply = store.getState().apply;
  const parallelism = useWorkflowField('parallelism');
  const account = useWorkflowField('serviceAccountName');
  const deadline = useWorkflowField('activeDeadlineSeconds');
  const retryValue = useWorkflowField('retryStrategy');
  const podGCValue = useWorkflowField('podGC');
  const ttlValue = useWorkflowField('ttlStrategy');
  const retry = isObject(retryValue) ? retryValue : {};
  const podGC = isObject(podGCValue) ? podGCValue : {};
  const ttl = isObject(ttlValue) ? ttlValue : {};
  const set = (key: string) => (value: unknown) => apply((p) => setWorkflowField(p, key, value));

  return (
    <Section title="Execution">
      <IntField
        label="Parallelism (pods at once)"
        field="parallelism"
        name="wf-parallelism"
        value={parallelism}
        min={1}
        placeholder="unlimited"
        onCommit={set('parallelism')}
      />
      <TextField
        label="Service account"
        name="wf-service-account"
        value={typeof account === 'string' ? account : ''}
        placeholder="the namespace's default"
        check={checkAccount}
        onCommit={set('serviceAccountName')}
      />
      <IntField
        label="Active deadline (seconds)"
        field="activeDeadlineSeconds"
        name="wf-active-deadline"
        value={deadline}
        placeholder="none"
        onCommit={set('activeDeadlineSeconds')}
      />
      <IntField
        label="Retry limit (every template)"
        field="retryStrategy.limit"
        name="wf-retry-limit"
        value={retry.limit}
        expressions
        placeholder="no retries"
        onCommit={(v) => apply((p) => setRetryStrategy(p, 'limit', v))}
      />
      <div className="field">
        <label htmlFor="wf-retry-policy">Retry policy</label>
        <select
          id="wf-retry-policy"
          value={typeof retry.retryPolicy === 'string' ? retry.retryPolicy : ''}
          onChange={(e) =>
            apply((p) => setRetryStrategy(p, 'retryPolicy', e.target.value || undefined))
          }
        >
          <option value="">(default: OnFailure)</option>
          {RETRY_POLICIES.map((r) => (
            <option key={r} value={r}>
              {r}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="wf-pod-gc">Delete pods (podGC)</label>
        <select
          id="wf-pod-gc"
          value={typeof podGC.strategy === 'string' ? podGC.strategy : ''}
          onChange={(e) =>
            apply((p) => setPodGC(p, (e.target.value || undefined) as PodGCStrategy | undefined))
          }
        >
          <option value="">(keep pods)</option>
          {POD_GC_STRATEGIES.map((s) => (
            <option key={s} value={s}>
              {s}
            </option>
          ))}
        </select>
      </div>
      {TTL_LABELS.map(([field, label]) => (
        <IntField
          key={field}
          label={label}
          field={`ttlStrategy.${field}`}
          name={`wf-ttl-${field}`}
          value={ttl[field]}
          placeholder="the controller's default"
          onCommit={(v) => apply((p) => setTtl(p, field, v as number | undefined))}
        />
      ))}
    </Section>
  );
}
