import { ErrorCatalog } from '../error-catalog';

/** 002 credit-card / revolving-credit cash advance (CCR, OpenCard). Data, row for row; test/contract/error-catalogs.test.ts walks the document against it. */
export const CARD_ADVANCE_ERRORS = new ErrorCatalog('card-advance', [
  { status: 400, errorCode: "00001", errorType: "INP", errorDesc: "Plazo Avance es obligatorio" },
  { status: 500, errorCode: "00003", errorType: "TPE", errorDesc: "Error al invocar Componente" },
  { status: 400, errorCode: "00007", errorType: "INP", errorDesc: "Error en campos de entrada" },
  { status: 500, errorCode: "00031", errorType: "TXS", errorDesc: "Error en Autorización de Avance/Uso" },
  { status: 400, errorCode: "00040", errorType: "TXS", errorDesc: "Transacción Rechazada por Supervisor" },
  { status: 500, errorCode: "00041", errorType: "TXS", errorDesc: "Error retornado en el DEAL" },
  { status: 400, errorCode: "00012", errorType: "OPC", errorDesc: "Transacción No Autorizada" },
  { status: 500, errorCode: "00013", errorType: "OPC", errorDesc: "El Monto es Inferior al mínimo permitido" },
  { status: 404, errorCode: "00014", errorType: "OPC", errorDesc: "Tarjeta de Crédito o Crédito Rotativo No Existe" },
  { status: 400, errorCode: "00051", errorType: "OPC", errorDesc: "Fondos Insuficientes" },
  { status: 400, errorCode: "00052", errorType: "OPC", errorDesc: "El número de Cuenta No Existe" },
  { status: 400, errorCode: "00054", errorType: "OPC", errorDesc: "Tarjeta de Crédito o Crédito Rotativo se encuentra vencido" },
  { status: 400, errorCode: "00061", errorType: "OPC", errorDesc: "El valor solicitado No es Permitido" },
  { status: 400, errorCode: "00062", errorType: "OPC", errorDesc: "Tarjeta de Crédito o Crédito Rotativo se encuentra bloqueado" },
  { status: 400, errorCode: "00065", errorType: "OPC", errorDesc: "Límite de Usos Excedido (Crédito Rotativo)" },
  { status: 400, errorCode: "00097", errorType: "OPC", errorDesc: "La identificación no corresponde a la del producto" },
  { status: 500, errorCode: "00099", errorType: "TXS", errorDesc: "Error Desconocido" },
  { status: 404, errorCode: "SQLCODE", errorType: "VAL", errorDesc: "CUENTA NO EXISTE" },
  { status: 500, errorCode: "SQLCODE", errorType: "SQL", errorDesc: "ERROR CONSULTANDO CUENTA" },
  { status: 400, errorCode: "11123", errorType: "VAL", errorDesc: "CUENTA MAESTRA" },
  { status: 400, errorCode: "14252", errorType: "TPS", errorDesc: "VERIFIQUE STATUS BMVALCT2" },
]);
