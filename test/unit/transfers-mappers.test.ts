import { depositKey, depositType, normalizeDepositType, toAccountTransfer, toCashDeposit } from '../../apis/transfers-management/transfer-mappers';
import { fromTrustResults, intParam } from '../../apis/transfers-management/transfiya-mappers';
import { checkFeeChannel } from '../../apis/transfers-management/routes-transfers';
import { translatePocketError, valueDate } from '../../src/adapters/bankmaster/transfers-adapter';
import { withCatalogs } from '../../src/adapters/bankmaster/transfers-errors';
import { CoreBusinessError } from '../../src/adapters/core-errors';
import { CARD_ADVANCE_ERRORS } from '../../src/adapters/catalogs/card-advance';
import { TRANSFERS_ERRORS } from '../../src/adapters/catalogs/transfers';
import { GatewayError } from '../../src/errors/gateway-error';

const coreError = (code: string, type: string, desc: string) => new CoreBusinessError('x', 500, code, type, desc);

describe('transfers-management mappers and error translation', () => {
  it('when trn.type is spelled N, Normal, R or Reverso, then it is the table value', () => {
    expect(['N', 'Normal', 'R', 'Reverso'].map(depositType)).toEqual(['N', 'N', 'R', 'R']);
    const req = { body: { trn: { type: 'Reverso' } } };
    normalizeDepositType(req);
    expect(req.body.trn.type).toBe('R');
  });

  it('when a deposit key is built, then it is the kind, service point and audit number', () => {
    expect(depositKey({ trn: { type: 'Normal', code: '123', trnRqUID: '000001' } })).toBe('N:123:000001');
    expect(depositKey({ trn: { type: 'R', code: '123' } })).toBeUndefined();
  });

  it('when a deposit is mapped, then headers and body fields land where the port expects them', () => {
    const d = toCashDeposit(
      { trn: { type: 'N', code: '9', trnRqUID: '000002', depAcctIdTo: { acctId: '1' }, depAcctIdFrom: { acctId: '2' }, curAmt: { amt: 5 }, transactionHour: '10:00:00', branchName: 'B', cityId: '25386', city: 'C', stateProv: '25' } },
      { txId: 'T', processId: 'P' },
    );
    expect(d).toMatchObject({ type: 'N', servicePoint: '9', auditNumber: '000002', acctId: '1', correspondentAcctId: '2', amount: 5, txId: 'T', processId: 'P' });
  });

  it('when an OWN transfer without a fee is mapped, then no fee is sent (the core charges its own)', () => {
    const t = toAccountTransfer({ refId: 'R', xFerRec: { categCode: 'OWN' }, xFerInfo: { depAcctIdFrom: { acctId: '1' }, depAcctIdTo: { acctId: '2' }, amt: 3 } });
    expect(t.fee).toBeUndefined();
    expect(t.kind).toBe('OWN');
  });

  it('when an origDt has a time, then Bankmaster gets yyyymmdd', () => {
    expect(valueDate('2015-07-04T21:00:00')).toBe('20150704');
    expect(valueDate(undefined)).toBeUndefined();
  });

  it('when paging parameters are absent or empty, then the documented defaults apply', () => {
    expect([intParam(undefined, 10), intParam('', 1), intParam('3', 10)]).toEqual([10, 1, 3]);
  });

  it('when T13 results are mapped, then a good item has empty details and a bad one its own', () => {
    const items = fromTrustResults([
      { fromPhone: '1', toPhone: '2', startDt: '2024-01-01' },
      { fromPhone: '1', toPhone: '3', error: { errorCode: '00004', errorType: 'RGN', errorDesc: 'No existe Relación de confianza.' } },
    ]);
    expect(items[0]).toEqual({ depAcctIdFrom: { cellPhone: '1' }, depAcctIdTo: { cellPhone: '2' }, startDt: '2024-01-01', responseType: { value: 'OK' }, responseDetail: { errorCode: '', errorDesc: '', errorType: '' } });
    expect(items[1].responseType).toEqual({ value: 'ER' });
    expect(items[1]).not.toHaveProperty('startDt');
  });

  it('when the Transfiya channel (007 / 06) asks a fee with another code, then 400; any other channel may', () => {
    expect(() => checkFeeChannel('88018', '007', '06')).toThrow(/must be 77134/);
    expect(() => checkFeeChannel('77134', '007', '06')).not.toThrow();
    expect(() => checkFeeChannel('88018', '007', undefined)).not.toThrow();
    expect(() => checkFeeChannel('88018', '012', '06')).not.toThrow();
  });

  it('when the pockets core answers a row described "m", then the status is the table\'s and the text the core\'s', () => {
    const e = translatePocketError(coreError('12', 'MDB', 'ERROR EN BASE DE DATOS'));
    expect(e).toMatchObject({ status: 500, errorCode: '12', errorType: 'MDB', errorDesc: 'ERROR EN BASE DE DATOS' });
    expect(translatePocketError(coreError('00001', 'INP', 'x'))).toMatchObject({ status: 400, errorDesc: 'La longitud del mensaje de entrada no es correcta' });
    expect(translatePocketError(coreError('W2', 'TRX', 'FONDOS INSUFICIENTES PARA RETIRO'))).toMatchObject({ status: 400, errorCode: 'W2' });
  });

  it('when an advance fails with a Bankmaster deal code, then the transfers table translates it; unknown codes are 500 with the core text', async () => {
    const fail = (e: Error) => () => Promise.reject(e);
    await expect(withCatalogs([CARD_ADVANCE_ERRORS, TRANSFERS_ERRORS], fail(coreError('PM', 'TRX', 'REFERENCIA DEAL YA EXISTE. REINTENTE')))).rejects.toMatchObject({ status: 400, errorCode: 'PM' });
    await expect(withCatalogs([CARD_ADVANCE_ERRORS, TRANSFERS_ERRORS], fail(coreError('00051', 'OPC', 'x')))).rejects.toMatchObject({ status: 400, errorDesc: 'Fondos Insuficientes' });
    await expect(withCatalogs([CARD_ADVANCE_ERRORS, TRANSFERS_ERRORS], fail(coreError('777', 'ZZZ', 'RARO')))).rejects.toMatchObject({ status: 500, errorCode: '777', errorDesc: 'RARO' });
    const other = new GatewayError({ status: 503, errorCode: 'GW-503-01', errorType: 'OPENCARD', errorDesc: 'down' });
    await expect(withCatalogs([CARD_ADVANCE_ERRORS], fail(other))).rejects.toBe(other);
  });
});
