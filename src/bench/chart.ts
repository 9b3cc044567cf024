import fs from 'node:fs';
import * as vega from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';
import type { TargetSummary } from './report';
import { terminate } from '../terminate';

/** One point of a target's latency curve at the fixed rate. */
export interface CurvePoint {
  scenario: string;
  target: string;
  percentile: number;
  ms: number;
}

export interface ChartInput {
  saturation: { summary: TargetSummary[] };
  fixedRate: { curves?: CurvePoint[] };
}

/**
 * The bench's results as one SVG, rendered in Node by vega-lite and vega (no browser, no
 * network): req/s per target and scenario (median, each round a dot) and, at the fixed rate,
 * each target's latency by percentile (p50 ... p99.9, log scale), where the tail shows.
 */
export function chartSpec(input: ChartInput): TopLevelSpec {
  const rounds = input.saturation.summary.flatMap((s) => s.rpsRounds.map((rps) => ({ kind: 'round', scenario: s.scenario, target: s.target, rps })));
  const medians = input.saturation.summary.map((s) => ({ kind: 'median', scenario: s.scenario, target: s.target, rps: s.rps }));
  const curves = (input.fixedRate.curves ?? []).map((p) => ({ ...p, label: `p${p.percentile}` }));
  const x = { field: 'target', type: 'nominal', title: null, sort: null };
  const y = { field: 'rps', type: 'quantitative', title: 'req/s' };
  const throughput = {
    title: 'Saturation: requests per second (bar: median of rounds; dots: rounds)',
    data: { values: [...medians, ...rounds] },
    facet: { column: { field: 'scenario', type: 'nominal', title: null } },
    spec: {
      width: 260,
      height: 180,
      layer: [
        { transform: [{ filter: "datum.kind === 'median'" }], mark: { type: 'bar', opacity: 0.75 }, encoding: { x, y, color: { field: 'target', type: 'nominal', legend: null } } },
        { transform: [{ filter: "datum.kind === 'round'" }], mark: { type: 'point', filled: true, color: 'black', size: 25 }, encoding: { x, y } },
      ],
    },
  };
  const latency = {
    title: 'Fixed rate: latency by percentile (ms, log scale)',
    data: { values: curves },
    facet: { column: { field: 'scenario', type: 'nominal', title: null } },
    spec: {
      width: 260,
      height: 200,
      mark: { type: 'line', point: true },
      encoding: {
        x: { field: 'label', type: 'ordinal', sort: { field: 'percentile' }, title: 'percentile' },
        y: { field: 'ms', type: 'quantitative', scale: { type: 'log' }, title: 'ms' },
        color: { field: 'target', type: 'nominal', legend: { orient: 'right', title: 'target' } },
      },
    },
  };
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v5.json',
    config: { font: 'sans-serif', view: { stroke: null } },
    // the bars' colours and the curves' legend are each their own
    resolve: { scale: { color: 'independent' }, legend: { color: 'independent' } },
    vconcat: curves.length ? [throughput, latency] : [throughput],
  } as unknown as TopLevelSpec;
}

export async function renderChart(input: ChartInput): Promise<string> {
  const view = new vega.View(vega.parse(compile(chartSpec(input)).spec), { renderer: 'none' });
  return view.toSVG();
}

/** node dist/src/bench/chart.js <results.json> <out.svg>: the chart of a run already written. */
if (require.main === module) {
  const [input, output] = process.argv.slice(2);
  if (!input || !output) {
    console.error('usage: chart <results.json> <out.svg>');
    terminate(2);
  }
  void renderChart(JSON.parse(fs.readFileSync(input, 'utf8')) as ChartInput).then((svg) => fs.writeFileSync(output, svg));
}
