import { GATEWAY_ERRORS, GatewayErrorKey } from './catalog';

export interface ErrorEnvelope {
  responseType: { value: 'ER' };
  responseDetail: { errorCode: string; errorDesc: string; errorType: string };
}

/**
 * The one error class: policies, handlers and adapters throw it; the error middleware answers it.
 * `errorDesc` is safe to show a client: never an exception message, stack or host name.
 */
export class GatewayError extends Error {
  readonly status: number;
  readonly errorCode: string;
  readonly errorType: string;
  readonly errorDesc: string;
  /** Extra response headers (Allow, Retry-After, WWW-Authenticate...). */
  readonly headers: Record<string, string>;
  /** Internal detail for the log only. */
  readonly detail?: unknown;
  /** API-specific fields merged into the body (Facilito's Resultado/Mensaje). */
  readonly extra?: Record<string, unknown>;

  constructor(init: {
    status: number;
    errorCode: string;
    errorType: string;
    errorDesc: string;
    headers?: Record<string, string>;
    detail?: unknown;
    extra?: Record<string, unknown>;
  }) {
    super(init.errorDesc);
    this.name = 'GatewayError';
    this.status = init.status;
    this.errorCode = init.errorCode;
    this.errorType = init.errorType;
    this.errorDesc = init.errorDesc;
    this.headers = init.headers ?? {};
    this.detail = init.detail;
    this.extra = init.extra;
  }

  /** An error from the gateway catalog, optionally with a specific description. */
  static of(
    key: GatewayErrorKey,
    errorDesc?: string,
    more: { headers?: Record<string, string>; detail?: unknown; errorType?: string; extra?: Record<string, unknown> } = {},
  ): GatewayError {
    const e = GATEWAY_ERRORS[key];
    return new GatewayError({
      status: e.status,
      errorCode: e.errorCode,
      errorType: more.errorType ?? e.errorType,
      errorDesc: errorDesc ?? e.errorDesc,
      headers: more.headers,
      detail: more.detail,
      extra: more.extra,
    });
  }

  envelope(): ErrorEnvelope & Record<string, unknown> {
    return {
      ...(this.extra ?? {}),
      responseType: { value: 'ER' },
      responseDetail: { errorCode: this.errorCode, errorDesc: this.errorDesc, errorType: this.errorType },
    };
  }
}

export const isGatewayError = (e: unknown): e is GatewayError => e instanceof GatewayError;
