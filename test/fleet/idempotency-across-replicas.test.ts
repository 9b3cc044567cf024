import request from 'supertest';
import { startFleet, type Fleet, type Replica } from '../helpers/fleet';
import { MARIA, NEY, newIdFacilito } from '../component/facilito-helpers';
import { example, variant } from '../component/transfers-support';

/**
 * Two gateway replicas, one real Redis, one set of simulated cores: the idempotency promises of
 * one gateway hold for the fleet, whichever replica a retry lands on.
 */
describe('two replicas on one Redis: idempotency', () => {
  let f: Fleet;
  let a: Replica;
  let b: Replica;
  // two gateways to build: twice the time of one (an RSA-free build: the fleet's key is a file)
  beforeAll(async () => {
    f = await startFleet(2);
    [a, b] = f.replicas;
  }, 60_000);
  afterAll(() => f?.close());

  const deposit = async (r: Replica, body: object, headers: Record<string, string> = {}) =>
    request(r.url).post('/facilito/v1/deposits').set(await r.auth()).set(headers).send(body);
  const balance = (acct: string) => f.sandbox.state.ledger.account(acct).balanceCents;
  /** Requests for this reference that reached the simulated Bankmaster. */
  const coreCalls = (idFacilito: number) =>
    f.sandbox.faults.hits.filter((h) => h.path === '/cash/deposits' && (h.body as { reference?: string }).reference === `FAC-${idFacilito}`).length;

  it('when 100 identical deposits race, half on each replica, then the core posts once and every answer carries the same authorization', async () => {
    const body = { Valor: 321.45, IDcuenta: MARIA.acct, IdFacilito: newIdFacilito() };
    // credentials first (a token per replica), so the 100 calls start together
    const [authA, authB] = [await a.auth(), await b.auth()];
    await deposit(a, { Valor: 1, IDcuenta: MARIA.acct, IdFacilito: newIdFacilito() });
    await deposit(b, { Valor: 1, IDcuenta: MARIA.acct, IdFacilito: newIdFacilito() });
    const before = balance(MARIA.acct);
    // the core takes a moment, so the duplicates arrive while the first is in flight
    const answers = await Promise.all(
      Array.from({ length: 100 }, (_, i) =>
        request((i % 2 ? b : a).url)
          .post('/facilito/v1/deposits')
          .set(i % 2 ? authB : authA)
          .set('X-Sandbox-Fault', 'bankmaster:delay=300')
          .send(body),
      ),
    );
    expect(answers.map((r) => r.status)).toEqual(Array(100).fill(200));
    const first = answers[0].body;
    expect(first).toEqual({ Resultado: 0, Mensaje: 'Transaccion OK', IdAutorizacion: expect.any(Number) });
    for (const r of answers) expect(r.body).toEqual(first);
    expect(answers.filter((r) => r.headers['idempotent-replayed'] === 'true')).toHaveLength(99);
    expect(coreCalls(body.IdFacilito)).toBe(1);
    expect(balance(MARIA.acct) - before).toBe(32_145);
    // 100 calls through two whole gateways: seconds on a quiet machine, far more on a busy one
  }, 60_000);

  it('when a deposit answered by one replica is repeated on the other, then the other replays it and the core is not called again', async () => {
    const body = { Valor: 50, IDcuenta: NEY.acct, IdFacilito: newIdFacilito() };
    const first = await deposit(a, body);
    const again = await deposit(b, body);
    expect(first.status).toBe(200);
    expect(first.headers['idempotent-replayed']).toBeUndefined();
    expect(again.status).toBe(200);
    expect(again.body).toEqual(first.body);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(coreCalls(body.IdFacilito)).toBe(1);
  });

  it('when the IdFacilito used on one replica comes to the other with another amount, then 422 Resultado 18 and nothing moves', async () => {
    const id = newIdFacilito();
    expect((await deposit(a, { Valor: 10, IDcuenta: NEY.acct, IdFacilito: id })).status).toBe(200);
    const before = balance(NEY.acct);
    const other = await deposit(b, { Valor: 11, IDcuenta: NEY.acct, IdFacilito: id });
    expect(other.status).toBe(422);
    expect(other.body).toMatchObject({ Resultado: 18, responseType: { value: 'ER' }, responseDetail: { errorCode: 'GW-422-01' } });
    expect(other.body.Mensaje).toContain(`IdFacilito (${id}) was already used with a different request`);
    expect(balance(NEY.acct)).toBe(before);
    expect(coreCalls(id)).toBe(1);
  });

  it('when a pocket move carries an Idempotency-Key (its only key), then the key holds across replicas and money moves once', async () => {
    const acct = '22875459846';
    const body = variant(example('pockets-request.json'), (m) => ((m.depAcctId.acctId = acct), (m.xFerInfo = { amt: 12.5, flagTransfer: 'D' })));
    const key = { 'Idempotency-Key': `fleet-pocket-${process.pid}-${Date.now()}` };
    const move = async (r: Replica) => request(r.url).post('/transfers-management/v1/transfers/pockets').set(await r.auth()).set(key).send(body);
    const before = balance(acct);
    const first = await move(a);
    const again = await move(b);
    expect(first.status).toBe(201);
    expect(again.status).toBe(201);
    expect(again.body).toEqual(first.body);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(balance(acct)).toBe(before - 1250);
  });

  it('when the replica that answered is stopped and a new one starts, then the new one replays the record from Redis (records outlive a process)', async () => {
    const body = { Valor: 75, IDcuenta: NEY.acct, IdFacilito: newIdFacilito() };
    const first = await deposit(a, body);
    expect(first.status).toBe(200);
    await f.stop(a);
    const c = await f.add();
    const again = await deposit(c, body);
    expect(again.status).toBe(200);
    expect(again.body).toEqual(first.body);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(coreCalls(body.IdFacilito)).toBe(1);
  }, 60_000);
});
