import { GatewayError } from '../../errors/gateway-error';
import type { CoreRequest } from '../../gateway/core';
import { CoreBusinessError, CoreOutcomeUnknownError } from '../core-errors';
import { CallTimeout } from '../transport/axios-exchange';

/** The core a failure is about, as logs (name) and clients (displayName) see it. */
export interface CoreIdentity {
  name: string;
  displayName: string;
}

// Nothing was sent: the core was never reached. Besides Node's socket codes, the transport's own:
// its connect timeout, and a request refused because its connection pool is closed or destroyed.
const CONNECT_ERRORS = new Set(['ECONNREFUSED', 'EHOSTUNREACH', 'ENOTFOUND', 'EAI_AGAIN', 'ENETUNREACH', 'UND_ERR_CONNECT_TIMEOUT', 'UND_ERR_CLOSED', 'UND_ERR_DESTROYED']);
const LOST_ERRORS = new Set(['ECONNRESET', 'EPIPE', 'ECONNABORTED', 'ERR_BAD_RESPONSE']);

/** A read whose connection failed may be tried once more; nothing that changes state ever is. */
export const isRetryableConnectionFailure = (e: unknown): boolean => {
  const code = (e as { code?: string }).code;
  return code !== undefined && (CONNECT_ERRORS.has(code) || LOST_ERRORS.has(code));
};

/**
 * What a transport failure means. For a money-moving call that may have reached the core (a
 * timeout, a lost connection) the outcome is unknown: never a plain failure. The core's host
 * never appears in what a client sees (detail goes to the log only).
 */
export function classifyTransportError(core: CoreIdentity, e: Error & { code?: string }, req: CoreRequest, moneyMoving: boolean): Error {
  const detail = { backend: core.name, operation: req.operation, code: e.code, message: e.message };
  if (e instanceof CallTimeout) {
    if (moneyMoving) return new CoreOutcomeUnknownError(core.name, core.displayName, { ...detail, reason: 'timeout' });
    return GatewayError.of('BACKEND_TIMEOUT', `${core.displayName} did not answer in time`, { errorType: core.displayName, detail });
  }
  if (e.code && CONNECT_ERRORS.has(e.code)) {
    const err = GatewayError.of('BACKEND_UNAVAILABLE', `${core.displayName} is unreachable; retry later`, { errorType: core.displayName, detail });
    return Object.assign(err, { code: e.code });
  }
  // The request may have reached the core: for a state change this is an unknown outcome.
  if (moneyMoving) return new CoreOutcomeUnknownError(core.name, core.displayName, { ...detail, reason: 'connection lost' });
  const err = GatewayError.of('BACKEND_BAD_RESPONSE', `${core.displayName} closed the connection without a valid answer`, {
    errorType: core.displayName,
    detail,
  });
  return Object.assign(err, { code: e.code ?? 'ECONNRESET' });
}

/** A core's answer: the JSON object of a 2xx, or a thrown business error, or a bad response. */
export function parseCoreAnswer(core: CoreIdentity, status: number, text: string, req: CoreRequest): unknown {
  let body: unknown;
  try {
    body = text === '' ? undefined : JSON.parse(text);
  } catch {
    body = undefined;
  }
  const isObject = body !== null && typeof body === 'object' && !Array.isArray(body);
  if (status >= 200 && status < 300) {
    if (isObject) return body;
    throw badResponse(core, req, status, 'success without a JSON object');
  }
  const b = body as Record<string, unknown>;
  if (isObject && (typeof b.errorCode === 'string' || typeof b.errorCode === 'number')) {
    throw new CoreBusinessError(core.name, status, String(b.errorCode), String(b.errorType ?? ''), String(b.errorDesc ?? ''), b);
  }
  throw badResponse(core, req, status, 'error without the core error shape');
}

function badResponse(core: CoreIdentity, req: CoreRequest, status: number, why: string): GatewayError {
  return GatewayError.of('BACKEND_BAD_RESPONSE', `${core.displayName} returned an invalid response`, {
    errorType: core.displayName,
    detail: { backend: core.name, operation: req.operation, status, why },
  });
}

/** A core's business refusal (4xx) is an answer, not a failure: it never opens the breaker. */
export const countsAsFailure = (err: unknown): boolean => !(err instanceof CoreBusinessError && err.httpStatus < 500);
