import { ErrorCatalog } from '../error-catalog';

/** 002 pockets transfers error table ("*" matches any code of that type). Data, row for row; test/contract/error-catalogs.test.ts walks the document against it. */
export const POCKETS_ERRORS = new ErrorCatalog('pockets', [
  { status: 400, errorCode: "00001", errorType: "INP", errorDesc: "La longitud del mensaje de entrada no es correcta" },
  { status: 500, errorCode: "*", errorType: "SQL", errorDesc: "m" },
  { status: 500, errorCode: "*", errorType: "MDB", errorDesc: "m" },
  { status: 500, errorCode: "00011", errorType: "EXP", errorDesc: "m" },
  { status: 500, errorCode: "30024", errorType: "PRA", errorDesc: "m" },
]);
