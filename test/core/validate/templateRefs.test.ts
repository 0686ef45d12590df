// templateRef and workflowTemplateRef: resolved against the WorkflowTemplates
// and ClusterWorkflowTemplates given (Argo's template getters,
// workflow/templateresolution; validate.go validateTemplateHolder and
// Workflow). Found: the referenced template's inputs must be supplied and its
// outputs exist. A WorkflowTemplate that has no such template: Argo's "template
// reference X.Y not found". None given: one note lists what could not be
// checked. Cases after validate_test.go TestNestedTemplateRefWithError,
// TestUndefinedTemplateRef, TestWorkflowWithWFTRef*, TestDynamicWorkflowTemplateRef.
import { describe, expect, it } from 'vitest';
import { loadYamlDocuments } from '../../../src/core/argo/yamlText';
import { templateLibrary, type ValidateOptions } from '../../../src/core/validate';
import { check, dag, lint, steps, TEMPLATES, workflow, type Row } from './harness';

const LIB = `apiVersion: argoproj.io/v1alpha1
kind: WorkflowTemplate
metadata:
  name: lib
spec:
  entrypoint: say
  arguments:
    parameters: [{name: who, value: world}]
  templates:
${TEMPLATES}
---
apiVersion: argoproj.io/v1alpha1
kind: ClusterWorkflowTemplate
metadata:
  name: shared
spec:
  templates:
  - name: hello
    inputs: {parameters: [{name: to}]}
    container: {image: alpine, args: ["{{inputs.parameters.to}}"]}
`;

const withLib: ValidateOptions = { templates: templateLibrary(loadYamlDocuments(LIB).value) };
const H = 'validate.go validateTemplateHolder';

const rows: Row[] = [
  [
    H,
    'a template of a WorkflowTemplate, given its input, its output read downstream',
    dag(
      `      - name: a
        templateRef: {name: lib, template: produce}
      - name: b
        depends: a
        templateRef: {name: shared, template: hello, clusterScope: true}
        arguments: {parameters: [{name: to, value: "{{tasks.a.outputs.parameters.size}}"}]}`,
    ),
    [],
    withLib,
  ],
  [
    `${H} (TestNestedTemplateRefWithError)`,
    "a referenced template's input not supplied",
    steps(`    - - name: call # <-
        templateRef: {name: lib, template: say}`),
    [
      {
        code: 'missing-input',
        message:
          'templates.main.steps[0].call template reference lib.say inputs.parameters.message was not supplied',
      },
    ],
    withLib,
  ],
  [
    `${H} (TestUndefinedTemplateRef)`,
    'a WorkflowTemplate without that template',
    steps(`    - - name: call
        templateRef: {name: lib, template: nope} # <-`),
    [
      {
        code: 'unknown-template',
        message: 'templates.main.steps[0].call template reference lib.nope not found',
      },
    ],
    withLib,
  ],
  [
    H,
    'an output the referenced template does not declare',
    dag(
      `      - {name: a, templateRef: {name: lib, template: produce}}
      - name: b
        depends: a
        template: say
        arguments: {parameters: [{name: message, value: "{{tasks.a.outputs.parameters.rows}}"}]} # <-`,
      TEMPLATES,
    ),
    [{ code: 'unknown-output', message: "template produce has no output parameter 'rows'" }],
    withLib,
  ],
  [
    `${H} (templateresolution: a WorkflowTemplate the cluster may have)`,
    'a WorkflowTemplate that is not among those given',
    steps(`    - - name: call
        templateRef: {name: elsewhere, template: x} # <-`),
    [
      {
        code: 'unknown-workflow-template',
        severity: 'warning',
        message: "no WorkflowTemplate named 'elsewhere' among the 1 given",
      },
    ],
    withLib,
  ],
  [
    `${H} (VerifyResolvedVariables, TestDynamicWorkflowTemplateRef)`,
    'a templateRef from a parameter is resolved only at run time',
    steps(
      `    - - name: call
        templateRef: {name: lib, template: "{{inputs.parameters.which}}"}`,
    ).replace(
      '  - name: main\n',
      '  - name: main\n    inputs: {parameters: [{name: which, value: echo}]}\n',
    ),
    [],
    withLib,
  ],
  [
    'validate.go Workflow (TestWorkflowWithWFTRefWithEntrypoint, TestWorkflowWithWFTRefWithOverrideParam)',
    "a workflowTemplateRef: the referenced entrypoint's inputs from the merged arguments",
    `apiVersion: argoproj.io/v1alpha1
kind: Workflow
metadata:
  generateName: run-
spec:
  arguments:
    parameters: [{name: message, value: hi}]
  workflowTemplateRef: {name: lib}
`,
    [],
    withLib,
  ],
  [
    'validate.go Workflow (ProcessArgs of the referenced entrypoint)',
    'a workflowTemplateRef whose entrypoint input nobody supplies',
    `apiVersion: argoproj.io/v1alpha1
kind: Workflow
metadata:
  generateName: run-
spec:
  workflowTemplateRef: {name: lib} # <-
`,
    [
      {
        code: 'missing-input',
        message:
          'spec.entrypoint: template reference lib.say inputs.parameters.message was not supplied',
      },
    ],
    withLib,
  ],
];

describe('templateRef and workflowTemplateRef', () => {
  it.each(rows)('%s: %s', (_source, _label, yaml, expected, options) => {
    check(yaml, expected, options);
  });

  it('without WorkflowTemplates, one note names what could not be checked', () => {
    const found = lint(
      dag(`      - {name: a, templateRef: {name: lib, template: produce}}
      - name: b
        depends: a
        templateRef: {name: shared, template: hello, clusterScope: true}
        arguments: {parameters: [{name: to, value: "{{tasks.a.outputs.parameters.anything}}"}]}`),
    ).filter((d) => d.code !== 'unreachable-template');
    expect(found).toEqual([
      expect.objectContaining({
        code: 'unchecked-references',
        severity: 'info',
        message: expect.stringContaining(
          '2 references to WorkflowTemplates could not be checked (lib.produce, cluster shared.hello)',
        ),
        line: 11,
      }),
    ]);
  });

  it('a workflowTemplateRef without WorkflowTemplates: its parameters are not checked either', () => {
    const found = lint(
      workflow(
        `  - {name: main, container: {image: alpine, args: ["{{workflow.parameters.x}}"]}}`,
      ).replace('  entrypoint: main\n', '  workflowTemplateRef: {name: lib}\n'),
    );
    expect(found.map((d) => d.code)).toEqual(['templates-with-ref', 'unchecked-references']);
  });
});
