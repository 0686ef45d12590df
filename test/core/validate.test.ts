// One YAML snippet per validation rule. Each snippet marks the line the
// diagnostic must point at with a `# <-` comment; the expected line number is
// computed from the snippet, so the rows stay readable and exact.
import { describe, expect, it } from 'vitest';
import { openDocuments, validate, type Diagnostic } from '../../src/core';
import { locateDiagnostics } from '../../src/core/argo/locate';
import { dagWorkflow, ECHO_TEMPLATE as ECHO } from '../support/fixtures';

/** A Workflow whose `main` DAG holds `tasks` (YAML lines at task-list indent), then `echo`. */
const dag = (tasks: string, templates = ECHO): string =>
  dagWorkflow({ metadata: '  name: wf', tasks, templates });

/** 1-based number of the line holding the `# <-` marker. */
function markedLine(text: string): number {
  const lines = text.split('\n');
  const at = lines.findIndex((l) => l.includes('# <-'));
  if (at < 0 || lines.findIndex((l, i) => i > at && l.includes('# <-')) >= 0)
    throw new Error('a snippet must mark exactly one line');
  return at + 1;
}

/** Opens the text as `wf.yaml`, validates it and locates the diagnostics. */
function check(text: string): { opened: Diagnostic[]; found: Diagnostic[] } {
  const { documents, diagnostics } = openDocuments(text, 'wf.yaml');
  expect(diagnostics).toEqual([]);
  expect(documents).toHaveLength(1);
  const pipeline = documents[0]!.pipeline;
  expect(pipeline).toBeDefined();
  return {
    opened: documents[0]!.diagnostics,
    found: locateDiagnostics(text, validate(pipeline!)),
  };
}

// code, severity, task named (undefined: none), message fragment, snippet
type Row = [string, 'error' | 'warning', string | undefined, string, string];

