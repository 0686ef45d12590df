// The workflow spec: Argo's Workflow(), WorkflowTemplateRefFields and
// validateHooks (workflow/validate/validate.go), PodGC.GetLabelSelector
// (v1alpha1) with metav1.LabelSelectorAsSelector. Cases after validate_test.go
// TestIncorrectPodGCStrategy, TestInvalidPodGCLabelSelector,
// TestValidateFieldsWithWFTRef, TestWorkflowTemplate,
// TestWorkflowTemplateWithEntrypoint.
import { describe, expect, it } from 'vitest';
import { check, ECHO, lint, markedLine, steps, workflow, type Row } from './harness';

const W = 'validate.go Workflow';
const bare = (spec: string, kind = 'Workflow') => `apiVersion: argoproj.io/v1alpha1
kind: ${kind}
metadata:
  name: wf
spec:
${spec}`;

const rows: Row[] = [
  [
    'not in Argo (reachable through steps, DAG tasks, exit handlers and hooks)',
    'templates reached through steps, tasks, onExit and hooks',
    workflow(
      `  - name: main
    steps: [[{name: s, template: inner, hooks: {running: {expression: 'true', template: echo}}}]]
  - name: inner
    dag: {tasks: [{name: t, template: echo, onExit: bye}]}
  - {name: echo, container: {image: alpine}}
  - {name: bye, container: {image: alpine}}
  - {name: cleanup, container: {image: alpine}}`,
      '  onExit: cleanup\n',
    ),
    [],
  ],
  [
    'not in Argo (a WorkflowTemplate is a library: its templates are called from elsewhere)',
    'a WorkflowTemplate with templates its entrypoint does not reach',
    workflow(
      `  - {name: main, container: {image: alpine}}
  - {name: other, container: {image: alpine}}`,
      '',
      'WorkflowTemplate',
    ),
    [],
  ],
  [
    W,
    'no entrypoint',
    bare(`  templates: # <-
  - {name: main, container: {image: alpine}}`)
      .replace('spec:\n', 'spec: # <-\n')
      .replace('  templates: # <-', '  templates:'),
    [{ code: 'missing-entrypoint', message: 'spec.entrypoint is required' }],
  ],
  [
    `${W} (IgnoreEntrypoint for WorkflowTemplates, TestWorkflowTemplate)`,
    'a WorkflowTemplate without an entrypoint',
    bare(
      `  templates:
  - {name: A, container: {image: alpine}}`,
      'WorkflowTemplate',
    ),
    [{ code: 'uppercase-template', severity: 'warning' }],
  ],
  [
    'validate.go validateTemplateHolder',
    'an entrypoint that names no template',
    bare(`  entrypoint: mian # <-
  templates:
  - {name: main, container: {image: alpine}}`),
    [{ code: 'unknown-template', message: "spec.entrypoint: template name 'mian' undefined" }],
  ],
  [
    'validate.go validateTemplateHolder (onExit)',
    'an exit handler that names no template',
    workflow(`  - {name: main, container: {image: alpine}}`, '  onExit: cleanup # <-\n'),
    [{ code: 'unknown-template', message: "spec.onExit: template name 'cleanup' undefined" }],
  ],
  [
    `${W} (TestIncorrectPodGCStrategy)`,
    'an unknown podGC strategy',
    workflow(`  - {name: main, container: {image: alpine}}`, '  podGC:\n    strategy: Foo # <-\n'),
    [{ code: 'invalid-pod-gc', message: "podGC.strategy unknown strategy 'Foo'" }],
  ],
  [
    `${W} (TestInvalidPodGCLabelSelector)`,
    'an unknown label selector operator',
    workflow(
      `  - {name: main, container: {image: alpine}}`,
      `  podGC:
    labelSelector:
      matchExpressions:
      - {key: environment, operator: InvalidOperator, values: [dev]} # <-
`,
    ),
    [
      {
        code: 'invalid-pod-gc',
        message:
          'podGC.labelSelector invalid: "InvalidOperator" is not a valid label selector operator',
      },
    ],
  ],
  [
    W,
    'In without values',
    workflow(
      `  - {name: main, container: {image: alpine}}`,
      `  podGC:
    strategy: OnPodSuccess
    labelSelector:
      matchLabels: {app: web}
      matchExpressions:
      - {key: tier, operator: In, values: []} # <-
`,
    ),
    [{ code: 'invalid-pod-gc', message: "for 'in', 'notin' operators, values set can't be empty" }],
  ],
  [
    W,
    'a valid podGC',
    workflow(
      `  - {name: main, container: {image: alpine}}`,
      `  podGC:
    strategy: OnWorkflowSuccess
    labelSelector:
      matchLabels: {app.kubernetes.io/name: web}
      matchExpressions: [{key: tier, operator: Exists}]
`,
    ),
    [],
  ],
  [
    'validate.go validateHooks',
    'a workflow hook without an expression',
    workflow(
      `  - {name: main, container: {image: alpine}}
${ECHO}`,
      `  hooks:
    exit: {template: echo}
    running: # <-
      template: echo
`,
    ),
    [{ code: 'missing-hook-expression', message: 'hooks.running Expression required' }],
  ],
  [
    'validate.go validateSteps (validateHooks)',
    'a step hook without an expression',
    steps(`    - - name: a
        template: echo
        hooks:
          exit: {template: echo}
          started: # <-
            template: echo`),
    [
      {
        code: 'missing-hook-expression',
        message: 'templates.main.steps[0].a.started Expression required',
      },
    ],
  ],
  [
    "not checked by Argo's validator: govaluate reads `when` when the step is due",
    "a step's when that does not parse",
    steps(`    - - name: a
        template: echo
        when: "{{workflow.name}} == (x" # <-`),
    [{ code: 'invalid-when', severity: 'warning', message: "unclosed '('" }],
  ],
  [
    'templateresolution (an inline template wins over template)',
    'a step with template and inline',
    steps(`    - - name: a
        template: echo
        inline: {container: {image: alpine}} # <-`),
    [
      {
        code: 'multiple-templates',
        severity: 'warning',
        message: "Argo runs the inline template and ignores template 'echo'",
      },
    ],
  ],
  [
    "not checked by Argo's validator: the hook fails when it runs",
    'a workflow hook naming a template that does not exist',
    workflow(
      `  - {name: main, container: {image: alpine}}`,
      `  hooks:
    exit:
      template: cleanup # <-
`,
    ),
    [
      {
        code: 'unknown-template',
        severity: 'warning',
        message: "hooks.exit: template name 'cleanup' undefined",
      },
    ],
  ],
  [
    'validate.go WorkflowTemplateRefFields (TestValidateFieldsWithWFTRef)',
    'templates together with a workflowTemplateRef',
    bare(`  workflowTemplateRef: {name: lib}
  templates: # <-
  - {name: main, container: {image: alpine}}`),
    [
      {
        code: 'templates-with-ref',
        message:
          'Templates is invalid field in spec if workflow referred WorkflowTemplate reference',
      },
    ],
  ],
  [
    'Go decoding (a string field)',
    'an entrypoint that is a mapping',
    bare(`  entrypoint: {main: 1} # <-
  templates:
  - {name: main, container: {image: alpine}}`),
    [{ code: 'invalid-field', message: 'spec.entrypoint must be a string, not a mapping' }],
  ],
  [
    'Go decoding (a list field)',
    'templates that are a mapping',
    bare(`  entrypoint: main
  templates: {main: {container: {image: alpine}}} # <-`),
    [{ code: 'invalid-field', message: 'spec.templates must be a list, not a mapping' }],
  ],
];

describe('the workflow spec', () => {
  it.each(rows)('%s: %s', (_source, _label, yaml, expected, options) => {
    check(yaml, expected, options);
  });
});

// Not a rule of Argo's (it accepts a template nothing runs: a submit may name
// it with --entrypoint), so a note: a task added to a template that is not the
// entrypoint would never run, and Problems says so (issue 9).
it('notes a template of a Workflow that nothing reaches, at its name', () => {
  const text = workflow(`  - {name: main, container: {image: alpine}}
  - name: other # <-
    dag: {tasks: [{name: a, template: main}]}`);
  const notes = lint(text).filter((d) => d.code === 'unreachable-template');
  expect(notes).toEqual([
    expect.objectContaining({
      severity: 'info',
      template: 'other',
      line: markedLine(text),
      message: expect.stringContaining("template 'other' never runs"),
    }),
  ]);
  const reached = workflow(`  - name: main
    dag: {tasks: [{name: a, template: other}]}
  - name: other
    container: {image: alpine}`);
  expect(lint(reached).filter((d) => d.code === 'unreachable-template')).toEqual([]);
});
