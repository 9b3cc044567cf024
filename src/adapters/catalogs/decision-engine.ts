import { ErrorCatalog } from '../error-catalog';

/** 001 decision-engine codes of C3 (profile) and C4 (policies); the documents leave the HTTP status "TBD"/"OTR": 10002 (null input) is a 400, 10101 (credit bureau down) a 502, the rest 500. Data, row for row; test/contract/error-catalogs.test.ts walks the document against it. */
export const DECISION_ENGINE_ERRORS = new ErrorCatalog('decision-engine', [
  { status: 500, errorCode: "10001", errorType: "OTR", errorDesc: "Error al ejecutar el PL" },
  { status: 400, errorCode: "10002", errorType: "OTR", errorDesc: "El objeto de Entrada es nulo" },
  { status: 500, errorCode: "10007", errorType: "OTR", errorDesc: "Error al transformar" },
  { status: 502, errorCode: "10101", errorType: "OTR", errorDesc: "Error en la Consulta del Buro" },
  { status: 500, errorCode: "15001", errorType: "OTR", errorDesc: "Error en inesperado en el procesamiento del servicio" },
]);
