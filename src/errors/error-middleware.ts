import type { ErrorRequestHandler } from 'express';
import { GatewayError, isGatewayError } from './gateway-error';
import { describeValidationErrors } from './validation-messages';
import type { Logger } from '../observability/logger';
import { contextOf } from '../gateway/request-context';

export type { ErrorDecorator } from '../gateway/api';

interface HttpLikeError {
  status?: number;
  statusCode?: number;
  type?: string;
  errors?: Array<{ path?: string; message?: string; errorCode?: string }>;
  headers?: Record<string, string>;
  message?: string;
}

/** The request path as sent (no query), cut to a length an error description can carry. */
const pathOf = (url: string | undefined) => {
  const path = (url ?? '').split('?')[0];
  return path.length > 200 ? `${path.slice(0, 200)}...` : path;
};

/** A malformed percent-escape in the path: Express's router and ours throw URIError (status 400). */
export const malformedPath = (url: string | undefined) =>
  GatewayError.of('BAD_REQUEST', `Malformed percent-encoding in the request path ${pathOf(url)}: every % must start a valid UTF-8 escape (%XX)`);

/** Converts anything thrown into a GatewayError without leaking internal text. */
export function toGatewayError(err: unknown, url?: string): GatewayError {
  if (isGatewayError(err)) return err;
  if (err instanceof URIError) return malformedPath(url);
  const e = (err ?? {}) as HttpLikeError;
  const status = e.status ?? e.statusCode;
  // body-parser
  switch (e.type) {
    case 'entity.parse.failed':
      return GatewayError.of('MALFORMED_JSON', 'The request body is not valid JSON', { detail: e.message });
    case 'entity.too.large':
      return GatewayError.of('PAYLOAD_TOO_LARGE');
    case 'encoding.unsupported':
    case 'charset.unsupported':
      return GatewayError.of('UNSUPPORTED_MEDIA_TYPE', 'Unsupported content encoding or charset');
    case 'request.aborted':
      return GatewayError.of('BAD_REQUEST', 'The request was aborted by the client');
  }
  // express-openapi-validator
  if (status && Array.isArray(e.errors)) {
    switch (status) {
      case 400:
        return GatewayError.of('BAD_REQUEST', describeValidationErrors(e.errors), { detail: e.errors });
      case 404:
        return GatewayError.of('NOT_FOUND', 'Resource not found: check the path against the API contract');
      case 405: {
        const allow = e.headers?.Allow ?? e.headers?.allow;
        return GatewayError.of('METHOD_NOT_ALLOWED', allow ? `Method not allowed; this resource accepts ${allow}` : undefined, {
          headers: allow ? { Allow: allow } : {},
        });
      }
      case 406:
        return GatewayError.of('NOT_ACCEPTABLE');
      case 413:
        return GatewayError.of('PAYLOAD_TOO_LARGE');
      case 415:
        return GatewayError.of('UNSUPPORTED_MEDIA_TYPE');
    }
  }
  if (status === 413) return GatewayError.of('PAYLOAD_TOO_LARGE');
  return GatewayError.of('INTERNAL', undefined, { detail: err });
}

/** The one place that writes error responses. */
export function errorMiddleware(logger: Logger): ErrorRequestHandler {
  return (err, req, res, _next) => {
    const gw = toGatewayError(err, req.originalUrl);
    const ctx = contextOf(req);
    ctx.error = gw;
    if (gw.status >= 500) {
      const detail = gw.detail instanceof Error ? { message: gw.detail.message, stack: gw.detail.stack } : gw.detail;
      logger.error('request failed', { correlationId: ctx.correlationId, errorCode: gw.errorCode, detail });
    }
    if (res.headersSent) return;
    const body = { ...(ctx.errorDecorator?.(gw, req) ?? {}), ...gw.envelope() };
    res.status(gw.status).set(gw.headers).json(body);
  };
}
