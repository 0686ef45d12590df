// The inspector with nothing selected: the workflow's kind, name, namespace,
// arguments and labels, and a CronWorkflow's schedules.
import { setCronField, setMetadataField, setWorkflowParameters } from '../../core/model/fields';
import { setKind } from '../../core/model/kind';
import { K8S_NAME_PATTERN } from '../../core/model/names';
import { workflowSpec } from '../../core/model/spec';
import {
  isObject,
  WORKFLOW_KINDS,
  type Parameter,
  type WorkflowKind,
} from '../../core/model/types';
import { useEditor, useEditorStore } from '../EditorContext';
import {
  checkRecordLines,
  linesToList,
  linesToRecord,
  listToLines,
  recordToLines,
  TextField,
} from './fields';

const checkK8sName = (v: string) =>
  v === '' || K8S_NAME_PATTERN.test(v.replace(/-$/, ''))
    ? undefined
    : 'lower case letters, digits and - only, starting and ending with a letter or digit';

export function WorkflowInspector() {
  const store = useEditorStore();
  const kind = useEditor((s) => s.pipeline.kind);
  const metadata = useEditor((s) => s.pipeline.metadata);
  const args = useEditor((s) => workflowSpec(s.pipeline).arguments);
  const schedules = useEditor((s) =>
    s.pipeline.kind === 'CronWorkflow' ? s.pipeline.spec.schedules : undefined,
  );
  const focus = useEditor((s) => (s.focus && !s.focus.task ? s.focus : undefined));
  const apply = store.getState().apply;
  const params =
    isObject(args) && Array.isArray(args.parameters) ? (args.parameters as Parameter[]) : [];

  return (
    <div className="inspector-body" data-testid="workflow-inspector">
      <h2>Workflow</h2>
      <div className="field">
        <label htmlFor="wf-kind">Kind</label>
        <select
          id="wf-kind"
          value={kind}
          onChange={(e) => apply((p) => setKind(p, e.target.value as WorkflowKind))}
        >
          {WORKFLOW_KINDS.map((k) => (
            <option key={k} value={k}>
              {k}
            </option>
          ))}
        </select>
      </div>
      <TextField
        label="Name"
        name="wf-name"
        value={String(metadata.name ?? '')}
        check={checkK8sName}
        placeholder={kind === 'Workflow' ? 'or use generateName' : 'required'}
        onCommit={(v) => apply((p) => setMetadataField(p, 'name', v))}
        focusKey={focus?.nonce}
      />
      {(kind === 'Workflow' || metadata.generateName !== undefined) && (
        <TextField
          label="Generate name (prefix)"
          name="wf-generate-name"
          value={String(metadata.generateName ?? '')}
          check={checkK8sName}
          onCommit={(v) => apply((p) => setMetadataField(p, 'generateName', v))}
        />
      )}
      {kind !== 'ClusterWorkflowTemplate' && (
        <TextField
          label="Namespace"
          name="wf-namespace"
          value={String(metadata.namespace ?? '')}
          check={checkK8sName}
          placeholder="the server's default"
          onCommit={(v) => apply((p) => setMetadataField(p, 'namespace', v))}
        />
      )}
      {kind === 'CronWorkflow' && (
        <TextField
          label="Schedules (one cron expression a line)"
          name="wf-schedules"
          multiline
          value={listToLines(schedules)}
          onCommit={(v) => apply((p) => setCronField(p, 'schedules', linesToList(v)))}
        />
      )}
      <TextField
        label="Arguments (name=value a line)"
        name="wf-arguments"
        multiline
        value={params.map((p) => `${p.name}=${p.value ?? ''}`).join('\n')}
        check={checkRecordLines}
        onCommit={(v) =>
          apply((p) =>
            setWorkflowParameters(
              p,
              Object.entries(linesToRecord(v)).map(([name, value]) => {
                const before = params.find((x) => x.name === name);
                return { ...before, name, value };
              }),
            ),
          )
        }
      />
      <TextField
        label="Labels (key=value a line)"
        name="wf-labels"
        multiline
        value={recordToLines(metadata.labels)}
        check={checkRecordLines}
        onCommit={(v) => apply((p) => setMetadataField(p, 'labels', linesToRecord(v)))}
      />
    </div>
  );
}
