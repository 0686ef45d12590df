/**
 * Template metrics: Argo's checks in validateTemplate (workflow/validate/
 * validate.go) with workflow/metrics IsValidMetricName, ValidateMetricLabels
 * and ValidateMetricValues. A name of letters, digits and `_`; label keys the
 * same and values not empty; a `help` string; a gauge's, counter's or
 * histogram's `value` (and a histogram's buckets); no `resourcesDuration.*` in
 * a real-time gauge. A metric of no type or of several does not fail Argo's
 * validator but is never emitted as meant: a warning.
 */
import { isObject } from '../model/types';
import { clip } from '../util/describe';
import type { Ctx, TemplateEntry } from './context';
import { itemName, readMap, readMaps } from './read';
import { under } from './sink';

const METRIC_NAME = /^[a-zA-Z_][a-zA-Z0-9_]*$/;
const TYPES = ['gauge', 'counter', 'histogram'] as const;

export function checkMetrics(ctx: Ctx, entry: TemplateEntry, prefix: string): void {
  const metrics = readMap(ctx.sink, entry.t, 'metrics', entry.at);
  if (!metrics) return;
  for (const { item: m, index, at } of readMaps(
    ctx.sink,
    metrics,
    'prometheus',
    under(entry.at, 'metrics'),
  )) {
    const name = itemName(m.name, index);
    const report = (message: string, field?: string) =>
      ctx.sink.error('invalid-metric', message, field ? under(at, field) : at);
    if (typeof m.name !== 'string' || !METRIC_NAME.test(m.name))
      report(
        `${prefix} metric name '${name}' is invalid. Metric names must contain alphanumeric characters or '_'`,
        'name',
      );
    for (const { item: label, at: lAt } of readMaps(ctx.sink, m, 'labels', at)) {
      const key = typeof label.key === 'string' ? label.key : '';
      if (!METRIC_NAME.test(key))
        ctx.sink.error(
          'invalid-metric',
          `metric label '${clip(key)}' is invalid: keys may only contain alphanumeric characters or '_' (${prefix} metric '${name}')`,
          under(lAt, 'key'),
        );
      else if (typeof label.value !== 'string' || label.value === '')
        ctx.sink.error(
          'invalid-metric',
          `metric label '${clip(key)}' cannot be empty (${prefix} metric '${name}')`,
          under(lAt, 'value'),
        );
    }
    if (typeof m.help !== 'string' || m.help === '')
      report(`${prefix} metric '${name}' must contain a help string under 'help: ' field`);
    const types = TYPES.filter((k) => isObject(m[k]));
    const bad = (what: string, field: string) =>
      report(`${prefix} metric '${name}' error: ${what}`, field);
    const gauge = isObject(m.gauge) ? m.gauge : undefined;
    if (gauge) {
      const value = typeof gauge.value === 'string' ? gauge.value : '';
      if (value === '') bad('missing gauge.value', 'gauge');
      else if (gauge.realtime === true && value.includes('resourcesDuration.'))
        bad("'resourcesDuration.*' metrics cannot be used in real-time", 'gauge');
    }
    if (isObject(m.counter) && !(typeof m.counter.value === 'string' && m.counter.value !== ''))
      bad('missing counter.value', 'counter');
    const histogram = isObject(m.histogram) ? m.histogram : undefined;
    if (histogram) {
      if (!(typeof histogram.value === 'string' && histogram.value !== ''))
        bad('missing histogram.value', 'histogram');
      if (!Array.isArray(histogram.buckets) || histogram.buckets.length === 0)
        bad('missing histogram.buckets', 'histogram');
    }
    if (types.length !== 1)
      ctx.sink.warning(
        'invalid-metric',
        `${prefix} metric '${name}' ${types.length === 0 ? 'has no type: give it one of gauge, counter or histogram' : `has ${types.join(' and ')}: give it one type`}`,
        at,
      );
  }
}
