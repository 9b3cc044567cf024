import request from 'supertest';
import { BRONZE_CLIENT, startFleet, type Fleet, type Replica } from '../helpers/fleet';
import { NEY, newIdFacilito } from '../component/facilito-helpers';

/**
 * Transaction ownership on Redis: a reference used through one replica belongs to its client on
 * every replica and after a restart, and a Redis that does not answer stops money before a core.
 */
describe('two replicas on one Redis: every transaction bound to its client', () => {
  let f: Fleet;
  let a: Replica;
  let b: Replica;
  let asB: Record<string, string>;
  beforeAll(async () => {
    f = await startFleet(2);
    [a, b] = f.replicas;
    asB = { client_id: BRONZE_CLIENT.id, client_secret: BRONZE_CLIENT.secret, Authorization: `Bearer ${await b.token(BRONZE_CLIENT.id, BRONZE_CLIENT.secret)}` };
  }, 60_000);
  afterAll(() => f?.close());

  const post = async (r: Replica, path: string, body: object, auth?: Record<string, string>) =>
    request(r.url).post(`/facilito/v1${path}`).set(auth ?? (await r.auth())).send(body);
  const balance = () => f.sandbox.state.ledger.account(NEY.acct).balanceCents;
  const bankmasterHits = () => f.sandbox.faults.hits.filter((h) => h.backend === 'bankmaster').length;

  it("when client B uses client A's IdFacilito on the other replica, then 422 and no core call; B's reversal of it is 404 and reverses nothing", async () => {
    const body = { Valor: 77.7, IDcuenta: NEY.acct, IdFacilito: newIdFacilito() };
    expect((await post(a, '/deposits', body)).status).toBe(200);
    const before = { hits: bankmasterHits(), balance: balance() };
    const reused = await post(b, '/deposits', body, asB);
    expect(reused.status).toBe(422);
    expect(reused.body).toMatchObject({ Resultado: 18, responseDetail: { errorCode: 'GW-422-01' } });
    const reversal = await post(b, '/reversals', { ValorPagar: 77.7, IdFacilito: body.IdFacilito }, asB);
    expect(reversal.status).toBe(404);
    expect(reversal.body).toMatchObject({ Resultado: 15, responseDetail: { errorCode: 'GW-404-02' } });
    expect(bankmasterHits()).toBe(before.hits);
    expect(balance()).toBe(before.balance);
  });

  it('when a replica that never saw a deposit (a restart, a scale-out) gets its reversal from the owner, then it is reversed once', async () => {
    const body = { Valor: 12.5, IDcuenta: NEY.acct, IdFacilito: newIdFacilito() };
    expect((await post(a, '/deposits', body)).status).toBe(200);
    const deposited = balance();
    const fresh = await f.add();
    const res = await post(fresh, '/reversals', { ValorPagar: 12.5, IdFacilito: body.IdFacilito });
    expect(res.body).toEqual({ Resultado: 0, Mensaje: 'Reverso OK' });
    expect(balance()).toBe(deposited - 1250);
  }, 60_000);

  it('when Redis does not answer, then a deposit is 503 "not sent" and the core never sees it', async () => {
    const auth = await a.auth();
    await f.redis.kill();
    try {
      const hits = bankmasterHits();
      const res = await request(a.url).post('/facilito/v1/deposits').set(auth).send({ Valor: 5, IDcuenta: NEY.acct, IdFacilito: newIdFacilito() });
      expect(res.status).toBe(503);
      expect(res.body).toMatchObject({ Resultado: 96, responseDetail: { errorCode: 'GW-503-01' } });
      expect(res.body.responseDetail.errorDesc).toMatch(/not sent/);
      expect(bankmasterHits()).toBe(hits);
    } finally {
      await f.redis.restart();
    }
  });
});
