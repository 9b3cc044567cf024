import { startGateway, type TestGateway } from '../helpers/gateway';
import { balance, call, errorOf, example, variant } from './transfers-support';

/**
 * T6-T11 as pairs on the sandbox: money sent by one enrolled phone is pending for the receiver
 * and moves on its answer; a money request is pending for the payer and moves when it pays.
 */
const ANA = { phone: '3101112233', acct: '30020000002' };
const LUIS = { phone: '3104445566', acct: '30020000003' };
const CLEARING = '99990000003';

const sendBody = (from: { phone: string; acct: string }, toPhone: string, amt: number, fee = 0) =>
  variant(example('send-money-request.json'), (b) => {
    b.xFerInfo.depAcctIdFrom = { acctId: from.acct, cellPhone: from.phone };
    b.xFerInfo.depAcctIdTo = { cellPhone: toPhone };
    b.xFerInfo.amt = amt;
    b.fee.curAmt.amt = fee;
  });
const answerBody = (pseTrnCode: string, me: { phone: string; acct: string }, otherPhone: string, amt: number, flag: string, trust = false) =>
  variant(example('accept-money-request.json'), (b) => {
    b.xFerInfo = { pseTrnCode, depAcctIdFrom: { acctId: me.acct, cellPhone: me.phone }, depAcctIdTo: { cellPhone: otherPhone }, amt, desc: 'Transfer to phone' };
    b.flagTransferAccept = flag;
    b.flagEstablishTrust = trust;
  });
const requestBody = (requesterPhone: string, payerPhone: string, amt: number) =>
  variant(example('request-money-request.json'), (b) => {
    b.xFerInfo.depAcctIdFrom = { cellPhone: requesterPhone };
    b.xFerInfo.depAcctIdTo = { cellPhone: payerPhone };
    b.xFerInfo.amt = amt;
  });
const payBody = (pseTrnCode: string, payer: { phone: string; acct: string }, requesterPhone: string, amt: number, flag: string, fee = 0) =>
  variant(example('accept-request-money-request.json'), (b) => {
    b.xFerInfo = { pseTrnCode, depAcctIdFrom: { acctId: payer.acct, cellPhone: payer.phone }, depAcctIdTo: { cellPhone: requesterPhone }, amt, desc: 'Transfer to', flagTransferAccept: flag };
    b.fee.curAmt.amt = fee;
  });

