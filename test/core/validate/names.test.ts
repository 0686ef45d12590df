// Names: Argo's validateWorkflowFieldNames, isValidWorkflowFieldName and
// isValidParamOrArtifactName (workflow/validate/validate.go). Templates,
// steps, tasks: `[a-zA-Z0-9][-a-zA-Z0-9]*`, at most 128 characters, unique in
// their list; parameters and artifacts: `[-a-zA-Z0-9_]+`, unique in their
// list. Cases after validate_test.go: TestDuplicateOrEmptyNames,
// TestInvalidTemplateName, TestInvalidStepName, TestInvalidInputParamName,
// TestInvalidInputArtName, TestInvalidOutputArtName, TestInvalidArgArtName.
import { describe, it } from 'vitest';
import { check, dag, ECHO, steps, workflow, type Row } from './harness';

const N = 'validate.go validateWorkflowFieldNames';

const rows: Row[] = [
  [
    `${N} (TestDuplicateOrEmptyNames)`,
    'two templates of one name',
    workflow(`${ECHO.replace('echo', 'main')}
  - name: main # <-
    container: {image: alpine}`),
    [{ code: 'duplicate-template', message: "spec.templates[1].name 'main' is not unique" }],
  ],
  [
    `${N} (TestInvalidTemplateName)`,
    'a template name with an underscore',
    workflow(`  - name: main_d # <-
    container: {image: alpine}`).replace('entrypoint: main', 'entrypoint: main_d'),
    [
      {
        code: 'invalid-name',
        message:
          "spec.templates[0].name: 'main_d' is invalid: name must consist of alpha-numeric characters or '-'",
      },
    ],
  ],
  [
    N,
    'a template without a name',
    workflow(`  - {name: main, container: {image: alpine}}
  - container: {image: alpine} # <-`),
    [{ code: 'missing-name', message: 'spec.templates[1].name is required' }],
  ],
  [
    'validate.go isValidWorkflowFieldName (workflowFieldMaxLength)',
    'a task name of 129 characters',
    dag(`      - name: ${'t'.repeat(129)} # <-
        template: echo`),
    [{ code: 'invalid-name', message: 'must be no more than 128 characters' }],
  ],
  [
    N,
    'valid names: digits first, upper case, dashes',
    dag(`      - {name: 1st-Task, template: echo}
      - {name: B2, template: echo}`),
    [],
  ],
  [
    `${N} (DAG tasks)`,
    'two tasks of one name',
    dag(`      - {name: a, template: echo}
      - name: a # <-
        template: echo`),
    [{ code: 'duplicate-task', message: "templates.main.tasks[1].name 'a' is not unique" }],
  ],
  [
    'validate.go validateSteps (TestInvalidStepName)',
    'a step name with a dot',
    steps(`    - - name: hello1.blah # <-
        template: echo`),
    [{ code: 'invalid-name', message: "templates.main.steps[0].name 'hello1.blah' is invalid" }],
  ],
  [
    'validate.go validateSteps',
    'two steps of one name, in different groups',
    steps(`    - - {name: a, template: echo}
    - - name: a # <-
        template: echo`),
    [{ code: 'duplicate-step', message: "templates.main.steps[1].name 'a' is not unique" }],
  ],
  [
    'validate.go validateSteps',
    'a step without a name',
    steps(`    - - {name: a, template: echo}
      - template: echo # <-`),
    [{ code: 'missing-name', message: 'templates.main.steps[0].name is required' }],
  ],
  [
    'validate.go validateInputs (TestInvalidInputParamName)',
    'an input parameter name with a +',
    workflow(`  - name: main
    inputs:
      parameters:
      - name: message+123 # <-
        default: abc
    container: {image: alpine}`),
    [
      {
        code: 'invalid-name',
        message:
          "templates.main.inputs.parameters[0].name: 'message+123' is invalid: Parameter/Artifact name must consist of alpha-numeric characters, '_' or '-'",
      },
    ],
  ],
  [
    `validate.go validateInputs (TestDuplicateOrEmptyNames dupInputNames)`,
    'two inputs of one name',
    workflow(`  - name: main
    inputs:
      parameters:
      - {name: dup, value: x}
      - name: dup # <-
        value: y
    container: {image: alpine}`),
    [
      {
        code: 'duplicate-input',
        message: "templates.main.inputs.parameters[1].name 'dup' is not unique",
      },
    ],
  ],
  [
    'validate.go validateOutputs (TestInvalidOutputArtName)',
    'an output artifact name with a !',
    workflow(`  - name: main
    container: {image: alpine}
    outputs:
      artifacts:
      - name: "!1" # <-
        path: /tmp/x`),
    [
      {
        code: 'invalid-name',
        message: "templates.main.outputs.artifacts[0].name: '!1' is invalid",
      },
    ],
  ],
  [
    'validate.go validateOutputs (globalName)',
    'an exported globalName with a space, and one that is a parameter',
    workflow(`  - name: main
    container: {image: alpine}
    outputs:
      parameters:
      - {name: a, value: x, globalName: "{{workflow.name}}"}
      - name: b
        value: y
        globalName: not valid # <-`),
    [
      {
        code: 'invalid-name',
        message:
          'templates.main.outputs.parameters.b.globalName: Parameter/Artifact name must consist',
      },
    ],
  ],
  [
    'validate.go validateDAG (a digit first with depends or dependencies)',
    'a task name starting with a digit in a DAG using depends',
    dag(`      - name: 1st # <-
        template: echo
      - {name: b, template: echo, depends: 1st}`),
    [
      {
        code: 'invalid-name',
        message:
          "templates.main.tasks.1st name cannot begin with a digit when using either 'depends' or 'dependencies'",
      },
    ],
  ],
  [
    'templates: Argo 3.4+ pod names hold the template name',
    'an upper-case template name',
    workflow(`  - name: Main # <-
    container: {image: alpine}`).replace('entrypoint: main', 'entrypoint: Main'),
    [{ code: 'uppercase-template', severity: 'warning' }],
  ],
];

describe('names', () => {
  it.each(rows)('%s: %s', (_source, _label, yaml, expected, options) => {
    check(yaml, expected, options);
  });
});
