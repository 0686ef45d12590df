// The inspector for one task: its name (rename rewrites every reference),
// the template it runs, the container fields of that template, and the
// values it passes for the template's input parameters.
import { containerKey, setTaskParameter } from '../../core/model/fields';
import { ContainerFields } from './ContainerFields';
import { taskNameProblem } from '../../core/model/names';
import { findTask } from '../../core/model/pipeline';
import { findTemplate, templates } from '../../core/model/spec';
import { isObject, type JsonObject } from '../../core/model/types';
import { diagnosticsByTask, referencesInScope } from '../../store/derived';
import { PortsSection } from './PortsSection';
import { ReferencedTemplate } from './ReferencedTemplate';
import { ResourceSection } from './ResourceSection';
import { TaskSections } from './task/TaskSections';
import { useEditor, useEditorStore } from '../EditorContext';
import { TextField } from './fields';
import { scopeTasks } from '../../core/model/scope';
import { DescriptionField } from './DescriptionField';

export function TaskInspector({ name }: { name: string }) {
  const store = useEditorStore();
  const task = useEditor((s) => findTask(s.pipeline, name));
  const template = useEditor((s) => findTemplate(s.pipeline, task?.template));
  const templateNames = useEditor((s) =>
    templates(s.pipeline)
      .map((t) => t.name)
      .join('\n'),
  );
  const problems = useEditor((s) => diagnosticsByTask(s).get(name));
  const focus = useEditor((s) => (s.focus?.task === name ? s.focus : undefined));
  const scope = useEditor((s) => referencesInScope(s.pipeline)(name).references);
  if (!task) return null;
  const key = template ? containerKey(template) : undefined;
  const container = key && template ? (template[key] as JsonObject) : undefined;
  const inputs =
    template && isObject(template.inputs) && Array.isArray(template.inputs.parameters)
      ? (template.inputs.parameters as JsonObject[])
      : [];
  const given = new Map((task.arguments?.parameters ?? []).map((p) => [p.name, p.value]));
  const { apply } = store.getState();
  const focusOn = (field: string) => (focus?.field === field ? focus.nonce : undefined);

  return (
    <div className="inspector-body" data-testid="task-inspector">
      <h2>Task</h2>
      <TextField
        label="Name"
        name="task-name"
        value={task.name}
        check={(v) =>
          v !== task.name && scopeTasks(store.getState().pipeline).some((t) => t.name === v)
            ? `a task named '${v}' already exists`
            : taskNameProblem(v)
        }
        onCommit={(v) => store.getState().renameTask(task.name, v)}
        focusKey={focusOn('name')}
      />
      <DescriptionField task={task.name} />
      <div className="field">
        <label htmlFor="task-template">Template</label>
        <select
          id="task-template"
          value={task.template ?? ''}
          onChange={(e) =>
            store.getState().updateTask(name, (t) => ({ ...t, template: e.target.value }))
          }
        >
          {!task.template && <option value="">(templateRef or inline)</option>}
          {templateNames
            .split('\n')
            .filter(Boolean)
            .map((t) => (
              <option key={t} value={t}>
                {t}
              </option>
            ))}
        </select>
      </div>
      {task.templateRef !== undefined && <ReferencedTemplate task={task.name} />}
      {container && template && key && (
        <ContainerFields template={template} field={key} focusKey={focusOn('image')} />
      )}
      {inputs.length > 0 && (
        <fieldset>
          <legend>Parameters</legend>
          {inputs.map((param) => {
            const pname = String(param.name);
            const fallback = param.default ?? param.value;
            return (
              <TextField
                key={pname}
                label={pname}
                name={`param-${pname}`}
                value={given.get(pname) ?? ''}
                placeholder={fallback !== undefined ? `default: ${String(fallback)}` : 'required'}
                check={(v) =>
                  v === '' && fallback === undefined ? 'a value is required' : undefined
                }
                onCommit={(v) => apply((p) => setTaskParameter(p, name, pname, v))}
                focusKey={focusOn('arguments')}
                suggestions={scope}
              />
            );
          })}
        </fieldset>
      )}
      {template && isObject(template.resource) && <ResourceSection task={name} />}
      {template && <PortsSection template={template} />}
      <TaskSections name={name} />
      {problems && problems.length > 0 && (
        <ul className="inspector-problems">
          {problems.map((d, i) => (
            <li key={i} className={d.severity}>
              {d.message}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
