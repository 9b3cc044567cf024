import type { IdempotencyRule, ReferenceRule } from '../../src/gateway/api';
import { GatewayError } from '../../src/errors/gateway-error';
import { isOutcomeUnknown } from '../../src/adapters/core-errors';

/**
 * IdFacilito is the transaction's identity end to end: the gateway's idempotency key for deposits,
 * installment payments and withdrawals (one key space: an IdFacilito names one transaction of any
 * kind), and the reference Bankmaster deduplicates by, which is what keeps a retry after a gateway
 * restart or after an unknown outcome from moving money twice.
 */
export const transactionIdempotency: IdempotencyRule = {
  naturalKey: (req) => (req.body?.IdFacilito === undefined ? undefined : String(req.body.IdFacilito)),
  scope: 'facilito-transactions',
  keyName: 'IdFacilito',
};

/**
 * F7 reverses the transaction its IdFacilito names: it must be one of the calling client's
 * (src/policies/transaction-ownership), in the same key space as the originals.
 */
export const reversedTransaction: ReferenceRule = {
  scope: transactionIdempotency.scope!,
  reference: (req) => (req.body?.IdFacilito === undefined ? undefined : String(req.body.IdFacilito)),
  keyName: 'IdFacilito',
};

/** Bankmaster's reference for a Facilito transaction. */
export const facilitoReference = (idFacilito: number): string => `FAC-${idFacilito}`;

/** IdAutorizacion is Numeric in Facilito's tables: Bankmaster's authorization number as a JSON integer. */
export function idAutorizacion(authorizationId: string): number {
  const n = Number(authorizationId);
  if (!/^[0-9]{1,15}$/.test(authorizationId) || !Number.isSafeInteger(n)) {
    throw GatewayError.of('BACKEND_BAD_RESPONSE', 'BANKMASTER returned an authorization number that is not numeric', {
      errorType: 'BANKMASTER',
      detail: { authorizationId },
    });
  }
  return n;
}

/** Bankmaster's terse descriptions of the IdFacilito outcomes, said in full to the Facilito point. */
const REWORDED: Record<string, (id: number) => string> = {
  'RV01/TRX': (id) =>
    `NO EXISTE TRANSACCION PARA REVERSAR: no transaction with IdFacilito ${id} was applied, so nothing was reversed. ` +
    `IdFacilito ${id} is now void: a late or repeated original with it will be refused (Resultado 17)`,
  'RV02/TRX': (id) =>
    `TRANSACCION ANULADA POR REVERSO: IdFacilito ${id} was voided by a reversal before it was applied; no money moved. ` +
    'Use a new IdFacilito for a new transaction',
};

/**
 * Runs a money-moving core call for one IdFacilito and words its two Facilito-specific outcomes:
 * an unknown outcome (504, Resultado 20) says how to settle it, and Bankmaster's "reference already
 * exists with other content" is the same refusal as the gateway's own (422, Resultado 18).
 */
export async function settle<T>(
  idFacilito: number,
  call: () => Promise<T>,
  howToSettle = 'Repeat the same request with the same IdFacilito to learn the result (money moves at most once), or reverse it',
): Promise<T> {
  try {
    return await call();
  } catch (e) {
    if (isOutcomeUnknown(e)) {
      throw new GatewayError({
        status: 504,
        errorCode: e.errorCode,
        errorType: e.errorType,
        errorDesc:
          `Outcome unknown for IdFacilito ${idFacilito}: Bankmaster did not confirm it in time and it may or may not have been applied. ${howToSettle}`,
        detail: e.detail,
      });
    }
    const reworded = e instanceof GatewayError ? REWORDED[`${e.errorCode}/${e.errorType}`] : undefined;
    if (reworded) {
      const err = e as GatewayError;
      throw new GatewayError({ status: err.status, errorCode: err.errorCode, errorType: err.errorType, errorDesc: reworded(idFacilito), detail: err.detail });
    }
    if (e instanceof GatewayError && e.errorCode === 'PM' && e.errorType === 'TRX') {
      throw GatewayError.of(
        'IDEMPOTENCY_KEY_REUSED',
        `IdFacilito ${idFacilito} was already used for a different transaction; use a new IdFacilito for a new transaction`,
        { detail: { core: 'PM/TRX' } },
      );
    }
    throw e;
  }
}
