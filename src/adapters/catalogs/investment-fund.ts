import { ErrorCatalog } from '../error-catalog';

/** 002 investment-fund transfer (TFI). Data, row for row; test/contract/error-catalogs.test.ts walks the document against it. */
export const INVESTMENT_FUND_ERRORS = new ErrorCatalog('investment-fund', [
  { status: 500, errorCode: "16001", errorType: "TPS", errorDesc: "ERROR DE INICIO TX" },
  { status: 500, errorCode: "16002", errorType: "TUX", errorDesc: "FALLO EL COMMIT DE LA TRANSACCION" },
  { status: 400, errorCode: "16005", errorType: "VAL", errorDesc: "ESTADO INVALIDO PARA REGISTRO" },
  { status: 400, errorCode: "16007", errorType: "VAL", errorDesc: "REGISTRO YA SE ENCONTRABA EN ESTADO R" },
  { status: 404, errorCode: "1403", errorType: "ORA", errorDesc: "REGISTRO NO ENCONTRADO" },
  { status: 500, errorCode: "SQLCODE", errorType: "ORA", errorDesc: "SQLERRMC" },
  { status: 400, errorCode: "00002", errorType: "PRA", errorDesc: "Fecha de sistema no corresponde a la fecha permitida. Fecha" },
  { status: 400, errorCode: "00015", errorType: "PRA", errorDesc: "El estado actual del plan: BLOQUEADO POR CONFIR, no permite" },
  { status: 400, errorCode: "00077", errorType: "PRA", errorDesc: "Transaccion NO permitida en este horario." },
  { status: 404, errorCode: "00078", errorType: "PRA", errorDesc: "Equivalencia de Oficina no existe." },
  { status: 400, errorCode: "00102", errorType: "PRA", errorDesc: "Transaccion de canal NO permitida en este horario." },
  { status: 400, errorCode: "00191", errorType: "PRA", errorDesc: "Valor Retiro supera el Valor M¿ximo Individual definido para" },
  { status: 400, errorCode: "00296", errorType: "PRA", errorDesc: "Valor Retiro no permitido por Saldo Insuficiente." },
  { status: 400, errorCode: "00315", errorType: "PRA", errorDesc: "Valor Minimo Apertura no válido según definición del Fondo" },
  { status: 400, errorCode: "00047", errorType: "PRA", errorDesc: "Fecha ya se encuentra Actualizada Contablemente" },
]);
