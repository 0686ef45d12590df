// The node inspector's part for a resource task: the Spark form when the
// manifest creates a SparkApplication, the action and conditions otherwise,
// and always the raw manifest. A task sharing a SparkApplication template gets
// its own copy on its first edit here (each Spark task has its own manifest);
// a shared template of another kind changes for every task that runs it.
import { useMemo } from 'react';
import { findTask } from '../../core/model/pipeline';
import { readResource, SPARK_KIND, setManifestText } from '../../core/model/resourceFields';
import { findTemplate } from '../../core/model/spec';
import { isObject } from '../../core/model/types';
import { templateUses } from '../../store/derived';
import { useEditor } from '../EditorContext';
import { ManifestEditor } from './ManifestEditor';
import { ResourceFields } from './ResourceFields';
import { SparkForm } from './SparkForm';
import { useResourceEdit } from './useResourceEdit';
import './resource.css';

export function ResourceSection({ task }: { task: string }) {
  const template = useEditor((s) => findTemplate(s.pipeline, findTask(s.pipeline, task)?.template));
  const uses = useEditor((s) => (template ? templateUses(s.pipeline)(template.name) : 0));
  const edit = useResourceEdit(task);
  const view = useMemo(() => (template ? readResource(template) : undefined), [template]);
  if (!template || !view) return null;
  const spark = view.object?.kind === SPARK_KIND;
  const shared =
    uses > 1
      ? spark
        ? `Template ${template.name} is shared by ${uses} tasks: your first change here gives this task its own copy, so the other tasks keep theirs.`
        : `Template ${template.name} is shared by ${uses} tasks: changes here apply to all of them.`
      : undefined;
  return (
    <section className="resource-section" data-testid="resource-section" aria-label="Resource">
      <h2>
        {spark ? 'Spark application' : `Resource${view.object ? `: ${view.object.kind}` : ''}`}
      </h2>
      {shared && (
        <p className="resource-shared" role="note">
          {shared}
        </p>
      )}
      {spark ? (
        <>
          <SparkForm view={view} edit={edit} />
          <ResourceFields view={view} edit={edit} conditions={false} />
        </>
      ) : (
        <ResourceFields view={view} edit={edit} />
      )}
      {view.manifest === '' && isObject(template.resource) && template.resource.manifestFrom ? (
        <p className="field-hint">The manifest is read from an artifact (manifestFrom).</p>
      ) : (
        <ManifestEditor
          text={view.manifest}
          onApply={(text) => edit((p, t) => setManifestText(p, t, text), { notice: false })}
          hint={
            spark ? 'The form above rewrites this text; keys it does not show are kept.' : undefined
          }
        />
      )}
    </section>
  );
}
