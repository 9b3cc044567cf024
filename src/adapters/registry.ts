import { BACKENDS, DISPLAY_NAMES, type BackendName } from '../gateway/backends';
import type { CoreConfig } from '../config/schema';
import type { Logger } from '../observability/logger';
import type { GatewayMetrics } from '../observability/metrics';
import { CoreClient } from './core/core-client';

export type CoreClients = Readonly<Record<BackendName, CoreClient>>;

/** One client and one breaker per back end (src/gateway/backends.ts lists them), created once per gateway. */
export function createCoreClients(config: CoreConfig, logger: Logger, metrics: GatewayMetrics): CoreClients {
  const forwardFaults = config.sandbox.faultInjection && (config.env === 'sandbox' || config.env === 'test');
  const clients = {} as Record<BackendName, CoreClient>;
  for (const name of BACKENDS) {
    const b = config.backends[name];
    if (!b.baseUrl) throw new Error(`backends.${name}.baseUrl is not set`);
    clients[name] = new CoreClient(
      {
        name,
        displayName: DISPLAY_NAMES[name],
        baseUrl: b.baseUrl,
        timeoutMs: b.timeoutMs,
        maxSockets: b.maxSockets,
        breaker: b.breaker,
        forwardFaults,
      },
      logger,
      metrics,
    );
  }
  return clients;
}
