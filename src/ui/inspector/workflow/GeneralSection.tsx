// The workflow's kind and identity: name or generateName, namespace, labels
// and annotations. The editor's own layout annotation is never shown: import
// strips it from metadata and export writes it back. Its notes and task
// descriptions are not shown either, and an edit here keeps them.
import { setMetadataField } from '../../../core/model/fields';
import { setKind } from '../../../core/model/kind';
import { K8S_NAME_PATTERN } from '../../../core/model/names';
import { LAYOUT_ANNOTATION, WORKFLOW_KINDS, type WorkflowKind } from '../../../core/model/types';
import { useEditor, useEditorStore } from '../../EditorContext';
import { DESCRIPTIONS_ANNOTATION, NOTES_ANNOTATION } from '../../../core/ergonomics/notes';
import { checkRecordLines, linesToRecord, recordToLines, TextField } from '../fields';
import { Section } from './Section';

const checkK8sName = (v: string) =>
  v === '' || K8S_NAME_PATTERN.test(v.replace(/-$/, ''))
    ? undefined
    : 'lower case letters, digits and - only, starting and ending with a letter or digit';

/** The editor's notes and task descriptions: kept in metadata, edited on the canvas and in the inspector. */
const EDITOR_ANNOTATIONS = [NOTES_ANNOTATION, DESCRIPTIONS_ANNOTATION];

const checkAnnotations = (text: string) => {
  const reserved = [LAYOUT_ANNOTATION, ...EDITOR_ANNOTATIONS].find((k) => k in linesToRecord(text));
  return (
    checkRecordLines(text) ??
    (reserved
      ? `${reserved} is reserved for the editor (positions, notes, descriptions)`
      : undefined)
  );
};

function withoutLayout(annotations: unknown): Record<string, string> {
  const { [LAYOUT_ANNOTATION]: _layout, ...rest } = (annotations ?? {}) as Record<string, string>;
  for (const key of EDITOR_ANNOTATIONS) delete rest[key];
  return rest;
}

/** The annotations typed, with the editor's own kept as they were. */
function withEditorAnnotations(typed: Record<string, string>, current: unknown) {
  const kept = Object.entries((current ?? {}) as Record<string, string>).filter(([k]) =>
    EDITOR_ANNOTATIONS.includes(k),
  );
  return kept.length > 0 ? { ...typed, ...Object.fromEntries(kept) } : typed;
}

export function GeneralSection() {
  const store = useEditorStore();
  const kind = useEditor((s) => s.pipeline.kind);
  const metadata = useEditor((s) => s.pipeline.metadata);
  const focus = useEditor((s) => (s.focus && !s.focus.task ? s.focus : undefined));
  const apply = store.getState().apply;
  const set = (field: string) => (v: unknown) => apply((p) => setMetadataField(p, field, v));
  /** Problems list -> field: a workflow-level problem without a metadata field focuses the name. */
  const focusOn = (field: string) =>
    (focus?.field ?? 'name') === field ? focus?.nonce : undefined;

  return (
    <Section title="General" open>
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
        onCommit={set('name')}
        focusKey={focusOn('name')}
      />
      {(kind === 'Workflow' || metadata.generateName !== undefined) && (
        <TextField
          label="Generate name (prefix)"
          name="wf-generate-name"
          value={String(metadata.generateName ?? '')}
          check={checkK8sName}
          onCommit={set('generateName')}
          focusKey={focusOn('generateName')}
        />
      )}
      {kind !== 'ClusterWorkflowTemplate' && (
        <TextField
          label="Namespace"
          name="wf-namespace"
          value={String(metadata.namespace ?? '')}
          check={checkK8sName}
          placeholder="the server's default"
          onCommit={set('namespace')}
          focusKey={focusOn('namespace')}
        />
      )}
      <TextField
        label="Labels (key=value a line)"
        name="wf-labels"
        multiline
        value={recordToLines(metadata.labels)}
        check={checkRecordLines}
        onCommit={(v) => set('labels')(linesToRecord(v))}
        focusKey={focusOn('labels')}
      />
      <TextField
        label="Annotations (key=value a line)"
        name="wf-annotations"
        multiline
        value={recordToLines(withoutLayout(metadata.annotations))}
        check={checkAnnotations}
        onCommit={(v) =>
          set('annotations')(
            withEditorAnnotations(linesToRecord(v), store.getState().pipeline.metadata.annotations),
          )
        }
        focusKey={focusOn('annotations')}
      />
    </Section>
  );
}
