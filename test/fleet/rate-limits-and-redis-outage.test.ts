import request from 'supertest';
import { BRONZE_CLIENT, startFleet, type Fleet, type Replica } from '../helpers/fleet';
import Redis from 'ioredis';
import { DEMO_CLIENT_ID } from '../helpers/gateway';
import { MARIA, NEY, newIdFacilito } from '../component/facilito-helpers';

/**
 * Two replicas on one real Redis: one rate-limit budget for the fleet, and what happens when Redis
 * dies mid-run: money is refused with 503 and never sent, reads go on, /ready and /metrics say so,
 * and both replicas recover by themselves once Redis is back.
 */
describe('two replicas on one Redis: shared rate limits, and Redis killed mid-run', () => {
  let f: Fleet;
  let a: Replica;
  let b: Replica;
  beforeAll(async () => {
    f = await startFleet(2, { policies: { rateLimit: { tiers: { gold: 100000, bronze: 6 } } } });
    [a, b] = f.replicas;
  }, 60_000);
  afterAll(() => f?.close());

  const lookup = (r: Replica, headers: Record<string, string>) => request(r.url).get(`/facilito/v1/customers/${NEY.cedula}/account`).set(headers);
  const deposit = async (r: Replica, body: object, headers: Record<string, string> = {}) =>
    request(r.url).post('/facilito/v1/deposits').set(await r.auth()).set(headers).send(body);
  const balance = (acct: string) => f.sandbox.state.ledger.account(acct).balanceCents;
  const coreCalls = (idFacilito: number) =>
    f.sandbox.faults.hits.filter((h) => h.path === '/cash/deposits' && (h.body as { reference?: string }).reference === `FAC-${idFacilito}`).length;
  const metric = async (r: Replica, line: RegExp) => {
    const m = (await request(r.url).get('/metrics')).text.split('\n').find((l) => line.test(l));
    return m === undefined ? undefined : Number(m.split(' ').pop());
  };

  it('when a bronze client alternates between the replicas, then one budget counts down across both and the 7th call is 429 on either', async () => {
    // a token from one replica is good on the other: the signing key is shared, not per replica
    const token = await a.token(BRONZE_CLIENT.id, BRONZE_CLIENT.secret);
    const headers = { client_id: BRONZE_CLIENT.id, client_secret: BRONZE_CLIENT.secret, Authorization: `Bearer ${token}` };
    const remaining: string[] = [];
    for (let i = 0; i < 6; i++) {
      const res = await lookup(i % 2 ? b : a, headers);
      expect(res.status).toBe(200);
      expect(res.headers['ratelimit-limit']).toBe('6');
      remaining.push(res.headers['ratelimit-remaining']);
    }
    expect(remaining).toEqual(['5', '4', '3', '2', '1', '0']);
    for (const r of [a, b]) {
      const over = await lookup(r, headers);
      expect(over.status).toBe(429);
      expect(over.body).toMatchObject({ responseDetail: { errorCode: 'GW-429-01' } });
      expect(Number(over.headers['retry-after'])).toBeGreaterThan(0);
    }
  });

  it('when Redis is killed mid-run, then money is refused with 503 and not sent, reads go on, /ready and /metrics say so, and both replicas recover once Redis is back', async () => {
    const before = await deposit(a, { Valor: 5, IDcuenta: MARIA.acct, IdFacilito: newIdFacilito() });
    expect(before.status).toBe(200);
    // one deposit is in flight on b (claimed, at the core) when Redis dies
    const z = { Valor: 9, IDcuenta: NEY.acct, IdFacilito: newIdFacilito() };
    const zBalance = balance(NEY.acct);
    const inFlight = deposit(b, z, { 'X-Sandbox-Fault': 'bankmaster:delay=1500' });
    const raw = new Redis(f.redis.url);
    const claimKey = `${f.prefix}idem:${DEMO_CLIENT_ID}|facilito-transactions|n|${z.IdFacilito}`;
    await untilAsync(async () => (await raw.hget(claimKey, 'st')) === 'i', 'the claim of the deposit in flight');
    raw.disconnect();
    await f.redis.kill();

    const y = { Valor: 7, IDcuenta: MARIA.acct, IdFacilito: newIdFacilito() };
    const yBalance = balance(MARIA.acct);
    for (const r of [a, b]) {
      const refused = await deposit(r, y);
      expect(refused.status).toBe(503);
      expect(refused.body).toMatchObject({ Resultado: 96, responseType: { value: 'ER' }, responseDetail: { errorCode: 'GW-503-01' } });
      expect(refused.body.Mensaje).toMatch(/not sent to the core/);
      expect(JSON.stringify(refused.body)).not.toMatch(/127\.0\.0\.1|redis:\/\//);
    }
    expect(coreCalls(y.IdFacilito)).toBe(0);
    expect(balance(MARIA.acct)).toBe(yBalance);

    // the call in flight got the core's answer: the truth, although Redis could not record it
    const zFirst = await inFlight;
    expect(zFirst.status).toBe(200);
    expect(balance(NEY.acct) - zBalance).toBe(900);

    // reads go on, counted by each replica alone (failOpen)
    for (const r of [a, b]) expect((await lookup(r, await r.auth())).status).toBe(200);
    expect(await metric(a, /^gateway_rate_limit_local_total /)).toBeGreaterThan(0);

    const ready = await request(a.url).get('/ready');
    expect(ready.status).toBe(200);
    expect(ready.body).toMatchObject({ status: 'DEGRADED', moneyMoving: expect.stringMatching(/^refused/), redis: { status: 'down', guardsMoney: true } });
    expect((await request(a.url).get('/ready?for=money')).status).toBe(503);
    expect(await metric(a, /^gateway_redis_up /)).toBe(0);
    // the ownership claim is the first money guard in the chain: it met the outage, so nothing went further
    expect(await metric(a, /^gateway_store_errors_total\{store="ownership",op="claim"\}/)).toBeGreaterThan(0);

    // Redis is back (empty: this one keeps nothing on disk); no replica is restarted
    await f.redis.restart();
    for (const r of [a, b]) await untilAsync(async () => (await request(r.url).get('/ready')).body.redis?.status === 'up', 'the replica to see Redis again');
    const yAfter = await deposit(b, y);
    expect(yAfter.status).toBe(200);
    const yAgain = await deposit(a, y);
    expect(yAgain.body).toEqual(yAfter.body);
    expect(yAgain.headers['idempotent-replayed']).toBe('true');
    expect(coreCalls(y.IdFacilito)).toBe(1);
    expect(balance(MARIA.acct) - yBalance).toBe(700);

    // z's record was lost with Redis: its retry reaches the core with the same reference, and the
    // core's duplicate check answers with the same authorization; money moved once
    const zRetry = await deposit(a, z);
    expect(zRetry.status).toBe(200);
    expect(zRetry.body).toEqual(zFirst.body);
    expect(balance(NEY.acct) - zBalance).toBe(900);
    expect((await request(a.url).get('/ready?for=money')).status).toBe(200);
  });
});

async function untilAsync(cond: () => Promise<boolean>, what: string, limitMs = 20_000): Promise<void> {
  const start = Date.now();
  while (!(await cond())) {
    if (Date.now() - start > limitMs) throw new Error(`gave up waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}
