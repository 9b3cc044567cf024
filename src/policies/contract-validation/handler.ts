import fs from 'node:fs';
import type { RequestHandler } from 'express';
import type { PolicyDefinition } from '../types';
import { GatewayError } from '../../errors/gateway-error';
import { CONTRACT_FORMATS } from './formats';
import type { RouteDefinition } from '../../routing/types';
import { contractMiddleware } from './route-metadata';

/** Reads an API's generated OpenAPI document once; the gateway serves the same file to partners. */
export function loadSpec(file: string): any {
  return JSON.parse(fs.readFileSync(file, 'utf8'));
}

const acceptsJson = (accept: string | undefined): boolean =>
  !accept || /(^|,)\s*(\*\/\*|application\/\*|application\/json)\s*(;|,|$)/i.test(accept);

/**
 * express-openapi-validator with the API's contract: every error reported (allErrors), no body
 * coercion or stripping, responses checked against the contract in sandbox/qa.
 */
export const contractValidation: PolicyDefinition = {
  name: 'contract-validation',
  description: 'Validates path, query, headers and body against the API contract (OpenAPI generated from the RAML).',
  needsBody: true,
  create({ api, config, services }) {
    const spec = loadSpec(api.specFile);
    const mode = config.validation.responses;
    const precheck: RequestHandler = (req, res, next) => {
      if (!acceptsJson(req.get('accept'))) throw GatewayError.of('NOT_ACCEPTABLE');
      const route = res.locals.operation as RouteDefinition | undefined;
      if (route && (route.method === 'post' || route.method === 'put' || route.method === 'patch')) {
        const length = Number(req.get('content-length') ?? (req.get('transfer-encoding') ? NaN : 0));
        if (length === 0) throw GatewayError.of('EMPTY_BODY', `The request body is required for ${route.method.toUpperCase()} ${api.basePath}${route.path}`);
      }
      route?.preValidate?.(req);
      next();
    };
    const validators = contractMiddleware({
      apiSpec: { ...spec, servers: [{ url: api.basePath }] },
      validateApiSpec: true,
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
                      services.logger.error('response does not match the contract', {
                        api: api.name,
                        path: req.path,
                        detail: (err as { errors?: unknown }).errors ?? err.message,
                      })
                  : undefined,
            },
      validateSecurity: false,
      validateFormats: true,
      formats: CONTRACT_FORMATS,
      ignoreUndocumented: false,
    });
    return [precheck, ...validators];
  },
};
