import { median, percentiles, round } from './stats';
import type { RuntimeStats, Stall } from './runtime-stats';
import type { TailBreakdown, TailSources } from './tail';

/** One measured run of one target: what the tables and the JSON are made of. */
export interface RunRecord {
  scenario: string;
  target: string;
  round: number;
  ok: number;
  failed: number;
  failures: Record<string, number>;
  elapsedSec: number;
  rps: number;
  p50Ms: number;
  p99Ms: number;
  /** Target process CPU (user + system) over the run, per answered request. */
  cpuMicrosPerRequest?: number;
  cpuSystemMicrosPerRequest?: number;
  rssMb?: number;
  peakRssMb?: number;
  heapUsedMb?: number;
  heapTotalMb?: number;
  externalMb?: number;
  loadAvg1m: number;
  /** The target's event-loop delay and GC pauses over the run. */
  runtime?: RuntimeStats;
  latenciesMs: number[];
  /** Fixed rate: when each answered request left (wall-clock ms), and the stalls of the target over the round. */
  sentAtMs?: number[];
  /** Replicas (--replicas): which one answered each request, and each one's stalls. */
  replicaOf?: number[];
  timeline?: Stall[];
  replicaTimelines?: Stall[][];
  /** Fixed rate: the stalls of the target, the stub and the load generator over the round, and the tail charged to them. */
  sources?: TailSources;
  tail?: TailBreakdown;
}

export interface TargetSummary {
  scenario: string;
  target: string;
  rounds: number;
  rps: number;
  rpsRounds: number[];
  p50Ms: number;
  p99Ms: number;
  cpuMicrosPerRequest?: number;
  peakRssMb?: number;
  /** Worst round's event-loop delay p99 and max, ms. */
  eventLoopDelayP99Ms?: number;
  eventLoopDelayMaxMs?: number;
  /** GC pauses over all rounds: total ms per second of run, and the longest one. */
  gcPauseMsPerSec?: number;
  gcMaxPauseMs?: number;
  failed: number;
}

const MB = 1024 * 1024;
export const toMb = (bytes: number) => round(bytes / MB, 1);

export function summarize(runs: RunRecord[]): TargetSummary[] {
  const keys = [...new Set(runs.map((r) => `${r.scenario}\u0000${r.target}`))];
  return keys.map((k) => {
    const [scenario, target] = k.split('\u0000');
    const mine = runs.filter((r) => r.scenario === scenario && r.target === target);
    const [p50, p99] = percentiles(mine.flatMap((r) => r.latenciesMs), [50, 99]);
    const ok = mine.reduce((s, r) => s + r.ok, 0);
    const cpu = mine.every((r) => r.cpuMicrosPerRequest !== undefined) ? mine.reduce((s, r) => s + r.cpuMicrosPerRequest! * r.ok, 0) / ok : undefined;
    const peaks = mine.map((r) => r.peakRssMb).filter((v): v is number => v !== undefined);
    return {
      scenario,
      target,
      rounds: mine.length,
      rps: round(median(mine.map((r) => r.rps)), 0),
      rpsRounds: mine.map((r) => round(r.rps, 0)),
      p50Ms: round(p50, 3),
      p99Ms: round(p99, 3),
      cpuMicrosPerRequest: cpu === undefined ? undefined : round(cpu, 1),
      peakRssMb: peaks.length ? Math.max(...peaks) : undefined,
      ...runtimeSummary(mine),
      failed: mine.reduce((s, r) => s + r.failed, 0),
    };
  });
}

function runtimeSummary(runs: RunRecord[]): Partial<TargetSummary> {
  const withStats = runs.filter((r): r is RunRecord & { runtime: RuntimeStats } => r.runtime !== undefined);
  if (!withStats.length) return {};
  const seconds = withStats.reduce((s, r) => s + r.elapsedSec, 0);
  return {
    eventLoopDelayP99Ms: Math.max(...withStats.map((r) => r.runtime.eventLoopDelayMs.p99)),
    eventLoopDelayMaxMs: Math.max(...withStats.map((r) => r.runtime.eventLoopDelayMs.max)),
    gcPauseMsPerSec: round(withStats.reduce((s, r) => s + r.runtime.gc.pauseMs, 0) / seconds, 2),
    gcMaxPauseMs: Math.max(...withStats.map((r) => r.runtime.gc.maxPauseMs)),
  };
}

