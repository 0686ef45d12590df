// CronWorkflows: validate.go CronWorkflow (ValidateCronWorkflow): at least one
// schedule, each parsed as robfig/cron reads it (src/core/argo/cron.ts),
// the timezone, the concurrency policy, startingDeadlineSeconds; then the
// workflow spec is validated as a Workflow's with default options, so its
// arguments need values even when linting.
import { describe, it } from 'vitest';
import { check, type Row } from './harness';

const C = 'validate.go CronWorkflow';
const cron = (settings: string, workflowSpec = '') => `apiVersion: argoproj.io/v1alpha1
kind: CronWorkflow
metadata:
  name: nightly
spec:
${settings}
  workflowSpec:
    entrypoint: main
${workflowSpec}    templates:
    - {name: main, container: {image: alpine}}
`;

const rows: Row[] = [
  [
    C,
    'no schedule',
    cron('  concurrencyPolicy: Allow').replace('spec:\n', 'spec: # <-\n'),
    [{ code: 'missing-schedule', message: 'cron workflow must have at least one schedule' }],
  ],
  [
    C,
    'the single schedule of Argo before 3.6',
    cron('  schedule: "0 * * * *" # <-'),
    [{ code: 'missing-schedule', message: 'Argo 4 no longer reads' }],
  ],
  [
    `${C} (robfig/cron ParseStandard)`,
    'a schedule of four fields',
    cron(`  schedules:
  - "30 2 * * 1-5"
  - "0 * * *" # <-`),
    [
      {
        code: 'invalid-schedule',
        message:
          "cron schedule is malformed: schedule '0 * * *' is not a cron expression of 5 fields",
      },
    ],
  ],
  [
    `${C} (time.LoadLocation)`,
    'an unknown time zone',
    cron('  schedules: ["0 9 * * *"]\n  timezone: Asia/Mumbai # <-'),
    [{ code: 'invalid-timezone', message: "unknown time zone 'Asia/Mumbai'" }],
  ],
  [
    C,
    'an unknown concurrency policy',
    cron('  schedules: ["0 9 * * *"]\n  concurrencyPolicy: Skip # <-'),
    [{ code: 'invalid-concurrency-policy', message: "'Skip' is not a valid concurrencyPolicy" }],
  ],
  [
    C,
    'a negative startingDeadlineSeconds',
    cron('  schedules: ["0 9 * * *"]\n  startingDeadlineSeconds: -5 # <-'),
    [{ code: 'invalid-deadline', message: 'startingDeadlineSeconds must be positive' }],
  ],
  [
    'Go decoding (suspend is a boolean)',
    'suspend as a string',
    cron('  schedules: ["0 9 * * *"]\n  suspend: "false" # <-'),
    [{ code: 'invalid-field', message: 'suspend must be true or false, not a string' }],
  ],
  [
    `${C} (validated as a Workflow with default options)`,
    'a workflow argument without a value, even when linting',
    cron(
      '  schedules: ["0 9 * * *"]',
      `    arguments:
      parameters:
      - name: day # <-
`,
    ),
    [
      {
        code: 'missing-value',
        message: 'spec.arguments.day.value or spec.arguments.day.valueFrom is required',
      },
    ],
  ],
  [
    C,
    'every setting right',
    cron(`  schedules: ["0 9 * * 1-5", "@daily", "*/30 8-18 * * MON-FRI"]
  timezone: Asia/Kolkata
  concurrencyPolicy: Forbid
  startingDeadlineSeconds: 60
  successfulJobsHistoryLimit: 3
  suspend: false
  stopStrategy: {expression: "cronworkflow.failed >= 3"}`),
    [],
  ],
];

describe('CronWorkflows', () => {
  it.each(rows)('%s: %s', (_source, _label, yaml, expected, options) => {
    check(yaml, expected, options);
  });
});
