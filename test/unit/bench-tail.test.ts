import fc from 'fast-check';
import { chargeTail } from '../../src/bench/tail';
import type { Stall } from '../../src/bench/runtime-stats';

/** 200 requests a ms apart from t=1000 taking `fast` ms, the slowest ones given here (the p99 band: ranks 197-199; the slowest 1%: 198-199). */
function requests(slow: Array<{ at: number; ms: number }>, fast = 2) {
  const latencies: number[] = [];
  const sent: number[] = [];
  for (let i = 0; i < 200 - slow.length; i++) {
    latencies.push(fast);
    sent.push(1000 + i);
  }
  for (const s of slow) {
    latencies.push(s.ms);
    sent.push(s.at);
  }
  return { latencies, sent };
}

const none = { target: [], core: [], client: [] };

describe('the fixed-rate tail, charged to what overlapped it (src/bench/tail.ts)', () => {
  it('when a slow request overlaps a GC pause of the target, then the pause is charged to GC, the median to service, the rest to the machine', () => {
    const { latencies, sent } = requests([{ at: 5000, ms: 50 }, { at: 5001, ms: 50 }, { at: 5002, ms: 50 }, { at: 5003, ms: 50 }]);
    const gc: Stall[] = [{ start: 5010, end: 5030, kind: 'gc' }]; // within each of the four
    const t = chargeTail(latencies, sent, { ...none, target: gc });
    expect(t.p99).toMatchObject({ requests: 3, latencyMs: 50, serviceMs: 2, targetGcMs: 20, targetLoopMs: 0, coreMs: 0, clientMs: 0, machineMs: 28 });
  });

  it('when causes overlap one another, then each millisecond is charged once, in order: target GC, target loop, core, load generator', () => {
    const { latencies, sent } = requests([{ at: 5000, ms: 100 }, { at: 5000, ms: 100 }, { at: 5000, ms: 100 }, { at: 5000, ms: 100 }]);
    const t = chargeTail(latencies, sent, {
      target: [
        { start: 5020, end: 5030, kind: 'gc' },
        { start: 5010, end: 5040, kind: 'loop' }, // 30 ms, of which the 10 ms of GC
      ],
      core: [{ start: 5035, end: 5060, kind: 'loop' }], // 25 ms, of which 5 under the target's loop
      client: [{ start: 5000, end: 5100, kind: 'loop' }], // what nothing else took
    });
    expect(t.p99).toMatchObject({ latencyMs: 100, serviceMs: 2, targetGcMs: 10, targetLoopMs: 20, coreMs: 20 });
    // 100 - 2 - 10 - 20 - 20 = 48 left: the client's loop covers all of it, nothing for the machine
    expect(t.p99.clientMs).toBe(48);
    expect(t.p99.machineMs).toBe(0);
  });

  it('when a stall lies outside a request, then nothing of it is charged to that request', () => {
    const { latencies, sent } = requests([{ at: 5000, ms: 30 }, { at: 5000, ms: 30 }, { at: 5000, ms: 30 }, { at: 5000, ms: 30 }]);
    const t = chargeTail(latencies, sent, { ...none, target: [{ start: 4000, end: 4990, kind: 'gc' }, { start: 5031, end: 5100, kind: 'loop' }] });
    expect(t.p99).toMatchObject({ targetGcMs: 0, targetLoopMs: 0, machineMs: 28 });
  });

  it('when the target is two replicas, then a request is charged only the stalls of the replica that answered it', () => {
    const { latencies, sent } = requests([{ at: 5000, ms: 50 }, { at: 5000, ms: 50 }, { at: 5000, ms: 50 }, { at: 5000, ms: 50 }]);
    // the four slow requests went to replica 1; replica 0 stalled over them, replica 1 did not
    const replicaOf = latencies.map((ms) => (ms === 50 ? 1 : 0));
    const stalled: Stall[] = [{ start: 5000, end: 5040, kind: 'loop' }];
    const t = chargeTail(latencies, sent, { target: stalled, replicas: [stalled, []], core: [], client: [] }, replicaOf);
    expect(t.p99).toMatchObject({ targetLoopMs: 0, machineMs: 48 });
    // the same requests answered by replica 0 are charged its stall
    const t0 = chargeTail(latencies, sent, { target: stalled, replicas: [stalled, []], core: [], client: [] }, latencies.map(() => 0));
    expect(t0.p99).toMatchObject({ targetLoopMs: 40, machineMs: 8 });
  });

  it('when the slowest 1% fall in two groups far apart, then they are two bursts', () => {
    const { latencies, sent } = requests([{ at: 5000, ms: 40 }, { at: 9000, ms: 41 }, { at: 7000, ms: 20 }, { at: 7000, ms: 20 }]);
    const t = chargeTail(latencies, sent, none);
    expect(t.bursts).toBe(2);
    expect(t.longestBurstShare).toBe(0.5);
  });

  it('whatever the stalls, the parts of a band add up to its latency and none is negative', () => {
    const stall = fc.record({ start: fc.integer({ min: 900, max: 1400 }), len: fc.integer({ min: 0, max: 80 }), gc: fc.boolean() });
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 200 }), { minLength: 100, maxLength: 300 }),
        fc.array(stall, { maxLength: 30 }),
        fc.array(stall, { maxLength: 10 }),
        fc.array(stall, { maxLength: 10 }),
        (latencies, target, core, client) => {
          const sent = latencies.map((_, i) => 1000 + i * 2);
          const toStalls = (l: typeof target): Stall[] => l.map((s) => ({ start: s.start, end: s.start + s.len, kind: s.gc ? 'gc' : 'loop' }));
          const t = chargeTail(latencies, sent, { target: toStalls(target), core: toStalls(core), client: toStalls(client) });
          for (const c of [t.p99, t.slowest1pct]) {
            const parts = [c.serviceMs, c.targetGcMs, c.targetLoopMs, c.coreMs, c.clientMs, c.machineMs];
            expect(parts.every((p) => p >= 0)).toBe(true);
            expect(parts.reduce((a, b) => a + b, 0)).toBeCloseTo(c.latencyMs, 1);
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});
