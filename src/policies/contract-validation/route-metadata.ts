import type { Request, RequestHandler } from 'express';
import { pathToRegexp } from 'path-to-regexp';
import * as OpenApiValidatorPkg from 'express-openapi-validator';
import type { OpenApiValidatorOpts } from 'express-openapi-validator/dist/framework/types';

/**
 * express-openapi-validator 5.6.2 with one change: its request-to-operation look-up compiles each
 * route's path with path-to-regexp on EVERY request until one matches (the bench's allocation
 * profile: 11 KB and ~3% of the CPU per call for transfers-management's 15 operations). This class
 * is the library's own OpenApiValidator with a metadata middleware that compiles each route once;
 * the middleware is otherwise the library's applyOpenApiMetadata line for line (MIT licence), so
 * req.openapi, req.params and the 404/405 errors are the same. Pinned to the version it copies:
 * check it again when the dependency is upgraded.
 */
/* eslint-disable @typescript-eslint/no-require-imports */
const { OpenApiValidator } = require('express-openapi-validator/dist/openapi.validator') as {
  OpenApiValidator: new (options: OpenApiValidatorOpts) => { installMiddleware(spec: Promise<unknown>): RequestHandler[] };
};
const { OpenApiSpecLoader } = require('express-openapi-validator/dist/framework/openapi.spec.loader');
const { httpMethods } = require('express-openapi-validator/dist/middlewares/parsers/schema.preprocessor');
/* eslint-enable @typescript-eslint/no-require-imports */

const { NotFound, MethodNotAllowed, BadRequest } = OpenApiValidatorPkg.error;

interface RouteMethods {
  basePath: string;
  [method: string]: unknown;
}
interface OpenApiContext {
  expressRouteMap: Record<string, RouteMethods>;
  openApiRouteMap: Record<string, Record<string, unknown>>;
  apiDoc: { paths: Record<string, Record<string, unknown>> };
  ignoreUndocumented: boolean;
  useRequestUrl: boolean;
  serial: number;
  routePair(route: string): { expressRoute: string; openApiRoute: string };
  shouldIgnoreRoute(path: string): boolean;
  isManagedRoute(path: string): boolean;
}
type ResponseApiDoc = { paths: Record<string, Record<string, unknown>> } | null | undefined;

function applyOpenApiMetadata(openApiContext: OpenApiContext, responseApiDoc: ResponseApiDoc): RequestHandler {
  // The routes in the library's order, each path compiled once per routing flags. The library
  // computed each route's operation schema before testing its path; only the match's is needed.
  const tables = new Map<string, Array<{ expressRoute: string; openApiRoute: string; pathKey: string; regexp: RegExp; keys: string[] }>>();
  const tableFor = (sensitive: boolean, strict: boolean) => {
    const flags = `${sensitive ? 1 : 0}${strict ? 1 : 0}`;
    let t = tables.get(flags);
    if (!t) {
      t = Object.entries(openApiContext.expressRouteMap).map(([expressRoute, methods]) => {
        const { openApiRoute } = openApiContext.routePair(expressRoute);
        const { regexp, keys } = pathToRegexp(expressRoute, { sensitive, strict } as never);
        return { expressRoute, openApiRoute, pathKey: openApiRoute.substring(methods.basePath.length), regexp, keys: keys.map((k) => k.name) };
      });
      tables.set(flags, t);
    }
    return t;
  };

  function lookupRoute(req: Request, useRequestUrl: boolean) {
    const path = useRequestUrl ? req.url.split('?')[0] : req.originalUrl.split('?')[0];
    const method = req.method.toLowerCase();
    for (const { expressRoute, openApiRoute, pathKey, regexp, keys: paramKeys } of tableFor(!!req.app.enabled('case sensitive routing'), !!req.app.enabled('strict routing'))) {
      const matchedRoute = regexp.exec(path);
      if (matchedRoute) {
        const schema = openApiContext.apiDoc.paths[pathKey][method];
        const _schema = responseApiDoc?.paths[pathKey][method];
        try {
          const paramsVals = matchedRoute.slice(1).map(decodeURIComponent);
          const pathParams = paramKeys.reduce<Record<string, string>>((acc, key, idx) => ((acc[key] = paramsVals[idx]), acc), {});
          return { schema, expressRoute, openApiRoute, pathParams, serial: -1, _responseSchema: _schema };
        } catch {
          throw new BadRequest({ path: req.path, message: `malformed uri'` } as never);
        }
      }
    }
    return null;
  }

  return (req, _res, next) => {
    const path = req.path.startsWith(req.baseUrl) ? req.path : `${req.baseUrl}/${req.path}`;
    if (openApiContext.shouldIgnoreRoute(path)) return next();
    const matched = lookupRoute(req, openApiContext.useRequestUrl);
    if (matched) {
      const { expressRoute, openApiRoute, pathParams, schema } = matched;
      if (!schema) {
        if (openApiContext.ignoreUndocumented) return next();
        throw new MethodNotAllowed({
          path: req.path,
          message: `${req.method} method not allowed`,
          headers: {
            Allow: Object.keys(openApiContext.openApiRouteMap[openApiRoute])
              .filter((key) => httpMethods.has(key.toLowerCase()))
              .join(', '),
          },
        } as never);
      }
      const openapi: Record<string, unknown> = { expressRoute, openApiRoute, pathParams, schema, serial: openApiContext.serial };
      (req as unknown as { openapi: unknown }).openapi = openapi;
      req.params = pathParams;
      if (responseApiDoc) openapi._responseSchema = matched._responseSchema;
    } else if (openApiContext.isManagedRoute(path) && !openApiContext.ignoreUndocumented) {
      throw new NotFound({ path: req.path, message: 'not found' } as never);
    }
    next();
  };
}

class CachedRouteValidator extends OpenApiValidator {
  metadataMiddleware(context: OpenApiContext, responseApiDoc: ResponseApiDoc): RequestHandler {
    return applyOpenApiMetadata(context, responseApiDoc);
  }
}

/** Same as OpenApiValidator.middleware(options) (the library's index.js), with the cached look-up. */
export function contractMiddleware(options: OpenApiValidatorOpts): RequestHandler[] {
  const oav = new CachedRouteValidator(options);
  return oav.installMiddleware(
    new OpenApiSpecLoader({ apiDoc: structuredClone(options.apiSpec), validateApiSpec: options.validateApiSpec, $refParser: options.$refParser }).load(),
  );
}
