import { median, percentiles, round } from './stats';
import type { Stall } from './runtime-stats';

/**
 * Charges the fixed-rate tail, millisecond by millisecond, to what was in a slow request's way.
 *
 * Every process of a fixed-rate round notes when its loop could not run a request (runtime-stats'
 * timeline: GC pauses, and the times a 5 ms timer fired late). A request that took L ms is first
 * given the round's median latency (its own service: what a request costs when nothing is in its
 * way, the core's answer included). The rest (L - median) is charged, in this order, to what
 * overlapped it in time: the gateway's GC pauses, the gateway's loop busy or stalled (other
 * requests' work ahead of it, or one long task), the core (the upstream stub's loop or GC), the
 * load generator's own loop, and whatever is left to the machine (the process waiting for a CPU,
 * the network stack, and the timer's blind spot: a loop busy for less than the 1 ms it ignores).
 * A millisecond is charged once, to the first cause that covers it.
 */
export interface TailSources {
  /** The target measured (gateway, or the bare proxy); all its replicas' stalls when it has several. */
  target: Stall[];
  /** A target of several replicas: each one's stalls (a request is charged only its own replica's). */
  replicas?: Stall[][];
  /** The upstream stub. */
  core: Stall[];
  /** The load generator (the orchestrator). */
  client: Stall[];
}

export interface TailCharge {
  /** How many requests the band holds. */
  requests: number;
  /** Their mean latency, and the same split by cause (the parts add up to it). */
  latencyMs: number;
  serviceMs: number;
  targetGcMs: number;
  targetLoopMs: number;
  coreMs: number;
  clientMs: number;
  machineMs: number;
}

export interface TailBreakdown {
  /** The requests around the p99 (p98.5 to p99.5), then the slowest 1%. */
  p99: TailCharge;
  slowest1pct: TailCharge;
  p50Ms: number;
  p99Ms: number;
  /** The slowest 1% grouped into bursts (gaps over 100 ms between sends): few = stalls, many = spread-out queueing. */
  bursts: number;
  /** The longest burst: its length in ms and the share of the slowest 1% it holds. */
  longestBurstMs: number;
  longestBurstShare: number;
}

interface Span {
  start: number;
  end: number;
}

/** Overlap of [start, end] with the intervals (sorted by start), minus what `taken` already holds; adds the new parts to `taken`. */
function chargeOnce(window: Span, intervals: Stall[], taken: Span[], cap: number): number {
  let charged = 0;
  for (const s of intervals) {
    if (s.start >= window.end) break;
    if (s.end <= window.start) continue;
    let parts: Span[] = [{ start: Math.max(s.start, window.start), end: Math.min(s.end, window.end) }];
    for (const t of taken) {
      parts = parts.flatMap((p) => {
        if (t.end <= p.start || t.start >= p.end) return [p];
        const out: Span[] = [];
        if (t.start > p.start) out.push({ start: p.start, end: t.start });
        if (t.end < p.end) out.push({ start: t.end, end: p.end });
        return out;
      });
    }
    for (const p of parts) {
      const len = Math.min(p.end - p.start, cap - charged);
      if (len <= 0) return charged;
      taken.push({ start: p.start, end: p.start + len });
      charged += len;
    }
  }
  return charged;
}

const byStart = (list: Stall[]) => [...list].sort((a, b) => a.start - b.start);

interface Prepared {
  targets: Array<{ all: Stall[]; gc: Stall[] }>;
  core: Stall[];
  client: Stall[];
}

