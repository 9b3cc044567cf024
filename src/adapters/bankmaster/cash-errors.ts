import { ErrorCatalog, type CatalogRow } from '../error-catalog';
import { TRANSFERS_ERRORS } from '../catalogs/transfers';

/**
 * Codes of Bankmaster's authorizer (OTP), loans and Facilito reversals. The Facilito integration
 * note (000) has no error table, so these are the sandbox's own, documented in the Facilito RAML,
 * to be replaced by the bank's codes when it publishes them. Everything else Bankmaster answers
 * (accounts, funds, references, reversal amount) uses the rows of 002's transfers table.
 */
export const FACILITO_CASH_ROWS: readonly CatalogRow[] = [
  { status: 400, errorCode: 'OT01', errorType: 'AUT', errorDesc: 'OTP INVALIDA' },
  { status: 400, errorCode: 'OT02', errorType: 'AUT', errorDesc: 'OTP VENCIDA' },
  { status: 400, errorCode: 'OT03', errorType: 'AUT', errorDesc: 'OTP BLOQUEADA POR INTENTOS FALLIDOS' },
  { status: 400, errorCode: 'OT04', errorType: 'AUT', errorDesc: 'NO EXISTE OTP VIGENTE PARA LA CUENTA' },
  { status: 400, errorCode: 'OT05', errorType: 'AUT', errorDesc: 'OTP YA UTILIZADA' },
  { status: 400, errorCode: 'OT06', errorType: 'AUT', errorDesc: 'OTP NO CORRESPONDE AL VALOR' },
  { status: 404, errorCode: 'CR01', errorType: 'PRE', errorDesc: 'CREDITO NO EXISTE' },
  { status: 400, errorCode: 'CR02', errorType: 'PRE', errorDesc: 'VALOR FUERA DEL RANGO PERMITIDO PARA EL CREDITO' },
  { status: 404, errorCode: 'RV01', errorType: 'TRX', errorDesc: 'NO EXISTE TRANSACCION PARA REVERSAR' },
  { status: 422, errorCode: 'RV02', errorType: 'TRX', errorDesc: 'TRANSACCION ANULADA POR REVERSO' },
];

export const CASH_ERRORS = new ErrorCatalog('bankmaster-cash', [...TRANSFERS_ERRORS.rows, ...FACILITO_CASH_ROWS]);
