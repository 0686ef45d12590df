/**
 * Validation: the mistakes Argo's own validator (workflow/validate) rejects
 * in a DAG, reported before submitting. Messages follow Argo's wording where
 * it has one; each diagnostic names its task and field path.
 */
import { error, warning, type Diagnostic } from '../diagnostics';
import { findCycle } from '../graph/topology';
import { graphIndex } from '../graph/graphIndex';
import { taskNameProblem } from '../model/names';
import { taskPath, workflowSpecPath } from '../model/pipeline';
import { templates, workflowSpec } from '../model/spec';
import { isUnfilledStandIn } from '../model/standIns';
import { isObject, type Pipeline } from '../model/types';
import { clip, typeName } from '../util/describe';
import { dependsTasks, isParseError, parseDepends } from './depends';
import { templateStringProblem, whenProblem } from './expressions';
import { validateReferences } from './validateReferences';
import { validateMetadata, validateObjectName } from './validateMetadata';
import { namedArguments, taskFieldProblems } from './validateTaskFields';
import { defaultScope, scopeTasks } from '../model/scope';

export function validate(shown: Pipeline): Diagnostic[] {
  // The same problems whichever template the canvas shows: tasks are checked
  // in the template the document opens on.
  const p = { ...shown, scope: defaultScope(shown) };
  // The importer has reported the missing spec; checks of its parts would only repeat it.
  if (isUnfilledStandIn(p.spec)) return validateObjectName(p);
  return [
    ...validateMetadata(p),
    ...validateTemplates(p),
    ...validateTasks(p),
    ...validateGraph(p),
    ...validateReferences(p),
  ];
}

/**
 * Template names, as Argo's validateWorkflowFieldNames checks them
 * ("spec.templates[1].name is required"), then the name rules.
 */
function validateTemplates(p: Pipeline): Diagnostic[] {
  const out: Diagnostic[] = [];
  const base = [...workflowSpecPath(p), 'templates'];
  const field = base.join('.');
  const raw = workflowSpec(p).templates;
  if (raw !== undefined && !Array.isArray(raw))
    out.push(
      error('invalid-templates', `${field} is ${typeName(raw)}, not a list of templates`, {
        path: base,
      }),
    );
  const seen = new Set<string>();
  (Array.isArray(raw) ? (raw as unknown[]) : []).forEach((t, i) => {
    const at = `${field}[${i}]`;
    if (!isObject(t)) {
      out.push(
        error('invalid-template', `${at} is ${typeName(t)}, not a template`, {
          path: [...base, i],
        }),
      );
      return;
    }
    const path = [...base, i, 'name'];
    const name = t.name;
    if (typeof name !== 'string') {
      const problem =
        name === undefined ? 'is required' : `must be a string, not ${typeName(name)}`;
      out.push(error('missing-name', `${at}.name ${problem}`, { path }));
      return;
    }
    const problem = taskNameProblem(name);
    if (problem) out.push(error('invalid-name', `templates.${clip(name)}: ${problem}`, { path }));
    else if (name !== name.toLowerCase())
      out.push(
        warning(
          'uppercase-template',
          `template name '${name}' has upper-case letters; Argo 3.4+ puts template names in pod names, which must be lower case`,
          { path },
        ),
      );
    if (seen.has(name))
      out.push(error('duplicate-template', `template '${clip(name)}' is not unique`, { path }));
    seen.add(name);
  });
  const entry = workflowSpec(p).entrypoint;
  const isLibrary = p.kind === 'WorkflowTemplate' || p.kind === 'ClusterWorkflowTemplate';
  // With workflowTemplateRef the entrypoint may name a template of the referenced WorkflowTemplate.
  const byRef = 'workflowTemplateRef' in workflowSpec(p);
  const entryPath = [...workflowSpecPath(p), 'entrypoint'];
  if (entry === undefined && !isLibrary && !byRef)
    out.push(
      error('missing-entrypoint', 'spec.entrypoint is required', { path: workflowSpecPath(p) }),
    );
  else if (entry !== undefined && typeof entry !== 'string')
    out.push(
      error('invalid-entrypoint', `spec.entrypoint must be a string, not ${typeName(entry)}`, {
        path: entryPath,
      }),
    );
  else if (entry !== undefined && !seen.has(entry) && !byRef)
    out.push(
      error('unknown-template', `spec.entrypoint template '${clip(entry)}' not found`, {
        path: entryPath,
      }),
    );
  return out;
}

