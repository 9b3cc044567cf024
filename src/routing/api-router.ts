import express, { type Request, type RequestHandler, type Response } from 'express';
import { match, type MatchFunction } from 'path-to-regexp';
import type { ApiDefinition, OperationContext, RouteDefinition } from '../gateway/api';
import type { CoreCallers } from '../gateway/core';
import type { GatewayDeps, PolicyDefinition } from '../gateway/policy';
import { contextOf } from '../gateway/request-context';
import { compose, invoke } from '../gateway/compose';
import { GatewayError } from '../errors/gateway-error';
import { inSpan, tracingEnabled } from '../observability/tracing';
import { nameServerSpan, tracedHandler } from './traced';
import { malformedPath } from '../errors/error-middleware';
import { findDuplicateKey } from './json-duplicate-keys';

/** /v1/customers/{Cedula}/account -> /v1/customers/:Cedula/account */
export const toExpressPath = (p: string) => p.replace(/\{([^}]+)\}/g, ':$1');

/** A policy of the chain with its settings and its state, resolved once per gateway. */
export interface ChainEntry {
  policy: PolicyDefinition;
  settings: unknown;
  state: unknown;
}

export interface ApiRouterOptions {
  chain: ChainEntry[];
  deps: GatewayDeps;
  cores: CoreCallers;
  /** The API's own settings section (apis/<api>/schema.ts), when it has one. */
  settings: unknown;
  bodyLimit: string;
  /** Forward X-Sandbox-Fault to the cores (sandbox and test profiles only). */
  forwardFaults: boolean;
}

interface Matcher {
  route: RouteDefinition;
  method: string;
  match: MatchFunction<Record<string, string>>;
}

/** Express's own parameter decoding (router's decodeParam); a malformed escape never gets here (see resolve). */
function decodeParam(val: string): string {
  return typeof val !== 'string' || val.length === 0 ? val : decodeURIComponent(val);
}

/** Whether every percent-escape of a path decodes (a path without % needs no look). */
function wellEncoded(path: string): boolean {
  if (!path.includes('%')) return true;
  try {
    decodeURIComponent(path);
    return true;
  } catch {
    return false;
  }
}

/**
 * What JSON.parse lets pass and a core's parser may read otherwise: a repeated key (JSON.parse
 * keeps the last value) and a leading byte order mark (RFC 8259 section 8.1: a sender MUST NOT
 * add one; body-parser dropped it silently). Both are refused with 400, before the parse.
 */
function strictJson(_req: unknown, _res: unknown, buf: Buffer): void {
  if (buf.length >= 3 && buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) {
    throw GatewayError.of('MALFORMED_JSON', 'The request body starts with a byte order mark (U+FEFF): send JSON text without one (RFC 8259 section 8.1)');
  }
  const repeated = findDuplicateKey(buf.toString('utf8'));
  if (repeated !== undefined) {
    const shown = repeated.length > 120 ? `${repeated.slice(0, 120)}...` : repeated;
    throw GatewayError.of('MALFORMED_JSON', `The request body is ambiguous: field ${shown} appears twice in one object; send each field once`);
  }
}

/** The methods a path accepts, compared case-insensitively (the 405 answer's Allow header). */
export function allowedMethods(matchers: Matcher[], path: string): string[] {
  return matchers.filter((m) => m.match(path)).map((m) => m.method);
}

/**
 * One API: the operation resolver (the request's one route match), the ordered policy chain
 * (body parsed just before the first policy that needs it), the route table, and the API's
 * 404/405 answers.
 */