function charge(band: Array<{ at: number; ms: number; replica: number }>, serviceMs: number, prepared: Prepared): TailCharge {
  const sum = { latencyMs: 0, serviceMs: 0, targetGcMs: 0, targetLoopMs: 0, coreMs: 0, clientMs: 0, machineMs: 0 };
  for (const r of band) {
    const own = prepared.targets[r.replica] ?? prepared.targets[0];
    const src = { target: own.all, targetGc: own.gc, core: prepared.core, client: prepared.client };
    const window = { start: r.at, end: r.at + r.ms };
    const service = Math.min(serviceMs, r.ms);
    let left = r.ms - service;
    const taken: Span[] = [];
    const gc = chargeOnce(window, src.targetGc, taken, left);
    left -= gc;
    const loop = chargeOnce(window, src.target, taken, left);
    left -= loop;
    const core = chargeOnce(window, src.core, taken, left);
    left -= core;
    const client = chargeOnce(window, src.client, taken, left);
    left -= client;
    sum.latencyMs += r.ms;
    sum.serviceMs += service;
    sum.targetGcMs += gc;
    sum.targetLoopMs += loop;
    sum.coreMs += core;
    sum.clientMs += client;
    sum.machineMs += left;
  }
  const n = band.length || 1;
  return {
    requests: band.length,
    latencyMs: round(sum.latencyMs / n, 2),
    serviceMs: round(sum.serviceMs / n, 2),
    targetGcMs: round(sum.targetGcMs / n, 2),
    targetLoopMs: round(sum.targetLoopMs / n, 2),
    coreMs: round(sum.coreMs / n, 2),
    clientMs: round(sum.clientMs / n, 2),
    machineMs: round(sum.machineMs / n, 2),
  };
}

/**
 * The breakdown of one target's fixed-rate requests (one round or several: the timelines are
 * wall-clock). replicaOf: for a target of several replicas, which one answered each request.
 */
export function chargeTail(latenciesMs: number[], sentAtMs: number[], sources: TailSources, replicaOf?: number[]): TailBreakdown {
  const reqs = latenciesMs.map((ms, i) => ({ ms, at: sentAtMs[i], replica: replicaOf?.[i] ?? 0 })).filter((r) => r.at !== undefined);
  const sorted = [...reqs].sort((a, b) => a.ms - b.ms);
  const [p99] = percentiles(reqs.map((r) => r.ms), [99]);
  const serviceMs = median(reqs.map((r) => r.ms));
  const prep = (list: Stall[]) => ({ all: byStart(list), gc: byStart(list.filter((s) => s.kind === 'gc')) });
  const src: Prepared = {
    targets: (sources.replicas?.length ? sources.replicas : [sources.target]).map(prep),
    core: byStart(sources.core),
    client: byStart(sources.client),
  };
  // by rank, so that ties with the median do not flood the band
  const band = sorted.slice(Math.floor(sorted.length * 0.985), Math.floor(sorted.length * 0.995) + 1);
  const slowest = sorted.slice(Math.floor(sorted.length * 0.99));
  // bursts: the slowest 1% in send order, split where two sends are more than 100 ms apart
  const bySend = [...slowest].sort((a, b) => a.at - b.at);
  const bursts: Array<{ from: number; to: number; n: number }> = [];
  for (const r of bySend) {
    const last = bursts[bursts.length - 1];
    if (last && r.at - last.to <= 100) {
      last.to = r.at;
      last.n++;
    } else bursts.push({ from: r.at, to: r.at, n: 1 });
  }
  const longest = bursts.reduce<{ from: number; to: number; n: number } | undefined>((a, b) => (!a || b.n > a.n ? b : a), undefined);
  return {
    p99: charge(band, serviceMs, src),
    slowest1pct: charge(slowest, serviceMs, src),
    p50Ms: round(serviceMs, 3),
    p99Ms: round(p99, 3),
    bursts: bursts.length,
    longestBurstMs: longest ? round(longest.to - longest.from, 1) : 0,
    longestBurstShare: longest && slowest.length ? round(longest.n / slowest.length, 2) : 0,
  };
}

export const TAIL_COLUMNS = ['service (median)', 'target GC', 'target loop busy', 'core (stub)', 'load generator', 'machine / unseen'] as const;

/** One row per target: the p99 band's mean latency and its parts. */
export function tailRows(rows: Array<{ scenario: string; target: string; tail: TailBreakdown }>): Array<Array<string | number>> {
  return rows.map(({ scenario, target, tail }) => {
    const c = tail.p99;
    return [scenario, target, c.latencyMs, c.serviceMs, c.targetGcMs, c.targetLoopMs, c.coreMs, c.clientMs, c.machineMs, `${tail.bursts} (longest ${tail.longestBurstMs} ms, ${Math.round(tail.longestBurstShare * 100)}%)`];
  });
}
