// The inspector for the one node of a leaf template on the canvas (a
// container, script, resource, HTTP or suspend template shown by itself): its
// name (renaming rewrites everything that runs it), its container or script,
// its ports, the template sections, and the template as YAML.
import { containerKey } from '../../core/model/fields';
import { setTemplateYaml, templateYamlText } from '../../core/model/nodeYaml';
import { findTemplate } from '../../core/model/spec';
import { templateType } from '../../core/model/templateGraph';
import { renameTemplate } from '../../core/model/templateOps';
import { taskNameProblem } from '../../core/model/names';
import { isObject } from '../../core/model/types';
import { useEditor, useEditorStore } from '../EditorContext';
import { ContainerFields } from './ContainerFields';
import { TextField } from './fields';
import { PortsSection } from './PortsSection';
import { DaemonField } from './task/DaemonField';
import { EnvSection } from './task/EnvSection';
import { HttpSection } from './task/HttpSection';
import { NodeYamlSection } from './task/NodeYamlSection';
import { SchedulingSection } from './task/SchedulingSection';
import { ScriptSection } from './task/ScriptSection';
import { SuspendSection } from './task/SuspendSection';
import { useChecked } from './task/useChecked';
import { VolumesSection } from './task/VolumesSection';

export function TemplateInspector({ name }: { name: string }) {
  const store = useEditorStore();
  const apply = useChecked();
  const template = useEditor((s) => findTemplate(s.pipeline, name));
  if (!template) return null;
  const key = containerKey(template);
  const rename = (to: string) => {
    const r = renameTemplate(store.getState().pipeline, name, to);
    if (r.diagnostics.length > 0)
      store.getState().setNotice({ kind: 'error', message: r.diagnostics[0]!.message });
    else {
      store.getState().setPipeline(r.value);
      store.getState().select([to]);
    }
  };
  return (
    <div className="inspector-body" data-testid="template-inspector">
      <h2>Template</h2>
      <p className="muted">A {templateType(template)} template: the whole of this level.</p>
      <TextField
        label="Name"
        name="template-name"
        value={template.name}
        check={(v) =>
          v !== name && findTemplate(store.getState().pipeline, v)
            ? `a template named '${v}' already exists`
            : taskNameProblem(v)
        }
        onCommit={rename}
      />
      {key && <ContainerFields template={template} field={key} />}
      <PortsSection template={template} />
      <SchedulingSection template={template} />
      <VolumesSection template={template} />
      {key && <EnvSection template={template} />}
      {key && <DaemonField template={template} />}
      {key === 'script' && <ScriptSection template={template} />}
      {isObject(template.http) && <HttpSection template={template} />}
      {isObject(template.suspend) && <SuspendSection template={template} />}
      <NodeYamlSection
        title="Template as YAML"
        scope="template"
        text={templateYamlText(template)}
        onApply={(text) => apply((p) => setTemplateYaml(p, name, text), { notice: false })}
      />
    </div>
  );
}
