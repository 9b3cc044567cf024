import { constants } from 'node:perf_hooks';
import { RuntimeStatsCollector } from '../../src/bench/runtime-stats';
import { summarize, type RunRecord } from '../../src/bench/report';

describe('the bench runtime stats (event-loop delay and GC pauses per window)', () => {
  it('when GC pauses are recorded, then take() sums them by kind, and the next window starts empty', () => {
    const c = new RuntimeStatsCollector();
    try {
      c.record(constants.NODE_PERFORMANCE_GC_MINOR, 1.5);
      c.record(constants.NODE_PERFORMANCE_GC_MINOR, 0.5);
      c.record(constants.NODE_PERFORMANCE_GC_MAJOR, 7);
      const w = c.take().gc;
      expect(w).toMatchObject({ pauseMs: 9, maxPauseMs: 7 });
      expect(w.byKind.minor).toEqual({ count: 2, pauseMs: 2, maxPauseMs: 1.5 });
      expect(w.byKind.major).toEqual({ count: 1, pauseMs: 7, maxPauseMs: 7 });
      expect(c.take().gc.byKind.minor.count).toBe(0);
    } finally {
      c.stop();
    }
  });

  it('when the loop is blocked for 80 ms, then the window shows an event-loop delay of at least that much', async () => {
    const c = new RuntimeStatsCollector(5);
    try {
      await new Promise((r) => setTimeout(r, 20));
      c.take();
      await new Promise((r) => setTimeout(r, 20));
      const until = performance.now() + 80;
      while (performance.now() < until) {
        /* a synchronous task holding the loop */
      }
      await new Promise((r) => setTimeout(r, 20));
      expect(c.take().eventLoopDelayMs.max).toBeGreaterThanOrEqual(70);
    } finally {
      c.stop();
    }
  });

  it('when the loop is blocked for 60 ms, then the timeline holds a loop stall inside that window, and a recorded GC pause is on it too', async () => {
    const c = new RuntimeStatsCollector(5);
    try {
      await new Promise((r) => setTimeout(r, 20));
      c.take();
      const from = performance.timeOrigin + performance.now();
      const until = performance.now() + 60;
      while (performance.now() < until) {
        /* a synchronous task holding the loop */
      }
      const to = performance.timeOrigin + performance.now();
      await new Promise((r) => setTimeout(r, 20));
      c.record(constants.NODE_PERFORMANCE_GC_MAJOR, 4, from + 10);
      const timeline = c.take().timeline!;
      // the timer is due at most 5 ms into the block and fires after it: a stall covering >= 50 of its 60 ms
      const overlap = (s: { start: number; end: number }) => Math.min(s.end, to) - Math.max(s.start, from);
      const covered = Math.max(...timeline.filter((s) => s.kind === 'loop').map(overlap));
      expect(covered).toBeGreaterThanOrEqual(50);
      expect(timeline).toContainEqual({ start: expect.closeTo(from + 10, 2), end: expect.closeTo(from + 14, 2), kind: 'gc' });
      expect(c.take().timeline).toEqual([]);
    } finally {
      c.stop();
    }
  });

  it('when the loop is idle, then its delay is near zero: the timer interval itself is not counted as delay', async () => {
    const c = new RuntimeStatsCollector(20);
    try {
      c.take();
      await new Promise((r) => setTimeout(r, 300));
      // Node's histogram records the time between two ticks of a 20 ms timer: ~20 ms when idle
      expect(c.take().eventLoopDelayMs.p50).toBeLessThan(10);
    } finally {
      c.stop();
    }
  });

  it('when rounds carry runtime stats, then the summary keeps the worst loop delay and the GC pause per second', () => {
    const run = (round: number, p99: number, max: number, pauseMs: number, maxPauseMs: number): RunRecord => ({
      scenario: 'transfer', target: 'gateway', round, ok: 100, failed: 0, failures: {}, elapsedSec: 2, rps: 50, p50Ms: 1, p99Ms: 2, loadAvg1m: 0, latenciesMs: [1, 2],
      runtime: { eventLoopDelayMs: { p50: 1, p99, max, mean: 1 }, gc: { count: 1, pauseMs, maxPauseMs, byKind: {} as never } },
    });
    const [s] = summarize([run(1, 3, 9, 10, 4), run(2, 5, 7, 30, 6)]);
    expect(s).toMatchObject({ eventLoopDelayP99Ms: 5, eventLoopDelayMaxMs: 9, gcPauseMsPerSec: 10, gcMaxPauseMs: 6 });
  });
});
