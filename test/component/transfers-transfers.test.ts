import { startGateway, type TestGateway } from '../helpers/gateway';
import { balance, call, errorOf, example, variant } from './transfers-support';

/** T1 POST /v1/transfers: the five kinds against the simulated cores, and the errors each can produce. */
let seq = 0;
const ref = () => `APIT${Date.now() % 1e8}${String(++seq).padStart(4, '0')}`;
const own = (change: (b: any) => void = () => undefined) => variant(example('transfer-own-request.json'), (b) => ((b.refId = ref()), change(b)));
const third = (change: (b: any) => void = () => undefined) => variant(example('transfer-third-party-request.json'), (b) => ((b.refId = ref()), change(b)));
const pse = (change: (b: any) => void = () => undefined) => variant(example('transfer-interbank-request.json'), (b) => ((b.refId = ref()), change(b)));
const ccr = (change: (b: any) => void = () => undefined) => variant(example('transfer-card-advance-request.json'), (b) => ((b.refId = ref()), change(b)));
const tfi = (change: (b: any) => void = () => undefined) => variant(example('transfer-fund-request.json'), (b) => ((b.refId = ref()), change(b)));

type ErrCase = [why: string, body: unknown, status: number, errorCode: string, errorType: string, errorDesc: string];
/** Titles read "when <why>, then <status> <code>/<type>": the body goes last. */
const titled = (rows: ErrCase[]) => rows.map(([why, body, status, code, type, desc]) => [why, status, code, type, desc, body] as [string, number, string, string, string, unknown]);

