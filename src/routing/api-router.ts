import express, { Router, type Request, type Response } from 'express';
import { match, type MatchFunction } from 'path-to-regexp';
import type { GatewayConfig } from '../config/load-config';
import type { GatewayServices } from '../services';
import type { ApiDefinition, OperationContext, RouteDefinition } from './types';
import { resolvePolicies } from '../policies/registry';
import { GatewayError } from '../errors/gateway-error';

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

/**
 * One API: the operation resolver, the ordered policy chain (body parsed just before the first
 * policy that needs it), the route table, and the API's 404/405 answers.
 */
export function createApiRouter(api: ApiDefinition, config: GatewayConfig, services: GatewayServices): Router {
  const router = Router({ caseSensitive: true });
  const ports = api.createPorts(services.cores, config);
  const matchers: Matcher[] = api.routes.map((route) => ({
    route,
    method: route.method.toUpperCase(),
    match: match<Record<string, string>>(toExpressPath(route.path), { decode: decodeURIComponent }),
  }));
  const faultsEnabled = config.sandbox.faultInjection && (config.env === 'sandbox' || config.env === 'test');

  router.use((req, res, next) => {
    res.locals.apiName = api.name;
    if (api.errorDecorator) res.locals.errorDecorator = api.errorDecorator;
    const { route } = resolveOperation(matchers, req.method, req.path);
    res.locals.operation = route;
    next();
  });

  const bodyParser = express.json({ limit: config.policies.bodyLimit, type: ['application/json', 'application/*+json'] });
  let parsed = false;
  for (const policy of resolvePolicies(config.policies.chain as string[])) {
    if (policy.needsBody && !parsed) {
      router.use(bodyParser);
      parsed = true;
    }
    const handlers = policy.create({ config, api, services });
    router.use(...(Array.isArray(handlers) ? handlers : [handlers]));
  }
  if (!parsed) router.use(bodyParser);

  for (const route of api.routes) {
    router[route.method](toExpressPath(route.path), async (req: Request, res: Response) => {
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
    });
  }

  router.use((req) => {
    const { allow } = resolveOperation(matchers, req.method, req.path);
    if (allow?.length) {
      throw GatewayError.of('METHOD_NOT_ALLOWED', `Method ${req.method} not allowed; this resource accepts ${allow.join(', ')}`, {
        headers: { Allow: allow.join(', ') },
      });
    }
    throw GatewayError.of('NOT_FOUND', `Resource not found: ${req.method} ${api.basePath}${req.path} is not an operation of ${api.name}`);
  });
  return router;
}
