import { renderChart } from '../../src/bench/chart';
import { percentileCurves, type RunRecord, type TargetSummary } from '../../src/bench/report';

const summary = (scenario: string, target: string, rps: number): TargetSummary => ({ scenario, target, rounds: 2, rps, rpsRounds: [rps - 10, rps + 10], p50Ms: 1, p99Ms: 3, failed: 0 });

describe('the bench chart (vega-lite rendered to SVG in Node)', () => {
  it('when a run is charted, then one SVG shows each target of each scenario and the latency curve up to p99.9', async () => {
    const latencies = Array.from({ length: 1000 }, (_, i) => 1 + i / 100);
    const fixed: RunRecord[] = ['stub-direct', 'baseline', 'gateway'].map((target, i) => ({
      scenario: 'transfer', target, round: 1, ok: 1000, failed: 0, failures: {}, elapsedSec: 1, rps: 1000, p50Ms: 1, p99Ms: 2, loadAvg1m: 0,
      latenciesMs: latencies.map((l) => l * (i + 1)),
    }));
    const curves = percentileCurves(fixed);
    expect(curves.filter((c) => c.target === 'gateway').map((c) => c.percentile)).toEqual([50, 75, 90, 95, 99, 99.5, 99.9]);
    expect(curves.find((c) => c.target === 'gateway' && c.percentile === 99.9)!.ms).toBeCloseTo(3 * 10.99, 1);
    const svg = await renderChart({
      saturation: { summary: [summary('transfer', 'baseline', 4000), summary('transfer', 'gateway', 2200), summary('account', 'baseline', 4100), summary('account', 'gateway', 2800)] },
      fixedRate: { curves },
    });
    expect(svg.startsWith('<svg')).toBe(true);
    for (const text of ['gateway', 'baseline', 'stub-direct', 'transfer', 'account', 'p99.9', 'req/s']) expect(svg).toContain(text);
  });
});