describe('Transfiya money: T6 send -> T7 pending -> T8 answer; T9 request -> T10 pending -> T11 pay', () => {
  let t: TestGateway;
  beforeAll(async () => {
    t = await startGateway();
  });
  afterAll(() => t.close());
  const send = (body: unknown, headers?: Record<string, string>) => call(t, 'post', '/v1/transfiya/credit', body, headers);
  const pendingIn = (phone: string, q = '') => call(t, 'get', `/v1/transfiya/transfers/${phone}/pending/get${q}`);
  const answer = (body: unknown) => call(t, 'put', '/v1/transfiya/transfers/agree', body);

  it('when ANA sends money to LUIS and LUIS accepts, then ANA is debited at once and LUIS credited on acceptance', async () => {
    const [ana, luis, clearing] = [balance(t, ANA.acct), balance(t, LUIS.acct), balance(t, CLEARING)];
    const sent = await send(sendBody(ANA, LUIS.phone, 1500.75));
    expect(sent.status).toBe(201);
    const code = sent.body.xFerInfo.pseTrnCode;
    expect(code).toMatch(/^[A-Za-z0-9]{17}$/);
    expect(balance(t, ANA.acct)).toBe(ana - 150_075);
    expect(balance(t, CLEARING)).toBe(clearing + 150_075);

    const pending = await pendingIn(LUIS.phone);
    expect(pending.status).toBe(200);
    expect(pending.body.xFerInfo).toContainEqual({ depAcctIdTo: { cellPhone: ANA.phone }, curAmt: { amt: 1500.75, desc: 'Transfer to phone' }, pseTrnCode: code });

    const accepted = await answer(answerBody(code, LUIS, ANA.phone, 1500.75, 'Accept'));
    expect(accepted.status).toBe(201);
    expect(accepted.body).toEqual({ responseType: { value: 'OK' } });
    expect(balance(t, LUIS.acct)).toBe(luis + 150_075);
    expect(balance(t, CLEARING)).toBe(clearing);
    // answered transfers are no longer pending
    const after = await pendingIn(LUIS.phone);
    expect(after.status).toBe(404);
    expect(errorOf(after)).toEqual({ errorCode: '00001', errorType: 'RGN', errorDesc: 'No existen transferencias pendientes por Recibir' });
  });

  it('when the same acceptance is sent twice, then it is replayed and LUIS is credited once', async () => {
    const code = (await send(sendBody(ANA, LUIS.phone, 10))).body.xFerInfo.pseTrnCode;
    const luis = balance(t, LUIS.acct);
    const a = await answer(answerBody(code, LUIS, ANA.phone, 10, 'Accept'));
    const b = await answer(answerBody(code, LUIS, ANA.phone, 10, 'Accept'));
    expect([a.status, b.status]).toEqual([201, 201]);
    expect(b.headers['idempotent-replayed']).toBe('true');
    expect(balance(t, LUIS.acct)).toBe(luis + 1000);
  });

  it('when LUIS rejects, then the money returns to ANA; and a later Accept is refused 01101/RGN', async () => {
    const ana = balance(t, ANA.acct);
    const code = (await send(sendBody(ANA, LUIS.phone, 20))).body.xFerInfo.pseTrnCode;
    expect(balance(t, ANA.acct)).toBe(ana - 2000);
    const rejected = await answer(answerBody(code, LUIS, ANA.phone, 20, 'Reject'));
    expect(rejected.status).toBe(201);
    expect(balance(t, ANA.acct)).toBe(ana);
    const late = await call(t, 'put', '/v1/transfiya/transfers/agree', answerBody(code, LUIS, ANA.phone, 20, 'Accept'), { 'Idempotency-Key': `late-${code}` });
    expect(late.status).toBe(400);
    expect(errorOf(late)).toEqual({ errorCode: '01101', errorType: 'RGN', errorDesc: 'TRANSACCION DE RECHAZO YA PROCESADA' });
  });

  it('when LUIS blocks ANA, then the money returns and the relationship shows B; accepting with trust shows A and later money needs no answer', async () => {
    const code = (await send(sendBody(ANA, LUIS.phone, 30))).body.xFerInfo.pseTrnCode;
    await answer(answerBody(code, LUIS, ANA.phone, 30, 'ToBlock'));
    const blocked = await call(t, 'get', `/v1/transfiya/account-relationships/${LUIS.phone}`);
    expect(blocked.body.xFerInfo).toContainEqual(expect.objectContaining({ depAcctIdTo: { cellPhone: ANA.phone }, transfiyaOperationType: 'B' }));

    const code2 = (await send(sendBody(ANA, LUIS.phone, 40))).body.xFerInfo.pseTrnCode;
    await answer(answerBody(code2, LUIS, ANA.phone, 40, 'Accept', true));
    const trusted = await call(t, 'get', `/v1/transfiya/account-relationships/${LUIS.phone}`);
    expect(trusted.body.xFerInfo).toContainEqual(expect.objectContaining({ depAcctIdTo: { cellPhone: ANA.phone }, transfiyaOperationType: 'A' }));

    const luis = balance(t, LUIS.acct);
    const code3 = (await send(sendBody(ANA, LUIS.phone, 50))).body.xFerInfo.pseTrnCode;
    expect(balance(t, LUIS.acct)).toBe(luis + 5000);
    const pending = await pendingIn(LUIS.phone);
    expect(pending.status === 404 || !pending.body.xFerInfo.some((i: any) => i.pseTrnCode === code3)).toBe(true);
  });

  it('when pending transfers are paged, then initialRecord and recordsXPage choose the slice', async () => {
    const codes: string[] = [];
    for (const amt of [1, 2, 3]) codes.push((await send(sendBody(LUIS, '3000000009', amt))).body.xFerInfo.pseTrnCode);
    const page = await pendingIn('3000000009', '?initialRecord=2&recordsXPage=1');
    expect(page.body.xFerInfo.map((i: any) => i.pseTrnCode)).toEqual([codes[1]]);
    const all = await pendingIn('3000000009');
    expect(all.body.xFerInfo).toHaveLength(3);
  });

  it('when T9 asks LUIS for money and LUIS pays (T11), then LUIS pays amount plus fee and ANA receives the amount', async () => {
    const req = await call(t, 'post', '/v1/transfiya/request-money', requestBody(ANA.phone, LUIS.phone, 300.1));
    expect(req.status).toBe(201);
    const code = req.body.xFerInfo.pseTrnCode;
    const pending = await call(t, 'get', `/v1/transfiya/transfers/${LUIS.phone}/pending/send`);
    expect(pending.status).toBe(200);
    expect(pending.body.xFerInfo).toContainEqual({ depAcctIdTo: { cellPhone: ANA.phone }, curAmt: { amt: 300.1, desc: 'Transfer to phone' }, pseTrnCode: code });

    const [ana, luis] = [balance(t, ANA.acct), balance(t, LUIS.acct)];
    const paid = await call(t, 'put', '/v1/transfiya/credit/agree', payBody(code, LUIS, ANA.phone, 300.1, 'Accept', 1.5));
    expect(paid.status).toBe(201);
    expect(paid.body).toEqual({ responseType: { value: 'OK' }, xFerInfo: { pseTrnCode: code } });
    expect(balance(t, LUIS.acct)).toBe(luis - 30_010 - 150);
    expect(balance(t, ANA.acct)).toBe(ana + 30_010);

    const again = await call(t, 'put', '/v1/transfiya/credit/agree', payBody(code, LUIS, ANA.phone, 300.1, 'Accept', 1.5), { 'Idempotency-Key': `again-${code}` });
    expect(again.status).toBe(201);
    expect(balance(t, LUIS.acct)).toBe(luis - 30_010 - 150);
    const none = await call(t, 'get', `/v1/transfiya/transfers/${LUIS.phone}/pending/send`);
    expect(errorOf(none)).toEqual({ errorCode: '00002', errorType: 'RGN', errorDesc: 'No existen transferencias pendientes por Enviar' });
  });

  it('when a money request is rejected, then nothing moves and it is no longer pending', async () => {
    const code = (await call(t, 'post', '/v1/transfiya/request-money', requestBody(ANA.phone, LUIS.phone, 5))).body.xFerInfo.pseTrnCode;
    const luis = balance(t, LUIS.acct);
    const res = await call(t, 'put', '/v1/transfiya/credit/agree', payBody(code, LUIS, ANA.phone, 5, 'Reject'));
    expect(res.status).toBe(201);
    expect(balance(t, LUIS.acct)).toBe(luis);
  });

  describe('business errors of the Transfiya table', () => {
    it.each([
      ['the sender is not enrolled', () => send(sendBody({ phone: '3999999999', acct: ANA.acct }, LUIS.phone, 1)), 404, '20001', 'RGN', 'MATRICULA INEXISTENTE'],
      ['the sender lacks funds', () => send(sendBody({ phone: '3000000004', acct: '30010000004' }, LUIS.phone, 5000)), 400, '11201', 'RGN', 'CUENTA NO POSEE FONDOS PARA ESTA OPERACIÓN.'],
      ['the sender\'s account is blocked', () => send(sendBody({ phone: '3000000001', acct: '30010000001' }, LUIS.phone, 1)), 400, '06905', 'VAL', 'CUENTA CON BLOQUEO BM'],
      ['the sender\'s account is cancelled', () => send(sendBody({ phone: '3000000002', acct: '30010000002' }, LUIS.phone, 1)), 400, '00163', 'VAL', 'CUENTA ES CUENTA CANCELADA'],
      ['the sender\'s account is inactive', () => send(sendBody({ phone: '3000000003', acct: '30010000003' }, LUIS.phone, 1)), 400, '11101', 'VAL', 'CUENTA ES CUENTA INACTIVA'],
      ['the amount is above the Transfiya limit', () => send(sendBody(ANA, LUIS.phone, 3_000_001)), 400, '00123', 'RES', 'Se excede monto permitido para esta transacción'],
      ['a transfer answered does not exist', () => answer(answerBody('NOSUCHCODE0000001', LUIS, ANA.phone, 1, 'Accept')), 404, '20002', 'RGN', 'TRANSACCION INEXISTENTE'],
      ['the receiver answers for another account', () => answer(answerBody('6dG45pEs5brar7Bz3', { phone: '5567787448', acct: '22875459846' }, '5567766878', 45677.23, 'Accept')), 404, '20001', 'RGN', 'MATRICULA INEXISTENTE'],
      ['pending transfers are asked for a phone not enrolled', () => pendingIn('3999999999'), 404, '20001', 'RGN', 'MATRICULA INEXISTENTE'],
      ['a phone without pending money asks for it', () => pendingIn('5745678877'), 404, '00001', 'RGN', 'No existen transferencias pendientes por Recibir'],
      ['the requester is not enrolled', () => call(t, 'post', '/v1/transfiya/request-money', requestBody('3999999999', LUIS.phone, 1)), 404, '20001', 'RGN', 'MATRICULA INEXISTENTE'],
      ['a request is asked above the limit', () => call(t, 'post', '/v1/transfiya/request-money', requestBody(ANA.phone, LUIS.phone, 3_000_001)), 400, '00123', 'RES', 'Se excede monto permitido para esta transacción'],
      ['a paid request does not exist', () => call(t, 'put', '/v1/transfiya/credit/agree', payBody('NOSUCHCODE0000002', LUIS, ANA.phone, 1, 'Accept')), 404, '20002', 'RGN', 'TRANSACCION INEXISTENTE'],
    ])('when %s, then the documented error', async (_why, run, status, errorCode, errorType, errorDesc) => {
      const res = await run();
      expect(res.status).toBe(status);
      expect(errorOf(res)).toEqual({ errorCode, errorType, errorDesc });
    });

    it('when a customer accepts money it sent itself (002 sends 55677878 -> 55677878), then 400 01102/RGN and it stays pending', async () => {
      const code = (await send(example('send-money-request.json'))).body.xFerInfo.pseTrnCode;
      const res = await answer(answerBody(code, { phone: '55677878', acct: '24517151999' }, '55677878', 5677.23, 'Accept'));
      expect(res.status).toBe(400);
      expect(errorOf(res)).toEqual({ errorCode: '01102', errorType: 'RGN', errorDesc: 'TRANSFERENCIA NO PUEDE SER ACEPTADA POR EL MISMO CLIENTE.' });
      expect((await pendingIn('55677878')).body.xFerInfo.map((i: any) => i.pseTrnCode)).toContain(code);
    });

    it('when the payer lacks funds to pay a request, then 400 11201/RGN and the request stays pending', async () => {
      const code = (await call(t, 'post', '/v1/transfiya/request-money', requestBody(ANA.phone, '3000000004', 5000))).body.xFerInfo.pseTrnCode;
      const res = await call(t, 'put', '/v1/transfiya/credit/agree', payBody(code, { phone: '3000000004', acct: '30010000004' }, ANA.phone, 5000, 'Accept'));
      expect(res.status).toBe(400);
      expect(errorOf(res).errorCode).toBe('11201');
      expect((await call(t, 'get', '/v1/transfiya/transfers/3000000004/pending/send')).body.xFerInfo.map((i: any) => i.pseTrnCode)).toContain(code);
    });
  });
});