const rows: Row[] = [
  [
    'cycle',
    'error',
    'a',
    'templates.main.tasks dependency cycle detected: a->b->a',
    dag(`      - name: a # <-
        template: echo
        depends: b
      - name: b
        template: echo
        depends: a`),
  ],
  [
    'unknown-dependency',
    'error',
    'b',
    "templates.main.tasks.b dependency 'ghost' not defined",
    dag(`      - name: a
        template: echo
      - name: b
        template: echo
        depends: a && ghost # <-`),
  ],
  [
    'unknown-dependency',
    'error',
    'b',
    "dependency 'ghost' not defined",
    dag(`      - name: a
        template: echo
      - name: b
        template: echo
        dependencies: [a, ghost] # <-`),
  ],
  [
    'duplicate-task',
    'error',
    'a',
    "templates.main.tasks[2].name 'a' is not unique",
    dag(`      - name: a
        template: echo
      - name: b
        template: echo
      - name: a # <-
        template: echo`),
  ],
  [
    'duplicate-template',
    'error',
    undefined,
    "spec.templates[2].name 'echo' is not unique",
    dag(
      `      - name: a
        template: echo`,
      `${ECHO}
  - name: echo # <-
    script: {image: python, source: 'print(1)'}`,
    ),
  ],
  [
    'invalid-name',
    'error',
    'bad_name',
    "templates.main.tasks[1].name: 'bad_name' is invalid",
    dag(`      - name: a
        template: echo
      - name: bad_name # <-
        template: echo`),
  ],
  [
    'invalid-name',
    'error',
    undefined,
    "spec.templates[2].name: 'my.echo' is invalid",
    dag(
      `      - name: a
        template: echo`,
      `${ECHO}
  - name: my.echo # <-
    container: {image: alpine}`,
    ),
  ],
  [
    'uppercase-template',
    'warning',
    undefined,
    "template name 'sparkk8sScala' has upper-case letters",
    dag(
      `      - name: a
        template: sparkk8sScala`,
      `${ECHO}
  - name: sparkk8sScala # <-
    container: {image: alpine}`,
    ),
  ],
  [
    'mixed-depends',
    'error',
    'b',
    "templates.main cannot use both 'depends' and 'dependencies' in the same DAG template",
    dag(`      - name: a
        template: echo
      - name: b
        template: echo
        dependencies: [a] # <-
      - name: c
        template: echo
        depends: a`),
  ],
  [
    'reference-not-upstream',
    'error',
    'b',
    "templates.main.tasks.b missing dependency 'a' for parameter 'x': a is not upstream of b; add the dependency a -> b",
    dag(`      - name: a
        template: echo
      - name: b
        template: echo
        arguments:
          parameters:
          - name: x
            value: "{{tasks.a.outputs.result}}" # <-`),
  ],
  [
    'unknown-reference',
    'error',
    'b',
    "there is no task 'nobody'",
    dag(`      - name: a
        template: echo
      - name: b
        template: echo
        when: "{{tasks.nobody.outputs.result}} == heads" # <-`),
  ],
  [
    'unknown-output',
    'error',
    'b',
    "template echo has no output parameter 'size'",
    dag(`      - name: a
        template: echo
      - name: b
        depends: a
        template: echo
        arguments:
          parameters:
          - name: x
            value: "{{tasks.a.outputs.parameters.size}}" # <-`),
  ],
  [
    'unknown-output',
    'error',
    'b',
    'template inner produces no result',
    dag(
      `      - name: a
        template: inner
      - name: b
        depends: a
        template: echo
        arguments:
          parameters:
          - {name: x, value: "{{tasks.a.outputs.result}}"} # <-`,
      `${ECHO}
  - name: inner
    dag: {tasks: [{name: x, template: echo}]}`,
    ),
  ],
  [
    'missing-input',
    'error',
    'a',
    'templates.main.tasks.a templates.say inputs.parameters.message was not supplied',
    dag(
      `      - name: a
        template: say
        arguments: {parameters: [{name: other, value: x}]} # <-`,
      `  - name: say
    inputs:
      parameters:
      - name: message
      - name: greeting
        default: hello
    container: {image: alpine}`,
    ),
  ],
  [
    // without arguments it points at the task
    'missing-input',
    'error',
    'a',
    'templates.main.tasks.a templates.say inputs.parameters.message was not supplied',
    dag(
      `      - name: a # <-
        template: say`,
      `  - name: say
    inputs: {parameters: [{name: message}]}
    container: {image: alpine}`,
    ),
  ],
  [
    // Argo evaluates `when` only when the task is due: a warning
    'invalid-when',
    'warning',
    'a',
    "when '{{workflow.status}} == (Succeeded' does not parse: unclosed '('",
    dag(`      - name: a
        template: echo
        when: "{{workflow.status}} == (Succeeded" # <-`),
  ],
  [
    'unclosed-tag',
    'error',
    'a',
    "'{{' is never closed with '}}'",
    dag(`      - name: a
        template: echo
        when: "{{workflow.status == 1" # <-`),
  ],
  [
    // Argo's validator reads only the task names of `depends`: a warning
    'invalid-depends',
    'warning',
    'b',
    "depends 'a &&' does not parse: expression ends where a task name was expected (at character 5)",
    dag(`      - name: a
        template: echo
      - name: b
        template: echo
        depends: "a &&" # <-`),
  ],
  [
    'unclosed-tag',
    'error',
    'a',
    "'{{' is never closed with '}}'",
    dag(`      - name: a
        template: echo
        arguments:
          parameters:
          - name: msg
            value: "{{workflow.name" # <-`),
  ],
  [
    'unknown-template',
    'error',
    'a',
    "templates.main.tasks.a template name 'ehco' undefined",
    dag(`      - name: a
        template: ehco # <-`),
  ],
  [
    'missing-template',
    'error',
    'a',
    'templates.main.tasks.a must have one of template, templateRef or inline',
    dag(`      - name: a # <-
        arguments: {}`),
  ],
  [
    'multiple-templates',
    'error',
    'a',
    'templates.main.tasks.a template name cannot be specified with templateRef',
    dag(`      - name: a
        template: echo # <-
        templateRef: {name: lib, template: echo}`),
  ],
  [
    'unknown-template',
    'error',
    undefined,
    "spec.entrypoint: template name 'mian' undefined",
    `apiVersion: argoproj.io/v1alpha1
kind: Workflow
metadata:
  name: wf
spec:
  entrypoint: mian # <-
  templates:
  - name: main
    container: {image: alpine}
`,
  ],
  [
    // points at the spec mapping's key
    'missing-entrypoint',
    'error',
    undefined,
    'spec.entrypoint is required',
    `apiVersion: argoproj.io/v1alpha1
kind: Workflow
metadata:
  name: wf
spec: # <-
  templates:
  - name: main
    container: {image: alpine}
`,
  ],
  [
    // the API server's checks, not Argo's validator's: warnings
    'invalid-name',
    'warning',
    undefined,
    "metadata.name 'My_Flow' must be lower case alphanumeric characters",
    `apiVersion: argoproj.io/v1alpha1
kind: Workflow
metadata:
  name: My_Flow # <-
spec:
  entrypoint: main
  templates:
  - {name: main, container: {image: alpine}}
`,
  ],
  [
    'invalid-name',
    'error',
    undefined,
    'must not be more than 52 characters long (currently 53)',
    `apiVersion: argoproj.io/v1alpha1
kind: CronWorkflow
metadata:
  name: ${'n'.repeat(53)} # <-
spec:
  schedules: ['0 * * * *']
  workflowSpec:
    entrypoint: main
    templates:
    - {name: main, container: {image: alpine}}
`,
  ],
  [
    'invalid-name',
    'warning',
    undefined,
    "metadata.generateName 'Flow-' must be lower case",
    `apiVersion: argoproj.io/v1alpha1
kind: Workflow
metadata:
  generateName: Flow- # <-
spec:
  entrypoint: main
  templates:
  - {name: main, container: {image: alpine}}
`,
  ],
  [
    'missing-name',
    'warning',
    undefined,
    'metadata.name or metadata.generateName is required',
    `apiVersion: argoproj.io/v1alpha1
kind: Workflow
metadata: # <-
  namespace: argo
spec:
  entrypoint: main
  templates:
  - {name: main, container: {image: alpine}}
`,
  ],
  [
    'missing-schedule',
    'error',
    undefined,
    'a CronWorkflow needs at least one entry in spec.schedules',
    `apiVersion: argoproj.io/v1alpha1
kind: CronWorkflow
metadata:
  name: nightly
spec: # <-
  concurrencyPolicy: Replace
  workflowSpec:
    entrypoint: main
    templates:
    - {name: main, container: {image: alpine}}
`,
  ],
  [
    'invalid-schedule',
    'error',
    undefined,
    "schedule '0 * * *' is not a cron expression of 5 fields",
    `apiVersion: argoproj.io/v1alpha1
kind: CronWorkflow
metadata:
  name: nightly
spec:
  schedules:
  - "30 2 * * 1-5"
  - "0 * * *" # <-
  - "CRON_TZ=Europe/Paris 0 3 * * *"
  - "@daily"
  workflowSpec:
    entrypoint: main
    templates:
    - {name: main, container: {image: alpine}}
`,
  ],
  [
    // the old single `schedule` is read as `schedules`; the error still points at it
    'invalid-schedule',
    'error',
    undefined,
    "schedule 'every day' is not a cron expression",
    `apiVersion: argoproj.io/v1alpha1
kind: CronWorkflow
metadata:
  name: nightly
spec:
  workflowSpec:
    entrypoint: main
    templates:
    - {name: main, container: {image: alpine}}
  schedule: every day # <-
`,
  ],
];

