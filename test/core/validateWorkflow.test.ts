// The workflow-level rules added with the workflow inspector: cron schedules
// checked by croner under Argo's parser rules, the timezone, the concurrency
// policy, argument enums and artifacts, onExit and podGC. One YAML snippet
// per rule; `# <-` marks the line the diagnostic must point at (as in
// validate.test.ts).
import { describe, expect, it } from 'vitest';
import { openDocuments, validate } from '../../src/core';
import { locateDiagnostics } from '../../src/core/argo/locate';

const cron = (settings: string, extra = '') => `apiVersion: argoproj.io/v1alpha1
kind: CronWorkflow
metadata:
  name: nightly
spec:
${settings}
  workflowSpec:
    entrypoint: main
${extra}    templates:
    - {name: main, container: {image: alpine}}
`;

const workflow = (fields: string) => `apiVersion: argoproj.io/v1alpha1
kind: Workflow
metadata:
  name: wf
spec:
  entrypoint: main
${fields}
  templates:
  - {name: main, container: {image: alpine}}
`;

// code, severity, message fragment, snippet
type Row = [string, 'error' | 'warning', string, string];

const rows: Row[] = [
  [
    'invalid-schedule',
    'error',
    "schedule '61 0 * * *' is not a valid cron expression: Invalid value for minute: 61",
    cron(`  schedules:
  - "0 9 * * 1-5"
  - "61 0 * * *" # <-`),
  ],
  [
    'invalid-schedule',
    'error',
    "'L' and 'W' are not supported by Argo's cron parser",
    cron(`  schedules: ["0 0 L * *"] # <-`),
  ],
  [
    'invalid-schedule',
    'error',
    'sets its own CRON_TZ= while spec.timezone is set',
    cron(`  timezone: Asia/Tokyo
  schedules:
  - "CRON_TZ=Europe/Paris 0 3 * * *" # <-`),
  ],
  [
    'schedule-never-runs',
    'warning',
    "schedule '0 0 30 2 *' never matches a date",
    cron(`  schedules:
  - "0 0 30 2 *" # <-`),
  ],
  [
    'invalid-timezone',
    'error',
    "unknown time zone 'Asia/Mumbai'",
    cron(`  schedules: ["0 9 * * *"]
  timezone: Asia/Mumbai # <-`),
  ],
  [
    'invalid-timezone',
    'error',
    'names are case-sensitive',
    cron(`  schedules: ["0 9 * * *"]
  timezone: europe/paris # <-`),
  ],
  [
    'invalid-concurrency-policy',
    'error',
    "'Skip' is not a valid concurrencyPolicy: use one of Allow, Forbid, Replace",
    cron(`  schedules: ["0 9 * * *"]
  concurrencyPolicy: Skip # <-`),
  ],
  [
    'empty-enum',
    'error',
    'spec.arguments.env.enum should contain at least one value',
    workflow(`  arguments:
    parameters:
    - name: env
      value: dev
      enum: [] # <-`),
  ],
  [
    'value-not-in-enum',
    'error',
    'spec.arguments.env.value should be present in spec.arguments.env.enum list',
    workflow(`  arguments:
    parameters:
    - name: env
      value: staging # <-
      enum: [dev, prod]`),
  ],
  [
    'missing-artifact-source',
    'error',
    'spec.arguments.data.from, artifact location, or key is required',
    workflow(`  arguments:
    artifacts:
    - name: data # <-`),
  ],
  [
    'unknown-template',
    'error',
    "spec.onExit: template name 'cleanup' undefined",
    workflow(`  onExit: cleanup # <-`),
  ],
  [
    'invalid-pod-gc',
    'error',
    "podGC.strategy unknown strategy 'Always'",
    workflow(`  podGC:
    strategy: Always # <-`),
  ],
];

function markedLine(text: string): number {
  return text.split('\n').findIndex((l) => l.includes('# <-')) + 1;
}

describe('workflow-level validation', () => {
  it.each(rows)('%s (%s): %s', (code, severity, message, text) => {
    const { documents, diagnostics } = openDocuments(text, 'wf.yaml');
    expect(diagnostics).toEqual([]);
    const found = locateDiagnostics(text, validate(documents[0]!.pipeline!));
    expect(found.map((d) => d.code)).toEqual([code]);
    expect(found[0]!.severity).toBe(severity);
    expect(found[0]!.message).toContain(message);
    expect(found[0]!.line).toBe(markedLine(text));
  });

  it('accepts a CronWorkflow with every setting right', () => {
    const text = cron(
      `  schedules: ["0 9 * * 1-5", "@daily", "*/30 8-18 * * MON-FRI"]
  timezone: Asia/Kolkata
  concurrencyPolicy: Forbid
  startingDeadlineSeconds: 60
  successfulJobsHistoryLimit: 3
  failedJobsHistoryLimit: 1
  suspend: false`,
      `    onExit: main
    podGC: {strategy: OnPodCompletion}
    arguments:
      parameters:
      - {name: env, value: prod, enum: [dev, prod], description: target}
      artifacts:
      - {name: data, s3: {key: data.csv}}
`,
    );
    const p = openDocuments(text).documents[0]!.pipeline!;
    expect(validate(p)).toEqual([]);
  });

  // Argo's validateArgumentsValues lets values wait for the caller, not artifact sources.
  it('leaves values to the caller in a WorkflowTemplate, but still checks the enum and artifacts', () => {
    const text = `apiVersion: argoproj.io/v1alpha1
kind: WorkflowTemplate
metadata:
  name: lib
spec:
  arguments:
    parameters:
    - {name: env, enum: [dev, prod]}
    - {name: size, value: xl, enum: [s, m]}
    artifacts:
    - {name: data}
  templates:
  - {name: main, container: {image: alpine}}
`;
    const p = openDocuments(text).documents[0]!.pipeline!;
    expect(validate(p).map((d) => d.code)).toEqual([
      'value-not-in-enum',
      'missing-artifact-source',
    ]);
  });
});
