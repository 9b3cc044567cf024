import type { Request } from 'express';
import { GatewayError } from '../../src/errors/gateway-error';
import { CoreOutcomeUnknownError } from '../../src/adapters/core-errors';
import { CASH_ERRORS } from '../../src/adapters/bankmaster/cash-errors';
import { CoreBusinessError } from '../../src/adapters/core-errors';
import { facilitoReference, idAutorizacion, settle, transactionIdempotency } from '../../apis/facilito/transactions';

const core = (status: number, code: string, type: string, desc: string) => CASH_ERRORS.translate(new CoreBusinessError('bankmaster', status, code, type, desc));
const failing = (e: unknown) => () => Promise.reject(e);

describe('Facilito transactions', () => {
  it('when a request carries an IdFacilito, then it is the natural key in the shared Facilito key space and Bankmaster reference FAC-<id>', () => {
    expect(transactionIdempotency.naturalKey!({ body: { IdFacilito: 123456789012 } } as Request)).toBe('123456789012');
    expect(transactionIdempotency.naturalKey!({ body: {} } as Request)).toBeUndefined();
    expect(transactionIdempotency.scope).toBe('facilito-transactions');
    expect(facilitoReference(42)).toBe('FAC-42');
  });

  it('when Bankmaster returns its authorization number, then IdAutorizacion is that number; anything not numeric is a bad response', () => {
    expect(idAutorizacion('012345000017')).toBe(12345000017);
    expect(() => idAutorizacion('R12345')).toThrow(expect.objectContaining({ errorCode: 'GW-502-01' }));
    expect(() => idAutorizacion('1'.repeat(16))).toThrow(expect.objectContaining({ status: 502 }));
  });

  it('when the core call has an unknown outcome, then settle answers 504 GW-504-02 naming the IdFacilito and how to settle it', async () => {
    const err = await settle(7, failing(new CoreOutcomeUnknownError('bankmaster', 'BANKMASTER', { reason: 'timeout' }))).catch((e) => e);
    expect(err).toBeInstanceOf(GatewayError);
    expect(err).toMatchObject({ status: 504, errorCode: 'GW-504-02', errorType: 'BANKMASTER' });
    expect(err.errorDesc).toMatch(/^Outcome unknown for IdFacilito 7: .*same IdFacilito.*reverse it$/);
  });

  it('when Bankmaster refuses a reference used with other content (PM/TRX), then it is the same 422 as the gateway key reuse', async () => {
    const err = await settle(8, failing(core(400, 'PM', 'TRX', 'REFERENCIA DEAL YA EXISTE. REINTENTE'))).catch((e) => e);
    expect(err).toMatchObject({ status: 422, errorCode: 'GW-422-01' });
    expect(err.errorDesc).toContain('IdFacilito 8 was already used for a different transaction');
  });

  it('when Bankmaster says nothing to reverse or voided, then the code stays and the text explains the IdFacilito', async () => {
    const missing = await settle(9, failing(core(404, 'RV01', 'TRX', 'NO EXISTE TRANSACCION PARA REVERSAR'))).catch((e) => e);
    expect(missing).toMatchObject({ status: 404, errorCode: 'RV01', errorType: 'TRX' });
    expect(missing.errorDesc).toContain('IdFacilito 9 is now void');
    const voided = await settle(9, failing(core(422, 'RV02', 'TRX', 'TRANSACCION ANULADA POR REVERSO'))).catch((e) => e);
    expect(voided).toMatchObject({ status: 422, errorCode: 'RV02' });
    expect(voided.errorDesc).toContain('no money moved');
  });

  it('when anything else fails, then settle lets it through untouched', async () => {
    const funds = core(400, 'W2', 'TRX', 'FONDOS INSUFICIENTES PARA RETIRO');
    await expect(settle(1, failing(funds))).rejects.toBe(funds);
    await expect(settle(1, () => Promise.resolve('ok'))).resolves.toBe('ok');
  });
});
