import type { CoreConfig } from './config/schema';
import { createLogger, type Logger } from './observability/logger';
import { GatewayMetrics } from './observability/metrics';
import { ClientRegistry, loadClientRegistry } from './auth/client-registry';
import { TokenService } from './auth/token-service';
import { createCoreClients, type CoreClients } from './adapters/registry';
import { RedisConnection } from './stores/redis-connection';

/**
 * What one gateway creates once and every part shares: the log, the metrics, the client registry,
 * the token service, the core clients and the shared store's connection. A policy's own state (its stores) is the policy's
 * (PolicyDefinition.init), not here.
 */
export interface GatewayServices {
  logger: Logger;
  metrics: GatewayMetrics;
  clients: ClientRegistry;
  tokens: TokenService;
  cores: CoreClients;
  /** The shared store's connection: opened only by a store set to redis, closed last at shutdown. */
  redis: RedisConnection;
}

export interface ServiceOverrides {
  logger?: Logger;
  /** Tests capture log lines through a stream. */
  logStream?: NodeJS.WritableStream;
  clients?: ClientRegistry;
  defaultMetrics?: boolean;
}

export async function createServices(config: CoreConfig, o: ServiceOverrides = {}): Promise<GatewayServices> {
  const logger = o.logger ?? createLogger({ level: config.log.level, file: config.log.file || undefined, stream: o.logStream });
  const metrics = new GatewayMetrics({ defaultMetrics: o.defaultMetrics });
  const clients =
    o.clients ??
    loadClientRegistry({
      env: config.env,
      file: config.clients.file,
      sandboxClientId: config.clients.sandboxClientId,
      sandboxClientSecret: config.clients.sandboxClientSecret,
      pepper: config.clients.secretPepper,
      failedAuth: config.clients.failedAuth,
      cacheSize: config.clients.verifiedCacheSize,
    });
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
  const redis = new RedisConnection(config.redis, logger, metrics);
  return { logger, metrics, clients, tokens, cores: createCoreClients(config, logger, metrics), redis };
}
