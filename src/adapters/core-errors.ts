import { GatewayError } from '../errors/gateway-error';

/**
 * A business answer from a core ({errorCode, errorType, errorDesc}). Adapters translate it through
 * their error catalog; it never counts against the circuit breaker unless the core sent a 5xx.
 */
export class CoreBusinessError extends Error {
  constructor(
    readonly backend: string,
    readonly httpStatus: number,
    readonly errorCode: string,
    readonly errorType: string,
    readonly errorDesc: string,
    readonly body: Record<string, unknown> = {},
  ) {
    super(`${backend} ${errorCode}/${errorType}: ${errorDesc}`);
    this.name = 'CoreBusinessError';
  }
}

/**
 * A money-moving call whose outcome is unknown (timeout or connection lost after the request was
 * sent). Distinct from a failure: the caller must not assume either way; a retry with the same
 * reference, or a status query, settles it.
 */
export class CoreOutcomeUnknownError extends GatewayError {
  constructor(readonly backend: string, displayName: string, detail: unknown) {
    super({
      ...GatewayError.of('BACKEND_OUTCOME_UNKNOWN', undefined, { errorType: displayName }),
      detail,
    });
    this.name = 'CoreOutcomeUnknownError';
  }
}

export const isOutcomeUnknown = (e: unknown): e is CoreOutcomeUnknownError => e instanceof CoreOutcomeUnknownError;
