// The inspector for one task: its name (rename rewrites every reference),
// the template it runs, the container fields of that template, and the
// values it passes for the template's input parameters.
import { containerKey, setContainerField, setTaskParameter } from '../../core/model/fields';
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
import { checkRecordLines, linesToList, linesToRecord, listToLines, TextField } from './fields';

export function TaskInspector({ name }: { name: string }) {
  const store = useEditorStore();
  const task = useEditor((s) => findTask(s.pipeline, name));
  const template = useEditor((s) => findTemplate(s.pipeline, task?.template));
  const templateNames = useEditor((s) =>
    templates(s.pipeline)
      .map((t) => t.name)
      .join('\n'),
  );
  const problems = useEditor((s) => diagnosticsByTask(s.pipeline).get(name));
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
  const setContainer = (field: string, value: unknown) =>
    apply((p) => setContainerField(p, template!.name, field, value));
  const focusOn = (field: string) => (focus?.field === field ? focus.nonce : undefined);

  return (
    <div className="inspector-body" data-testid="task-inspector">
      <h2>Task</h2>
      <TextField
        label="Name"
        name="task-name"
        value={task.name}
        check={(v) =>
          v !== task.name && store.getState().pipeline.tasks.some((t) => t.name === v)
            ? `a task named '${v}' already exists`
            : taskNameProblem(v)
        }
        onCommit={(v) => store.getState().renameTask(task.name, v)}
        focusKey={focusOn('name')}
      />
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
      {container && (
        <fieldset>
          <legend>{key === 'script' ? 'Script' : 'Container'}</legend>
          <TextField
            label="Image"
            name="image"
            value={String(container.image ?? '')}
            onCommit={(v) => setContainer('image', v)}
            check={(v) => (v.trim() === '' ? 'an image is required' : undefined)}
            focusKey={focusOn('image')}
          />
          <TextField
            label="Command (one item a line)"
            name="command"
            multiline
            value={listToLines(container.command)}
            onCommit={(v) => setContainer('command', linesToList(v))}
          />
          {key === 'container' && (
            <TextField
              label="Args (one item a line)"
              name="args"
              multiline
              value={listToLines(container.args)}
              onCommit={(v) => setContainer('args', linesToList(v))}
            />
          )}
          <TextField
            label="Resources (requests.cpu=500m a line)"
            name="resources"
            multiline
            value={resourceLines(container.resources)}
            check={checkRecordLines}
            onCommit={(v) => setContainer('resources', linesToResources(v))}
          />
        </fieldset>
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

function resourceLines(resources: unknown): string {
  if (!isObject(resources)) return '';
  const lines: string[] = [];
  for (const [group, values] of Object.entries(resources)) {
    if (isObject(values))
      for (const [k, v] of Object.entries(values)) lines.push(`${group}.${k}=${String(v)}`);
  }
  return lines.join('\n');
}

function linesToResources(text: string): JsonObject {
  // Maps, not `out[group] ??= {}`: a group typed as `constructor` would find Object there.
  const groups = new Map<string, [string, string][]>();
  for (const [key, value] of Object.entries(linesToRecord(text))) {
    const [group, name] = key.includes('.') ? key.split('.', 2) : ['requests', key];
    const list = groups.get(group!) ?? [];
    groups.set(group!, [...list, [name!, value]]);
  }
  return Object.fromEntries([...groups].map(([group, list]) => [group, Object.fromEntries(list)]));
}
