/**
 * "Copy into this file": a templateRef task becomes a task that runs a copy of
 * the referenced template in this document, with every template that one
 * calls by name in its WorkflowTemplate (a DAG's tasks, steps, exit
 * handlers), so the copy runs the same. A name already taken here gets a new
 * one, and the copies' references follow. templateRefs inside stay as they are.
 */
import { error, type Result } from '../diagnostics';
import { addTemplate, updateTask } from '../model/operations';
import { findTask } from '../model/pipeline';
import { templates, withTemplates } from '../model/spec';
import { isObject, type JsonObject, type Pipeline, type Template } from '../model/types';

const REFERENCE_KEYS = new Set(['template', 'onExit']);

/** Names of templates a template calls by `template:` / `onExit:`. */
function calledNames(value: unknown, into: Set<string>): Set<string> {
  if (Array.isArray(value)) value.forEach((v) => calledNames(v, into));
  else if (isObject(value))
    for (const [k, v] of Object.entries(value)) {
      if (REFERENCE_KEYS.has(k) && typeof v === 'string') into.add(v);
      else if (k !== 'templateRef') calledNames(v, into);
    }
  return into;
}

function renameCalls(value: unknown, names: ReadonlyMap<string, string>): unknown {
  if (Array.isArray(value)) return value.map((v) => renameCalls(v, names));
  if (!isObject(value)) return value;
  const out: JsonObject = {};
  for (const [k, v] of Object.entries(value))
    out[k] =
      REFERENCE_KEYS.has(k) && typeof v === 'string'
        ? (names.get(v) ?? v)
        : k === 'templateRef'
          ? v
          : renameCalls(v, names);
  return out;
}

export function copyReferencedTemplate(
  p: Pipeline,
  taskName: string,
  workflowTemplate: JsonObject,
): Result<Pipeline> {
  const task = findTask(p, taskName);
  const ref = task && isObject(task.templateRef) ? task.templateRef : undefined;
  if (!task || !ref)
    return {
      value: p,
      diagnostics: [
        error('no-template-ref', `task ${taskName} has no templateRef`, { task: taskName }),
      ],
    };
  const spec = isObject(workflowTemplate.spec) ? workflowTemplate.spec : {};
  const source = new Map(
    (Array.isArray(spec.templates) ? spec.templates.filter(isObject) : []).map((t) => [
      String(t.name),
      t,
    ]),
  );
  const root = String(ref.template ?? '');
  if (!source.has(root))
    return {
      value: p,
      diagnostics: [
        error('unknown-template', `template ${root} is not in ${String(ref.name)}`, {
          task: taskName,
        }),
      ],
    };
  const needed: string[] = [];
  const visit = (name: string) => {
    if (needed.includes(name) || !source.has(name)) return;
    needed.push(name);
    for (const called of calledNames(source.get(name), new Set())) visit(called);
  };
  visit(root);
  // Add first under their own names (renamed when taken), then point the copies at each other.
  const names = new Map<string, string>();
  const existing = new Set(templates(p).map((t) => t.name));
  let next = p;
  for (const name of needed) {
    const added = addTemplate(next, structuredClone(source.get(name)!) as Template);
    next = added.pipeline;
    names.set(name, added.name);
  }
  if ([...names].some(([from, to]) => from !== to)) {
    // Only the copies just added: an identical template that was already here is left alone.
    const copies = new Set([...names.values()].filter((n) => !existing.has(n)));
    next = withTemplates(
      next,
      templates(next).map((t) =>
        copies.has(t.name)
          ? ({ ...(renameCalls(t, names) as Template), name: t.name } as Template)
          : t,
      ),
    );
  }
  next = updateTask(next, taskName, (t) => {
    const { templateRef: _ref, ...rest } = t;
    return { ...rest, template: names.get(root)! };
  });
  return { value: next, diagnostics: [] };
}
