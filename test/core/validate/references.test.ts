// Every {{...}} reference resolves in its scope: Argo's resolveAllVariables
// (workflow/validate/validate.go) over a leaf template, each step
// (validateSteps), each DAG task (validateDAG), a DAG's target and a
// template's outputs (validateOutputs). Cases follow validate_test.go where
// it has them (TestUnresolved, TestStepStatusReferenceNoFutureReference,
// TestExitHandler, TestGlobalParam, ...). Warnings: references Argo's
// validator accepts that fail when the workflow runs.
import { describe, it } from 'vitest';
import { check, dag, ECHO, steps, TEMPLATES, workflow, type Row } from './harness';

const R = 'validate.go resolveAllVariables';

const rows: Row[] = [
  // ------------------------------------------------------------ leaf templates
  [
    `${R} (validateLeaf)`,
    'an input the template does not declare',
    workflow(`  - name: main
    container:
      image: "docker/whalesay:{{inputs.parameters.unresolved}}" # <-`),
    [
      {
        code: 'unresolved-variable',
        message:
          'templates.main: failed to resolve {{inputs.parameters.unresolved}}: templates.main declares no input parameter',
      },
    ],
  ],
  [
    `${R} (validateLeaf)`,
    'declared inputs, artifact and output paths (TestResolveIOArtifactPathPlaceholders)',
    workflow(`  - name: main
    inputs:
      parameters: [{name: lines, value: "3"}]
      artifacts: [{name: text, path: /in/text, raw: {data: x}}]
    outputs:
      parameters: [{name: count, valueFrom: {path: /out/count}}]
      artifacts: [{name: text, path: /out/text}]
    container:
      image: busybox
      args: ['head -n {{inputs.parameters.lines}} {{inputs.artifacts.text.path}} > {{outputs.artifacts.text.path}}; wc > {{outputs.parameters.count.path}}']`),
    [],
  ],
  [
    `${R} (validateLeaf)`,
    'globals: name, namespace, uid, service account, status, duration, pod.name, node.name, a custom tag',
    workflow(`  - name: main
    container:
      image: alpine
      args: ["{{workflow.name}} {{workflow.namespace}} {{workflow.uid}} {{workflow.serviceAccountName}} {{workflow.status}} {{workflow.duration}} {{workflow.mainEntrypoint}} {{pod.name}} {{node.name}} {{user.username}}"]`),
    [],
  ],
  [
    `${R} (validateLeaf)`,
    'steps.* in a container template',
    workflow(`  - name: main
    container:
      image: alpine
      args: ["{{steps.a.outputs.result}}"] # <-`),
    [
      {
        code: 'unresolved-variable',
        message: 'steps.* is set only in the steps of a steps template',
      },
    ],
  ],
  [
    `${R} (TestShouldCheckValidationToSpacedParameters)`,
    'spaces inside the braces are trimmed, the tag is quoted as written',
    workflow(`  - name: main
    container:
      image: alpine
      command: [echo, "{{  workflow.thisdoesnotexist  }}"] # <-`),
    [
      {
        code: 'unresolved-variable',
        message: 'failed to resolve {{  workflow.thisdoesnotexist  }}',
      },
    ],
  ],
  [
    'util/template Validate (fasttemplate: Cannot find end tag)',
    'a {{ never closed',
    workflow(`  - name: main
    container:
      image: alpine
      args: ["{{workflow.name"] # <-`),
    [{ code: 'unclosed-tag', message: "'{{' is never closed with '}}'" }],
  ],
  [
    'util/template Validate (expressions are not validated)',
    'an expression tag is not resolved by Argo',
    workflow(`  - name: main
    container:
      image: alpine
      args: ["{{=sprig.upper(workflow.name)}}"]`),
    [],
  ],
  // ------------------------------------------------------------ workflow globals
  [
    `${R} (TestGlobalParam, TestSpecArgumentSnakeCase)`,
    'a declared workflow parameter, priority, labels and annotations',
    `apiVersion: argoproj.io/v1alpha1
kind: Workflow
metadata:
  name: wf
  labels: {team: data}
  annotations: {owner: me}
spec:
  entrypoint: main
  priority: 100
  arguments:
    parameters: [{name: my_snake_case_param, value: hello}]
  templates:
  - name: main
    container:
      image: alpine
      args: ["{{workflow.parameters.my_snake_case_param}} {{workflow.priority}} {{workflow.labels.team}} {{workflow.annotations.owner}} {{workflow.labels}} {{workflow.parameters.json}}"]
`,
    [],
  ],
  [
    `${R}`,
    'a workflow parameter that spec.arguments does not declare',
    workflow(`  - name: main
    container:
      image: alpine
      args: ["{{workflow.parameters.missing}}"] # <-`),
    [{ code: 'unresolved-variable', message: "spec.arguments.parameters has no 'missing'" }],
  ],
  [
    `${R} (TestWorkflowTemplateWithGlobalParams)`,
    'a WorkflowTemplate may use workflow parameters its callers pass',
    workflow(
      `  - name: main
    container:
      image: alpine
      args: ["{{workflow.parameters.something}}"]`,
      '',
      'WorkflowTemplate',
    ),
    [],
  ],
  [
    `${R} (TestExitHandler)`,
    'workflow.failures outside the exit handler',
    workflow(`  - name: main
    container:
      image: alpine
      args: ["echo {{workflow.failures}}"] # <-`),
    [{ code: 'unresolved-variable', message: 'the workflow has no spec.onExit' }],
  ],
  [
    `${R} (TestExitHandler)`,
    'workflow.status and workflow.failures in the exit handler',
    workflow(
      `  - name: main
    container: {image: alpine}
  - name: exit
    container:
      image: alpine
      args: ["{{workflow.status}} {{workflow.failures}} {{workflow.duration}}"]`,
      '  onExit: exit\n',
    ),
    [],
  ],
  [
    `${R} (TestParameterizedGlobalArtifactsInExitHandler, TestRuntimeResolutionOfVariableNames)`,
    'workflow.outputs of a declared and of a parameterized globalName',
    workflow(
      `  - name: main
    steps:
    - - {name: make, template: make}
    - - {name: use, template: use, arguments: {parameters: [{name: p, value: "{{workflow.outputs.parameters.fixed}}"}]}}
  - name: make
    container: {image: alpine}
    outputs:
      parameters:
      - {name: a, value: x, globalName: fixed}
      - {name: b, value: y, globalName: "{{workflow.parameters.v}}"}
  - name: use
    inputs: {parameters: [{name: p}]}
    container: {image: alpine, args: ["{{workflow.outputs.parameters.anything}}"]}`,
      '  arguments: {parameters: [{name: v, value: car}]}\n',
    ),
    [],
  ],
  [
    `${R} (TestWorkflowWithoutParameterizedArtifactsFails)`,
    'a workflow output no template exports',
    workflow(`  - name: main
    container:
      image: alpine
      args: ["{{workflow.outputs.artifacts.nonexistent}}"] # <-`),
    [
      {
        code: 'unresolved-variable',
        message: 'failed to resolve {{workflow.outputs.artifacts.nonexistent}}',
      },
    ],
  ],
  // ------------------------------------------------------------ steps
  [
    `${R} (validateSteps, TestStepOutputReference, TestStepArtReference, TestValidateStartedATVariable)`,
    'outputs, status, id and times of a step of an earlier group',
    steps(
      `    - - {name: one, template: produce}
    - - name: two
        template: say
        arguments:
          parameters:
          - {name: message, value: "{{steps.one.outputs.parameters.size}} {{steps.one.outputs.result}} {{steps.one.status}} {{steps.one.startedAt}} {{steps.one.id}} {{steps.one.exitCode}}"}`,
      TEMPLATES,
    ),
    [],
  ],
  [
    `${R} (TestStepStatusReferenceNoFutureReference)`,
    'a step of a later group',
    steps(
      `    - - name: one
        template: say
        arguments: {parameters: [{name: message, value: "{{steps.two.status}}"}]} # <-
    - - {name: two, template: echo}`,
      TEMPLATES,
    ),
    [
      {
        code: 'unknown-reference',
        message: "failed to resolve {{steps.two.status}}: step 'two' runs after one",
      },
    ],
  ],
  [
    `${R} (TestUnresolved: unresolvedOutput)`,
    "a steps template's output from a parameter the step does not have",
    workflow(`  - name: main
    steps:
    - - {name: whalesay, template: echo}
    outputs:
      parameters:
      - name: unresolved
        valueFrom: {parameter: "{{steps.whalesay.outputs.parameters.unresolved}}"} # <-
${ECHO}`),
    [
      {
        code: 'unknown-output',
        message:
          "templates.main.outputs failed to resolve {{steps.whalesay.outputs.parameters.unresolved}}: template echo has no output parameter 'unresolved'",
      },
    ],
  ],
  [
    `${R} (validateSteps adds each step's outputs as it goes)`,
    'a step of the same group: Argo accepts it, the step runs in parallel',
    steps(
      `    - - {name: one, template: produce}
      - name: two
        template: say
        arguments: {parameters: [{name: message, value: "{{steps.one.outputs.result}}"}]} # <-`,
      TEMPLATES,
    ),
    [
      {
        code: 'step-not-earlier',
        severity: 'warning',
        message: "step 'one' runs in the same group as two",
      },
    ],
  ],
  [
    `${R} (TestStepsOutputParametersForScript)`,
    'aggregated outputs of a looped step, and withParam items',
    steps(
      `    - - {name: many, template: produce, withItems: [1, 2]}
    - - name: each
        template: say
        withParam: "{{steps.many.outputs.parameters}}"
        arguments: {parameters: [{name: message, value: "{{item.size}} {{steps.many.outputs.result}}"}]}`,
      TEMPLATES,
    ),
    [],
  ],
  [
    `${R} (addItemsToScope, TestValidWithItems, TestStepWithItemParam)`,
    'withItems scalars and maps',
    steps(
      `    - - name: each
        template: say
        withItems: [0, false, string, 1.2, {os: debian, version: "9.0"}]
        arguments: {parameters: [{name: message, value: "{{item}} {{item.os}} {{item.version}}"}]}`,
      TEMPLATES,
    ),
    [],
  ],
  [
    `${R} (addItemsToScope)`,
    'a key the items do not have',
    steps(
      `    - - name: each
        template: say
        withItems: [{os: debian}]
        arguments: {parameters: [{name: message, value: "{{item.version}}"}]} # <-`,
      TEMPLATES,
    ),
    [{ code: 'unresolved-variable', message: "the loop's items have no 'version' (they have os)" }],
  ],
  [
    `${R} (addItemsToScope)`,
    'item.* in a step without a loop',
    steps(
      `    - - name: one
        template: say
        arguments: {parameters: [{name: message, value: "{{item.os}}"}]} # <-`,
      TEMPLATES,
    ),
    [{ code: 'item-outside-loop', message: 'item.* is set only in a step or task with withItems' }],
  ],
  [
    "util/template Validate: {{item}} is not one of Argo's variable roots",
    '{{item}} outside a loop: Argo passes it, it stays literal text',
    steps(
      `    - - name: one
        template: say
        arguments: {parameters: [{name: message, value: "{{item}}"}]} # <-`,
      TEMPLATES,
    ),
    [{ code: 'item-outside-loop', severity: 'warning' }],
  ],
  [
    `${R} (validateSteps adds items to the template's scope)`,
    'item.* from the loop of an earlier step',
    steps(
      `    - - {name: one, template: say, withItems: [{m: x}], arguments: {parameters: [{name: message, value: "{{item.m}}"}]}}
    - - name: two
        template: say
        arguments: {parameters: [{name: message, value: "{{item.m}}"}]} # <-`,
      TEMPLATES,
    ),
    [
      {
        code: 'item-outside-loop',
        severity: 'warning',
        message: 'item comes from the loop of an earlier step',
      },
    ],
  ],
  [
    `${R} (validateSteps: an inline template's inputs)`,
    "an inline template's inputs in its step",
    steps(`    - - name: one
        arguments: {parameters: [{name: x, value: "1"}]}
        inline:
          inputs: {parameters: [{name: x}]}
          container: {image: alpine, args: ["{{inputs.parameters.x}}"]}`),
    [],
  ],
  // ------------------------------------------------------------ DAG tasks
  [
    `${R} (validateDAG)`,
    "an ancestor's outputs and status",
    dag(
      `      - {name: a, template: produce}
      - name: b
        depends: a
        template: say
        when: "{{tasks.a.status}} == Succeeded"
        arguments: {parameters: [{name: message, value: "{{tasks.a.outputs.parameters.size}}"}]}`,
      TEMPLATES,
    ),
    [],
  ],
  [
    `${R} (validateDAG)`,
    'a task the DAG does not have',
    dag(`      - name: b
        template: echo
        when: "{{tasks.nobody.outputs.result}} == heads" # <-`),
    [
      {
        code: 'unknown-reference',
        message:
          "templates.main.tasks.b failed to resolve {{tasks.nobody.outputs.result}}: there is no task 'nobody' in templates.main",
      },
    ],
  ],
  [
    `${R} (addOutputsToScope)`,
    'an output parameter the template does not declare',
    dag(
      `      - {name: a, template: produce}
      - name: b
        depends: a
        template: say
        arguments: {parameters: [{name: message, value: "{{tasks.a.outputs.parameters.rows}}"}]} # <-`,
      TEMPLATES,
    ),
    [{ code: 'unknown-output', message: "template produce has no output parameter 'rows'" }],
  ],
  [
    `${R} (addOutputsToScope: HasOutput)`,
    'the result of a DAG template',
    dag(
      `      - {name: a, template: inner}
      - name: b
        depends: a
        template: say
        arguments: {parameters: [{name: message, value: "{{tasks.a.outputs.result}}"}]} # <-`,
      `${TEMPLATES}
  - name: inner
    dag: {tasks: [{name: x, template: echo}]}`,
    ),
    [{ code: 'unknown-output', message: 'template inner produces no result' }],
  ],
  [
    `${R} (validateDAG: status only for ancestors)`,
    'the status of a task that is not an ancestor',
    dag(`      - {name: a, template: echo}
      - name: b
        template: echo
        when: "{{tasks.a.status}} == Succeeded" # <-`),
    [
      {
        code: 'reference-not-upstream',
        message: 'a is not upstream of b; add the dependency a -> b',
      },
    ],
  ],
  [
    `${R} (validateDAG adds every task's outputs to the scope)`,
    'the outputs of a task that is not an ancestor, in when: Argo accepts them',
    dag(`      - {name: a, template: echo}
      - name: b
        template: echo
        when: "{{tasks.a.outputs.result}} == heads" # <-`),
    [{ code: 'reference-not-upstream', severity: 'warning', message: 'a is not upstream of b' }],
  ],
  [
    `${R} (validateDAG: tasks.X.* only in the DAG's tasks)`,
    'pod.name in a DAG task',
    dag(
      `      - name: a
        template: say
        arguments: {parameters: [{name: message, value: "{{pod.name}}"}]} # <-`,
      TEMPLATES,
    ),
    [{ code: 'unresolved-variable', message: 'pod.name is set only in templates that run a pod' }],
  ],
  [
    'util/template Validate (expressions are checked only at run time)',
    'an expression reading a task that is not an ancestor',
    dag(`      - {name: a, template: echo}
      - name: b
        template: echo
        when: "{{=tasks.a.outputs.result == 'x'}}" # <-`),
    [
      {
        code: 'reference-not-upstream',
        severity: 'warning',
        message: 'Argo checks expressions only when it runs them',
      },
    ],
  ],
  [
    'util/template Validate (expressions are checked only at run time)',
    "an expression naming an input the template lacks, with ['...'] keys",
    workflow(`  - name: main
    inputs: {parameters: [{name: a-b, value: "1"}]}
    container:
      image: alpine
      args: ["{{=inputs.parameters['a-b'] + inputs.parameters['c']}}"] # <-`),
    [{ code: 'unresolved-variable', severity: 'warning', message: 'reads inputs.parameters.c' }],
  ],
  [
    `${R} (validateDAG target)`,
    'a target naming a workflow parameter',
    dag(
      `      - {name: a, template: echo}`,
      ECHO,
      '  arguments: {parameters: [{name: only, value: a}]}\n',
    ).replace('    dag:\n', '    dag:\n      target: "{{workflow.parameters.only}}"\n'),
    [],
  ],
];

describe('references resolve in their scope', () => {
  it.each(rows)('%s: %s', (_source, _label, yaml, expected, options) => {
    check(yaml, expected, options);
  });
});
