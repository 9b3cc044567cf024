import request from 'supertest';
import { startGateway, type TestGateway } from '../helpers/gateway';
import { MARIA, NEY, balance, facilito, newIdFacilito } from './facilito-helpers';

/**
 * A money call Bankmaster does not confirm: `drop-reply` (Bankmaster applies it, the answer is lost)
 * and `timeout` (Bankmaster never gets it; the gateway gives up after backends.bankmaster.timeoutMs).
 */
describe('Facilito: unknown outcome of a money-moving call', () => {
  let t: TestGateway;
  let f: ReturnType<typeof facilito>;
  const APPLIED_THEN_LOST = { 'X-Sandbox-Fault': 'bankmaster:drop-reply' };
  const NEVER_ARRIVES = { 'X-Sandbox-Fault': 'bankmaster:timeout' };
  beforeAll(async () => {
    // a short core timeout keeps the file fast; a high breaker volume keeps these faults from opening it
    t = await startGateway({ backends: { bankmaster: { timeoutMs: 300, breaker: { volumeThreshold: 1000 } } } });
    f = facilito(t);
  });
  afterAll(() => t.close());

  function expectUnknown(res: { status: number; body: Record<string, any> }, id: number) {
    expect(res.status).toBe(504);
    expect(res.body).toMatchObject({ Resultado: 20, responseType: { value: 'ER' }, responseDetail: { errorCode: 'GW-504-02', errorType: 'BANKMASTER' } });
    expect(res.body.Mensaje).toContain(`Outcome unknown for IdFacilito ${id}`);
    expect(res.body.Mensaje).toContain('same IdFacilito');
  }

  it('when the deposit was applied but the answer lost, then 504 Resultado 20; the retry answers the true result and moves nothing more', async () => {
    const id = newIdFacilito();
    const body = { Valor: 321.45, IDcuenta: NEY.acct, IdFacilito: id };
    const before = balance(t, NEY.acct);
    expectUnknown(await f.deposit(body, APPLIED_THEN_LOST), id);
    expect(balance(t, NEY.acct) - before).toBe(32_145);
    const retry = await f.deposit(body);
    expect(retry.status).toBe(200);
    expect(retry.body).toEqual({ Resultado: 0, Mensaje: 'Transaccion OK', IdAutorizacion: expect.any(Number) });
    expect(retry.headers['idempotent-replayed']).toBeUndefined();
    expect(balance(t, NEY.acct) - before).toBe(32_145);
    // the settled answer is final now: a further repeat is replayed by the gateway
    const third = await f.deposit(body);
    expect(third.body).toEqual(retry.body);
    expect(third.headers['idempotent-replayed']).toBe('true');
  });

  it('when the deposit never reached Bankmaster, then 504 Resultado 20; the retry applies it, once', async () => {
    const id = newIdFacilito();
    const body = { Valor: 99.99, IDcuenta: NEY.acct, IdFacilito: id };
    const before = balance(t, NEY.acct);
    expectUnknown(await f.deposit(body, NEVER_ARRIVES), id);
    expect(balance(t, NEY.acct)).toBe(before);
    const retry = await f.deposit(body);
    expect(retry.status).toBe(200);
    expect(balance(t, NEY.acct) - before).toBe(9_999);
    expect((await f.deposit(body)).body).toEqual(retry.body);
    expect(balance(t, NEY.acct) - before).toBe(9_999);
  });

  it('when the deposit was applied but the answer lost, then a reversal undoes it, and a later retry moves nothing', async () => {
    const id = newIdFacilito();
    const body = { Valor: 1500, IDcuenta: NEY.acct, IdFacilito: id };
    const before = balance(t, NEY.acct);
    expectUnknown(await f.deposit(body, APPLIED_THEN_LOST), id);
    const rev = await f.reverse({ ValorPagar: 1500, IdFacilito: id });
    expect(rev.status).toBe(200);
    expect(rev.body.Resultado).toBe(0);
    expect(balance(t, NEY.acct)).toBe(before);
    const retry = await f.deposit(body);
    expect(retry.status).toBe(200);
    expect(balance(t, NEY.acct)).toBe(before);
  });

  it('when the deposit never reached Bankmaster, then a reversal voids the IdFacilito and a late or retried original is refused', async () => {
    const id = newIdFacilito();
    const body = { Valor: 1500, IDcuenta: NEY.acct, IdFacilito: id };
    const before = balance(t, NEY.acct);
    expectUnknown(await f.deposit(body, NEVER_ARRIVES), id);
    const rev = await f.reverse({ ValorPagar: 1500, IdFacilito: id });
    expect(rev.status).toBe(404);
    expect(rev.body.Resultado).toBe(15);
    const retry = await f.deposit(body);
    expect(retry.status).toBe(422);
    expect(retry.body.Resultado).toBe(17);
    expect(balance(t, NEY.acct)).toBe(before);
  });

  it('when a withdrawal was applied but the answer lost, then the retry with the same OTP answers the true result although the OTP is spent', async () => {
    await f.requestOtp({ IDcuenta: MARIA.acct, Valor: 700 });
    const otp = await f.otpSentTo(MARIA.acct);
    const id = newIdFacilito();
    const body = { IDcuenta: MARIA.acct, OTP: otp, Valor: 700, TipoOperacion: 'RETIRO', IdFacilito: id };
    const before = balance(t, MARIA.acct);
    expectUnknown(await f.withdraw(body, APPLIED_THEN_LOST), id);
    expect(before - balance(t, MARIA.acct)).toBe(70_000);
    const retry = await f.withdraw(body);
    expect(retry.status).toBe(200);
    expect(retry.body.Resultado).toBe(0);
    expect(before - balance(t, MARIA.acct)).toBe(70_000);
  });

  it('when a withdrawal never reached Bankmaster, then the retry applies it once with the still unused OTP', async () => {
    await f.requestOtp({ IDcuenta: MARIA.acct, Valor: 20 });
    const otp = await f.otpSentTo(MARIA.acct);
    const id = newIdFacilito();
    const body = { IDcuenta: MARIA.acct, OTP: otp, Valor: 20, TipoOperacion: 'RETIRO', IdFacilito: id };
    const before = balance(t, MARIA.acct);
    expectUnknown(await f.withdraw(body, NEVER_ARRIVES), id);
    expect(balance(t, MARIA.acct)).toBe(before);
    expect((await f.withdraw(body)).status).toBe(200);
    expect(before - balance(t, MARIA.acct)).toBe(2_000);
  });

  it('when a credit payment was applied but the answer lost, then a reversal restores the pending value', async () => {
    const id = newIdFacilito();
    const before = balance(t, NEY.loans[1]);
    expectUnknown(await f.pay({ IDCredito: NEY.loans[1], Valor: 2500, IdFacilito: id }, APPLIED_THEN_LOST), id);
    expect(before - balance(t, NEY.loans[1])).toBe(250_000);
    expect((await f.reverse({ ValorPagar: 2500, IdFacilito: id })).status).toBe(200);
    expect(balance(t, NEY.loans[1])).toBe(before);
  });

  it('when the reversal itself is not confirmed, then 504 Resultado 20 and repeating it settles it without reversing twice', async () => {
    const id = newIdFacilito();
    const before = balance(t, NEY.acct);
    await f.deposit({ Valor: 42, IDcuenta: NEY.acct, IdFacilito: id });
    const lost = await f.reverse({ ValorPagar: 42, IdFacilito: id }, APPLIED_THEN_LOST);
    expect(lost.status).toBe(504);
    expect(lost.body.Resultado).toBe(20);
    expect(lost.body.Mensaje).toContain('Repeat the reversal');
    expect(balance(t, NEY.acct)).toBe(before);
    expect((await f.reverse({ ValorPagar: 42, IdFacilito: id })).body).toEqual({ Resultado: 0, Mensaje: 'Reverso OK' });
    expect(balance(t, NEY.acct)).toBe(before);
  });

  it('when the OTP request is not confirmed, then 504 Resultado 20 telling the point to request a new one', async () => {
    const res = await f.requestOtp({ IDcuenta: NEY.acct, Valor: 10 }, NEVER_ARRIVES);
    expect(res.status).toBe(504);
    expect(res.body.Resultado).toBe(20);
    expect(res.body.Mensaje).toContain('Request a new OTP');
  });

  it('when a query times out, then 504 Resultado 97: a read has no outcome to settle', async () => {
    const res = await request(t.app).get(`/facilito/v1/customers/${NEY.cedula}/credits`).set(await t.auth()).set(NEVER_ARRIVES);
    expect(res.status).toBe(504);
    expect(res.body).toMatchObject({ Resultado: 97, responseDetail: { errorCode: 'GW-504-01', errorType: 'BANKMASTER' } });
  });
});