describe('T1 POST /transfers-management/v1/transfers', () => {
  let t: TestGateway;
  beforeAll(async () => {
    t = await startGateway();
  });
  afterAll(() => t.close());
  const post = (body: unknown, headers?: Record<string, string>) => call(t, 'post', '/v1/transfers', body, headers);

  describe('success, on the ledger', () => {
    it('when an OWN transfer is posted, then 200 with its refId, the source is debited and the destination credited', async () => {
      const [from, to] = [balance(t, '22875459846'), balance(t, '22875459847')];
      const body = own((b) => (b.xFerInfo.amt = 1234.56));
      const res = await post(body);
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ responseType: { value: 'OK' }, refId: body.refId });
      expect(balance(t, '22875459846')).toBe(from - 123_456);
      expect(balance(t, '22875459847')).toBe(to + 123_456);
      const hit = t.sandbox.faults.hits.filter((h) => h.path === '/transfers').pop();
      // Bankmaster conventions: cents without separator, yyyymmdd, the channel's office
      expect(hit?.body).toMatchObject({ reference: body.refId, transferType: 'OWN', amount: '123456', feeAmount: '0', valueDate: '20240315', office: '0148' });
    });

    it('when a PSE transfer is posted, then the amount goes to the ACH clearing account and the fee to the bank', async () => {
      const [from, clearing, income] = [balance(t, '22875459846'), balance(t, '99990000002'), balance(t, '99990000001')];
      const res = await post(pse());
      expect(res.status).toBe(200);
      expect(balance(t, '22875459846')).toBe(from - 25_000_000 - 750_000);
      expect(balance(t, '99990000002')).toBe(clearing + 25_000_000);
      expect(balance(t, '99990000001')).toBe(income + 750_000);
    });

    it('when a CCR advance is posted, then 201 with an approvalId and the destination account is credited', async () => {
      const to = balance(t, '57172460999');
      const body = ccr((b) => (b.xFerInfo.amt = 50000));
      const res = await post(body);
      expect(res.status).toBe(201);
      expect(res.body).toEqual({ responseType: { value: 'OK' }, xFerInfo: { approvalId: expect.stringMatching(/^[0-9A-F]{6}$/) }, refId: body.refId });
      expect(balance(t, '57172460999')).toBe(to + 5_000_000);
    });

    it('when a TFI redemption is posted, then 201 and the plan pays the savings account', async () => {
      const [plan, to] = [balance(t, '70010000001'), balance(t, '57172460999')];
      const res = await post(tfi((b) => ((b.xFerInfo.depAcctIdFrom.acctId = '70010000001'), (b.xFerInfo.amt = 1000))));
      expect(res.status).toBe(201);
      expect(balance(t, '70010000001')).toBe(plan - 100_000);
      expect(balance(t, '57172460999')).toBe(to + 100_000);
    });
  });

  describe('a repeated refId', () => {
    it('when the same OWN transfer is sent twice, then the second answer is the first one replayed and money moves once', async () => {
      const body = own((b) => (b.xFerInfo.amt = 10));
      const from = balance(t, '22875459846');
      const first = await post(body);
      const second = await post(body);
      expect(second.status).toBe(200);
      expect(second.body).toEqual(first.body);
      expect(second.headers['idempotent-replayed']).toBe('true');
      expect(balance(t, '22875459846')).toBe(from - 1000);
    });

    it('when the same refId comes with another amount, then 422 and nothing moves', async () => {
      const body = own((b) => (b.xFerInfo.amt = 11));
      await post(body);
      const from = balance(t, '22875459846');
      const res = await post(variant(body, (b) => (b.xFerInfo.amt = 12)));
      expect(res.status).toBe(422);
      expect(errorOf(res).errorCode).toBe('GW-422-01');
      expect(balance(t, '22875459846')).toBe(from);
    });

    it('when the same refId comes with another amount under another Idempotency-Key, then the gateway refuses it (422) and nothing moves', async () => {
      const body = own((b) => (b.xFerInfo.amt = 13));
      await post(body, { 'Idempotency-Key': `a-${body.refId}` });
      const from = balance(t, '22875459846');
      const res = await post(variant(body, (b) => (b.xFerInfo.amt = 14)), { 'Idempotency-Key': `b-${body.refId}` });
      expect(res.status).toBe(422);
      expect(errorOf(res).errorCode).toBe('GW-422-01');
      expect(balance(t, '22875459846')).toBe(from);
    });

    it('when the gateway has forgotten the refId (a restarted instance) and the amount differs, then the core refuses it: 400 PM/TRX', async () => {
      const body = own((b) => (b.xFerInfo.amt = 13));
      await post(body);
      const restarted = await startGateway({}, { sandbox: t.sandbox });
      try {
        const from = balance(t, '22875459846');
        const res = await call(restarted, 'post', '/v1/transfers', variant(body, (b) => (b.xFerInfo.amt = 14)));
        expect(res.status).toBe(400);
        expect(errorOf(res)).toEqual({ errorCode: 'PM', errorType: 'TRX', errorDesc: 'REFERENCIA DEAL YA EXISTE. REINTENTE' });
        expect(balance(t, '22875459846')).toBe(from);
      } finally {
        await restarted.close();
      }
    });

    it('when a CCR advance is repeated under other Idempotency-Keys, then the core answers the first approval and credits once', async () => {
      const body = ccr((b) => (b.xFerInfo.amt = 20000));
      const to = balance(t, '57172460999');
      const a = await post(body, { 'Idempotency-Key': `a-${body.refId}` });
      const b = await post(body, { 'Idempotency-Key': `b-${body.refId}` });
      expect(b.body.xFerInfo.approvalId).toBe(a.body.xFerInfo.approvalId);
      expect(balance(t, '57172460999')).toBe(to + 2_000_000);
    });
  });

  describe('Bankmaster business errors (002 transfers table)', () => {
    it.each(titled([
      ['the source has no funds', own((b) => ((b.xFerInfo.depAcctIdFrom.acctId = '30010000004'), (b.xFerInfo.depAcctIdTo.acctId = '30010000005'), (b.custPayeeInfo.govIssueIdent.identSerialNum = '30010000'))), 400, 'W2', 'TRX', 'FONDOS INSUFICIENTES PARA RETIRO'],
      ['the source is blocked', third((b) => (b.xFerInfo.depAcctIdFrom.acctId = '30010000001')), 400, 'NF', 'TRX', 'CUENTA BLOQUEADA'],
      ['the source is closed', third((b) => (b.xFerInfo.depAcctIdFrom.acctId = '30010000002')), 400, 'ND', 'TRX', 'CUENTA CERRADA'],
      ['the source is inactive', third((b) => (b.xFerInfo.depAcctIdFrom.acctId = '30010000003')), 400, '11101', 'VAL', 'CUENTA ES CUENTA INACTIVA'],
      ['the destination takes no credits', third((b) => (b.xFerInfo.depAcctIdTo.acctId = '30010000006')), 400, 'W6', 'TRX', 'CUENTA BLOQUEADA PARA CREDITOS'],
      ['the source takes no debits', third((b) => (b.xFerInfo.depAcctIdFrom.acctId = '30010000005')), 400, 'W7', 'TRX', 'CUENTA BLOQUEADA PARA DEBITOS'],
      ['the destination does not exist', third((b) => (b.xFerInfo.depAcctIdTo.acctId = '30019999999')), 404, 'NC', 'TRX', 'CUENTA NO EXISTE'],
      ['the destination is a CDT', third((b) => (b.xFerInfo.depAcctIdTo.acctId = '30010000007')), 400, '11109', 'VAL', 'CUENTA DE PRESTAMO O CDT:'],
      ['both accounts are the same', third((b) => (b.xFerInfo.depAcctIdTo.acctId = '22875459846')), 400, '11110', 'VAL', 'CUENTA ORIGEN IGUAL A CUENTA DESTINO'],
      ['an OWN transfer names another holder', own((b) => (b.custPayeeInfo.govIssueIdent.identSerialNum = '99999999')), 400, '5621', 'RGN', 'NO EXISTE TITULAR PARA LA CTA'],
      ['the concept has symbols', own((b) => (b.xFerInfo.desc = 'pago <script>')), 400, '11112', 'EXP', 'Campo Concepto deber ser alfanumérico'],
      ['the processing code is another kind\'s', own((b) => ((b.xFerInfo.processingCode = '88013'), delete b.fee)), 400, '10004', 'TPS', 'ERROR CON EL CODIGO DE PROCESO'],
      ['the fee is not the quoted one', pse((b) => (b.fee.curAmt.amt = 1)), 400, 'PH', 'TRX', 'MONTO NO COINCIDE'],
      ['the amount is above the maximum', own((b) => (b.xFerInfo.amt = 60_000_000)), 400, '28108', 'AUT', 'TRANSACCION DE UTILIZACION - EXCEDE EL MONTO MAXIMO'],
    ]))('when %s, then %i %s/%s', async (_why, status, errorCode, errorType, errorDesc, body) => {
      const res = await post(body);
      expect(res.status).toBe(status);
      expect(errorOf(res)).toEqual({ errorCode, errorType, errorDesc });
    });
  });

  describe('OpenCard business errors (CCR table)', () => {
    it.each(titled([
      ['the card does not exist', ccr((b) => (b.xFerInfo.depAcctIdFrom.acctId = 'ffffffffffffffffffffff')), 404, '00014', 'OPC', 'Tarjeta de Crédito o Crédito Rotativo No Existe'],
      ['the card is blocked', ccr((b) => (b.xFerInfo.depAcctIdFrom = { acctId: 'a1a1a1a1a1a1a1a1a1a1a1', acctType: 'CCA' })), 400, '00062', 'OPC', 'Tarjeta de Crédito o Crédito Rotativo se encuentra bloqueado'],
      ['the card is expired', ccr((b) => (b.xFerInfo.depAcctIdFrom = { acctId: 'b2b2b2b2b2b2b2b2b2b2b2', acctType: 'CCA' })), 400, '00054', 'OPC', 'Tarjeta de Crédito o Crédito Rotativo se encuentra vencido'],
      ['the credit available is short', ccr((b) => (b.xFerInfo.depAcctIdFrom = { acctId: 'c3c3c3c3c3c3c3c3c3c3c3', acctType: 'CCA' })), 400, '00051', 'OPC', 'Fondos Insuficientes'],
      ['the revolving credit has no uses left', ccr((b) => (b.xFerInfo.depAcctIdFrom.acctId = 'd4d4d4d4d4d4d4d4d4d4d4')), 400, '00065', 'OPC', 'Límite de Usos Excedido (Crédito Rotativo)'],
      ['the identification is another customer\'s', ccr((b) => (b.custPayeeInfo.govIssueIdent.identSerialNum = '1111111111')), 400, '00097', 'OPC', 'La identificación no corresponde a la del producto'],
      ['the destination account does not exist', ccr((b) => (b.xFerInfo.depAcctIdTo.acctId = '30019999999')), 400, '00052', 'OPC', 'El número de Cuenta No Existe'],
      ['the product type is not the card\'s', ccr((b) => (b.xFerInfo.depAcctIdFrom.acctType = 'CCA')), 400, '00007', 'INP', 'Error en campos de entrada'],
      ['the amount is below the minimum', ccr((b) => (b.xFerInfo.amt = 100)), 500, '00013', 'OPC', 'El Monto es Inferior al mínimo permitido'],
      ['the amount is not allowed', ccr((b) => (b.xFerInfo.amt = 20_000_000)), 400, '00061', 'OPC', 'El valor solicitado No es Permitido'],
    ]))('when %s, then %i %s/%s', async (_why, status, errorCode, errorType, errorDesc, body) => {
      const res = await post(body);
      expect(res.status).toBe(status);
      expect(errorOf(res)).toEqual({ errorCode, errorType, errorDesc });
    });
  });

  describe('investment funds business errors (TFI table)', () => {
    const from = (acctId: string, amt = 1000) => tfi((b) => ((b.xFerInfo.depAcctIdFrom.acctId = acctId), (b.xFerInfo.amt = amt)));
    it.each(titled([
      ['the plan does not exist', from('70019999999'), 404, '1403', 'ORA', 'REGISTRO NO ENCONTRADO'],
      ['the plan is blocked', from('70010000002'), 400, '00015', 'PRA', 'El estado actual del plan: BLOQUEADO POR CONFIR, no permite'],
      ['the withdrawal is above the plan\'s maximum', from('70010000003', 200_000), 400, '00191', 'PRA', 'Valor Retiro supera el Valor M¿ximo Individual definido para'],
      ['the plan has not enough balance', from('70010000001', 3_000_000), 400, '00296', 'PRA', 'Valor Retiro no permitido por Saldo Insuficiente.'],
      ['a first contribution is below the fund minimum', tfi((b) => ((b.xFerInfo.depAcctIdFrom = { acctId: '57172460999', acctType: 'SDA' }), (b.xFerInfo.depAcctIdTo = { acctId: '70010000004', acctType: 'OFA' }), (b.xFerInfo.amt = 1000))), 400, '00315', 'PRA', 'Valor Minimo Apertura no válido según definición del Fondo'],
      ['the office has no equivalence', tfi((b) => (b.bankInfo.branchIdFrom = '0999')), 404, '00078', 'PRA', 'Equivalencia de Oficina no existe.'],
    ]))('when %s, then %i %s/%s', async (_why, status, errorCode, errorType, errorDesc, body) => {
      const res = await post(body);
      expect(res.status).toBe(status);
      expect(errorOf(res)).toEqual({ errorCode, errorType, errorDesc });
    });
  });
});