function validateTasks(p: Pipeline): Diagnostic[] {
  const out: Diagnostic[] = [];
  const templateNames = new Set(templates(p).map((t) => t.name));
  const seen = new Set<string>();
  const dag = clip(p.scope ?? '');
  let usesDepends: string | undefined;
  let usesDependencies: string | undefined;
  scopeTasks(p).forEach((task, i) => {
    const at = (field?: string): Diagnostic['path'] =>
      field ? taskPath(p, i, field) : taskPath(p, i);
    const where = (field?: string) => ({ task: task.name, path: at(field) });
    const name = clip(task.name);
    const problem = taskNameProblem(task.name);
    if (problem)
      out.push(error('invalid-name', `templates.${dag}.tasks.${problem}`, where('name')));
    if (seen.has(task.name))
      out.push(
        error('duplicate-task', `templates.${dag}.tasks.${name} is not unique`, where('name')),
      );
    seen.add(task.name);
    // A loop, not push(...list): a task may carry more malformed items than a call takes arguments.
    for (const d of taskFieldProblems(p, task, i)) out.push(d);
    const ways = ['template', 'templateRef', 'inline'].filter((k) => task[k] !== undefined);
    if (ways.length === 0)
      out.push(
        error(
          'missing-template',
          `task ${name} must have one of template, templateRef or inline`,
          where(),
        ),
      );
    else if (ways.length > 1)
      out.push(
        error(
          'multiple-templates',
          `task ${name} has ${ways.join(' and ')}; use exactly one`,
          where(),
        ),
      );
    else if (typeof task.template === 'string' && !templateNames.has(task.template))
      out.push(
        error(
          'unknown-template',
          `templates.${dag}.tasks.${name} template '${clip(task.template)}' not found`,
          where('template'),
        ),
      );
    if (task.depends !== undefined) usesDepends ??= task.name;
    if (task.dependencies !== undefined) usesDependencies ??= task.name;
    if (typeof task.depends === 'string') {
      const parsed = parseDepends(task.depends);
      if (isParseError(parsed))
        out.push(
          error(
            'invalid-depends',
            `depends '${clip(task.depends)}' does not parse: ${parsed.message} (at character ${parsed.offset + 1})`,
            where('depends'),
          ),
        );
    }
    if (typeof task.when === 'string') {
      const whenIssue = whenProblem(task.when);
      if (whenIssue)
        out.push(
          error(
            'invalid-when',
            `when '${clip(task.when)}' does not parse: ${whenIssue}`,
            where('when'),
          ),
        );
    }
    for (const kind of ['parameters', 'artifacts'] as const)
      for (const { item, index } of namedArguments(task, kind)) {
        const issue =
          typeof item.value === 'string' ? templateStringProblem(item.value) : undefined;
        if (issue)
          out.push(
            error('invalid-expression', `arguments.${kind}.${clip(item.name)}: ${issue}`, {
              task: task.name,
              path: taskPath(p, i, 'arguments', kind, index, 'value'),
            }),
          );
      }
  });
  if (usesDepends && usesDependencies)
    out.push(
      error(
        'mixed-depends',
        `templates.${dag} cannot use both 'depends' and 'dependencies' in the same DAG template (tasks ${clip(usesDependencies)} and ${clip(usesDepends)})`,
        {
          task: usesDepends,
          path: taskPath(
            p,
            scopeTasks(p).findIndex((t) => t.name === usesDepends),
            'depends',
          ),
        },
      ),
    );
  return out;
}

function validateGraph(p: Pipeline): Diagnostic[] {
  const out: Diagnostic[] = [];
  const { pos } = graphIndex(scopeTasks(p));
  scopeTasks(p).forEach((task, i) => {
    const names = new Set<string>();
    if (Array.isArray(task.dependencies))
      for (const d of task.dependencies as unknown[]) if (typeof d === 'string') names.add(d);
    if (typeof task.depends === 'string') {
      const parsed = parseDepends(task.depends);
      if (!isParseError(parsed)) for (const d of dependsTasks(parsed)) names.add(d);
    }
    for (const dep of names) {
      if (!pos.has(dep)) {
        const field = task.depends !== undefined ? 'depends' : 'dependencies';
        out.push(
          error(
            'unknown-dependency',
            `templates.${clip(p.scope ?? '')}.tasks.${clip(task.name)} dependency '${clip(dep)}' not defined`,
            { task: task.name, path: taskPath(p, i, field) },
          ),
        );
      }
    }
  });
  const cycle = findCycle(scopeTasks(p));
  if (cycle) {
    const i = scopeTasks(p).findIndex((t) => t.name === cycle[0]);
    out.push(
      error('cycle', `dependency cycle detected: ${cycle.map((n) => clip(n)).join(' -> ')}`, {
        task: cycle[0],
        path: taskPath(p, i),
      }),
    );
  }
  return out;
}
