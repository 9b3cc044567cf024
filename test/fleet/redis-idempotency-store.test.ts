import Redis from 'ioredis';
import { RedisIdempotencyStore } from '../../src/policies/idempotency/redis-store';
import { GatewayError } from '../../src/errors/gateway-error';
import { startRedis, type LocalRedis } from '../helpers/redis-server';
import { redisConnection, type OpenedRedis } from '../helpers/redis-connection';

/**
 * The Redis idempotency store against a real redis-server, two "replicas" (two connections, two
 * stores) on one Redis: the memory store's semantics across processes, plus what only a shared
 * store has: leases of claims whose owner died, owner-only release, records that outlive a process.
 */
describe('redis idempotency store', () => {
  let redis: LocalRedis;
  let raw: Redis;
  const opened: OpenedRedis[] = [];
  let n = 0;

  beforeAll(async () => {
    redis = await startRedis();
    raw = new Redis(redis.url);
  });
  afterAll(async () => {
    await Promise.all(opened.map((o) => o.close()));
    raw.disconnect();
    await redis.stop();
  });

  /** A replica's store: its own connection, sharing the prefix of the others of the test. */
  const replica = async (prefix: string, opts = { ttlMs: 60_000, inFlightTtlMs: 60_000 }) => {
    const o = redisConnection(redis.url, prefix);
    opened.push(o);
    const store = new RedisIdempotencyStore(o.deps, opts);
    expect(await o.conn.ready()).toBe(true);
    return { store, ...o };
  };
  const pair = async (opts?: { ttlMs: number; inFlightTtlMs: number }) => {
    const prefix = `t${++n}:`;
    return { prefix, a: await replica(prefix, opts), b: await replica(prefix, opts) };
  };

  it('when two replicas claim one key, then only the first gets it and the other sees it in flight', async () => {
    const { a, b } = await pair();
    expect(await a.store.claim('k', 'fp')).toEqual({ claimed: true });
    expect(await b.store.claim('k', 'fp')).toEqual({ claimed: false, record: { fingerprint: 'fp', state: 'in-flight', response: undefined } });
  });

  it('when the first replica completes, then the other replica replays its answer, headers included, and a waiter on it wakes', async () => {
    const { a, b } = await pair();
    await a.store.claim('k', 'fp');
    const waiting = b.store.waitFor('k', 10_000);
    await a.store.complete('k', { status: 201, body: '{"ok":1}', headers: { location: '/x/1' } });
    await expect(waiting).resolves.toEqual({ fingerprint: 'fp', state: 'done', response: { status: 201, body: '{"ok":1}', headers: { location: '/x/1' } } });
    expect(await b.store.claim('k', 'fp')).toEqual({ claimed: false, record: { fingerprint: 'fp', state: 'done', response: { status: 201, body: '{"ok":1}', headers: { location: '/x/1' } } } });
  });

  it('when a record is completed, then it lives for the record TTL under the configured prefix', async () => {
    const { prefix, a } = await pair({ ttlMs: 86_400_000, inFlightTtlMs: 60_000 });
    await a.store.claim('client-1|facilito-transactions|n|42', 'fp');
    await a.store.complete('client-1|facilito-transactions|n|42', { status: 200, body: '{}' });
    const ttl = await raw.pttl(`${prefix}idem:client-1|facilito-transactions|n|42`);
    expect(ttl).toBeGreaterThan(86_000_000);
    expect(ttl).toBeLessThanOrEqual(86_400_000);
  });

  it('when the owner releases (no final answer), then a waiter on the other replica is told and may claim again', async () => {
    const { a, b } = await pair();
    await a.store.claim('k', 'fp');
    const waiting = b.store.waitFor('k', 10_000);
    await a.store.release('k');
    await expect(waiting).resolves.toBeUndefined();
    expect(await b.store.claim('k', 'fp')).toEqual({ claimed: true });
  });

  it('when a replica that does not own a claim releases the key, then the claim stays', async () => {
    const { a, b } = await pair();
    await a.store.claim('k', 'fp');
    await b.store.release('k');
    expect(await b.store.claim('k', 'fp')).toMatchObject({ claimed: false, record: { state: 'in-flight' } });
  });

  it('when a completed key is released, then it stays completed', async () => {
    const { a } = await pair();
    await a.store.claim('k', 'fp');
    await a.store.complete('k', { status: 200, body: '{}' });
    await a.store.release('k');
    expect(await a.store.claim('k', 'fp')).toMatchObject({ claimed: false, record: { state: 'done' } });
  });

  it('when the first replica is still in flight after the wait, then the waiter gets it in flight (the policy answers 409)', async () => {
    const { a, b } = await pair();
    await a.store.claim('k', 'fp');
    expect(await b.store.waitFor('k', 50)).toEqual({ fingerprint: 'fp', state: 'in-flight', response: undefined });
  });

  it('when the owner died and its lease ran out, then a retry with the same body takes the claim over as recovered, and another body still sees the old request', async () => {
    const { prefix, a, b } = await pair({ ttlMs: 60_000, inFlightTtlMs: 60_000 });
    await a.store.claim('k', 'fp');
    await a.close(); // the owner is gone; its lease is made to run out now rather than waited for
    await raw.hset(`${prefix}idem:k`, 'lease', '0');
    expect(await b.store.claim('k', 'other-body')).toEqual({ claimed: false, record: { fingerprint: 'fp', state: 'in-flight', response: undefined } });
    expect(await b.store.waitFor('k', 1_000)).toBeUndefined();
    expect(await b.store.claim('k', 'fp')).toEqual({ claimed: true, recovered: true });
    expect(b.logs().some((l) => /abandoned in flight/.test(String(l.message)))).toBe(true);
    expect(await b.deps.metrics.abandonedClaims.get()).toMatchObject({ values: [{ value: 1 }] });
    // the new owner's claim holds: nobody else takes it over
    expect(await b.store.claim('k', 'fp')).toMatchObject({ claimed: false, record: { state: 'in-flight' } });
    await b.store.complete('k', { status: 200, body: '{"n":1}' });
    expect(await b.store.claim('k', 'fp')).toMatchObject({ claimed: false, record: { state: 'done', response: { body: '{"n":1}' } } });
  });

  it('when Redis is slow, then claim and waitFor throw 503 (not sent) after the command timeout, and the answer it did not take is written once it answers', async () => {
    const prefix = `t${++n}:`;
    const a = redisConnection(redis.url, prefix, { commandTimeoutMs: 500 });
    opened.push(a);
    const store = new RedisIdempotencyStore(a.deps, { ttlMs: 60_000, inFlightTtlMs: 60_000 });
    const b = await replica(prefix);
    expect(await a.conn.ready()).toBe(true);
    await store.claim('k', 'fp');
    // Redis stops answering every client for a while (as an overloaded or failing-over one does)
    await raw.call('CLIENT', 'PAUSE', '2500', 'ALL');
    const refused = await store.claim('other', 'fp').catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(GatewayError);
    expect(refused).toMatchObject({ status: 503, errorCode: 'GW-503-01', errorDesc: expect.stringMatching(/not sent to the core/) });
    await expect(store.waitFor('k', 100)).rejects.toMatchObject({ status: 503 });
    // the core answered meanwhile: complete() does not throw, the answer is owed
    await store.complete('k', { status: 200, body: '{"late":true}' });
    expect(store.owedWrites).toBe(2); // the answer of k, and giving back the claim of other
    expect(await a.deps.metrics.storeErrors.get()).toMatchObject({ values: expect.arrayContaining([expect.objectContaining({ labels: { store: 'idempotency', op: 'claim' } })]) });
    // once Redis answers again, the next round trip pays what is owed
    await until(async () => (await store.claim('next', 'fp').catch(() => undefined)) !== undefined, 'Redis to answer again');
    await until(async () => store.owedWrites === 0, 'the owed writes');
    expect(await b.store.claim('k', 'fp')).toMatchObject({ claimed: false, record: { state: 'done', response: { body: '{"late":true}' } } });
    expect(await b.store.claim('other', 'fp')).toEqual({ claimed: true });
  });

  it('when Redis is killed, then a claim is refused at once with 503, and the connection recovers by itself once Redis is back', async () => {
    const own = await startRedis();
    const o = redisConnection(own.url, 'down:', { commandTimeoutMs: 500 });
    opened.push(o);
    const store = new RedisIdempotencyStore(o.deps, { ttlMs: 60_000, inFlightTtlMs: 60_000 });
    try {
      expect(await o.conn.ready()).toBe(true);
      await own.kill();
      await until(async () => (await o.conn.health())?.status === 'down', 'the connection to notice');
      expect(await o.conn.health()).toMatchObject({ status: 'down', stores: ['idempotency'], guardsMoney: true });
      await expect(store.claim('k', 'fp')).rejects.toMatchObject({ status: 503, errorCode: 'GW-503-01' });
      // refused before it was written: nothing to give back later
      expect(store.owedWrites).toBe(0);
      await own.restart();
      expect(await o.conn.ready()).toBe(true);
      expect(await store.claim('k', 'fp')).toEqual({ claimed: true });
      expect(await o.conn.health()).toMatchObject({ status: 'up' });
    } finally {
      await o.close();
      await own.stop();
    }
  });
});

async function until(cond: () => Promise<boolean>, what: string, limitMs = 15_000): Promise<void> {
  const start = Date.now();
  while (!(await cond())) {
    if (Date.now() - start > limitMs) throw new Error(`gave up waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
