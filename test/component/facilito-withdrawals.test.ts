import request from 'supertest';
import { startGateway, SANDBOX_ADMIN, type TestGateway } from '../helpers/gateway';
import { MARIA, NEY, CARLOS, advanceCoreClock, balance, coreHits, facilito, newIdFacilito } from './facilito-helpers';

describe('F5 POST /facilito/v1/otp and F6 POST /facilito/v1/withdrawals', () => {
  let t: TestGateway;
  let f: ReturnType<typeof facilito>;
  const otpsSeen: string[] = [];
  beforeAll(async () => {
    // debug logs the (masked) request bodies: the test at the end proves no OTP reaches the log
    t = await startGateway({ log: { level: 'debug' }, facilito: { otpTtlSeconds: 120, otpMaxAttempts: 3 } });
    f = facilito(t);
  });
  afterAll(() => t.close());

  /** F5 then read the OTP the customer received. */
  async function otpFor(acctId: string, Valor: number): Promise<string> {
    const res = await f.requestOtp({ IDcuenta: acctId, Valor });
    expect(res.status).toBe(200);
    const otp = await f.otpSentTo(acctId);
    otpsSeen.push(otp);
    return otp;
  }
  const wrong = (otp: string) => String((Number(otp) + 1) % 1_000_000).padStart(6, '0');
  const withdrawal = (acctId: string, OTP: string, Valor: number, TipoOperacion = 'RETIRO') => ({ IDcuenta: acctId, OTP, Valor, TipoOperacion, IdFacilito: newIdFacilito() });

  it('when an OTP is requested, then Resultado 0 without the OTP, and the authorizer got the configured lifetime and attempts', async () => {
    const res = await f.requestOtp({ IDcuenta: NEY.acct, Valor: 50000 });
    expect(res.status).toBe(200);
    expect(Object.keys(res.body).sort()).toEqual(['Mensaje', 'Resultado']);
    expect(res.body).toEqual({ Resultado: 0, Mensaje: 'OTP enviada al cliente; vence en 120 segundos' });
    const otp = await f.otpSentTo(NEY.acct);
    otpsSeen.push(otp);
    expect(otp).toMatch(/^[0-9]{6}$/);
    expect(JSON.stringify(res.body)).not.toContain(otp);
    expect(coreHits(t, '/otp').at(-1)!.body).toEqual({ acctId: NEY.acct, amount: '5000000', ttlSeconds: 120, maxAttempts: 3 });
  });

  it('when the OTP is requested for an unknown or blocked account, then 404 Resultado 4 or 400 Resultado 5', async () => {
    const missing = await f.requestOtp({ IDcuenta: '40019999999', Valor: 10 });
    expect(missing.status).toBe(404);
    expect(missing.body.Resultado).toBe(4);
    const blocked = await f.requestOtp({ IDcuenta: CARLOS.acct, Valor: 10 });
    expect(blocked.status).toBe(400);
    expect(blocked.body.Resultado).toBe(5);
  });

  it('when the withdrawal carries the right OTP, then Resultado 0 and the balance drops by exactly Valor', async () => {
    const otp = await otpFor(NEY.acct, 50000.1);
    const before = balance(t, NEY.acct);
    const res = await f.withdraw(withdrawal(NEY.acct, otp, 50000.1));
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ Resultado: 0, Mensaje: 'Transaccion OK', IdAutorizacion: expect.any(Number) });
    expect(before - balance(t, NEY.acct)).toBe(5_000_010);
  });

  it('when the withdrawal pays a service (PAGO_SERVICIOS), then it debits the account the same way', async () => {
    const otp = await otpFor(NEY.acct, 80);
    const before = balance(t, NEY.acct);
    const res = await f.withdraw(withdrawal(NEY.acct, otp, 80, 'PAGO_SERVICIOS'));
    expect(res.status).toBe(200);
    expect(before - balance(t, NEY.acct)).toBe(8_000);
  });

  it('when the OTP is reused for a second withdrawal, then 400 Resultado 13 and nothing moves', async () => {
    const otp = await otpFor(NEY.acct, 100);
    expect((await f.withdraw(withdrawal(NEY.acct, otp, 100))).status).toBe(200);
    const before = balance(t, NEY.acct);
    const res = await f.withdraw(withdrawal(NEY.acct, otp, 100));
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ Resultado: 13, Mensaje: 'OTP YA UTILIZADA', responseDetail: { errorCode: 'OT05', errorType: 'AUT' } });
    expect(balance(t, NEY.acct)).toBe(before);
  });

  it('when the OTP is wrong, then 400 Resultado 9; after the configured attempts it is burned (Resultado 11), even for the right code', async () => {
    const otp = await otpFor(NEY.acct, 200);
    const before = balance(t, NEY.acct);
    const first = await f.withdraw(withdrawal(NEY.acct, wrong(otp), 200));
    expect(first.status).toBe(400);
    expect(first.body).toMatchObject({ Resultado: 9, Mensaje: 'OTP INVALIDA' });
    expect((await f.withdraw(withdrawal(NEY.acct, wrong(otp), 200))).body.Resultado).toBe(9);
    const third = await f.withdraw(withdrawal(NEY.acct, wrong(otp), 200));
    expect(third.body).toMatchObject({ Resultado: 11, Mensaje: 'OTP BLOQUEADA POR INTENTOS FALLIDOS' });
    const right = await f.withdraw(withdrawal(NEY.acct, otp, 200));
    expect(right.status).toBe(400);
    expect(right.body.Resultado).toBe(11);
    expect(balance(t, NEY.acct)).toBe(before);
  });

  it('when the OTP has expired, then 400 Resultado 10 and nothing moves', async () => {
    const otp = await otpFor(NEY.acct, 300);
    advanceCoreClock(t, 121_000);
    const before = balance(t, NEY.acct);
    const res = await f.withdraw(withdrawal(NEY.acct, otp, 300));
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ Resultado: 10, Mensaje: 'OTP VENCIDA' });
    expect(balance(t, NEY.acct)).toBe(before);
    expect((await request(t.app).get(`/sandbox/otp/${NEY.acct}`).auth(...SANDBOX_ADMIN)).body.state).toBe('expired');
  });

  it('when the OTP was issued for another amount, then 400 Resultado 14 and nothing moves', async () => {
    const otp = await otpFor(NEY.acct, 400);
    const before = balance(t, NEY.acct);
    const res = await f.withdraw(withdrawal(NEY.acct, otp, 4000));
    expect(res.status).toBe(400);
    expect(res.body.Resultado).toBe(14);
    expect(balance(t, NEY.acct)).toBe(before);
  });

  it('when a new OTP is requested, then it replaces the previous one', async () => {
    const old = await otpFor(NEY.acct, 500);
    const fresh = await otpFor(NEY.acct, 500);
    const before = balance(t, NEY.acct);
    if (old !== fresh) expect((await f.withdraw(withdrawal(NEY.acct, old, 500))).body.Resultado).toBe(9);
    expect((await f.withdraw(withdrawal(NEY.acct, fresh, 500))).status).toBe(200);
    expect(before - balance(t, NEY.acct)).toBe(50_000);
  });

  it('when no OTP was requested for the account, then 400 Resultado 12', async () => {
    const res = await f.withdraw(withdrawal(MARIA.acct, '123456', 10));
    expect(res.status).toBe(400);
    expect(res.body.Resultado).toBe(12);
  });

  it('when the funds are insufficient, then 400 Resultado 6 and the OTP is not spent', async () => {
    const otp = await otpFor(MARIA.acct, 60000);
    const before = balance(t, MARIA.acct);
    const res = await f.withdraw(withdrawal(MARIA.acct, otp, 60000));
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ Resultado: 6, Mensaje: 'FONDOS INSUFICIENTES PARA RETIRO', responseDetail: { errorCode: 'W2' } });
    expect(balance(t, MARIA.acct)).toBe(before);
    expect((await request(t.app).get(`/sandbox/otp/${MARIA.acct}`).auth(...SANDBOX_ADMIN)).body).toMatchObject({ state: 'live', attemptsLeft: 3 });
  });

  it('when the same withdrawal is repeated, sequentially and racing, then the first answer comes back and money moves once', async () => {
    const otp = await otpFor(NEY.acct, 1000);
    const body = withdrawal(NEY.acct, otp, 1000);
    const before = balance(t, NEY.acct);
    const racing = await Promise.all([1, 2, 3].map(() => f.withdraw(body, { 'X-Sandbox-Fault': 'bankmaster:delay=100' })));
    const later = await f.withdraw(body);
    expect([...racing, later].map((r) => r.status)).toEqual([200, 200, 200, 200]);
    for (const r of [...racing, later]) expect(r.body).toEqual(racing[0].body);
    expect(before - balance(t, NEY.acct)).toBe(100_000);
    // the same IdFacilito with another OTP is another request
    const other = await f.withdraw({ ...body, OTP: wrong(otp) });
    expect(other.status).toBe(422);
    expect(other.body.Resultado).toBe(18);
  });

  it('when two different withdrawals race with one OTP, then only one is paid and the other is told the OTP was used', async () => {
    const otp = await otpFor(NEY.acct, 3000);
    const before = balance(t, NEY.acct);
    const delay = { 'X-Sandbox-Fault': 'bankmaster:delay=100' };
    const [a, b] = await Promise.all([f.withdraw(withdrawal(NEY.acct, otp, 3000), delay), f.withdraw(withdrawal(NEY.acct, otp, 3000), delay)]);
    expect([a.status, b.status].sort()).toEqual([200, 400]);
    expect([a.body.Resultado, b.body.Resultado].sort((x, y) => x - y)).toEqual([0, 13]);
    expect(before - balance(t, NEY.acct)).toBe(300_000);
  });

  it('when TipoOperacion or OTP is malformed, then 400 Resultado 1 naming the fields', async () => {
    const res = await f.withdraw({ IDcuenta: NEY.acct, OTP: '12ab', Valor: 10, TipoOperacion: 'DEPOSITO', IdFacilito: newIdFacilito() });
    expect(res.status).toBe(400);
    expect(res.body.Resultado).toBe(1);
    expect(res.body.Mensaje).toContain('OTP');
    expect(res.body.Mensaje).toContain('TipoOperacion');
  });

  it('when all of the above ran, then no OTP ever appeared in the gateway log', () => {
    const raw = t.rawLog();
    expect(otpsSeen.length).toBeGreaterThan(5);
    expect(raw).toContain('"OTP":"[REDACTED]"');
    // standalone, so a longer number that happens to contain the same six digits is not a false alarm
    for (const otp of otpsSeen) expect(raw).not.toMatch(new RegExp(`(^|[^0-9])${otp}([^0-9]|$)`));
  });
});
