import { analyse } from './promql-labels';
import { seriesLabels } from './exposition';

// A scrape in miniature: a labelled counter, a histogram (le only on _bucket) and a bare gauge.
const scrape = [
  '# HELP reqs_total Requests',
  '# TYPE reqs_total counter',
  'reqs_total{api="a",route="r1",status="200"} 3',
  'reqs_total{api="b",route="r2",status="5\\"0}0"} 1',
  '# TYPE dur_seconds histogram',
  'dur_seconds_bucket{le="0.1",api="a"} 1',
  'dur_seconds_bucket{le="+Inf",api="a"} 2',
  'dur_seconds_sum{api="a"} 0.3',
  'dur_seconds_count{api="a"} 2',
  'lag_seconds 0.01',
].join('\n');
const series = seriesLabels(scrape);
const run = (expr: string) => analyse(expr, series, ['job', 'instance']);

describe('the exposition reader', () => {
  it('when a histogram is scraped, then its series are _bucket, _sum and _count and only _bucket has le', () => {
    expect(series.get('dur_seconds_bucket')).toEqual(new Set(['le', 'api']));
    expect(series.get('dur_seconds_sum')).toEqual(new Set(['api']));
    expect(series.has('dur_seconds')).toBe(false);
  });

  it('when a label value holds an escaped quote and a brace, then the labels after it are still read', () => {
    expect(series.get('reqs_total')).toEqual(new Set(['api', 'route', 'status']));
    expect(series.get('lag_seconds')).toEqual(new Set());
  });
});

describe('the PromQL label check', () => {
  it('when every name exists, then it reports nothing and the result labels follow the aggregation', () => {
    const r = run('sum by (api, route) (rate(reqs_total{job=~"$job", status=~"5.."}[5m])) / sum by (api, route) (rate(reqs_total[5m])) > 0.05');
    expect(r.problems).toEqual([]);
    expect(r.labels).toEqual(new Set(['api', 'route']));
    expect(r.metrics).toEqual(['reqs_total', 'reqs_total']);
  });

  it('when histogram_quantile aggregates by le, then le is dropped from the result', () => {
    const r = run('histogram_quantile(0.99, sum by (le, api) (rate(dur_seconds_bucket[5m])))');
    expect(r.problems).toEqual([]);
    expect(r.labels).toEqual(new Set(['api']));
  });

  it.each([
    ['an unknown metric', 'rate(nope_total[5m])', 'metric nope_total is not exported'],
    ['a histogram by its base name', 'rate(dur_seconds[5m])', 'metric dur_seconds is not exported'],
    ['a matcher on a label the metric lacks', 'reqs_total{backend="x"}', 'label "backend" of matcher on reqs_total'],
    ['a by label the input lacks', 'sum by (outcome) (reqs_total)', 'label "outcome" of sum by (outcome)'],
    ['a label dropped by an inner aggregation', 'sum by (route) (sum by (api) (reqs_total))', 'label "route" of sum by (route)'],
    ['a quantile without le', 'histogram_quantile(0.9, sum by (api) (rate(dur_seconds_bucket[5m])))', 'label "le" of histogram_quantile'],
    ['le on _count', 'sum by (le) (dur_seconds_count)', 'label "le" of sum by (le)'],
    ['sides that never match', 'sum by (api) (reqs_total) / sum by (api, route) (reqs_total)', 'carry different labels'],
    ['an on() label missing on one side', 'reqs_total / on (route) dur_seconds_count', 'label "route" of on (route) (right side)'],
    ['a syntax error', 'sum by (api (reqs_total)', 'syntax error'],
    ['a Grafana variable left in a range', 'rate(reqs_total[$__rate_interval])', 'syntax error'],
    ['PromQL 3 syntax', '{"reqs_total", api="a"}', 'PromQL 3 syntax'],
  ])('when an expression has %s, then it is reported', (_what, expr, problem) => {
    expect(run(expr).problems.join('\n')).toContain(problem);
  });
});
