/**
 * The typed per-request context: what the gateway learns about a request as it passes the chain
 * (correlation id, API and operation, the authenticated client and token, upstream calls, the
 * error answered). Created by the first layer (message logging) and read by the later ones, the
 * error middleware and the log line, instead of an untyped bag on res.locals.
 */
import type { Request } from 'express';
import type { ApiDefinition, ErrorAnswer, ErrorDecorator, RouteDefinition } from './api';
import type { ClientApp, TokenClaims } from './client';
import type { UpstreamCall } from './core';

export interface RequestContext {
  readonly correlationId: string;
  /** One entry per core call, for the log line. */
  readonly upstream: UpstreamCall[];
  /** The API whose base path the request came in on. */
  api?: ApiDefinition;
  /** The operation the path and method resolved to, matched once per request. */
  route?: RouteDefinition;
  /** The route's path parameters from that one match. */
  params?: Record<string, string>;
  /** Label of a non-API endpoint (health, metrics, oauth-token) for the log line and metrics. */
  label?: string;
  client?: ClientApp;
  token?: TokenClaims;
  /** The error answered, for the log line. */
  error?: ErrorAnswer;
  errorDecorator?: ErrorDecorator;
}

const CONTEXT = Symbol('gateway.requestContext');

type WithContext = Request & { [CONTEXT]?: RequestContext };

export function attachContext(req: Request, correlationId: string): RequestContext {
  const ctx: RequestContext = { correlationId, upstream: [] };
  (req as WithContext)[CONTEXT] = ctx;
  return ctx;
}

/**
 * The request's context. A request that did not pass message logging (a unit test mounting one
 * policy alone) gets an empty one on first use, so every reader can rely on it.
 */
export function contextOf(req: Request): RequestContext {
  return (req as WithContext)[CONTEXT] ?? attachContext(req, '');
}
