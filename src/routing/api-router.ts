import express, { type Request, type RequestHandler, type Response } from 'express';
import { match, type MatchFunction } from 'path-to-regexp';
import type { GatewayConfig } from '../config/load-config';
import type { GatewayServices } from '../services';
import type { ApiDefinition, OperationContext, RouteDefinition } from './types';
import { resolvePolicies } from '../policies/registry';
import { GatewayError } from '../errors/gateway-error';
import { compose, invoke } from './compose';

/** /v1/customers/{Cedula}/account -> /v1/customers/:Cedula/account */
export const toExpressPath = (p: string) => p.replace(/\{([^}]+)\}/g, ':$1');

interface Matcher {
  route: RouteDefinition;
  method: string;
  match: MatchFunction<Record<string, string>>;
}

export function resolveOperation(matchers: Matcher[], method: string, path: string): { route?: RouteDefinition; allow?: string[] } {
  const allow: string[] = [];
  for (const m of matchers) {
    if (m.match(path)) {
      if (m.method === method) return { route: m.route };
      allow.push(m.method);
    }
  }
  return { allow };
}

/** Express's own parameter decoding (router's decodeParam): a malformed escape is a 400. */
function decodeParam(val: string): string {
  if (typeof val !== 'string' || val.length === 0) return val;
  try {
    return decodeURIComponent(val);
  } catch (err) {
    if (err instanceof URIError) Object.assign(err, { message: `Failed to decode param '${val}'`, status: 400 });
    throw err;
  }
}

/**
 * One API: the operation resolver, the ordered policy chain (body parsed just before the first
 * policy that needs it), the route table, and the API's 404/405 answers.
 */
export function createApiRouter(api: ApiDefinition, config: GatewayConfig, services: GatewayServices): RequestHandler {
  const ports = api.createPorts(services.cores, config);
  const matchers: Matcher[] = api.routes.map((route) => ({
    route,
    method: route.method.toUpperCase(),
    match: match<Record<string, string>>(toExpressPath(route.path), { decode: decodeURIComponent }),
  }));
  const faultsEnabled = config.sandbox.faultInjection && (config.env === 'sandbox' || config.env === 'test');

  const resolve: RequestHandler = (req, res, next) => {
    res.locals.apiName = api.name;
    if (api.errorDecorator) res.locals.errorDecorator = api.errorDecorator;
    const { route } = resolveOperation(matchers, req.method, req.path);
    res.locals.operation = route;
    next();
  };

  const bodyParser = express.json({ limit: config.policies.bodyLimit, type: ['application/json', 'application/*+json'] });
  const chain: RequestHandler[] = [resolve];
  let parsed = false;
  for (const policy of resolvePolicies(config.policies.chain as string[])) {
    if (policy.needsBody && !parsed) {
      chain.push(bodyParser);
      parsed = true;
    }
    const handlers = policy.create({ config, api, services });
    chain.push(...(Array.isArray(handlers) ? handlers : [handlers]));
  }
  if (!parsed) chain.push(bodyParser);

  const handle = async (route: RouteDefinition, req: Request, res: Response) => {
    const ctx: OperationContext = {
      req,
      res,
      body: req.body,
      params: req.params as Record<string, string>,
      query: req.query as Record<string, unknown>,
      client: res.locals.client,
      correlationId: res.locals.correlationId,
      call: {
        correlationId: res.locals.correlationId,
        upstream: res.locals.upstream,
        fault: faultsEnabled ? req.get('x-sandbox-fault') : undefined,
      },
      ports,
      config,
      logger: services.logger,
    };
    const result = await route.handle(ctx);
    if (result.headers) res.set(result.headers);
    res.status(result.status).json(result.body);
  };
  // The route table as Express would match it (case-sensitive, optional trailing slash, HEAD served
  // by GET), dispatched straight after the chain instead of through one router layer per route.
  const routes = api.routes.map((route) => ({
    route,
    method: route.method,
    match: match<Record<string, string>>(toExpressPath(route.path), { sensitive: true, end: true, trailing: true, decode: decodeParam }),
    run: ((req: Request, res: Response) => handle(route, req, res)) as RequestHandler,
  }));
  const byRoute = new Map(routes.map((r) => [r.route, r]));
  const dispatch: RequestHandler = (req, res, next) => {
    // The resolver's operation is the first route of this method matching case-insensitively: when
    // it also matches case-sensitively, no earlier route can (Express would pick it too).
    const resolved = byRoute.get(res.locals.operation as RouteDefinition);
    const m0 = resolved?.match(req.path);
    if (resolved && m0) {
      req.params = m0.params;
      return invoke(resolved.run, req, res, next);
    }
    const method = req.method.toLowerCase();
    for (const r of routes) {
      // route methods never include head: Express answers HEAD with the GET route
      if (r.method !== method && !(method === 'head' && r.method === 'get')) continue;
      const m = r.match(req.path);
      if (!m) continue;
      req.params = m.params;
      return invoke(r.run, req, res, next);
    }
    next();
  };
  const notFound: RequestHandler = (req) => {
    const { allow } = resolveOperation(matchers, req.method, req.path);
    if (allow?.length) {
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
