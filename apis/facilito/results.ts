import type { GatewayError } from '../../src/errors/gateway-error';

/**
 * Facilito's Resultado for every answer: 0 is success, each failure family its own value.
 * Every Facilito error carries Resultado and Mensaje next to the bank's envelope.
 */
export const RESULTADO = {
  OK: 0,
  INVALID_REQUEST: 1,
  NOT_FOUND: 2,
  UNAUTHORIZED: 3,
  INTERNAL: 99,
} as const;

export function resultadoFor(err: GatewayError): number {
  if (err.status === 404) return RESULTADO.NOT_FOUND;
  if (err.status === 401 || err.status === 403) return RESULTADO.UNAUTHORIZED;
  if (err.status >= 400 && err.status < 500) return RESULTADO.INVALID_REQUEST;
  return RESULTADO.INTERNAL;
}

export const facilitoErrorDecorator = (err: GatewayError) => ({ Resultado: resultadoFor(err), Mensaje: err.errorDesc });
