// The node inspector's sections for one task, below its name, template and
// parameters: conditions and loops, retry and timeouts, scheduling, volumes,
// env, daemon, the step's own fields (script, HTTP, suspend), and the task
// and its template as YAML for anything the forms do not cover.
import { containerKey } from '../../../core/model/fields';
import {
  setTaskYaml,
  setTemplateYaml,
  taskYamlText,
  templateYamlText,
} from '../../../core/model/nodeYaml';
import { findTask } from '../../../core/model/pipeline';
import { findTemplate } from '../../../core/model/spec';
import { isObject } from '../../../core/model/types';
import { useEditor } from '../../EditorContext';
import { ConditionsSection } from './ConditionsSection';
import { DaemonField } from './DaemonField';
import { EnvSection } from './EnvSection';
import { ForkTemplateNotice } from './ForkTemplateNotice';
import { HttpSection } from './HttpSection';
import { NodeYamlSection } from './NodeYamlSection';
import { RetrySection } from './RetrySection';
import { SchedulingSection } from './SchedulingSection';
import { ScriptSection } from './ScriptSection';
import { SuspendSection } from './SuspendSection';
import { useChecked } from './useChecked';
import { VolumesSection } from './VolumesSection';
import './taskSections.css';
import { isCompound, templateType } from '../../../core/model/templateGraph';
import { scopeTasks } from '../../../core/model/scope';

export function TaskSections({ name }: { name: string }) {
  const apply = useChecked();
  const task = useEditor((s) => findTask(s.pipeline, name));
  const template = useEditor((s) => findTemplate(s.pipeline, task?.template));
  const sharedBy = useEditor((s) =>
    template ? scopeTasks(s.pipeline).filter((t) => t.template === template.name).length : 0,
  );
  // A task that runs a DAG or steps template: that template is edited by opening it on the canvas.
  const isDag = isCompound(templateType(template));
  if (!task) return null;
  const t = isDag ? undefined : template;
  const key = t ? containerKey(t) : undefined;
  return (
    <div className="task-sections" data-testid="task-sections">
      {t && sharedBy > 1 && (
        <ForkTemplateNotice task={name} template={t.name} sharedBy={sharedBy} />
      )}
      <ConditionsSection task={task} />
      <RetrySection task={task} template={t} />
      {t && <SchedulingSection template={t} />}
      {t && <VolumesSection template={t} />}
      {t && key && <EnvSection template={t} />}
      {t && key && <DaemonField template={t} />}
      {t && key === 'script' && <ScriptSection template={t} />}
      {t && isObject(t.http) && <HttpSection template={t} />}
      {t && isObject(t.suspend) && <SuspendSection template={t} />}
      <NodeYamlSection
        title="Task as YAML"
        scope="task"
        text={taskYamlText(task)}
        onApply={(text) => apply((p) => setTaskYaml(p, name, text), { notice: false })}
      />
      {t && (
        <NodeYamlSection
          title="Template as YAML"
          scope="template"
          text={templateYamlText(t)}
          onApply={(text) => apply((p) => setTemplateYaml(p, t.name, text), { notice: false })}
        />
      )}
    </div>
  );
}
