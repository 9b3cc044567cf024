import express, { type Express, type RequestHandler } from 'express';
import cors from 'cors';
import type { GatewayConfig } from './gateway-config';
import type { ApiDefinition } from './gateway/api';
import type { GatewayDeps } from './gateway/policy';
import { createServices, type GatewayServices, type ServiceOverrides } from './services';
import { messageLogging } from './policies/message-logging/handler';
import { resolvePolicies, settingsOf } from './policies/registry';
import { loadSpec } from './policies/contract-validation/handler';
import { createOpsRouter } from './ops/ops-router';
import { createOAuthRouter } from './auth/oauth-router';
import { refuseCredentialsInUrl } from './auth/credentials-in-url';
import { createApiRouter, type ChainEntry } from './routing/api-router';
import { onlyForItsRoutes } from './routing/app-layers';
import { apiSecurityHeaders, documentSecurityHeaders } from './routing/security-headers';
import { errorMiddleware } from './errors/error-middleware';
import { GatewayError } from './errors/gateway-error';
import { registerHeaderNames, registerPatternDescriptions } from './errors/validation-messages';
import { createDocsRouter } from './docs/docs-router';
import { API_DEFINITIONS } from '../apis';
import { faviconIco } from './docs/render/favicon';

export interface GatewayApp {
  app: Express;
  config: GatewayConfig;
  services: GatewayServices;
  /** The policy chain as built: each policy with its settings and its state (stores). */
  chain: readonly ChainEntry[];
  /** Marks the gateway as draining (/ready answers 503) and releases its resources. */
  close(): Promise<void>;
  state: { draining: boolean };
}

/**
 * Something plugged in from outside the runtime by a composition root (the sandbox's admin API):
 * mounted at its path, after the APIs and before the 404.
 */
export interface AppExtension {
  path: string;
  handler: RequestHandler;
}

export interface BuildOptions extends ServiceOverrides {
  apis?: ApiDefinition[];
  extensions?: AppExtension[];
  /**
   * A policy's state by policy name, instead of what its init() builds: two gateways given the
   * same store share its records, as the instances of a fleet share a Redis store.
   */
  policyStates?: Record<string, unknown>;
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
  const deps: GatewayDeps = { logger: services.logger, metrics: services.metrics, clients: services.clients, tokens: services.tokens, redis: services.redis };
  // each policy's state once per gateway, shared by the three APIs
  const chain: ChainEntry[] = [];
  for (const policy of resolvePolicies(config.policies.chain as string[])) {
    const settings = settingsOf(policy, config.policies as Record<string, unknown>);
    const given = opts.policyStates?.[policy.name];
    chain.push({ policy, settings, state: given !== undefined ? given : await policy.init?.(settings, deps) });
  }
  const forwardFaults = config.sandbox.faultInjection && (config.env === 'sandbox' || config.env === 'test');

  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);
  app.set('trust proxy', config.server.trustProxy);
  app.set('query parser', 'simple');

  app.use(messageLogging(services.logger, services.metrics));
  app.use(refuseCredentialsInUrl());
  app.use(apiSecurityHeaders());
  if ((config.policies.cors.origins as string[]).length) {
    app.use(cors({ origin: config.policies.cors.origins as string[], maxAge: 600 }));
  }
  // The APIs first: their base paths overlap none of the routers below, and API calls are the traffic.
  for (const api of apis) {
    const router = createApiRouter(api, {
      chain,
      deps,
      cores: services.cores,
      settings: api.settingsKey ? (config as unknown as Record<string, unknown>)[api.settingsKey] : undefined,
      bodyLimit: config.policies.bodyLimit,
      forwardFaults,
    });
    app.use(api.basePath, router);
  }
  app.use(onlyForItsRoutes(createOpsRouter(config, services, state)));
  if (services.tokens.canIssue) app.use(onlyForItsRoutes(createOAuthRouter(services)));
  app.use('/docs', documentSecurityHeaders(), createDocsRouter(config, apis));
  app.get('/favicon.ico', faviconIco);
  for (const ext of opts.extensions ?? []) app.use(ext.path, ext.handler);
  app.use((req) => {
    throw GatewayError.of('NOT_FOUND', `Resource not found: ${req.method} ${req.path}`);
  });
  app.use(errorMiddleware(services.logger));

  return {
    app,
    config,
    services,
    chain,
    state,
    async close() {
      state.draining = true;
      await Promise.all(chain.map((c) => c.policy.close?.(c.state)));
      await Promise.all(Object.values(services.cores).map((c) => c.shutdown()));
      // last: the stores' final writes (answers recorded at shutdown) go out before it closes
      await services.redis.close();
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
