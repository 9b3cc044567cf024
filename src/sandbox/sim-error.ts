/** An error a simulated core answers with its HTTP status and the core's {errorCode, errorType, errorDesc}. */
export class SimCoreError extends Error {
  constructor(
    readonly httpStatus: number,
    readonly errorCode: string,
    readonly errorType: string,
    readonly errorDesc: string,
    readonly extra: Record<string, unknown> = {},
  ) {
    super(`${errorCode}/${errorType} ${errorDesc}`);
  }
}

/** Shorthand for a row of a document's error table: sim(400, 'W2', 'TRX', 'FONDOS INSUFICIENTES PARA RETIRO'). */
export const sim = (httpStatus: number, errorCode: string, errorType: string, errorDesc: string) =>
  new SimCoreError(httpStatus, errorCode, errorType, errorDesc);