describe('validate', () => {
  it.each(rows)('%s (%s, task %s): %s', (code, severity, task, message, text) => {
    const { found } = check(text);
    const line = markedLine(text);
    // Notes (references that could not be checked) are not problems.
    const problems = found.filter((d) => d.severity !== 'info');
    expect(problems.map((d) => d.code)).toEqual([code]);
    const d = problems[0]!;
    expect(d.severity).toBe(severity);
    expect(d.task).toBe(task);
    expect(d.message).toContain(message);
    expect(d.line, `${code} should point at line ${line}`).toBe(line);
  });

  it('asks for workflow argument values at submit, not when linting', () => {
    const text = `apiVersion: argoproj.io/v1alpha1
kind: Workflow
metadata:
  name: wf
spec:
  entrypoint: main
  arguments:
    parameters:
    - name: greeting
      value: hello
    - name: from-map
      valueFrom: {configMapKeyRef: {name: cm, key: k}}
    - name: who # <-
  templates:
  - {name: main, container: {image: alpine}}
`;
    const p = openDocuments(text).documents[0]!.pipeline!;
    expect(validate(p)).toEqual([]);
    const found = locateDiagnostics(text, validate(p, { mode: 'submit' }));
    expect(found).toMatchObject([
      {
        code: 'missing-value',
        severity: 'error',
        message: 'spec.arguments.who.value or spec.arguments.who.valueFrom is required',
        line: markedLine(text),
      },
    ]);
  });

  it('finds nothing wrong with a valid diamond DAG', () => {
    //     A
    //    / \
    //   B   C      (C reads A's output parameter)
    //    \ /
    //     D
    const text = dag(
      `      - name: A
        template: produce
      - name: B
        depends: A
        template: echo
      - name: C
        depends: A.Succeeded
        template: say
        arguments:
          parameters:
          - {name: message, value: "{{tasks.A.outputs.parameters.size}}"}
      - name: D
        depends: "B && C"
        template: echo
        when: "{{tasks.A.outputs.result}} == heads"`,
      `${ECHO}
  - name: produce
    outputs:
      parameters:
      - name: size
        valueFrom: {path: /tmp/size}
    script: {image: python, source: 'print(1)'}
  - name: say
    inputs:
      parameters:
      - name: message
    container: {image: alpine}`,
    );
    const { opened, found } = check(text);
    expect(opened).toEqual([]);
    expect(found).toEqual([]);
  });
});
