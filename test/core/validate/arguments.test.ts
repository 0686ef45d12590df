// Arguments: Argo's validateArguments / validateArgumentsFieldNames /
// validateArgumentsValues (workflow/validate/validate.go) for spec.arguments
// and each step's and task's arguments, and ProcessArgs (workflow/common/
// util.go): every input a template declares without a value or default is
// supplied ("inputs.parameters.X was not supplied"). Cases after
// validate_test.go: TestGlobalParam, TestInvalidArgumentNoValue,
// TestInvalidArgumentNoFromOrLocation, TestParamWithoutValue, the enum tests,
// TestTemplateReferenceWorkflowConfigMapRefArgument.
import { describe, it } from 'vitest';
import { check, dag, steps, TEMPLATES, workflow, type Row } from './harness';

const V = 'validate.go validateArgumentsValues';
const P = 'common/util.go ProcessArgs';
const main = `  - name: main
    inputs: {parameters: [{name: who}]}
    container: {image: alpine, args: ["{{inputs.parameters.who}}"]}`;

const rows: Row[] = [
  [
    V,
    'a workflow argument without a value, in submit mode (TestGlobalParam unsuppliedArgValue)',
    workflow(
      `  - {name: main, container: {image: alpine}}`,
      `  arguments:
    parameters:
    - name: missing # <-
`,
    ),
    [
      {
        code: 'missing-value',
        message: 'spec.arguments.missing.value or spec.arguments.missing.valueFrom is required',
      },
    ],
    { mode: 'submit' },
  ],
  [
    `${V} (allowEmptyValues when linting, TestSpecArgumentNoValue)`,
    'the same workflow when linting',
    workflow(
      `  - {name: main, container: {image: alpine}}`,
      '  arguments: {parameters: [{name: missing}]}\n',
    ),
    [],
  ],
  [
    V,
    'valueFrom a ConfigMap (TestTemplateReferenceWorkflowConfigMapRefArgument)',
    workflow(
      main,
      '  arguments: {parameters: [{name: who, valueFrom: {configMapKeyRef: {name: cm, key: k}}}]}\n',
    ),
    [],
    { mode: 'submit' },
  ],
  [
    V,
    'valueFrom with a path',
    workflow(
      `  - {name: main, container: {image: alpine}}`,
      `  arguments:
    parameters:
    - name: p
      valueFrom: {path: /tmp/x} # <-
`,
    ),
    [
      {
        code: 'invalid-value-from',
        message: 'spec.arguments.p.valueFrom only allows: default, configMapKeyRef and supplied',
      },
    ],
  ],
  [
    `${V} (TestWorkflowTemplateWithEmptyEnumList)`,
    'an empty enum',
    workflow(
      `  - {name: main, container: {image: alpine}}`,
      `  arguments:
    parameters:
    - name: env
      value: dev
      enum: [] # <-
`,
    ),
    [{ code: 'empty-enum', message: 'spec.arguments.env.enum should contain at least one value' }],
  ],
  [
    `${V} (TestWorkflowTemplateWithArgumentValueNotFromEnumList)`,
    'a value not in the enum',
    workflow(
      `  - {name: main, container: {image: alpine}}`,
      `  arguments:
    parameters:
    - name: env
      value: staging # <-
      enum: [dev, prod]
`,
    ),
    [
      {
        code: 'value-not-in-enum',
        message: 'spec.arguments.env.value should be present in spec.arguments.env.enum list',
      },
    ],
  ],
  [
    `${V} (AnyString: YAML 1.1 reads 0755 as the number 493)`,
    'numbers in value and enum compare as Argo writes them',
    workflow(
      `  - {name: main, container: {image: alpine}}`,
      '  arguments: {parameters: [{name: mode, value: 0755, enum: [493, 420]}, {name: flag, value: yes, enum: [true]}]}\n',
    ),
    [],
  ],
  [
    `${V} (TestWorkflowTemplateWithEnumValueWithoutValue)`,
    'an enum without a value in submit mode',
    workflow(
      `  - {name: main, container: {image: alpine}}`,
      `  arguments:
    parameters:
    - name: env # <-
      enum: [dev, prod]
`,
    ),
    [
      {
        code: 'missing-value',
        message: 'spec.arguments.env.value or spec.arguments.env.valueFrom is required',
      },
    ],
    { mode: 'submit' },
  ],
  [
    'Go decoding: a YAML 1.1 boolean is not a string',
    'a parameter named on (YAML 1.1 reads it as true)',
    workflow(
      `  - {name: main, container: {image: alpine}}`,
      `  arguments:
    parameters:
    - name: on # <-
      value: x
`,
    ),
    [
      {
        code: 'invalid-field',
        message: 'spec.arguments.parameters[0].name must be a string, not a boolean',
      },
    ],
  ],
  [
    V,
    'an artifact without from or a location (TestInvalidArgumentNoFromOrLocation)',
    dag(
      `      - name: a
        template: take
        arguments:
          artifacts:
          - name: art # <-`,
      `  - name: take
    inputs: {artifacts: [{name: art, path: /tmp/art}]}
    container: {image: alpine}`,
    ),
    [
      {
        code: 'missing-artifact-source',
        message: 'templates.main.tasks.a.arguments.art.from, artifact location, or key is required',
      },
    ],
  ],
  [
    V,
    'an artifact from a step and one with both from and fromExpression',
    steps(
      `    - - {name: one, template: produce}
    - - name: two
        template: take
        arguments:
          artifacts:
          - {name: art, from: "{{steps.one.outputs.artifacts.data}}", fromExpression: "steps.one.outputs.artifacts.data"} # <-`,
      `${TEMPLATES}
  - name: take
    inputs: {artifacts: [{name: art, path: /tmp/art}]}
    container: {image: alpine}`,
    ),
    [
      {
        code: 'invalid-artifact-source',
        message: "shouldn't have both `from` and `fromExpression` in Artifact",
      },
    ],
  ],
  [
    `${V} (TestInvalidArgumentNoValue)`,
    'a step argument without a value',
    steps(
      `    - - name: one
        template: say
        arguments:
          parameters:
          - name: message # <-`,
      TEMPLATES,
    ),
    [
      {
        code: 'missing-value',
        message:
          'templates.main.steps[0].one.arguments.message.value or templates.main.steps[0].one.arguments.message.valueFrom is required',
      },
      {
        code: 'missing-input',
        message: 'inputs.parameters.message was not supplied: its argument has no value',
      },
    ],
  ],
  [
    'validate.go validateArgumentsFieldNames (TestInvalidArgParamName)',
    'an argument name with a #',
    workflow(
      `  - {name: main, container: {image: alpine}}`,
      `  arguments:
    parameters:
    - name: param#1 # <-
      value: x
`,
    ),
    [{ code: 'invalid-name', message: "spec.arguments.parameters[0].name: 'param#1' is invalid" }],
  ],
  [
    'validate.go validateArgumentsFieldNames',
    'two arguments of one name',
    dag(
      `      - name: a
        template: say
        arguments:
          parameters:
          - {name: message, value: x}
          - {name: message, value: y} # <-`,
      TEMPLATES,
    ),
    [
      {
        code: 'duplicate-argument',
        message: "templates.main.tasks.a.arguments.parameters[1].name 'message' is not unique",
      },
    ],
  ],
  // ------------------------------------------------------------ ProcessArgs
  [
    `${P} (TestParamWithoutValue)`,
    "the entrypoint's input without a workflow argument",
    workflow(main.replace('  - name: main', '  - name: main # <-')).replace(
      '  entrypoint: main',
      '  entrypoint: main # <-',
    ),
    [
      {
        code: 'missing-input',
        message: 'spec.entrypoint: templates.main inputs.parameters.who was not supplied',
      },
    ],
  ],
  [
    P,
    "the entrypoint's input from a workflow argument",
    workflow(main, '  arguments: {parameters: [{name: who, value: me}]}\n'),
    [],
  ],
  [
    `${P} (overwriteWithArguments: an argument without a value clears the default)`,
    'a workflow argument without a value, for an input with a default',
    workflow(
      `  - name: main
    inputs: {parameters: [{name: who, default: me}]}
    container: {image: alpine}`,
      `  arguments: # <-
    parameters: [{name: who}]
`,
    ),
    [
      {
        code: 'missing-input',
        message: 'inputs.parameters.who was not supplied: its argument has no value',
      },
    ],
  ],
  [
    `${P} (FakeArguments for a WorkflowTemplate's entrypoint)`,
    'a WorkflowTemplate leaves the entrypoint inputs to its callers',
    workflow(main, '', 'WorkflowTemplate'),
    [],
  ],
  [
    P,
    "a task that does not pass a template's input",
    dag(
      `      - name: a # <-
        template: say`,
      TEMPLATES,
    ),
    [
      {
        code: 'missing-input',
        message: 'templates.main.tasks.a templates.say inputs.parameters.message was not supplied',
      },
    ],
  ],
  [
    P,
    'an input with a default, one from a ConfigMap, an optional artifact',
    dag(
      `      - {name: a, template: t}`,
      `  - name: t
    inputs:
      parameters:
      - {name: a, default: x}
      - {name: b, valueFrom: {configMapKeyRef: {name: cm, key: k}}}
      artifacts:
      - {name: c, path: /tmp/c, optional: true}
      - {name: d, path: /tmp/d, http: {url: "https://example.com/d"}}
    container: {image: alpine}`,
    ),
    [],
  ],
  [
    P,
    'an input artifact the step does not pass',
    steps(
      `    - - name: one # <-
        template: take`,
      `  - name: take
    inputs: {artifacts: [{name: art, path: /tmp/art}]}
    container: {image: alpine}`,
    ),
    [
      {
        code: 'missing-input',
        message: 'templates.main.steps[0].one templates.take inputs.artifacts.art was not supplied',
      },
    ],
  ],
  [
    `${P} (onExit gets spec.arguments)`,
    "the exit handler's input from the workflow arguments",
    workflow(
      `  - {name: main, container: {image: alpine}}
  - name: exit
    inputs: {parameters: [{name: who}]}
    container: {image: alpine}`,
      '  onExit: exit\n  arguments: {parameters: [{name: who, value: me}]}\n',
    ),
    [],
  ],
];

describe('arguments', () => {
  it.each(rows)('%s: %s', (_source, _label, yaml, expected, options) => {
    check(yaml, expected, options);
  });
});
