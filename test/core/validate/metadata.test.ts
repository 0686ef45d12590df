// The object's name: Argo's validator limits it to 63 characters, 52 for a
// CronWorkflow (validate.go Workflow, WorkflowTemplate,
// ClusterWorkflowTemplate, CronWorkflow; TestMaxLengthName). The Kubernetes
// API server checks the rest, which Argo's validator does not: warnings.
import { describe, it } from 'vitest';
import { check, type Row } from './harness';

const doc = (
  kind: string,
  metadata: string,
  spec = '  entrypoint: main\n  templates:\n  - {name: main, container: {image: alpine}}\n',
) =>
  `apiVersion: argoproj.io/v1alpha1
kind: ${kind}
metadata:
${metadata}
spec:
${spec}`;
const cronSpec = `  schedules: ["0 * * * *"]
  workflowSpec:
    entrypoint: main
    templates:
    - {name: main, container: {image: alpine}}
`;

const rows: Row[] = [
  [
    'validate.go Workflow (TestMaxLengthName)',
    'a Workflow name of 70 characters',
    doc('Workflow', `  name: ${'a'.repeat(70)} # <-`),
    [
      {
        code: 'invalid-name',
        message: `workflow name "${'a'.repeat(70)}" must not be more than 63 characters long (currently 70)`,
      },
    ],
  ],
  [
    'validate.go WorkflowTemplate (TestMaxLengthName)',
    'a WorkflowTemplate name of 64 characters',
    doc('WorkflowTemplate', `  name: ${'a'.repeat(64)} # <-`),
    [{ code: 'invalid-name', message: 'workflow template name' }],
  ],
  [
    'validate.go CronWorkflow (TestMaxLengthName)',
    'a CronWorkflow name of 60 characters',
    doc('CronWorkflow', `  name: ${'a'.repeat(60)} # <-`, cronSpec),
    [{ code: 'invalid-name', message: 'must not be more than 52 characters long (currently 60)' }],
  ],
  [
    'validate.go CronWorkflow',
    'a CronWorkflow name of 52 characters',
    doc('CronWorkflow', `  name: ${'a'.repeat(52)}`, cronSpec),
    [],
  ],
  [
    "Kubernetes API server (not Argo's validator)",
    'neither name nor generateName',
    doc('Workflow', '  namespace: argo').replace('metadata:\n', 'metadata: # <-\n'),
    [
      {
        code: 'missing-name',
        severity: 'warning',
        message: 'the Kubernetes API server refuses the object without one',
      },
    ],
  ],
  [
    'Kubernetes API server (RFC 1123 names)',
    'an upper-case name',
    doc('Workflow', '  name: My_Flow # <-'),
    [
      {
        code: 'invalid-name',
        severity: 'warning',
        message: "metadata.name 'My_Flow' must be lower case",
      },
    ],
  ],
  [
    'Kubernetes API server (RFC 1123 names)',
    'generateName with a trailing dash, a namespace',
    doc('Workflow', '  generateName: etl-run-\n  namespace: argo'),
    [],
  ],
];

describe('metadata', () => {
  it.each(rows)('%s: %s', (_source, _label, yaml, expected, options) => {
    check(yaml, expected, options);
  });
});
