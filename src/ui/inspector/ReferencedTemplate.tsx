// A templateRef task's template, read-only: what it calls, its inputs and
// outputs when the editor knows the WorkflowTemplate (from the server), and
// "Copy into this file" to run a local copy instead.
import { knownWorkflowTemplate, referencedTemplate } from '../../core/library/templateRefs';
import { templateYamlText } from '../../core/model/nodeYaml';
import { findTask } from '../../core/model/pipeline';
import { isObject } from '../../core/model/types';
import { useEditor, useEditorStore } from '../EditorContext';

export function ReferencedTemplate({ task }: { task: string }) {
  const store = useEditorStore();
  useEditor((s) => s.library.version); // the library loading makes the template known
  const t = useEditor((s) => findTask(s.pipeline, task));
  const ref = t && isObject(t.templateRef) ? t.templateRef : undefined;
  if (!ref) return null;
  const name = String(ref.name ?? '');
  const cluster = ref.clusterScope === true;
  const template = referencedTemplate(t);
  const known = knownWorkflowTemplate(name, cluster) !== undefined;
  return (
    <fieldset className="referenced-template" data-testid="referenced-template">
      <legend>templateRef</legend>
      <p>
        {cluster ? 'ClusterWorkflowTemplate' : 'WorkflowTemplate'} <strong>{name}</strong>, template{' '}
        <strong>{String(ref.template ?? '')}</strong>
      </p>
      {template ? (
        <>
          <pre className="referenced-yaml" aria-label="Referenced template (read-only)">
            {templateYamlText(template)}
          </pre>
          <button type="button" onClick={() => void store.getState().copyTemplateIntoFile(task)}>
            Copy into this file
          </button>
        </>
      ) : (
        <p className="muted">
          {known
            ? `${name} has no template ${String(ref.template ?? '')}.`
            : 'Not loaded: connect to the Argo Server to see this template (palette, Server templates).'}
        </p>
      )}
    </fieldset>
  );
}
