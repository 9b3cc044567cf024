import Redis from 'ioredis';
import request from 'supertest';
import { startFleet, startReplicaProcess, type Fleet, type Replica, type ReplicaProcess } from '../helpers/fleet';
import { DEMO_CLIENT_ID } from '../helpers/gateway';
import { NEY, newIdFacilito } from '../component/facilito-helpers';
import { BACKENDS, BACKEND_ENV } from '../../src/gateway/backends';

/**
 * A replica killed (SIGKILL, its own process) while its deposit is at the core: the core applies
 * it, nobody hears the answer, the claim stays in Redis. The other replica must neither send the
 * retry as a new transaction nor answer "not sent": it keeps the key while the dead replica's lease
 * runs (409, still being processed), then takes the claim over and sends the retry with the same
 * reference, and the core's duplicate check answers with the first authorization.
 */
describe('a replica killed with a claim in flight', () => {
  const LEASE_MS = 3000;
  let f: Fleet;
  let b: Replica;
  let a: ReplicaProcess;
  beforeAll(async () => {
    f = await startFleet(1, { policies: { idempotency: { waitForInFlightMs: 200 } } });
    [b] = f.replicas;
    // the lease must outlive every core timeout (config cross-check): short ones, for a short test
    a = await startReplicaProcess(f, {
      GATEWAY_IDEMPOTENCY_IN_FLIGHT_TTL_MS: String(LEASE_MS),
      ...Object.fromEntries(BACKENDS.map((n) => [`GATEWAY_BACKEND_${BACKEND_ENV[n]}_TIMEOUT_MS`, '2500'])),
    });
  }, 180_000);
  afterAll(async () => {
    await a?.kill();
    await f?.close();
  });

  it('when the replica dies mid-call, then the retry on the other replica waits out its lease (409) and then gets the first authorization, money moving once', async () => {
    const headers = await b.auth(); // one signing key for the fleet: b's token is good on a
    const body = { Valor: 42.5, IDcuenta: NEY.acct, IdFacilito: newIdFacilito() };
    const before = f.sandbox.state.ledger.account(NEY.acct).balanceCents;
    const lost = request(a.url).post('/facilito/v1/deposits').set(headers).set('X-Sandbox-Fault', 'bankmaster:delay=1500').send(body);
    const answerOfTheDead = lost.then(
      (r) => r.status,
      () => 'no answer',
    );
    const raw = new Redis(f.redis.url);
    const key = `${f.prefix}idem:${DEMO_CLIENT_ID}|facilito-transactions|n|${body.IdFacilito}`;
    try {
      await untilAsync(async () => (await raw.hget(key, 'st')) === 'i', 'the claim of replica a');
      // killed once its call is at the core (held there 1.5 s): the core applies it, a never hears
      await untilAsync(async () => f.sandbox.faults.received.some((h) => (h.body as { reference?: string }).reference === `FAC-${body.IdFacilito}`), 'the call at the core');
      await a.kill();
      expect(await answerOfTheDead).toBe('no answer');

      const statuses: number[] = [];
      let final: request.Response | undefined;
      await untilAsync(async () => {
        const r = await request(b.url).post('/facilito/v1/deposits').set(headers).send(body);
        statuses.push(r.status);
        if (r.status === 409) {
          expect(r.body).toMatchObject({ Resultado: 19, responseDetail: { errorCode: 'GW-409-01' } });
          expect(r.headers['retry-after']).toBe('1');
        } else final = r;
        return r.status !== 409;
      }, 'the retry to be answered', 20_000);

      // the core applied the dead replica's call once; the retry got that very posting back
      const posting = f.sandbox.state.ledger.posting(`FAC-${body.IdFacilito}`);
      expect(posting).toBeDefined();
      expect(final!.status).toBe(200);
      expect(final!.body).toEqual({ Resultado: 0, Mensaje: 'Transaccion OK', IdAutorizacion: Number(posting!.authorizationId) });
      expect(statuses.every((s) => s === 409 || s === 200)).toBe(true);
      expect(f.sandbox.state.ledger.account(NEY.acct).balanceCents - before).toBe(4250);
      // both calls reached the core with the same reference: the dead one and the taken-over retry
      const calls = f.sandbox.faults.hits.filter((h) => h.path === '/cash/deposits' && (h.body as { reference?: string }).reference === `FAC-${body.IdFacilito}`);
      expect(calls).toHaveLength(2);
      expect((await request(b.url).get('/metrics')).text).toMatch(/^gateway_idempotency_abandoned_claims_total 1$/m);

      // from now on it is an ordinary completed record
      const again = await request(b.url).post('/facilito/v1/deposits').set(headers).send(body);
      expect(again.body).toEqual(final!.body);
      expect(again.headers['idempotent-replayed']).toBe('true');
      // another body under the IdFacilito of the interrupted transaction is still refused
      const other = await request(b.url).post('/facilito/v1/deposits').set(headers).send({ ...body, Valor: 43 });
      expect(other.status).toBe(422);
    } finally {
      raw.disconnect();
    }
  });
});

async function untilAsync(cond: () => Promise<boolean>, what: string, limitMs = 20_000): Promise<void> {
  const start = Date.now();
  while (!(await cond())) {
    if (Date.now() - start > limitMs) throw new Error(`gave up waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}
