import type { RequestHandler } from 'express';
import type { GatewayConfig } from './config/load-config';
import { createLogger, type Logger } from './observability/logger';
import { GatewayMetrics } from './observability/metrics';
import { ClientRegistry, loadClientRegistry } from './auth/client-registry';
import { TokenService } from './auth/token-service';
import { createRateLimiter } from './policies/rate-limiting/handler';
import { createIdempotencyStore, type IdempotencyStore } from './policies/idempotency/store';
import { createCoreClients, type CoreClients } from './adapters/registry';

/** Everything created once per gateway and shared by the policies, the routers and the adapters. */
export interface GatewayServices {
  logger: Logger;
  metrics: GatewayMetrics;
  clients: ClientRegistry;
  tokens: TokenService;
  rateLimiter: RequestHandler;
  idempotency: IdempotencyStore;
  cores: CoreClients;
}

export interface ServiceOverrides {
  logger?: Logger;
  /** Tests capture log lines through a stream. */
  logStream?: NodeJS.WritableStream;
  clients?: ClientRegistry;
  idempotency?: IdempotencyStore;
  defaultMetrics?: boolean;
}

export async function createServices(config: GatewayConfig, o: ServiceOverrides = {}): Promise<GatewayServices> {
  const logger = o.logger ?? createLogger({ level: config.log.level, file: config.log.file || undefined, stream: o.logStream });
  const metrics = new GatewayMetrics({ defaultMetrics: o.defaultMetrics });
  const clients =
    o.clients ??
    (await loadClientRegistry({
      env: config.env,
      file: config.clients.file,
      sandboxClientId: config.clients.sandboxClientId,
      sandboxClientSecret: config.clients.sandboxClientSecret,
      cacheSize: config.clients.verifiedCacheSize,
    }));
  const tokens = TokenService.create({
    issuer: config.auth.issuer,
    audience: config.auth.audience,
    algorithms: [...config.auth.algorithms],
    ttlSeconds: config.auth.tokenTtlSeconds,
    clockToleranceSeconds: config.auth.clockToleranceSeconds,
    issueTokens: config.auth.issueTokens,
    signingKeyFile: config.auth.signingKeyFile || undefined,
    publicKeyFile: config.auth.publicKeyFile || undefined,
    jwksUri: config.auth.jwksUri || undefined,
    cacheSize: config.auth.verifiedCacheSize,
  });
  return {
    logger,
    metrics,
    clients,
    tokens,
    rateLimiter: createRateLimiter(config),
    idempotency: o.idempotency ?? createIdempotencyStore(config.idempotency.store, config.idempotency.ttlSeconds, config.idempotency.maxEntries),
    cores: createCoreClients(config, logger, metrics),
  };
}
