// Inputs and outputs of a template: Argo's validateInputs, validateOutputs,
// validateOutputParameter and validateArtifactLocation
// (workflow/validate/validate.go), Artifact.CleanPath (v1alpha1) and the HDFS
// driver's ValidateArtifact. Cases after validate_test.go
// TestInvalidOutputParam and TestVolumeMountArtifactPathCollision's fixture.
// Templates whose input artifacts nobody passes are WorkflowTemplates, whose
// entrypoint gets Argo's FakeArguments.
import { describe, it } from 'vitest';
import { check, ECHO, workflow, type Row } from './harness';

const O = 'validate.go validateOutputParameter';
const container = (outputs: string) =>
  workflow(`  - name: main
    container: {image: alpine}
    outputs:
${outputs}`);

const rows: Row[] = [
  [
    `${O} (TestInvalidOutputParam)`,
    'an output parameter with neither value nor valueFrom',
    container(`      parameters:
      - name: outparam # <-`),
    [
      {
        code: 'missing-output-value',
        message:
          'templates.main.outputs.parameters.outparam does not have valueFrom or value specified',
      },
    ],
  ],
  [
    `${O} (TestInvalidOutputParam)`,
    'two valueFrom sources',
    container(`      parameters:
      - name: outparam
        valueFrom: {path: /abc, jqFilter: abc} # <-`),
    [{ code: 'invalid-output', message: 'multiple valueFrom types specified (path, jqFilter)' }],
  ],
  [
    O,
    'both value and valueFrom',
    container(`      parameters:
      - name: outparam
        value: x
        valueFrom: {path: /abc} # <-`),
    [{ code: 'invalid-output', message: 'has both valueFrom and value specified, choose one' }],
  ],
  [
    'validate.go validateOutputs (TestInvalidOutputParam)',
    'a container output from a parameter',
    container(`      parameters:
      - name: outparam
        valueFrom: {parameter: abc} # <-`),
    [
      {
        code: 'invalid-output',
        message:
          'templates.main.outputs.parameters.outparam.path must be specified for Container templates',
      },
    ],
  ],
  [
    'validate.go validateOutputs (TestInvalidOutputParam)',
    'a steps output from a path',
    workflow(`  - name: main
    steps: [[{name: a, template: echo}]]
    outputs:
      parameters:
      - name: out
        valueFrom: {path: /abc} # <-
${ECHO}`),
    [
      {
        code: 'invalid-output',
        message:
          'templates.main.outputs.parameters.out.parameter or expression must be specified for Steps templates',
      },
    ],
  ],
  [
    'validate.go validateOutputs',
    'a resource output from jsonPath, a steps output from a step, a value',
    workflow(`  - name: main
    steps: [[{name: a, template: get}]]
    outputs:
      parameters:
      - {name: out, valueFrom: {parameter: "{{steps.a.outputs.parameters.phase}}"}}
      - {name: fixed, value: "1"}
  - name: get
    resource: {action: get, manifest: "kind: Pod"}
    outputs:
      parameters:
      - {name: phase, valueFrom: {jsonPath: "{.status.phase}"}}`),
    [],
  ],
  [
    'validate.go validateOutputs (Artifact.CleanPath)',
    'a container output artifact without a path',
    container(`      artifacts:
      - name: out # <-
        s3: {key: x}`),
    [
      {
        code: 'invalid-artifact-path',
        message:
          "error in templates.main.outputs.artifacts.out: Artifact 'out' did not specify a path",
      },
    ],
  ],
  [
    'validate.go validateInputs (Artifact.CleanPath)',
    'an input artifact path that climbs out with ..',
    workflow(`  - name: main
    inputs:
      artifacts:
      - name: a
        path: /tmp/safe/../../etc # <-
        raw: {data: x}
    container: {image: alpine}`),
    [{ code: 'invalid-artifact-path', message: 'Directory traversal is not permitted' }],
  ],
  [
    'validate.go validateInputs',
    'an input artifact path in a steps template',
    workflow(
      `  - name: main
    inputs:
      artifacts:
      - name: a
        path: /tmp/a # <-
    steps: [[{name: a, template: echo}]]
${ECHO}`,
      '',
      'WorkflowTemplate',
    ),
    [
      {
        code: 'invalid-artifact-path',
        message: 'templates.main.inputs.artifacts.a.path only valid in container/script templates',
      },
    ],
  ],
  [
    'validate.go validateInputs',
    'an input artifact with from',
    workflow(
      `  - name: main
    inputs:
      artifacts:
      - name: a
        path: /tmp/a
        from: "{{workflow.name}}" # <-
    container: {image: alpine}`,
      '',
      'WorkflowTemplate',
    ),
    [
      {
        code: 'invalid-artifact-source',
        message: 'templates.main.inputs.artifacts.a.from not valid in inputs',
      },
    ],
  ],
  [
    'validate.go validateArtifactLocation',
    'a git artifact without a repo',
    workflow(
      `  - name: main
    inputs:
      artifacts:
      - name: src
        path: /src
        git: {revision: main} # <-
    container: {image: alpine}`,
      '',
      'WorkflowTemplate',
    ),
    [
      {
        code: 'invalid-artifact-location',
        message: 'templates.main.inputs.artifacts.src.git.repo is required',
      },
    ],
  ],
  [
    'artifacts/hdfs ValidateArtifact',
    'an HDFS archive location with a relative path',
    workflow(`  - name: main
    container: {image: alpine}
    archiveLocation:
      hdfs: # <-
        addresses: [namenode:8020]
        path: relative/dir
        hdfsUser: root`),
    [
      {
        code: 'invalid-artifact-location',
        message: 'templates.main.archiveLocation.hdfs.path must be a absolute file path',
      },
    ],
  ],
];

describe('inputs and outputs', () => {
  it.each(rows)('%s: %s', (_source, _label, yaml, expected, options) => {
    check(yaml, expected, options);
  });
});
