import fs from 'node:fs';
import type { RequestHandler } from 'express';
import * as OpenApiValidator from 'express-openapi-validator';
import type { PolicyDefinition } from '../../gateway/policy';
import type { RouteDefinition } from '../../gateway/api';
import { contextOf } from '../../gateway/request-context';
import { compose } from '../../gateway/compose';
import { GatewayError } from '../../errors/gateway-error';
import { CONTRACT_FORMATS } from './formats';
import type { ValidationSettings } from './schema';
import { gatewayView } from '../../contracts/gateway-view';

/** Reads an API's generated OpenAPI document once, as its validator reads it (gateway-view.ts). */
export function loadSpec(file: string): any {
  return gatewayView(JSON.parse(fs.readFileSync(file, 'utf8')));
}

const acceptsJson = (accept: string | undefined): boolean =>
  !accept || /(^|,)\s*(\*\/\*|application\/\*|application\/json)\s*(;|,|$)/i.test(accept);

/**
 * express-openapi-validator with the API's contract: every error reported (allErrors), no body
 * coercion or stripping, responses checked against the contract in sandbox/qa.
 */
export const contractValidation: PolicyDefinition<ValidationSettings> = {
  name: 'contract-validation',
  description: 'Validates path, query, headers and body against the API contract (OpenAPI generated from the RAML).',
  settingsKey: 'validation',
  needsBody: true,
  create({ api, settings, deps }) {
    const spec = loadSpec(api.specFile);
    const mode = settings.responses;
    const precheck: RequestHandler = (req, _res, next) => {
      if (!acceptsJson(req.get('accept'))) throw GatewayError.of('NOT_ACCEPTABLE');
      const route = contextOf(req).route;
      if (route && (route.method === 'post' || route.method === 'put' || route.method === 'patch')) {
        const length = Number(req.get('content-length') ?? (req.get('transfer-encoding') ? NaN : 0));
        if (length === 0) throw GatewayError.of('EMPTY_BODY', `The request body is required for ${route.method.toUpperCase()} ${api.basePath}${route.path}`);
      }
      route?.preValidate?.(req);
      next();
    };
    const options = (apiSpec: any): Parameters<typeof OpenApiValidator.middleware>[0] => ({
      apiSpec,
      validateApiSpec: true,
      // $refs resolved once at start-up: in the default 'bundle' mode the request validator
      // resolves each parameter's schema $ref through AJV on every request (28 header parameters
      // on T1); these contracts have no circular $ref, which 'dereference' cannot express
      $refParser: { mode: 'dereference' },
      validateRequests: { allErrors: true, coerceTypes: false, removeAdditional: false, allowUnknownQueryParameters: false },
      validateResponses:
        mode === 'off'
          ? false
          : {
              allErrors: true,
              removeAdditional: false,
              coerceTypes: false,
              onError:
                mode === 'log'
                  ? (err, body, req) =>
                      deps.logger.error('response does not match the contract', {
                        api: api.name,
                        path: req.path,
                        detail: (err as { errors?: unknown }).errors ?? err.message,
                      })
                  : undefined,
            },
      validateSecurity: false,
      validateFormats: true,
      // every operation of these contracts takes JSON: no multipart parser (multer) in the chain
      fileUploader: false,
      formats: CONTRACT_FORMATS,
      ignoreUndocumented: false,
    });
    // One validator per operation, each given a contract holding only its own path and method:
    // the library looks an operation up by compiling and trying every path of its contract on
    // each request, and the router has already resolved the operation. Unknown paths and methods
    // never get here (the API router answers them 404 / 405 with Allow).
    const perOperation = new Map<RouteDefinition, RequestHandler>();
    for (const route of api.routes) {
      const item = spec.paths?.[route.path];
      if (!item?.[route.method]) throw new Error(`${api.name}: ${route.method.toUpperCase()} ${route.path} is not in ${api.specFile}`);
      const paths = { [route.path]: { ...(item.parameters ? { parameters: item.parameters } : {}), [route.method]: item[route.method] } };
      perOperation.set(route, compose(OpenApiValidator.middleware(options({ ...spec, servers: [{ url: api.basePath }], paths })), (_req, _res, next) => next()));
    }
    const validate: RequestHandler = (req, res, next) => {
      const route = contextOf(req).route;
      const validator = route && perOperation.get(route);
      if (!validator) return next();
      validator(req, res, next);
    };
    return [precheck, validate];
  },
};
