import { BACKENDS, type BackendName } from '../config/schema';
import type { GatewayConfig } from '../config/load-config';
import type { Logger } from '../observability/logger';
import type { GatewayMetrics } from '../observability/metrics';
import { CoreClient } from './core-client';

export type CoreClients = Readonly<Record<BackendName, CoreClient>>;

/** How each back end is named to clients (errorType of 503/504 envelopes) and in /ready. */
export const DISPLAY_NAMES: Record<BackendName, string> = {
  bankmaster: 'BANKMASTER',
  starlt: 'STARLT',
  opencard: 'OPENCARD',
  transfiya: 'TRANSFIYA',
  decisionEngine: 'DECISION_ENGINE',
  agreements: 'AGREEMENTS',
  investmentFunds: 'INVESTMENT_FUNDS',
};

/** One client and one breaker per back end, created once per gateway. */
export function createCoreClients(config: GatewayConfig, logger: Logger, metrics: GatewayMetrics): CoreClients {
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