/** Gateway (or another target) ÷ baseline throughput, paired round by round (same load conditions), then the median. */
export function ratios(runs: RunRecord[], scenario: string, target = 'gateway'): { median: number; rounds: number[] } {
  const gw = runs.filter((r) => r.scenario === scenario && r.target === target);
  const base = runs.filter((r) => r.scenario === scenario && r.target === 'baseline');
  const rounds = gw.map((g) => {
    const b = base.find((x) => x.round === g.round);
    return b ? g.rps / b.rps : NaN;
  });
  return { median: round(median(rounds.filter(Number.isFinite)), 2), rounds: rounds.map((r) => round(r, 2)) };
}

export function table(headers: string[], rows: Array<Array<string | number | undefined>>): string {
  const cells = [headers, ...rows.map((r) => r.map((c) => (c === undefined ? '-' : String(c))))];
  const widths = headers.map((_, i) => Math.max(...cells.map((r) => r[i].length)));
  const line = (r: string[]) => r.map((c, i) => (i < 2 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  return [line(cells[0]), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.slice(1).map(line)].join('\n');
}

export function saturationTable(summaries: TargetSummary[]): string {
  return table(
    ['scenario', 'target', 'req/s', 'p50 ms', 'p99 ms', 'CPU µs/req', 'peak RSS MB', 'loop p99/max ms', 'GC ms/s (max)', 'req/s per round'],
    summaries.map((s) => [s.scenario, s.target, s.rps, s.p50Ms, s.p99Ms, s.cpuMicrosPerRequest, s.peakRssMb, loopCell(s), gcCell(s), s.rpsRounds.join(' / ')]),
  );
}

export interface AddedLatency {
  scenario: string;
  target: string;
  addedP50Ms: number;
  addedP99Ms: number;
}

/** Latency each target adds over calling the stub directly, at the same fixed rate. */
export function addedLatency(summaries: TargetSummary[]): AddedLatency[] {
  const out: AddedLatency[] = [];
  for (const s of summaries) {
    const direct = summaries.find((d) => d.scenario === s.scenario && d.target === 'stub-direct');
    if (!direct || s === direct) continue;
    out.push({ scenario: s.scenario, target: s.target, addedP50Ms: round(s.p50Ms - direct.p50Ms, 3), addedP99Ms: round(s.p99Ms - direct.p99Ms, 3) });
  }
  return out;
}

export function fixedRateTable(summaries: TargetSummary[]): string {
  const added = addedLatency(summaries);
  return table(
    ['scenario', 'target', 'req/s', 'p50 ms', 'p99 ms', 'added p50 ms', 'added p99 ms', 'loop p99/max ms', 'GC ms/s (max)'],
    summaries.map((s) => {
      const a = added.find((x) => x.scenario === s.scenario && x.target === s.target);
      return [s.scenario, s.target, s.rps, s.p50Ms, s.p99Ms, a?.addedP50Ms, a?.addedP99Ms, loopCell(s), gcCell(s)];
    }),
  );
}

const loopCell = (s: TargetSummary) => (s.eventLoopDelayP99Ms === undefined ? undefined : `${s.eventLoopDelayP99Ms}/${s.eventLoopDelayMaxMs}`);
const gcCell = (s: TargetSummary) => (s.gcPauseMsPerSec === undefined ? undefined : `${s.gcPauseMsPerSec} (${s.gcMaxPauseMs})`);

export const CURVE_PERCENTILES = [50, 75, 90, 95, 99, 99.5, 99.9];

/** Each target's latency by percentile over all its rounds (the chart's fixed-rate curves). */
export function percentileCurves(runs: RunRecord[]): Array<{ scenario: string; target: string; percentile: number; ms: number }> {
  const keys = [...new Set(runs.map((r) => `${r.scenario}\u0000${r.target}`))];
  return keys.flatMap((k) => {
    const [scenario, target] = k.split('\u0000');
    const values = percentiles(runs.filter((r) => r.scenario === scenario && r.target === target).flatMap((r) => r.latenciesMs), CURVE_PERCENTILES);
    return CURVE_PERCENTILES.map((percentile, i) => ({ scenario, target, percentile, ms: round(values[i], 3) }));
  });
}
