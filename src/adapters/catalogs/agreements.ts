import { ErrorCatalog } from '../error-catalog';

/** 001 C1 payment-agreement (ICS) error example. Data, row for row; test/contract/error-catalogs.test.ts walks the document against it. */
export const AGREEMENTS_ERRORS = new ErrorCatalog('agreements', [
  { status: 404, errorCode: "00502", errorType: "DBA", errorDesc: "CUENTA NO EXISTE." },
]);
