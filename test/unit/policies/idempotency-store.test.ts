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
    expect(s.size).toBe(3);
    expect(await s.claim('a', 'fp')).toEqual({ claimed: true }); // forgotten
    expect((await s.claim('in-flight', 'fp')) as { record: { state: string } }).toMatchObject({ record: { state: 'in-flight' } });
  });
});

describe('canonicalJson', () => {
  it('when keys come in another order, then the text is the same', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { y: 2, x: 1 }], c: 'x' } })).toBe(canonicalJson({ a: { c: 'x', d: [1, { x: 1, y: 2 }] }, b: 1 }));
    expect(canonicalJson({ a: 1 })).not.toBe(canonicalJson({ a: '1' }));
  });
});
