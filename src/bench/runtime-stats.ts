import { monitorEventLoopDelay, PerformanceObserver, constants, type IntervalHistogram } from 'node:perf_hooks';

/**
 * What a measured process's event loop and garbage collector did over a window: the event-loop
 * delay histogram (perf_hooks.monitorEventLoopDelay) and every GC pause by kind (a 'gc'
 * PerformanceObserver). The bench reads it beside the latency percentiles, so that a slow tail can
 * be charged to a blocked loop or to GC pauses, or to neither.
 */
export interface RuntimeStats {
  /** Event-loop delay over the window, milliseconds. */
  eventLoopDelayMs: { p50: number; p99: number; max: number; mean: number };
  gc: {
    count: number;
    /** Sum of the pauses, milliseconds. */
    pauseMs: number;
    maxPauseMs: number;
    byKind: Record<GcKind, { count: number; pauseMs: number; maxPauseMs: number }>;
  };
  /**
   * When, in wall-clock milliseconds (performance.timeOrigin + now, comparable across processes
   * on one machine), the loop could not run a request: each GC pause, and each time a 5 ms timer
   * fired more than 1 ms late (the loop busy or stalled). The fixed-rate tail is charged to these
   * (src/bench/tail.ts). Dropped from the bench's JSON.
   */
  timeline?: Stall[];
  /** Replicas measured as one target (targets.ts fleetOf): each one's timeline. */
  replicaTimelines?: Stall[][];
}

export interface Stall {
  start: number;
  end: number;
  kind: 'gc' | 'loop';
}

/** A window keeps at most this many stalls (a soak's 10 s windows stay far below it). */
const MAX_TIMELINE = 50_000;
/** A timer tick later than this is a stall of the loop. */
const LATE_MS = 1;

export type GcKind = 'minor' | 'major' | 'incremental' | 'weakcb';

const KINDS: Array<[number, GcKind]> = [
  [constants.NODE_PERFORMANCE_GC_MINOR, 'minor'],
  [constants.NODE_PERFORMANCE_GC_MAJOR, 'major'],
  [constants.NODE_PERFORMANCE_GC_INCREMENTAL, 'incremental'],
  [constants.NODE_PERFORMANCE_GC_WEAKCB, 'weakcb'],
];

const round3 = (v: number) => Math.round(v * 1000) / 1000;
const ms = (ns: number) => Math.round((ns / 1e6) * 1000) / 1000;
const emptyGc = (): RuntimeStats['gc'] => ({
  count: 0,
  pauseMs: 0,
  maxPauseMs: 0,
  byKind: { minor: { count: 0, pauseMs: 0, maxPauseMs: 0 }, major: { count: 0, pauseMs: 0, maxPauseMs: 0 }, incremental: { count: 0, pauseMs: 0, maxPauseMs: 0 }, weakcb: { count: 0, pauseMs: 0, maxPauseMs: 0 } },
});

/** Collects from start until process exit; take() returns the window since the last take() and starts a new one. */
export class RuntimeStatsCollector {
  private readonly loop: IntervalHistogram;
  private gc = emptyGc();
  private readonly observer: PerformanceObserver;

  private readonly resolutionNs: number;
  private timeline: Stall[] = [];
  private readonly ticker: NodeJS.Timeout;

  constructor(resolutionMs = 5) {
    this.resolutionNs = resolutionMs * 1e6;
    this.loop = monitorEventLoopDelay({ resolution: resolutionMs });
    this.loop.enable();
    this.observer = new PerformanceObserver((list) => {
      for (const e of list.getEntries()) this.record((e as unknown as { detail?: { kind?: number } }).detail?.kind ?? 0, e.duration, performance.timeOrigin + e.startTime);
    });
    this.observer.observe({ entryTypes: ['gc'] });
    // the histogram says how late the loop was, not when: a timer of our own notes when
    let last = performance.now();
    this.ticker = setInterval(() => {
      const now = performance.now();
      const expected = last + resolutionMs;
      if (now - expected > LATE_MS) this.stall(performance.timeOrigin + expected, performance.timeOrigin + now, 'loop');
      last = now;
    }, resolutionMs);
    this.ticker.unref();
  }

  private stall(start: number, end: number, kind: Stall['kind']): void {
    if (this.timeline.length < MAX_TIMELINE) this.timeline.push({ start: round3(start), end: round3(end), kind });
  }

  /** One GC pause (exposed for tests: the observer's entries arrive asynchronously); startMs in wall-clock ms. */
  record(kind: number, durationMs: number, startMs?: number): void {
    if (startMs !== undefined) this.stall(startMs, startMs + durationMs, 'gc');
    const name = KINDS.find(([k]) => k === kind)?.[1] ?? 'major';
    const k = this.gc.byKind[name];
    k.count++;
    k.pauseMs += durationMs;
    k.maxPauseMs = Math.max(k.maxPauseMs, durationMs);
    this.gc.count++;
    this.gc.pauseMs += durationMs;
    this.gc.maxPauseMs = Math.max(this.gc.maxPauseMs, durationMs);
  }

  take(): RuntimeStats {
    const h = this.loop;
    // Node's histogram records the time between two ticks of its timer, the resolution included:
    // an idle loop reads ~resolution. The delay is what exceeds it.
    const delay = (ns: number) => ms(Math.max(0, (Number.isNaN(ns) ? 0 : ns) - this.resolutionNs));
    const stats: RuntimeStats = {
      eventLoopDelayMs: { p50: delay(h.percentile(50)), p99: delay(h.percentile(99)), max: delay(h.max), mean: delay(h.mean) },
      gc: roundGc(this.gc),
      timeline: this.timeline,
    };
    h.reset();
    this.gc = emptyGc();
    this.timeline = [];
    return stats;
  }

  stop(): void {
    clearInterval(this.ticker);
    this.loop.disable();
    this.observer.disconnect();
  }
}

function roundGc(g: RuntimeStats['gc']): RuntimeStats['gc'] {
  const r = (v: number) => Math.round(v * 1000) / 1000;
  const byKind = Object.fromEntries(
    Object.entries(g.byKind).map(([k, v]) => [k, { count: v.count, pauseMs: r(v.pauseMs), maxPauseMs: r(v.maxPauseMs) }]),
  ) as RuntimeStats['gc']['byKind'];
  return { count: g.count, pauseMs: r(g.pauseMs), maxPauseMs: r(g.maxPauseMs), byKind };
}
