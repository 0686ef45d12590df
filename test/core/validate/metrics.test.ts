// Template metrics: validate.go validateTemplate with workflow/metrics
// IsValidMetricName, ValidateMetricLabels and ValidateMetricValues. Cases
// after validate_test.go TestInvalidMetricName, TestInvalidMetricLabelName,
// TestInvalidMetricHelp, TestInvalidMetricGauge, TestInvalidNoValueMetricGauge,
// TestValidMetricGauge, TestWorkflowTemplateLabels.
import { describe, it } from 'vitest';
import { check, workflow, type Row } from './harness';

const M = 'validate.go validateTemplate (metrics)';
const metric = (body: string) =>
  workflow(`  - name: main
    container: {image: alpine}
    metrics:
      prometheus:
${body}`);

const rows: Row[] = [
  [
    `${M} (TestInvalidMetricName)`,
    'a name with dots',
    metric(`      - name: invalid.metric.name # <-
        help: invalid
        gauge: {value: "1"}`),
    [
      {
        code: 'invalid-metric',
        message:
          "templates.main metric name 'invalid.metric.name' is invalid. Metric names must contain alphanumeric characters or '_'",
      },
    ],
  ],
  [
    `${M} (TestInvalidMetricLabelName)`,
    'a label key with a dot',
    metric(`      - name: valid
        help: help
        labels:
        - key: invalid.key # <-
          value: hi
        gauge: {value: "1"}`),
    [
      {
        code: 'invalid-metric',
        message:
          "metric label 'invalid.key' is invalid: keys may only contain alphanumeric characters or '_'",
      },
    ],
  ],
  [
    `${M} (TestInvalidMetricHelp)`,
    'no help',
    metric(`      - name: metric_name # <-
        gauge: {value: "1"}`),
    [
      {
        code: 'invalid-metric',
        message:
          "templates.main metric 'metric_name' must contain a help string under 'help: ' field",
      },
    ],
  ],
  [
    `${M} (TestInvalidMetricGauge)`,
    'resourcesDuration in a real-time gauge',
    metric(`      - name: metric_name
        help: please
        gauge: # <-
          realtime: true
          value: "{{resourcesDuration.cpu}}/{{resourcesDuration.memory}}"`),
    [
      {
        code: 'invalid-metric',
        message:
          "templates.main metric 'metric_name' error: 'resourcesDuration.*' metrics cannot be used in real-time",
      },
    ],
  ],
  [
    `${M} (TestInvalidNoValueMetricGauge)`,
    'a gauge without a value',
    metric(`      - name: metric_name
        help: please
        gauge: {realtime: false} # <-`),
    [
      {
        code: 'invalid-metric',
        message: "templates.main metric 'metric_name' error: missing gauge.value",
      },
    ],
  ],
  [
    'workflow/metrics ValidateMetricValues',
    'a histogram without buckets',
    metric(`      - name: h
        help: please
        histogram: {value: "{{duration}}"} # <-`),
    [{ code: 'invalid-metric', message: 'missing histogram.buckets' }],
  ],
  [
    `${M} (TestValidMetricGauge, TestWorkflowTemplateLabels)`,
    'gauges, a counter and a histogram',
    metric(`      - {name: metric_one, help: please, gauge: {realtime: true, value: "{{duration}}/{{workflow.duration}}"}}
      - {name: metric_two, help: please, gauge: {value: "{{resourcesDuration.cpu}}"}, labels: [{key: status, value: "{{status}}"}]}
      - {name: count, help: please, counter: {value: "1"}}
      - {name: time, help: please, histogram: {value: "{{duration}}", buckets: [1, 10]}}`),
    [],
  ],
  [
    "workflow/metrics: a metric has one type (not checked by Argo's validator)",
    'a metric of no type',
    metric(`      - name: nothing # <-
        help: please`),
    [{ code: 'invalid-metric', severity: 'warning', message: 'has no type' }],
  ],
];

describe('metrics', () => {
  it.each(rows)('%s: %s', (_source, _label, yaml, expected, options) => {
    check(yaml, expected, options);
  });
});
