import fc from 'fast-check';
import { RecordRing } from '../../../src/gateway/record-ring';

/** A clock the test moves. */
function clock(start = 1_000) {
  let now = start;
  return { now: () => now, advance: (ms: number) => (now += ms) };
}

describe('RecordRing: records outside the heap, the oldest overwritten first', () => {
  it('when a record is set, then it is read back exactly, non-ASCII included', () => {
    const ring = new RecordRing(4096, 100, clock());
    expect(ring.set('k1', '{"errorDesc":"Transacción OK","€":"ünïcode ✓"}', 60_000)).toBe(true);
    expect(ring.get('k1')).toBe('{"errorDesc":"Transacción OK","€":"ünïcode ✓"}');
    expect(ring.get('k2')).toBeUndefined();
    expect(ring.size).toBe(1);
  });

  it('when a record has expired, then it is not answered, and a key set again answers its new value', () => {
    const c = clock();
    const ring = new RecordRing(4096, 100, c);
    ring.set('a', 'first', 1_000);
    ring.set('b', 'b', 10_000);
    ring.set('b', 'b again', 10_000);
    expect(ring.get('b')).toBe('b again');
    c.advance(1_000);
    expect(ring.get('a')).toBeUndefined();
    expect(ring.size).toBe(1); // the expired key left the index when it was read
    expect(ring.get('b')).toBe('b again');
  });

  it('when the ring is full, then the oldest records give way and what it holds (ring and index) never passes its size', () => {
    const ring = new RecordRing(1_000, 1_000, clock());
    for (let i = 0; i < 100; i++) {
      expect(ring.set(`key-${i}`, 'v'.repeat(50) + i, 60_000)).toBe(true);
      expect(ring.bytes).toBeLessThanOrEqual(1_000);
    }
    // a record takes 14 + 6 + 52 bytes in the ring and its key 6 + 48 in the index: the last 7 fit
    expect(ring.get('key-99')).toBe('v'.repeat(50) + 99);
    expect(ring.get('key-94')).toBe('v'.repeat(50) + 94);
    expect(ring.get('key-0')).toBeUndefined();
    expect(ring.get('key-90')).toBeUndefined();
    expect(ring.size).toBeLessThanOrEqual(8);
  });

  it("when a key's earlier record is overwritten, then the key still answers its newer record", () => {
    const ring = new RecordRing(1_000, 1_000, clock());
    ring.set('a', 'a1', 60_000); // the oldest record: overwritten first
    ring.set('a', 'a2', 60_000);
    for (let i = 0; i < 6; i++) ring.set(`f${i}`, 'f'.repeat(60), 60_000);
    // a last record sized to pass the capacity by 10 bytes: only a1's 17 bytes need to go
    // (a key costs its characters + 48 in the index, a record 14 + key + value in the ring)
    const before = ring.bytes;
    ring.set('z', 'z'.repeat(1_000 + 10 - before - (14 + 1 + 1 + 48)), 60_000);
    expect(ring.get('f0')).toBe('f'.repeat(60));
    expect(ring.get('a')).toBe('a2');
    expect(ring.bytes).toBeLessThanOrEqual(1_000);
  });

  it('when a record would pass the end of the buffer, then it is written whole at the start', () => {
    const ring = new RecordRing(1_000, 1_000, clock());
    // one key set again and again: each record is 14 + 1 + 79 = 94 bytes, ten of them end at 940
    for (let i = 0; i < 10; i++) ring.set('k', String(i).repeat(79), 60_000);
    expect(ring.get('k')).toBe('9'.repeat(79));
    // 66 bytes from 940 would end at 1,006: the record goes to offset 0 instead
    ring.set('k', 'w'.repeat(51), 60_000);
    expect(ring.get('k')).toBe('w'.repeat(51));
  });

  it('when the keys take part of the capacity, then the ring wraps before the buffer ends and never writes the rest', () => {
    const ring = new RecordRing(10_000, 100_000, clock());
    for (let i = 0; i < 2_000; i++) ring.set(`reference-${i}`, 'o-client', 60_000);
    // a record is 14 + 14 + 8 = 36 bytes in the ring and its key 14 + 48 = 62 in the index:
    // the ring's share is ~37% of the capacity, and no more of the buffer is ever written
    expect(ring.bytes).toBeLessThanOrEqual(10_000);
    expect(ring.touchedBytes).toBeLessThan(4_500);
    expect(ring.get('reference-1999')).toBe('o-client');
  });

  it('when more keys than maxEntries are set, then the oldest go first', () => {
    const ring = new RecordRing(100_000, 3, clock());
    for (const k of ['a', 'b', 'c', 'd']) ring.set(k, k, 60_000);
    expect(ring.size).toBe(3);
    expect(ring.get('a')).toBeUndefined();
    expect(['b', 'c', 'd'].map((k) => ring.get(k))).toEqual(['b', 'c', 'd']);
  });

  it('when a record could never fit (over half the ring), then it is refused and nothing else is lost', () => {
    const ring = new RecordRing(1_000, 100, clock());
    ring.set('kept', 'x', 60_000);
    expect(ring.set('big', 'y'.repeat(600), 60_000)).toBe(false);
    expect(ring.get('big')).toBeUndefined();
    expect(ring.get('kept')).toBe('x');
  });

  // The property an idempotency store lives by: a key never answers another key's value or an
  // older value of its own, however records wrap round the ring; and the newest records that fit
  // are always there.
  it('when any sequence of sets, reads and expiries runs, then a read answers the key\'s last value or nothing, and recent records are kept', () => {
    const op = fc.oneof(
      fc.record({ kind: fc.constant('set' as const), key: fc.integer({ min: 0, max: 40 }), size: fc.integer({ min: 0, max: 700 }), ttl: fc.integer({ min: 1, max: 50 }) }),
      fc.record({ kind: fc.constant('get' as const), key: fc.integer({ min: 0, max: 40 }) }),
      fc.record({ kind: fc.constant('tick' as const), ms: fc.integer({ min: 1, max: 20 }) }),
    );
    fc.assert(
      fc.property(fc.integer({ min: 256, max: 2_000 }), fc.integer({ min: 1, max: 50 }), fc.array(op, { maxLength: 300 }), (capacity, maxEntries, ops) => {
        const c = clock();
        const ring = new RecordRing(capacity, maxEntries, c);
        const last = new Map<string, { value: string; expiresAt: number }>();
        let serial = 0;
        const recent: string[] = [];
        for (const o of ops) {
          if (o.kind === 'tick') c.advance(o.ms);
          else if (o.kind === 'set') {
            const key = `key-${o.key}-${'k'.repeat(o.key % 7)}`;
            const value = `${serial++}:${'é'.repeat(o.size % 5)}${'v'.repeat(o.size)}`;
            if (ring.set(key, value, o.ttl)) {
              last.set(key, { value, expiresAt: c.now() + o.ttl });
              recent.push(key);
              expect(ring.get(key)).toBe(value); // what was just kept is there
            }
            // every key answers its last value or nothing, whatever the overwrites did
            for (const [k, v] of last) {
              const got = ring.get(k);
              if (got !== undefined) expect(got).toBe(v.value);
            }
          } else {
            const key = `key-${o.key}-${'k'.repeat(o.key % 7)}`;
            const got = ring.get(key);
            const want = last.get(key);
            if (got !== undefined) {
              expect(got).toBe(want?.value);
              expect(want!.expiresAt).toBeGreaterThan(c.now());
            }
          }
          expect(ring.bytes).toBeLessThanOrEqual(capacity);
          expect(ring.size).toBeLessThanOrEqual(maxEntries);
        }
        // the newest record set is always readable while it has not expired
        const newest = recent.at(-1);
        if (newest !== undefined && last.get(newest)!.expiresAt > c.now()) expect(ring.get(newest)).toBe(last.get(newest)!.value);
      }),
      { numRuns: 200 },
    );
  });
});
