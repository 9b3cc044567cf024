import { MemoryIdempotencyStore } from '../../../src/policies/idempotency/store';
import { canonicalJson } from '../../../src/policies/idempotency/handler';

describe('memory idempotency store', () => {
  it('when a key is claimed twice, then the second claim sees the first', async () => {
    const s = new MemoryIdempotencyStore(60_000);
    expect(await s.claim('k', 'fp')).toEqual({ claimed: true });
    expect(await s.claim('k', 'fp')).toEqual({ claimed: false, record: { fingerprint: 'fp', state: 'in-flight', response: undefined } });
  });

  it('when the first request completes, then a waiting duplicate gets its answer', async () => {
    const s = new MemoryIdempotencyStore(60_000);
    await s.claim('k', 'fp');
    const waiting = s.waitFor('k', 10_000);
    await s.complete('k', { status: 201, body: JSON.stringify({ ok: 1 }), headers: {} });
    await expect(waiting).resolves.toMatchObject({ state: 'done', response: { status: 201, body: '{"ok":1}' } });
  });

  it('when the first request is released (no final answer), then waiters are told and the key can be claimed again', async () => {
    const s = new MemoryIdempotencyStore(60_000);
    await s.claim('k', 'fp');
    const waiting = s.waitFor('k', 10_000);
    await s.release('k');
    await expect(waiting).resolves.toBeUndefined();
    expect(await s.claim('k', 'fp')).toEqual({ claimed: true });
  });

  it('when a completed key is released, then it stays completed', async () => {
    const s = new MemoryIdempotencyStore(60_000);
    await s.claim('k', 'fp');
    await s.complete('k', { status: 200, body: '{}', headers: {} });
    await s.release('k');
    expect((await s.claim('k', 'fp')) as { record: { state: string } }).toMatchObject({ record: { state: 'done' } });
  });
});

describe('memory idempotency store bounds', () => {
  it('when more records than maxEntries complete, then the oldest completed ones are dropped and in-flight ones kept', async () => {
    const s = new MemoryIdempotencyStore(60_000, 3);
    await s.claim('in-flight', 'fp');
    for (const k of ['a', 'b', 'c', 'd']) {
      await s.claim(k, 'fp');
      await s.complete(k, { status: 200, body: '{}', headers: {} });
    }
    expect(s.size).toBe(4); // b, c, d and the claim in flight
    expect(await s.claim('a', 'fp')).toEqual({ claimed: true }); // forgotten
    expect((await s.claim('in-flight', 'fp')) as { record: { state: string } }).toMatchObject({ record: { state: 'in-flight' } });
  });

  it('when a full store keeps taking records, then it holds exactly the newest maxEntries, replays included', async () => {
    const s = new MemoryIdempotencyStore(60_000, 1000);
    for (let i = 0; i < 5000; i++) {
      await s.claim(`k${i}`, 'fp');
      await s.complete(`k${i}`, { status: 200, body: `{"n":${i}}` });
      // a replay of an old record does not keep it longer than its turn
      if (i % 100 === 0) await s.claim(`k${Math.max(0, i - 500)}`, 'fp');
    }
    expect(s.size).toBe(1000);
    expect(await s.claim('k3999', 'fp')).toEqual({ claimed: true });
    expect(await s.claim('k4000', 'fp')).toEqual({ claimed: false, record: { fingerprint: 'fp', state: 'done', response: { status: 200, body: '{"n":4000}' } } });
    expect(await s.claim('k4999', 'fp')).toMatchObject({ claimed: false, record: { state: 'done' } });
  });

  it('when the records held reach maxBytes, then the oldest go first, whatever maxEntries allows, and the held bytes stay under the bound', async () => {
    const body = JSON.stringify({ Resultado: 0, Mensaje: 'Transaccion OK', IdAutorizacion: 1, pad: 'x'.repeat(400) });
    const s = new MemoryIdempotencyStore(60_000, 100_000, 60_000, performance, 64 * 1024);
    for (let i = 0; i < 1000; i++) {
      await s.claim(`client|facilito|n|${i}`, 'f'.repeat(43));
      await s.complete(`client|facilito|n|${i}`, { status: 200, body, headers: { location: `/x/${i}` } });
    }
    expect(s.bytes).toBeLessThanOrEqual(64 * 1024);
    // ~550 bytes a record: about a hundred of the thousand fit
    expect(s.size).toBeGreaterThan(80);
    expect(s.size).toBeLessThan(130);
    expect(await s.claim('client|facilito|n|0', 'f'.repeat(43))).toEqual({ claimed: true });
    expect(await s.claim('client|facilito|n|999', 'f'.repeat(43))).toEqual({
      claimed: false,
      record: { fingerprint: 'f'.repeat(43), state: 'done', response: { status: 200, body, headers: { location: '/x/999' } } },
    });
  });

  it('when a completed record is older than the TTL, then the key can be claimed again', async () => {
    const clock = { t: 1_000_000, now: () => clock.t };
    const s = new MemoryIdempotencyStore(60_000, 10, 5_000, clock);
    await s.claim('k', 'fp');
    await s.complete('k', { status: 200, body: '{}' });
    clock.t += 59_000;
    expect(await s.claim('k', 'fp')).toMatchObject({ claimed: false, record: { state: 'done' } });
    clock.t += 2_000;
    expect(await s.claim('k', 'fp')).toEqual({ claimed: true });
  });

  it('when a claim is abandoned longer than the in-flight TTL, then the key can be claimed again', async () => {
    const clock = { t: 1_000_000, now: () => clock.t };
    const s = new MemoryIdempotencyStore(60_000, 10, 5_000, clock);
    await s.claim('k', 'fp');
    clock.t += 4_000;
    expect(await s.claim('k', 'fp')).toMatchObject({ claimed: false, record: { state: 'in-flight' } });
    clock.t += 2_000;
    expect(await s.claim('k', 'other')).toEqual({ claimed: true });
  });
});

describe('canonicalJson', () => {
  it('when keys come in another order, then the text is the same', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { y: 2, x: 1 }], c: 'x' } })).toBe(canonicalJson({ a: { c: 'x', d: [1, { x: 1, y: 2 }] }, b: 1 }));
    expect(canonicalJson({ a: 1 })).not.toBe(canonicalJson({ a: '1' }));
  });
});
