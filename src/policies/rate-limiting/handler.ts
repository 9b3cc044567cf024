import { rateLimit, MemoryStore, type Store } from 'express-rate-limit';
import type { RequestHandler } from 'express';
import type { PolicyDefinition } from '../types';
import { GatewayError } from '../../errors/gateway-error';
import type { GatewayConfig } from '../../config/load-config';

/** The store seam: memory now; a shared store (rate-limit-redis over ioredis) is one more case here. */
export function createRateLimitStore(kind: string): Store {
  switch (kind) {
    case 'memory':
      return new MemoryStore();
    default:
      throw new Error(`policies.rateLimit.store: unknown store "${kind}"`);
  }
}

/** One limiter for the whole gateway: a client's budget is shared by the three APIs. */
export function createRateLimiter(config: GatewayConfig): RequestHandler {
  const tiers = config.policies.rateLimit.tiers as Record<string, number>;
  const lowest = Math.min(...Object.values(tiers));
  return rateLimit({
    windowMs: config.policies.rateLimit.windowMs,
    limit: (_req, res) => tiers[res.locals.client?.tier as string] ?? lowest,
    keyGenerator: (_req, res) => `client:${res.locals.client?.clientId ?? 'anonymous'}`,
    standardHeaders: 'draft-6',
    legacyHeaders: false,
    store: createRateLimitStore(config.policies.rateLimit.store),
    // the key is the authenticated client, never the IP, and this configuration is fixed and
    // tested: the library's per-request self-checks (IP, proxy, double counting) are switched off
    validate: false,
    handler: (_req, _res, next) => {
      next(GatewayError.of('RATE_LIMITED', 'Too many requests for this client in the current window; retry after the seconds in Retry-After'));
    },
  });
}

export const rateLimiting: PolicyDefinition = {
  name: 'rate-limiting',
  description: 'Limits requests per client by SLA tier; answers 429 with RateLimit-* and Retry-After headers.',
  create({ services }) {
    return services.rateLimiter;
  },
};
