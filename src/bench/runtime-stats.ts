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
}

export type GcKind = 'minor' | 'major' | 'incremental' | 'weakcb';

const KINDS: Array<[number, GcKind]> = [
  [constants.NODE_PERFORMANCE_GC_MINOR, 'minor'],
  [constants.NODE_PERFORMANCE_GC_MAJOR, 'major'],
  [constants.NODE_PERFORMANCE_GC_INCREMENTAL, 'incremental'],
  [constants.NODE_PERFORMANCE_GC_WEAKCB, 'weakcb'],
];

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

  constructor(resolutionMs = 5) {
    this.resolutionNs = resolutionMs * 1e6;
    this.loop = monitorEventLoopDelay({ resolution: resolutionMs });
    this.loop.enable();
    this.observer = new PerformanceObserver((list) => {
      for (const e of list.getEntries()) this.record((e as unknown as { detail?: { kind?: number } }).detail?.kind ?? 0, e.duration);
    });
    this.observer.observe({ entryTypes: ['gc'] });
  }

  /** One GC pause (exposed for tests: the observer's entries arrive asynchronously). */
  record(kind: number, durationMs: number): void {
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
    };
    h.reset();
    this.gc = emptyGc();
    return stats;
  }

  stop(): void {
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
