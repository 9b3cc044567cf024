import { startGateway, type TestGateway } from '../helpers/gateway';
import { startSandbox } from '../../src/sandbox/server';
import { MARIA, CARLOS, NEY, balance, coreHits, facilito, newIdFacilito } from './facilito-helpers';

describe('F2 POST /facilito/v1/deposits', () => {
  let t: TestGateway;
  let f: ReturnType<typeof facilito>;
  beforeAll(async () => {
    t = await startGateway();
    f = facilito(t);
  });
  afterAll(() => t.close());

  it('when a deposit is made, then Resultado 0 with a numeric IdAutorizacion and the balance rises by exactly Valor', async () => {
    const before = balance(t, NEY.acct);
    const res = await f.deposit({ Valor: 150000.5, IDcuenta: NEY.acct, IdFacilito: newIdFacilito() });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ Resultado: 0, Mensaje: 'Transaccion OK', IdAutorizacion: expect.any(Number) });
    expect(Number.isSafeInteger(res.body.IdAutorizacion)).toBe(true);
    expect(balance(t, NEY.acct) - before).toBe(15_000_050);
  });

  it('when the amount has cents that floating point would drift on, then Bankmaster receives exact integer cents', async () => {
    const [id, big] = [newIdFacilito(), newIdFacilito()];
    const before = balance(t, NEY.acct);
    // 100.29 * 100 is 10028.999999999998 in floating point; 9999999999.99 is the largest Numeric(12,2)
    expect((await f.deposit({ Valor: 100.29, IDcuenta: NEY.acct, IdFacilito: id })).status).toBe(200);
    expect((await f.deposit({ Valor: 9999999999.99, IDcuenta: NEY.acct, IdFacilito: big })).status).toBe(200);
    const sent = coreHits(t, '/cash/deposits').map((h) => h.body as Record<string, unknown>);
    expect(sent.find((b) => b.reference === `FAC-${id}`)).toEqual({ reference: `FAC-${id}`, acctId: NEY.acct, amount: '10029' });
    expect(sent.find((b) => b.reference === `FAC-${big}`)?.amount).toBe('999999999999');
    expect(balance(t, NEY.acct) - before).toBe(10_029 + 999_999_999_999);
  });

  it('when the same deposit is repeated with the same IdFacilito, then the first answer comes back and money moves once', async () => {
    const body = { Valor: 2500, IDcuenta: MARIA.acct, IdFacilito: newIdFacilito() };
    const before = balance(t, MARIA.acct);
    const first = await f.deposit(body);
    const again = await f.deposit({ IdFacilito: body.IdFacilito, IDcuenta: body.IDcuenta, Valor: 2500.0 });
    expect(first.status).toBe(200);
    expect(again.status).toBe(200);
    expect(again.body).toEqual(first.body);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(balance(t, MARIA.acct) - before).toBe(250_000);
    expect(coreHits(t, '/cash/deposits').filter((h) => (h.body as { reference: string }).reference === `FAC-${body.IdFacilito}`)).toHaveLength(1);
  });

  it('when the same IdFacilito comes with another amount or account, then 422 Resultado 18 and nothing moves', async () => {
    const id = newIdFacilito();
    expect((await f.deposit({ Valor: 10, IDcuenta: MARIA.acct, IdFacilito: id })).status).toBe(200);
    const before = [balance(t, MARIA.acct), balance(t, NEY.acct)];
    for (const body of [
      { Valor: 11, IDcuenta: MARIA.acct, IdFacilito: id },
      { Valor: 10, IDcuenta: NEY.acct, IdFacilito: id },
    ]) {
      const res = await f.deposit(body);
      expect(res.status).toBe(422);
      expect(res.body).toMatchObject({ Resultado: 18, responseType: { value: 'ER' }, responseDetail: { errorCode: 'GW-422-01' } });
      expect(res.body.Mensaje).toContain(`IdFacilito (${id}) was already used with a different request`);
    }
    expect([balance(t, MARIA.acct), balance(t, NEY.acct)]).toEqual(before);
  });

  it('when an IdFacilito used for a deposit is used for a credit payment, then 422 Resultado 18: one IdFacilito, one transaction', async () => {
    const id = newIdFacilito();
    expect((await f.deposit({ Valor: 100.2, IDcuenta: NEY.acct, IdFacilito: id })).status).toBe(200);
    const pending = balance(t, NEY.loans[0]);
    const res = await f.pay({ IDCredito: NEY.loans[0], Valor: 100.2, IdFacilito: id });
    expect(res.status).toBe(422);
    expect(res.body.Resultado).toBe(18);
    expect(balance(t, NEY.loans[0])).toBe(pending);
  });

  it('when five identical deposits race, then money moves once and all five get the same answer', async () => {
    const body = { Valor: 777.77, IDcuenta: MARIA.acct, IdFacilito: newIdFacilito() };
    const before = balance(t, MARIA.acct);
    const answers = await Promise.all(Array.from({ length: 5 }, () => f.deposit(body, { 'X-Sandbox-Fault': 'bankmaster:delay=150' })));
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200, 200]);
    for (const a of answers) expect(a.body).toEqual(answers[0].body);
    expect(answers.filter((a) => a.headers['idempotent-replayed'] === 'true')).toHaveLength(4);
    expect(balance(t, MARIA.acct) - before).toBe(77_777);
  });

  it('when duplicates carry different Idempotency-Key headers, then Bankmaster still applies the IdFacilito once', async () => {
    const body = { Valor: 50, IDcuenta: MARIA.acct, IdFacilito: newIdFacilito() };
    const before = balance(t, MARIA.acct);
    const a = await f.deposit(body, { 'Idempotency-Key': `k-${body.IdFacilito}-a` });
    const b = await f.deposit(body, { 'Idempotency-Key': `k-${body.IdFacilito}-b` });
    expect([a.status, b.status]).toEqual([200, 200]);
    expect(b.body.IdAutorizacion).toBe(a.body.IdAutorizacion);
    expect(balance(t, MARIA.acct) - before).toBe(5_000);
    const other = await f.deposit({ ...body, Valor: 51 }, { 'Idempotency-Key': `k-${body.IdFacilito}-c` });
    expect(other.status).toBe(422);
    expect(other.body.Resultado).toBe(18);
    expect(balance(t, MARIA.acct) - before).toBe(5_000);
  });

  it('when the account does not exist, then 404 Resultado 4; when it is blocked, then 400 Resultado 5; nothing moves', async () => {
    const missing = await f.deposit({ Valor: 10, IDcuenta: '40019999999', IdFacilito: newIdFacilito() });
    expect(missing.status).toBe(404);
    expect(missing.body).toMatchObject({ Resultado: 4, Mensaje: 'CUENTA NO EXISTE', responseDetail: { errorCode: 'NC', errorType: 'TRX' } });
    const before = balance(t, CARLOS.acct);
    const blocked = await f.deposit({ Valor: 10, IDcuenta: CARLOS.acct, IdFacilito: newIdFacilito() });
    expect(blocked.status).toBe(400);
    expect(blocked.body).toMatchObject({ Resultado: 5, responseDetail: { errorCode: 'NF', errorDesc: 'CUENTA BLOQUEADA' } });
    expect(balance(t, CARLOS.acct)).toBe(before);
  });

  it.each([
    ['three decimals', { Valor: 10.005, IDcuenta: NEY.acct, IdFacilito: 1 }, 'field Valor must be a positive amount with at most 2 decimals'],
    ['a zero amount', { Valor: 0, IDcuenta: NEY.acct, IdFacilito: 1 }, 'field Valor'],
    ['more than 12 digits', { Valor: 10000000000, IDcuenta: NEY.acct, IdFacilito: 1 }, 'field Valor'],
    ['an amount as text', { Valor: '10.00', IDcuenta: NEY.acct, IdFacilito: 1 }, 'field Valor'],
    ['IdFacilito as text', { Valor: 10, IDcuenta: NEY.acct, IdFacilito: '1' }, 'field IdFacilito'],
    ['a fractional IdFacilito', { Valor: 10, IDcuenta: NEY.acct, IdFacilito: 1.5 }, 'field IdFacilito'],
    ['a missing IDcuenta', { Valor: 10, IdFacilito: 1 }, 'field IDcuenta is required'],
    ['an unknown field', { Valor: 10, IDcuenta: NEY.acct, IdFacilito: 1, Cuenta: 'x' }, 'is not allowed'],
  ])('when the body has %s, then 400 Resultado 1 naming the field, and Bankmaster is not called', async (_what, body, text) => {
    const calls = coreHits(t, '/cash/deposits').length;
    const res = await f.deposit(body);
    expect(res.status).toBe(400);
    expect(res.body.Resultado).toBe(1);
    expect(res.body.responseDetail.errorType).toBe('APIKIT');
    expect(res.body.Mensaje.toLowerCase()).toContain(text.toLowerCase());
    expect(coreHits(t, '/cash/deposits')).toHaveLength(calls);
  });

  it('when two gateway instances get the same deposit at once, then Bankmaster applies it once and both answer the same', async () => {
    const sandbox = await startSandbox();
    const one = await startGateway({}, { sandbox });
    const two = await startGateway({}, { sandbox });
    try {
      const body = { Valor: 1234.56, IDcuenta: MARIA.acct, IdFacilito: newIdFacilito() };
      const before = balance(one, MARIA.acct);
      const delay = { 'X-Sandbox-Fault': 'bankmaster:delay=100' };
      const [a, b] = await Promise.all([facilito(one).deposit(body, delay), facilito(two).deposit(body, delay)]);
      expect([a.status, b.status]).toEqual([200, 200]);
      expect(b.body).toEqual(a.body);
      expect(balance(one, MARIA.acct) - before).toBe(123_456);
    } finally {
      await one.close();
      await two.close();
      await sandbox.close();
    }
  }, 60_000); // two gateways are built in the test itself (RSA key, validators): slow on a busy machine
});