export function createApiRouter(api: ApiDefinition, o: ApiRouterOptions): RequestHandler {
  const ports = api.createPorts(o.cores, o.settings);
  const traced = tracingEnabled();
  const span = (name: string, h: RequestHandler) => (traced ? tracedHandler(name, h) : h);
  // The route table as Express would match it: case-sensitive, optional trailing slash,
  // parameters decoded as Express decodes them. HEAD is not served by GET: the contracts declare
  // no HEAD, and a HEAD dispatched to the GET handler skipped the operation's policies.
  const routes: Matcher[] = api.routes.map((route) => ({
    route,
    method: route.method.toUpperCase(),
    match: match<Record<string, string>>(toExpressPath(route.path), { sensitive: true, end: true, trailing: true, decode: decodeParam }),
  }));
  // Only for the 405 answer, off the hot path: the methods a path accepts in any letter case.
  const lenient: Matcher[] = api.routes.map((route) => ({
    route,
    method: route.method.toUpperCase(),
    match: match<Record<string, string>>(toExpressPath(route.path), { decode: decodeURIComponent }),
  }));

  const resolve: RequestHandler = (req, _res, next) => {
    const ctx = contextOf(req);
    ctx.api = api;
    if (api.errorDecorator) ctx.errorDecorator = api.errorDecorator;
    if (!wellEncoded(req.path)) throw malformedPath(req.originalUrl);
    for (const r of routes) {
      if (r.method !== req.method) continue;
      const m = r.match(req.path);
      if (!m) continue;
      ctx.params = m.params;
      ctx.route = r.route;
      if (traced) nameServerSpan(req.method, `${api.basePath}${r.route.path}`);
      break;
    }
    next();
  };

  const bodyParser = span('body parse', express.json({ limit: o.bodyLimit, type: ['application/json', 'application/*+json'], verify: strictJson }));
  const chain: RequestHandler[] = [resolve];
  let parsed = false;
  for (const { policy, settings, state } of o.chain) {
    if (policy.needsBody && !parsed) {
      chain.push(bodyParser);
      parsed = true;
    }
    const handlers = policy.create({ api, settings, state, deps: o.deps });
    const list = Array.isArray(handlers) ? handlers : [handlers];
    // one span per policy, however many handlers it has
    if (traced) chain.push(span(`policy ${policy.name}`, list.length === 1 ? list[0] : compose(list, (_q, _s, next) => next())));
    else chain.push(...list);
  }
  if (!parsed) chain.push(bodyParser);

  const handle = async (route: RouteDefinition, req: Request, res: Response) => {
    const rc = contextOf(req);
    const ctx: OperationContext = {
      req,
      res,
      body: req.body,
      params: rc.params ?? {},
      query: req.query as Record<string, unknown>,
      client: rc.client!,
      correlationId: rc.correlationId,
      call: {
        correlationId: rc.correlationId,
        moneyMoving: route.moneyMoving === true,
        upstream: rc.upstream,
        fault: o.forwardFaults ? req.get('x-sandbox-fault') : undefined,
      },
      ports,
    };
    const result = traced ? await inSpan(`operation ${route.operationId}`, { 'gateway.api': api.name }, () => route.handle(ctx)) : await route.handle(ctx);
    if (result.headers) res.set(result.headers);
    res.status(result.status).json(result.body);
  };
  const dispatch: RequestHandler = (req, res, next) => {
    const route = contextOf(req).route;
    if (!route) return next();
    req.params = contextOf(req).params ?? {};
    invoke(((rq: Request, rs: Response) => handle(route, rq, rs)) as RequestHandler, req, res, next);
  };
  const notFound: RequestHandler = (req) => {
    const allow = allowedMethods(lenient, req.path);
    if (allow.length && !allow.includes(req.method)) {
      throw GatewayError.of('METHOD_NOT_ALLOWED', `Method ${req.method} not allowed; this resource accepts ${allow.join(', ')}`, {
        headers: { Allow: allow.join(', ') },
      });
    }
    throw GatewayError.of('NOT_FOUND', `Resource not found: ${req.method} ${api.basePath}${req.path} is not an operation of ${api.name}`);
  };
  // One function mounted at the API's base path: a Router here only added a second router walk
  // per request around what is already a single composed layer.
  return compose([...chain, dispatch], notFound);
}
