import request from 'supertest';
import { ClientRegistry, type ClientApp } from '../../src/auth/client-registry';
import { SecretHasher } from '../../src/auth/secret-hash';
import { SANDBOX_PEPPER } from '../../src/config/schema';
import { startGateway, DEMO_CLIENT_ID, DEMO_CLIENT_SECRET, type TestGateway } from '../helpers/gateway';
import { MARIA, NEY, balance, facilito, newIdFacilito } from './facilito-helpers';
import { depositHeaders, example, variant } from './transfers-support';

const OTHER_ID = 'other-app';
const OTHER_SECRET = 'other-app-secret-value-123';

/** Two contracted clients: the demo client (A) and another application (B) of the same bank. */
function twoClients(): ClientRegistry {
  const hasher = new SecretHasher(SANDBOX_PEPPER);
  const mk = (clientId: string, secret: string): ClientApp => ({
    clientId,
    name: clientId,
    secretHash: hasher.hash(secret),
    status: 'active',
    apis: ['collections-management', 'transfers-management', 'facilito'],
    tier: 'gold',
  });
  return new ClientRegistry([mk(DEMO_CLIENT_ID, DEMO_CLIENT_SECRET), mk(OTHER_ID, OTHER_SECRET)], { hasher });
}

describe('every transaction belongs to the client that created it (two contracted clients)', () => {
  let t: TestGateway;
  let a: ReturnType<typeof facilito>;
  let otherAuth: Record<string, string>;
  const bankmasterHits = () => t.sandbox.faults.hits.filter((h) => h.backend === 'bankmaster').length;
  const asB = (method: 'post' | 'put', path: string, body: unknown, headers: Record<string, string> = {}) =>
    request(t.app)[method](path).set(otherAuth).set(headers).send(body as object);

  beforeAll(async () => {
    t = await startGateway({}, { clients: twoClients() });
    a = facilito(t);
    otherAuth = { client_id: OTHER_ID, client_secret: OTHER_SECRET, Authorization: `Bearer ${await t.token(OTHER_ID, OTHER_SECRET)}` };
  });
  afterAll(() => t.close());

  it("when client B sends A's IdFacilito with A's body, then 422 Resultado 18, nothing of A's answer, and the core is not called", async () => {
    const id = newIdFacilito();
    const body = { Valor: 321.5, IDcuenta: NEY.acct, IdFacilito: id };
    const first = await a.deposit(body);
    expect(first.status).toBe(200);
    const before = { hits: bankmasterHits(), balance: balance(t, NEY.acct) };
    const res = await asB('post', '/facilito/v1/deposits', body);
    expect(res.status).toBe(422);
    expect(res.body).toMatchObject({ Resultado: 18, responseType: { value: 'ER' }, responseDetail: { errorCode: 'GW-422-01', errorType: 'POL' } });
    expect(res.body.Mensaje).toBe(`This IdFacilito (${id}) was already used for another transaction; use a new one for a new transaction`);
    expect(JSON.stringify(res.body)).not.toContain(String(first.body.IdAutorizacion));
    expect(res.headers['idempotent-replayed']).toBeUndefined();
    expect(bankmasterHits()).toBe(before.hits);
    expect(balance(t, NEY.acct)).toBe(before.balance);
    // A still gets its own answer back
    expect((await a.deposit(body)).body).toEqual(first.body);
  });

  it("when client B reverses A's withdrawal, then 404 Resultado 15 and the money stays withdrawn; A can still reverse it", async () => {
    await a.requestOtp({ IDcuenta: MARIA.acct, Valor: 120 });
    const otp = await a.otpSentTo(MARIA.acct);
    const id = newIdFacilito();
    expect((await a.withdraw({ IDcuenta: MARIA.acct, OTP: otp, Valor: 120, TipoOperacion: 'RETIRO', IdFacilito: id })).status).toBe(200);
    const withdrawn = balance(t, MARIA.acct);
    const hits = bankmasterHits();
    const res = await asB('post', '/facilito/v1/reversals', { ValorPagar: 120, IdFacilito: id });
    expect(res.status).toBe(404);
    expect(res.body).toMatchObject({ Resultado: 15, responseDetail: { errorCode: 'GW-404-02', errorType: 'POL' } });
    expect(res.body.Mensaje).not.toMatch(/Reverso OK/);
    expect(bankmasterHits()).toBe(hits);
    expect(balance(t, MARIA.acct)).toBe(withdrawn);
    expect((await a.reverse({ ValorPagar: 120, IdFacilito: id })).body).toEqual({ Resultado: 0, Mensaje: 'Reverso OK' });
    expect(balance(t, MARIA.acct)).toBe(withdrawn + 12_000);
  });

  it("when B's reversal names an unknown IdFacilito, then the same 404 as for A's, no core call, and a late original is refused without moving money", async () => {
    const mine = newIdFacilito();
    await a.deposit({ Valor: 10, IDcuenta: NEY.acct, IdFacilito: mine });
    const theirs = await asB('post', '/facilito/v1/reversals', { ValorPagar: 10, IdFacilito: mine });
    const id = newIdFacilito();
    const hits = bankmasterHits();
    const unknown = await asB('post', '/facilito/v1/reversals', { ValorPagar: 75, IdFacilito: id });
    expect(unknown.status).toBe(404);
    expect(unknown.body.Resultado).toBe(15);
    expect(unknown.body.Mensaje.replaceAll(String(id), 'X')).toBe(theirs.body.Mensaje.replaceAll(String(mine), 'X'));
    expect(unknown.body.Mensaje).toContain(`IdFacilito ${id} is now void`);
    expect(bankmasterHits()).toBe(hits);
    const before = balance(t, NEY.acct);
    const late = await asB('post', '/facilito/v1/deposits', { Valor: 75, IDcuenta: NEY.acct, IdFacilito: id });
    expect(late.status).toBe(422);
    expect(late.body).toMatchObject({ Resultado: 17, responseDetail: { errorCode: 'GW-422-02' } });
    expect(late.body.Mensaje).toContain('no money moved');
    expect((await a.deposit({ Valor: 75, IDcuenta: NEY.acct, IdFacilito: id })).body.Resultado).toBe(18);
    expect(balance(t, NEY.acct)).toBe(before);
  });

  it("when client B sends A's T1 refId with A's body, then 422 and no replay of A's transfer", async () => {
    const body = variant(example('transfer-own-request.json'), (b) => (b.refId = `APII22233260172${String(Date.now()).slice(-5)}`));
    const first = await request(t.app).post('/transfers-management/v1/transfers').set(await t.auth()).send(body);
    expect(first.status).toBe(200);
    const hits = bankmasterHits();
    const res = await asB('post', '/transfers-management/v1/transfers', body);
    expect(res.status).toBe(422);
    expect(res.body.responseDetail).toMatchObject({ errorCode: 'GW-422-01', errorDesc: `This refId (${body.refId}) was already used for another transaction; use a new one for a new transaction` });
    expect(res.headers['idempotent-replayed']).toBeUndefined();
    expect(bankmasterHits()).toBe(hits);
  });

  it("when client B reverses A's correspondent deposit (T15 type R), then 404 and nothing moves; A's reversal undoes it", async () => {
    const body = variant(example('deposit-request.json'), (b) => ((b.trn.trnRqUID = String(Date.now()).slice(-6)), (b.trn.type = 'N'), (b.trn.curAmt.amt = 4000)));
    const acct = body.trn.depAcctIdTo.acctId;
    expect((await request(t.app).put('/transfers-management/v1/deposit').set(await t.auth()).set(depositHeaders()).send(body)).status).toBe(200);
    const credited = balance(t, acct);
    const reversal = variant(body, (b) => (b.trn.type = 'R'));
    const res = await asB('put', '/transfers-management/v1/deposit', reversal, depositHeaders());
    expect(res.status).toBe(404);
    expect(res.body.responseDetail.errorCode).toBe('GW-404-02');
    expect(balance(t, acct)).toBe(credited);
    expect((await request(t.app).put('/transfers-management/v1/deposit').set(await t.auth()).set(depositHeaders()).send(reversal)).status).toBe(200);
    expect(balance(t, acct)).toBe(credited - 400_000);
  });

  it('when client B answers a Transfiya transfer A already answered, then 422 before the core, and A gets its own answer again', async () => {
    const answer = example('accept-money-request.json');
    const first = await request(t.app).put('/transfers-management/v1/transfiya/transfers/agree').set(await t.auth()).send(answer);
    expect(first.status).toBe(201);
    const transfiya = () => t.sandbox.faults.hits.filter((h) => h.backend === 'transfiya').length;
    const hits = transfiya();
    for (const flag of ['Accept', 'Reject']) {
      const res = await asB('put', '/transfers-management/v1/transfiya/transfers/agree', { ...answer, flagTransferAccept: flag });
      expect(res.status).toBe(422);
      expect(res.body.responseDetail.errorCode).toBe('GW-422-01');
    }
    expect(transfiya()).toBe(hits);
  });
});
