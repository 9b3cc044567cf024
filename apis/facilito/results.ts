import type { ErrorAnswer } from '../../src/gateway/api';

/**
 * Facilito's Resultado for every answer: 0 is success, each failure its own value. Every error
 * carries Resultado and Mensaje (= errorDesc) next to the bank's envelope, for all seven
 * operations; raml/facilito/api.raml publishes this table.
 */
export const RESULTADO = {
  OK: 0,
  INVALID_REQUEST: 1,
  CUSTOMER_NOT_FOUND: 2,
  UNAUTHORIZED: 3,
  ACCOUNT_NOT_FOUND: 4,
  ACCOUNT_NOT_OPERATIVE: 5,
  INSUFFICIENT_FUNDS: 6,
  CREDIT_NOT_FOUND: 7,
  PAYMENT_OUT_OF_RANGE: 8,
  OTP_WRONG: 9,
  OTP_EXPIRED: 10,
  OTP_BURNED: 11,
  OTP_NOT_ISSUED: 12,
  OTP_USED: 13,
  OTP_OTHER_AMOUNT: 14,
  TRANSACTION_NOT_FOUND: 15,
  REVERSAL_AMOUNT_MISMATCH: 16,
  TRANSACTION_VOIDED: 17,
  ID_FACILITO_REUSED: 18,
  IN_PROGRESS: 19,
  OUTCOME_UNKNOWN: 20,
  RATE_LIMITED: 21,
  CORE_UNAVAILABLE: 96,
  CORE_FAILURE: 97,
  CORE_UNIDENTIFIED: 98,
  INTERNAL: 99,
} as const;

/** Core (Bankmaster) business codes, code/type -> Resultado. */
const CORE: Record<string, number> = {
  'SQLCODE/ORA': RESULTADO.CUSTOMER_NOT_FOUND, // NO EXISTE REGISTRO CC0105CLIENTNUM (the 404 rows only, see below)
  'NC/TRX': RESULTADO.ACCOUNT_NOT_FOUND,
  '5620/RGN': RESULTADO.ACCOUNT_NOT_FOUND,
  'ND/TRX': RESULTADO.ACCOUNT_NOT_OPERATIVE,
  'NF/TRX': RESULTADO.ACCOUNT_NOT_OPERATIVE,
  '163/VAL': RESULTADO.ACCOUNT_NOT_OPERATIVE,
  '6905/VAL': RESULTADO.ACCOUNT_NOT_OPERATIVE,
  '11101/VAL': RESULTADO.ACCOUNT_NOT_OPERATIVE,
  '11102/VAL': RESULTADO.ACCOUNT_NOT_OPERATIVE,
  'W6/TRX': RESULTADO.ACCOUNT_NOT_OPERATIVE,
  'W7/TRX': RESULTADO.ACCOUNT_NOT_OPERATIVE,
  'W8/TRX': RESULTADO.ACCOUNT_NOT_OPERATIVE,
  'W2/TRX': RESULTADO.INSUFFICIENT_FUNDS,
  'CR01/PRE': RESULTADO.CREDIT_NOT_FOUND,
  'CR02/PRE': RESULTADO.PAYMENT_OUT_OF_RANGE,
  'OT01/AUT': RESULTADO.OTP_WRONG,
  'OT02/AUT': RESULTADO.OTP_EXPIRED,
  'OT03/AUT': RESULTADO.OTP_BURNED,
  'OT04/AUT': RESULTADO.OTP_NOT_ISSUED,
  'OT05/AUT': RESULTADO.OTP_USED,
  'OT06/AUT': RESULTADO.OTP_OTHER_AMOUNT,
  'RV01/TRX': RESULTADO.TRANSACTION_NOT_FOUND,
  'P1/TRX': RESULTADO.REVERSAL_AMOUNT_MISMATCH,
  'RV02/TRX': RESULTADO.TRANSACTION_VOIDED,
};

/** The gateway's own codes. */
const GATEWAY: Record<string, number> = {
  'GW-422-01': RESULTADO.ID_FACILITO_REUSED,
  'GW-422-02': RESULTADO.TRANSACTION_VOIDED,
  'GW-404-02': RESULTADO.TRANSACTION_NOT_FOUND,
  'GW-409-01': RESULTADO.IN_PROGRESS,
  'GW-504-02': RESULTADO.OUTCOME_UNKNOWN,
  'GW-429-01': RESULTADO.RATE_LIMITED,
  'GW-429-02': RESULTADO.RATE_LIMITED,
  'GW-503-01': RESULTADO.CORE_UNAVAILABLE,
  'GW-504-01': RESULTADO.CORE_FAILURE,
  'GW-502-01': RESULTADO.CORE_FAILURE,
  'GW-500-01': RESULTADO.INTERNAL,
};

export function resultadoFor(err: ErrorAnswer): number {
  const gateway = GATEWAY[err.errorCode];
  if (gateway !== undefined) return gateway;
  // a core's 5xx row (SQLCODE/ORA has both 404 and 500 rows) or an unidentified core code
  if (err.status >= 500) return RESULTADO.CORE_UNIDENTIFIED;
  const core = CORE[`${err.errorCode}/${err.errorType}`];
  if (core !== undefined) return core;
  if (err.status === 401 || err.status === 403) return RESULTADO.UNAUTHORIZED;
  // contract violations, unknown paths and methods, media types; any other refusal of the request
  return RESULTADO.INVALID_REQUEST;
}

export const facilitoErrorDecorator = (err: ErrorAnswer) => ({ Resultado: resultadoFor(err), Mensaje: err.errorDesc });
