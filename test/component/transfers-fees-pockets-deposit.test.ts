import { startGateway, type TestGateway } from '../helpers/gateway';
import { balance, call, depositHeaders, errorOf, example, pocket, variant } from './transfers-support';

/** T2 fees, T14 pockets and T15 correspondent deposits: Bankmaster, on the sandbox ledger. */
describe('T2, T14, T15 against Bankmaster', () => {
  let t: TestGateway;
  beforeAll(async () => {
    t = await startGateway();
  });
  afterAll(() => t.close());

  describe('T2 POST /v1/fees', () => {
    const fee = (code: string, acctId = '22875459846') => variant(example('fee-request.json'), (b) => ((b.xFerInfo.processingCode = code), (b.depAcctIdFrom.depAcctId.acctId = acctId)));

    it.each([
      ['88018', 0],
      ['88013', 7500],
      ['88029', 45000],
      ['88030', 85000],
      ['88032', 160000],
      ['77134', 0],
    ])('when the commission of %s is asked, then 200 with %d under both curAmt and curtAmt', async (code, amt) => {
      const res = await call(t, 'post', '/v1/fees', fee(code));
      expect(res.status).toBe(200);
      expect(res.body).toEqual({
        responseType: { value: 'OK' },
        personName: { fullName: 'JUAN CARLOS OSPINA' },
        xFerInfo: { processingCode: code },
        transaction: { curAmt: { amt }, curtAmt: { amt } },
      });
    });

    it('when X-Invoker-Channel is 007 and X-Invoker-subChannel 06 with a code other than 77134, then 400 naming both headers and the field', async () => {
      const res = await call(t, 'post', '/v1/fees', fee('88018'), { 'X-Invoker-Channel': '007', 'X-Invoker-subChannel': '06' });
      expect(res.status).toBe(400);
      expect(errorOf(res)).toEqual({
        errorCode: 'GW-400-01',
        errorType: 'APIKIT',
        errorDesc: 'Field xFerInfo.processingCode must be 77134 when header X-Invoker-Channel is 007 and header X-Invoker-subChannel is 06 (got 88018)',
      });
      const ok = await call(t, 'post', '/v1/fees', fee('77134'), { 'X-Invoker-Channel': '007', 'X-Invoker-subChannel': '06' });
      expect(ok.status).toBe(200);
      const otherChannel = await call(t, 'post', '/v1/fees', fee('88018'), { 'X-Invoker-Channel': '007', 'X-Invoker-subChannel': '07' });
      expect(otherChannel.status).toBe(200);
    });

    it('when the source account does not exist, then 404 05620/RGN', async () => {
      const res = await call(t, 'post', '/v1/fees', fee('88018', '30019999999'));
      expect(res.status).toBe(404);
      expect(errorOf(res)).toEqual({ errorCode: '05620', errorType: 'RGN', errorDesc: 'NO EXISTE NÚMERO DE CUENTA' });
    });

    it('when the source account has no holder, then 404 05621/RGN', async () => {
      const res = await call(t, 'post', '/v1/fees', fee('88018', '30010000009'));
      expect(res.status).toBe(404);
      expect(errorOf(res)).toEqual({ errorCode: '05621', errorType: 'RGN', errorDesc: 'NO EXISTE TITULAR PARA LA CTA' });
    });
  });

  describe('T14 POST /v1/transfers/pockets', () => {
    const move = (acctId: string, amt: number, flagTransfer: 'D' | 'C') => variant(example('pockets-request.json'), (b) => ((b.depAcctId.acctId = acctId), (b.xFerInfo = { amt, flagTransfer })));

    it('when money goes to the pocket (D) and back (C), then each answer is the new available balance', async () => {
      const [bal, poc] = [balance(t, '22875459846'), pocket(t, '22875459846')];
      const d = await call(t, 'post', '/v1/transfers/pockets', move('22875459846', 250.5, 'D'));
      expect(d.status).toBe(201);
      expect(d.body).toEqual({ responseType: { value: 'OK' }, acctBal: { curAmt: { amt: (bal - 25_050) / 100 } } });
      expect(pocket(t, '22875459846')).toBe(poc + 25_050);
      const c = await call(t, 'post', '/v1/transfers/pockets', move('22875459846', 50.5, 'C'));
      expect(c.body.acctBal.curAmt.amt).toBe((bal - 20_000) / 100);
      expect(pocket(t, '22875459846')).toBe(poc + 20_000);
    });

    it('when the same move is repeated with its Idempotency-Key, then it is replayed and moves once', async () => {
      const bal = balance(t, '22875459846');
      const key = { 'Idempotency-Key': `pocket-${Date.now()}` };
      const a = await call(t, 'post', '/v1/transfers/pockets', move('22875459846', 10, 'D'), key);
      const b = await call(t, 'post', '/v1/transfers/pockets', move('22875459846', 10, 'D'), key);
      expect(b.body).toEqual(a.body);
      expect(balance(t, '22875459846')).toBe(bal - 1000);
    });

    it.each([
      ['the account lacks the money (D)', move('30010000004', 5000, 'D'), 400, 'W2', 'TRX', 'FONDOS INSUFICIENTES PARA RETIRO'],
      ['the pocket lacks the money (C)', move('30010000004', 100, 'C'), 400, 'W2', 'TRX', 'FONDOS INSUFICIENTES PARA RETIRO'],
      ['the account does not exist', move('30019999999', 100, 'D'), 404, 'NC', 'TRX', 'CUENTA NO EXISTE'],
      ['the account is blocked', move('30010000001', 100, 'D'), 400, 'NF', 'TRX', 'CUENTA BLOQUEADA'],
      ['the account has no pocket (pockets table 30024/PRA, its "m" replaced by the core text)', move('57172460999', 100, 'D'), 500, '30024', 'PRA', 'LA CUENTA NO TIENE BOLSILLO ACTIVO'],
    ])('when %s, then the documented error', async (_why, body, status, errorCode, errorType, errorDesc) => {
      const res = await call(t, 'post', '/v1/transfers/pockets', body);
      expect(res.status).toBe(status);
      expect(errorOf(res)).toEqual({ errorCode, errorType, errorDesc });
    });
  });

  describe('T15 PUT /v1/deposit', () => {
    let audit = 200000;
    const deposit = (change: (trn: any) => void = () => undefined) => variant(example('deposit-request.json'), (b) => ((b.trn.trnRqUID = String(++audit)), change(b.trn)));
    const put = (body: unknown, headers: Record<string, string | undefined> = {}) => call(t, 'put', '/v1/deposit', body, depositHeaders(headers));

    it('when a deposit is made, then 200 with the holder and an approvalId, and the account is credited', async () => {
      const before = balance(t, '21002908664');
      const res = await put(deposit((trn) => ((trn.depAcctIdTo.acctId = '21002908664'), (trn.curAmt.amt = 150000.25))));
      expect(res.status).toBe(200);
      expect(res.body).toEqual({
        responseType: { value: 'OK' },
        trn: { personName: { fullName: 'MARIA PEREZ' }, depAcctId: { acctId: '21002908664' }, approvalId: expect.stringMatching(/^Z[0-9A-F]{19}$/) },
      });
      expect(balance(t, '21002908664')).toBe(before + 15_000_025);
    });

    it('when a deposit is reversed (R, then Reverso again), then exactly that deposit is undone, once', async () => {
      const before = balance(t, '21002908664');
      const body = deposit((trn) => ((trn.depAcctIdTo.acctId = '21002908664'), (trn.curAmt.amt = 5000), (trn.type = 'N')));
      const dep = await put(body);
      expect(balance(t, '21002908664')).toBe(before + 500_000);
      const rev = await put(variant(body, (b) => (b.trn.type = 'R')));
      expect(rev.status).toBe(200);
      expect(rev.body.trn.approvalId).not.toBe(dep.body.trn.approvalId);
      expect(balance(t, '21002908664')).toBe(before);
      // the example's spelling is the same request: the first reversal's answer, replayed
      const again = await put(variant(body, (b) => (b.trn.type = 'Reverso')));
      expect(again.status).toBe(200);
      expect(again.headers['idempotent-replayed']).toBe('true');
      expect(again.body.trn.approvalId).toBe(rev.body.trn.approvalId);
      expect(balance(t, '21002908664')).toBe(before);
    });

    it('when the same deposit is repeated, then the first answer comes back and the account is credited once', async () => {
      const before = balance(t, '12321414');
      const body = deposit();
      const a = await put(body);
      const b = await put(body);
      expect(b.body).toEqual(a.body);
      expect(b.headers['idempotent-replayed']).toBe('true');
      expect(balance(t, '12321414')).toBe(before + 9900);
    });

    it.each([
      ['the account does not exist', deposit((trn) => (trn.depAcctIdTo.acctId = '30019999999')), 404, 'NC', 'TRX', 'CUENTA NO EXISTE'],
      ['the correspondent account does not exist', deposit((trn) => (trn.depAcctIdFrom.acctId = '30019999999')), 404, 'NC', 'TRX', 'CUENTA NO EXISTE'],
      ['the account is blocked', deposit((trn) => (trn.depAcctIdTo.acctId = '30010000001')), 400, 'NF', 'TRX', 'CUENTA BLOQUEADA'],
      ['the account is closed', deposit((trn) => (trn.depAcctIdTo.acctId = '30010000002')), 400, 'ND', 'TRX', 'CUENTA CERRADA'],
      ['the account is inactive', deposit((trn) => (trn.depAcctIdTo.acctId = '30010000003')), 400, '11101', 'VAL', 'CUENTA ES CUENTA INACTIVA'],
      ['the account takes no credits', deposit((trn) => (trn.depAcctIdTo.acctId = '30010000006')), 400, 'W6', 'TRX', 'CUENTA BLOQUEADA PARA CREDITOS'],
    ])('when %s, then the documented error', async (_why, body, status, errorCode, errorType, errorDesc) => {
      const res = await put(body);
      expect(res.status).toBe(status);
      expect(errorOf(res)).toEqual({ errorCode, errorType, errorDesc });
    });

    it('when a reversal names no deposit of this client, then 404 GW-404-02 before the core (fail closed)', async () => {
      const res = await put(deposit((trn) => (trn.type = 'R')));
      expect(res.status).toBe(404);
      expect(errorOf(res)).toMatchObject({ errorCode: 'GW-404-02', errorType: 'POL' });
    });

    it('when a reversal names a deposit of this client that the core did not apply, then 400 N4/TRX', async () => {
      const body = deposit((trn) => (trn.depAcctIdTo.acctId = '30010000006'));
      expect((await put(body)).status).toBe(400);
      const res = await put(variant(body, (b) => (b.trn.type = 'R')));
      expect(res.status).toBe(400);
      expect(errorOf(res)).toEqual({ errorCode: 'N4', errorType: 'TRX', errorDesc: 'REF.TRAN.PARA REVER.DEBE IDEN.NEGOC.VAL.NO REV.' });
    });

    it('when a reversal gives another amount than the deposit, then 400 P1/TRX and nothing moves', async () => {
      const body = deposit((trn) => (trn.curAmt.amt = 700));
      await put(body);
      const before = balance(t, '12321414');
      const res = await put(variant(body, (b) => ((b.trn.type = 'R'), (b.trn.curAmt.amt = 701))));
      expect(res.status).toBe(400);
      expect(errorOf(res)).toEqual({ errorCode: 'P1', errorType: 'TRX', errorDesc: 'REF.NEG.REV.MONTO,FEC.LIB Y MONTO DEBEN COINC.' });
      expect(balance(t, '12321414')).toBe(before);
    });
  });
});
