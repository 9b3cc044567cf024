import { ErrorCatalog } from '../error-catalog';

/** 002 "Fees" error table (Bankmaster commissions). Data, row for row; test/contract/error-catalogs.test.ts walks the document against it. */
export const FEES_ERRORS = new ErrorCatalog('fees', [
  { status: 500, errorCode: "SQLCODE", errorType: "TPS", errorDesc: "Error de Inicio TP" },
  { status: 400, errorCode: "14252", errorType: "TPS", errorDesc: "VERIFIQUE STATUS COMMMGR" },
  { status: 500, errorCode: "14257", errorType: "AUT", errorDesc: "ERROR AL GENERAR SECUENCIA DE AUTORIZACION" },
  { status: 500, errorCode: "SQLCODE", errorType: "ORA", errorDesc: "FSESTSIS:ERROR LEYENDO TABLA CA1401BANK" },
  { status: 500, errorCode: "SQLCODE", errorType: "ORA", errorDesc: "CA2301CARD" },
  { status: 500, errorCode: "SQLCODE", errorType: "ORA", errorDesc: "CA0201ACCOUNT" },
  { status: 404, errorCode: "SQLCODE", errorType: "ORA", errorDesc: "NO EXISTE REGISTRO CC0105CLIENTNUM" },
  { status: 500, errorCode: "SQLCODE", errorType: "ORA", errorDesc: "CC0105CLIENTNUM" },
  { status: 404, errorCode: "SQLCODE", errorType: "ORA", errorDesc: "NO EXISTE REGISTRO CD0105CLIENT,CD0102RCLIENT" },
  { status: 500, errorCode: "SQLCODE", errorType: "ORA", errorDesc: "TABLAS CD0105CLIENT,CD0102RCLIENT" },
  { status: 500, errorCode: "SQLCODE", errorType: "ORA", errorDesc: "SELECT CD0105CLIENT" },
  { status: 404, errorCode: "05620", errorType: "RGN", errorDesc: "NO EXISTE NÚMERO DE CUENTA" },
  { status: 404, errorCode: "05621", errorType: "RGN", errorDesc: "NO EXISTE TITULAR PARA LA CTA" },
  { status: 400, errorCode: "24543", errorType: "RGN", errorDesc: "NUM. TARJETA INVALIDO" },
  { status: 400, errorCode: "35704", errorType: "ERN", errorDesc: "Número de Tarjeta no es valido" },
  { status: 404, errorCode: "35705", errorType: "ERN", errorDesc: "Número de Tarjeta no encontrado" },
  { status: 400, errorCode: "35706", errorType: "ERN", errorDesc: "La tarjeta no tiene cuenta corriente relacionada" },
  { status: 400, errorCode: "35707", errorType: "ERN", errorDesc: "La tarjeta no tiene cuenta de ahorros relacionada" },
  { status: 400, errorCode: "35708", errorType: "ERN", errorDesc: "Tipo de cuenta no es valido" },
  { status: 500, errorCode: "35709", errorType: "ERN", errorDesc: "Error Validando Cuenta" },
]);
