import { startGateway, type TestGateway } from '../helpers/gateway';
import { startSandbox, type SandboxHandle } from '../../src/sandbox/server';
import { MemoryOwnershipStore } from '../../src/policies/transaction-ownership/store';
import { MARIA, NEY, balance, facilito, newIdFacilito } from './facilito-helpers';

describe('F7 POST /facilito/v1/reversals', () => {
  let sandbox: SandboxHandle;
  let t: TestGateway;
  let f: ReturnType<typeof facilito>;
  // who owns each IdFacilito: kept apart from the gateway, as a fleet keeps it in a shared store
  const ownership = new MemoryOwnershipStore();
  const gateway = () => startGateway({}, { sandbox, policyStates: { 'transaction-ownership': ownership } });
  beforeAll(async () => {
    // the sandbox outlives the gateway so a test can restart the gateway in front of it
    sandbox = await startSandbox();
    t = await gateway();
    f = facilito(t);
  });
  afterAll(async () => {
    await t.close();
    await sandbox.close();
  });

  it('when a deposit is reversed, then Resultado 0 and the balance is restored', async () => {
    const before = balance(t, NEY.acct);
    const id = newIdFacilito();
    expect((await f.deposit({ Valor: 4321.09, IDcuenta: NEY.acct, IdFacilito: id })).status).toBe(200);
    expect(balance(t, NEY.acct) - before).toBe(432_109);
    const res = await f.reverse({ ValorPagar: 4321.09, IdFacilito: id });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ Resultado: 0, Mensaje: 'Reverso OK' });
    expect(balance(t, NEY.acct)).toBe(before);
  });

  it('when a reversal is repeated, sequentially and racing, then it answers the first result and money moves back once', async () => {
    const before = balance(t, NEY.acct);
    const id = newIdFacilito();
    await f.deposit({ Valor: 500, IDcuenta: NEY.acct, IdFacilito: id });
    const body = { ValorPagar: 500, IdFacilito: id };
    const racing = await Promise.all([f.reverse(body), f.reverse(body)]);
    const again = await f.reverse(body);
    for (const r of [...racing, again]) expect(r.body).toEqual({ Resultado: 0, Mensaje: 'Reverso OK' });
    expect(balance(t, NEY.acct)).toBe(before);
  });

  it('when a withdrawal is reversed, then the money goes back to the account', async () => {
    await f.requestOtp({ IDcuenta: MARIA.acct, Valor: 250 });
    const id = newIdFacilito();
    const before = balance(t, MARIA.acct);
    const otp = await f.otpSentTo(MARIA.acct);
    expect((await f.withdraw({ IDcuenta: MARIA.acct, OTP: otp, Valor: 250, TipoOperacion: 'RETIRO', IdFacilito: id })).status).toBe(200);
    expect(before - balance(t, MARIA.acct)).toBe(25_000);
    expect((await f.reverse({ ValorPagar: 250, IdFacilito: id })).status).toBe(200);
    expect(balance(t, MARIA.acct)).toBe(before);
  });

  it('when a credit payment is reversed, then the pending value is restored', async () => {
    const before = balance(t, NEY.loans[0]);
    const id = newIdFacilito();
    expect((await f.pay({ IDCredito: NEY.loans[0], Valor: 150, IdFacilito: id })).status).toBe(200);
    expect(before - balance(t, NEY.loans[0])).toBe(15_000);
    expect((await f.reverse({ ValorPagar: 150, IdFacilito: id })).status).toBe(200);
    expect(balance(t, NEY.loans[0])).toBe(before);
  });

  it('when ValorPagar is not the original amount, then 400 Resultado 16 and nothing moves', async () => {
    const id = newIdFacilito();
    await f.deposit({ Valor: 100, IDcuenta: NEY.acct, IdFacilito: id });
    const before = balance(t, NEY.acct);
    const res = await f.reverse({ ValorPagar: 100.01, IdFacilito: id });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ Resultado: 16, responseDetail: { errorCode: 'P1', errorType: 'TRX' } });
    expect(balance(t, NEY.acct)).toBe(before);
  });

  it('when the IdFacilito is unknown, then 404 Resultado 15, and a late original with it is refused (Resultado 17) without moving money', async () => {
    const id = newIdFacilito();
    const res = await f.reverse({ ValorPagar: 75, IdFacilito: id });
    expect(res.status).toBe(404);
    // the gateway knows no transaction of this client with it: refused before Bankmaster (fail closed)
    expect(res.body).toMatchObject({ Resultado: 15, responseDetail: { errorCode: 'GW-404-02', errorType: 'POL' } });
    expect(res.body.Mensaje).toContain(`IdFacilito ${id} is now void`);
    const before = balance(t, NEY.acct);
    const late = await f.deposit({ Valor: 75, IDcuenta: NEY.acct, IdFacilito: id });
    expect(late.status).toBe(422);
    expect(late.body).toMatchObject({ Resultado: 17, responseDetail: { errorCode: 'GW-422-02' } });
    expect(late.body.Mensaje).toContain('no money moved');
    expect(balance(t, NEY.acct)).toBe(before);
    // and reversing it again answers the same
    expect((await f.reverse({ ValorPagar: 75, IdFacilito: id })).body.Resultado).toBe(15);
  });

  it('when the deposit was already spent, then its reversal is refused with Resultado 6 and nothing moves', async () => {
    const id = newIdFacilito();
    await f.deposit({ Valor: 60000, IDcuenta: MARIA.acct, IdFacilito: id });
    const all = balance(t, MARIA.acct) / 100;
    await f.requestOtp({ IDcuenta: MARIA.acct, Valor: all });
    const otp = await f.otpSentTo(MARIA.acct);
    expect((await f.withdraw({ IDcuenta: MARIA.acct, OTP: otp, Valor: all, TipoOperacion: 'RETIRO', IdFacilito: newIdFacilito() })).status).toBe(200);
    const res = await f.reverse({ ValorPagar: 60000, IdFacilito: id });
    expect(res.status).toBe(400);
    expect(res.body.Resultado).toBe(6);
    expect(balance(t, MARIA.acct)).toBe(0);
  });

  it('when the original reached the gateway but Bankmaster did not apply it, then its reversal reaches Bankmaster and answers Resultado 15 from it', async () => {
    // the IdFacilito is this client's (the gateway saw the original), so Bankmaster decides
    const id = newIdFacilito();
    expect((await f.deposit({ Valor: 75, IDcuenta: '30019999999', IdFacilito: id })).status).toBe(404);
    const res = await f.reverse({ ValorPagar: 75, IdFacilito: id });
    expect(res.status).toBe(404);
    expect(res.body).toMatchObject({ Resultado: 15, responseDetail: { errorCode: 'RV01', errorType: 'TRX' } });
  });

  it('when the gateway restarts between the original and the reversal, then the reversal still finds it, once', async () => {
    const before = balance(t, NEY.acct);
    const id = newIdFacilito();
    const deposit = { Valor: 888.88, IDcuenta: NEY.acct, IdFacilito: id };
    const first = await f.deposit(deposit);
    expect(first.status).toBe(200);
    await t.close();
    t = await gateway();
    f = facilito(t);
    // the new gateway remembers no answer (its idempotency store is its own); the ownership
    // store still says whose IdFacilito it is, and Bankmaster answers the repeat with the first result
    const repeat = await f.deposit(deposit);
    expect(repeat.status).toBe(200);
    expect(repeat.body).toEqual(first.body);
    expect(balance(t, NEY.acct) - before).toBe(88_888);
    expect((await f.reverse({ ValorPagar: 888.88, IdFacilito: id })).body).toEqual({ Resultado: 0, Mensaje: 'Reverso OK' });
    expect(balance(t, NEY.acct)).toBe(before);
    await t.close();
    t = await gateway();
    f = facilito(t);
    expect((await f.reverse({ ValorPagar: 888.88, IdFacilito: id })).body).toEqual({ Resultado: 0, Mensaje: 'Reverso OK' });
    expect(balance(t, NEY.acct)).toBe(before);
  });

  it('when the ownership records are lost (a restart with a memory store), then a reversal fails closed: 404 Resultado 15 and nothing moves', async () => {
    const id = newIdFacilito();
    expect((await f.deposit({ Valor: 555, IDcuenta: NEY.acct, IdFacilito: id })).status).toBe(200);
    const credited = balance(t, NEY.acct);
    // a gateway with a store of its own knows no earlier transaction
    const forgetful = await startGateway({}, { sandbox });
    try {
      const res = await facilito(forgetful).reverse({ ValorPagar: 555, IdFacilito: id });
      expect(res.status).toBe(404);
      expect(res.body).toMatchObject({ Resultado: 15, responseDetail: { errorCode: 'GW-404-02' } });
      expect(balance(t, NEY.acct)).toBe(credited);
    } finally {
      await forgetful.close();
    }
  });
});
