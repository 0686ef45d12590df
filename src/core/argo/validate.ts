/**
 * Validation: the mistakes Argo's own validator (workflow/validate) rejects
 * in a DAG, reported before submitting. Messages follow Argo's wording where
 * it has one; each diagnostic names its task and field path.
 */
import { error, warning, type Diagnostic } from '../diagnostics';
import { findCycle } from '../graph/topology';
import { graphIndex } from '../graph/graphIndex';
import { taskNameProblem } from '../model/names';
import { entrypoint, taskPath, workflowSpecPath } from '../model/pipeline';
import { templates, workflowSpec } from '../model/spec';
import type { Pipeline } from '../model/types';
import { dependsTasks, isParseError, parseDepends } from './depends';
import { templateStringProblem, whenProblem } from './expressions';
import { validateReferences } from './validateReferences';
import { validateMetadata } from './validateMetadata';

export function validate(p: Pipeline): Diagnostic[] {
  return [
    ...validateMetadata(p),
    ...validateTemplates(p),
    ...validateTasks(p),
    ...validateGraph(p),
    ...validateReferences(p),
  ];
}

function validateTemplates(p: Pipeline): Diagnostic[] {
  const out: Diagnostic[] = [];
  const base = [...workflowSpecPath(p), 'templates'];
  const seen = new Set<string>();
  templates(p).forEach((t, i) => {
    const path = [...base, i, 'name'];
    const problem = taskNameProblem(t.name);
    if (problem) out.push(error('invalid-name', `templates.${t.name}: ${problem}`, { path }));
    else if (t.name !== t.name.toLowerCase())
      out.push(
        warning(
          'uppercase-template',
          `template name '${t.name}' has upper-case letters; Argo 3.4+ puts template names in pod names, which must be lower case`,
          { path },
        ),
      );
    if (seen.has(t.name))
      out.push(error('duplicate-template', `template '${t.name}' is not unique`, { path }));
    seen.add(t.name);
  });
  const entry = entrypoint(p);
  const isLibrary = p.kind === 'WorkflowTemplate' || p.kind === 'ClusterWorkflowTemplate';
  if (entry === undefined && !isLibrary && !('workflowTemplateRef' in workflowSpec(p)))
    out.push(
      error('missing-entrypoint', 'spec.entrypoint is required', { path: workflowSpecPath(p) }),
    );
  // With workflowTemplateRef the entrypoint may name a template of the referenced WorkflowTemplate.
  else if (entry !== undefined && !seen.has(entry) && !('workflowTemplateRef' in workflowSpec(p)))
    out.push(
      error('unknown-template', `spec.entrypoint template '${entry}' not found`, {
        path: [...workflowSpecPath(p), 'entrypoint'],
      }),
    );
  return out;
}

function validateTasks(p: Pipeline): Diagnostic[] {
  const out: Diagnostic[] = [];
  const templateNames = new Set(templates(p).map((t) => t.name));
  const seen = new Set<string>();
  let usesDepends: string | undefined;
  let usesDependencies: string | undefined;
  p.tasks.forEach((task, i) => {
    const at = (field?: string): Diagnostic['path'] =>
      field ? taskPath(p, i, field) : taskPath(p, i);
    const where = (field?: string) => ({ task: task.name, path: at(field) });
    const problem = taskNameProblem(task.name);
    if (problem)
      out.push(error('invalid-name', `templates.${p.dag}.tasks.${problem}`, where('name')));
    if (seen.has(task.name))
      out.push(
        error(
          'duplicate-task',
          `templates.${p.dag}.tasks.${task.name} is not unique`,
          where('name'),
        ),
      );
    seen.add(task.name);
    const ways = ['template', 'templateRef', 'inline'].filter((k) => task[k] !== undefined);
    if (ways.length === 0)
      out.push(
        error(
          'missing-template',
          `task ${task.name} must have one of template, templateRef or inline`,
          where(),
        ),
      );
    else if (ways.length > 1)
      out.push(
        error(
          'multiple-templates',
          `task ${task.name} has ${ways.join(' and ')}; use exactly one`,
          where(),
        ),
      );
    else if (typeof task.template === 'string' && !templateNames.has(task.template))
      out.push(
        error(
          'unknown-template',
          `templates.${p.dag}.tasks.${task.name} template '${task.template}' not found`,
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
            `depends '${task.depends}' does not parse: ${parsed.message} (at character ${parsed.offset + 1})`,
            where('depends'),
          ),
        );
    }
    if (task.when !== undefined) {
      const whenIssue = typeof task.when === 'string' ? whenProblem(task.when) : 'must be a string';
      if (whenIssue)
        out.push(
          error(
            'invalid-when',
            `when '${String(task.when)}' does not parse: ${whenIssue}`,
            where('when'),
          ),
        );
    }
    for (const [k, v] of Object.entries(task.arguments ?? {})) {
      if (!Array.isArray(v)) continue;
      v.forEach((arg, j) => {
        const value = (arg as { value?: unknown }).value;
        const issue = typeof value === 'string' ? templateStringProblem(value) : undefined;
        if (issue)
          out.push(
            error(
              'invalid-expression',
              `arguments.${k}.${String((arg as { name?: unknown }).name)}: ${issue}`,
              { task: task.name, path: taskPath(p, i, 'arguments', k, j, 'value') },
            ),
          );
      });
    }
  });
  if (usesDepends && usesDependencies)
    out.push(
      error(
        'mixed-depends',
        `templates.${p.dag} cannot use both 'depends' and 'dependencies' in the same DAG template (tasks ${usesDependencies} and ${usesDepends})`,
        {
          task: usesDepends,
          path: taskPath(
            p,
            p.tasks.findIndex((t) => t.name === usesDepends),
            'depends',
          ),
        },
      ),
    );
  return out;
}

function validateGraph(p: Pipeline): Diagnostic[] {
  const out: Diagnostic[] = [];
  const { pos } = graphIndex(p.tasks);
  p.tasks.forEach((task, i) => {
    const names = [...(Array.isArray(task.dependencies) ? task.dependencies : [])];
    if (typeof task.depends === 'string') {
      const parsed = parseDepends(task.depends);
      if (!isParseError(parsed)) names.push(...dependsTasks(parsed));
    }
    for (const dep of new Set(names)) {
      if (!pos.has(dep)) {
        const field = task.depends !== undefined ? 'depends' : 'dependencies';
        out.push(
          error(
            'unknown-dependency',
            `templates.${p.dag}.tasks.${task.name} dependency '${dep}' not defined`,
            { task: task.name, path: taskPath(p, i, field) },
          ),
        );
      }
    }
  });
  const cycle = findCycle(p.tasks);
  if (cycle) {
    const i = p.tasks.findIndex((t) => t.name === cycle[0]);
    out.push(
      error('cycle', `dependency cycle detected: ${cycle.join(' -> ')}`, {
        task: cycle[0],
        path: taskPath(p, i),
      }),
    );
  }
  return out;
}
