import express, { type Express } from 'express';
import cors from 'cors';
import type { GatewayConfig } from './config/load-config';
import { createServices, type GatewayServices, type ServiceOverrides } from './services';
import { messageLogging } from './policies/message-logging/handler';
import { createOpsRouter } from './ops/ops-router';
import { createOAuthRouter } from './auth/oauth-router';
import { createApiRouter } from './routing/api-router';
import { errorMiddleware } from './errors/error-middleware';
import { GatewayError } from './errors/gateway-error';
import { registerHeaderNames, registerPatternDescriptions } from './errors/validation-messages';
import { API_DEFINITIONS } from '../apis';
import type { ApiDefinition } from './routing/types';
import { loadSpec } from './policies/contract-validation/handler';
import { createSandboxAdminRouter } from './sandbox/admin-router';
import { createDocsRouter } from './docs/docs-router';
import { faviconIco } from './docs/render/favicon';
import type { SandboxHandle } from './sandbox/server';
import { onlyForItsRoutes } from './routing/app-layers';
import { apiSecurityHeaders, documentSecurityHeaders } from './routing/security-headers';

export interface GatewayApp {
  app: Express;
  config: GatewayConfig;
  services: GatewayServices;
  /** Marks the gateway as draining (/ready answers 503) and releases its resources. */
  close(): Promise<void>;
  state: { draining: boolean };
}

export interface BuildOptions extends ServiceOverrides {
  apis?: ApiDefinition[];
  /** The simulated cores, when this gateway runs the sandbox (enables /sandbox admin routes). */
  sandbox?: SandboxHandle;
}

/** Builds the gateway: operational endpoints, OAuth, the three APIs behind their policy chain. No listen(). */
export async function buildApp(config: GatewayConfig, opts: BuildOptions = {}): Promise<GatewayApp> {
  const services = await createServices(config, opts);
  const apis = opts.apis ?? API_DEFINITIONS;
  const state = { draining: false };
  for (const api of apis) {
    const spec = loadSpec(api.specFile);
    registerHeaderNames(headerNamesOf(spec));
    registerPatternDescriptions(spec.components?.schemas ?? {});
  }

  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);
  app.set('trust proxy', config.server.trustProxy);
  app.set('query parser', 'simple');

  app.use(messageLogging(services.logger, services.metrics));
  app.use(apiSecurityHeaders());
  if ((config.policies.cors.origins as string[]).length) {
    app.use(cors({ origin: config.policies.cors.origins as string[], maxAge: 600 }));
  }
  // The APIs first: their base paths overlap none of the routers below, and API calls are the traffic.
  for (const api of apis) app.use(api.basePath, createApiRouter(api, config, services));
  app.use(onlyForItsRoutes(createOpsRouter(config, services, state)));
  if (services.tokens.canIssue) app.use(onlyForItsRoutes(createOAuthRouter(services)));
  app.use('/docs', documentSecurityHeaders(), createDocsRouter(config, apis));
  app.get('/favicon.ico', faviconIco);
  if (opts.sandbox && (config.env === 'sandbox' || config.env === 'test') && config.sandbox.faultInjection) {
    app.use('/sandbox', createSandboxAdminRouter(opts.sandbox));
  }
  app.use((req) => {
    throw GatewayError.of('NOT_FOUND', `Resource not found: ${req.method} ${req.path}`);
  });
  app.use(errorMiddleware(services.logger));

  return {
    app,
    config,
    services,
    state,
    async close() {
      state.draining = true;
      await Promise.all(Object.values(services.cores).map((c) => c.shutdown()));
    },
  };
}

function headerNamesOf(spec: { paths?: Record<string, Record<string, { parameters?: Array<{ in: string; name: string }> }>> }): string[] {
  const names: string[] = [];
  for (const item of Object.values(spec.paths ?? {})) {
    for (const op of Object.values(item)) {
      for (const p of op?.parameters ?? []) if (p.in === 'header') names.push(p.name);
    }
  }
  return names;
}
