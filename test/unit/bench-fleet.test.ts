import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { paced } from '../../src/bench/load';
import { mergeUsage } from '../../src/bench/targets';
import type { TargetUsage } from '../../src/bench/target-process';

/** A target of several replicas (npm run bench -- --stores=redis --replicas=2). */
describe('the bench over replicas', () => {
  it('when the fixed-rate load has two ports, then requests go to each in turn and each answer says which replica it was', async () => {
    const hits = [0, 0];
    const servers = [0, 1].map((i) =>
      http.createServer((_req, res) => {
        hits[i]++;
        res.end(String(i));
      }),
    );
    await Promise.all(servers.map((s) => new Promise<void>((r) => s.listen(0, '127.0.0.1', r))));
    try {
      const ports = servers.map((s) => (s.address() as AddressInfo).port);
      const r = await paced({ port: ports[0], ports, method: 'GET', path: '/', headers: {} }, 200, 0.5, 4);
      expect(r.failed).toBe(0);
      expect(r.ok).toBe(100);
      expect(hits).toEqual([50, 50]);
      expect(r.replicaOf!.filter((x) => x === 0)).toHaveLength(50);
      expect(r.replicaOf!.filter((x) => x === 1)).toHaveLength(50);
      expect(r.sentAtMs).toHaveLength(100);
    } finally {
      await Promise.all(servers.map((s) => new Promise((r) => s.close(r))));
    }
  });

  it('when replicas report their usage, then CPU and memory add up, GC pauses add up, and each keeps its own stalls', () => {
    const usage = (cpu: number, rss: number, stall: number, pause: number): TargetUsage => ({
      cpuMicros: cpu,
      cpuSystemMicros: cpu / 10,
      rssBytes: rss,
      maxRssBytes: rss,
      heapUsedBytes: 1,
      heapTotalBytes: 2,
      externalBytes: 3,
      runtime: {
        eventLoopDelayMs: { p50: 1, p99: stall, max: stall, mean: 1 },
        gc: {
          count: 1,
          pauseMs: pause,
          maxPauseMs: pause,
          byKind: { minor: { count: 1, pauseMs: pause, maxPauseMs: pause }, major: { count: 0, pauseMs: 0, maxPauseMs: 0 }, incremental: { count: 0, pauseMs: 0, maxPauseMs: 0 }, weakcb: { count: 0, pauseMs: 0, maxPauseMs: 0 } },
        },
        timeline: [{ start: stall, end: stall + 1, kind: 'loop' }],
      },
    });
    const m = mergeUsage([usage(100, 10, 5, 2), usage(300, 20, 9, 3)]);
    expect(m).toMatchObject({ cpuMicros: 400, cpuSystemMicros: 40, rssBytes: 30, maxRssBytes: 30 });
    expect(m.runtime!.eventLoopDelayMs.max).toBe(9);
    expect(m.runtime!.gc).toMatchObject({ count: 2, pauseMs: 5, maxPauseMs: 3 });
    expect(m.runtime!.gc.byKind.minor).toEqual({ count: 2, pauseMs: 5, maxPauseMs: 3 });
    expect(m.runtime!.replicaTimelines).toEqual([[{ start: 5, end: 6, kind: 'loop' }], [{ start: 9, end: 10, kind: 'loop' }]]);
    expect(m.runtime!.timeline).toHaveLength(2);
  });
});
