import { ErrorCatalog } from '../error-catalog';

/** 002 "Common errors codes (Immediate Transfers (Transfiya))". Data, row for row; test/contract/error-catalogs.test.ts walks the document against it. */
export const TRANSFIYA_ERRORS = new ErrorCatalog('transfiya', [
  { status: 404, errorCode: "20001", errorType: "RGN", errorDesc: "MATRICULA INEXISTENTE" },
  { status: 404, errorCode: "20002", errorType: "RGN", errorDesc: "TRANSACCION INEXISTENTE" },
  { status: 400, errorCode: "20101", errorType: "RGN", errorDesc: "EL CAMPO $ NO SE PERMITE NULO O VACIO" },
  { status: 404, errorCode: "00001", errorType: "RGN", errorDesc: "No existen transferencias pendientes por Recibir" },
  { status: 404, errorCode: "00002", errorType: "RGN", errorDesc: "No existen transferencias pendientes por Enviar" },
  { status: 404, errorCode: "00003", errorType: "RGN", errorDesc: "No existen transferencias recientes" },
  { status: 404, errorCode: "00004", errorType: "RGN", errorDesc: "No existe Relación de confianza." },
  { status: 400, errorCode: "00123", errorType: "RES", errorDesc: "Se excede monto permitido para esta transacción" },
  { status: 400, errorCode: "00010", errorType: "EXP", errorDesc: "Función no disponible" },
  { status: 400, errorCode: "00005", errorType: "RGN", errorDesc: "Numero de Celular YA Matriculado" },
  { status: 400, errorCode: "00101", errorType: "RGN", errorDesc: "Numero de Celular YA Matriculado" },
  { status: 400, errorCode: "11102", errorType: "VAL", errorDesc: "CUENTA CON BLOQUEO FS" },
  { status: 400, errorCode: "00163", errorType: "VAL", errorDesc: "CUENTA ES CUENTA CANCELADA" },
  { status: 400, errorCode: "11101", errorType: "VAL", errorDesc: "CUENTA ES CUENTA INACTIVA" },
  { status: 400, errorCode: "06905", errorType: "VAL", errorDesc: "CUENTA CON BLOQUEO BM" },
  { status: 400, errorCode: "11105", errorType: "VAL", errorDesc: "CUENTA DE AHORROS PROGRAMADO" },
  { status: 400, errorCode: "11109", errorType: "VAL", errorDesc: "CUENTA DE PRESTAMO O CDT" },
  { status: 400, errorCode: "01101", errorType: "RGN", errorDesc: "TRANSACCION DE RECHAZO YA PROCESADA" },
  { status: 400, errorCode: "11201", errorType: "RGN", errorDesc: "CUENTA NO POSEE FONDOS PARA ESTA OPERACIÓN." },
  { status: 400, errorCode: "01102", errorType: "RGN", errorDesc: "TRANSFERENCIA NO PUEDE SER ACEPTADA POR EL MISMO CLIENTE." },
  { status: 500, errorCode: "00304", errorType: "RGN", errorDesc: "Error en la eliminacion de la relacion de confianza." },
]);
