import { MemoryStore, type Store } from 'express-rate-limit';
import type { Request, RequestHandler } from 'express';
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

/** express-rate-limit's request info (req.rateLimit); `current` is its non-enumerable alias of used. */
export class RateLimitInfo {
  constructor(
    readonly limit: number,
    readonly used: number,
    readonly remaining: number,
    readonly resetTime: Date | undefined,
    readonly key: string,
  ) {}

  get current(): number {
    return this.used;
  }
}

/**
 * One limiter for the whole gateway: a client's budget is shared by the three APIs. A fixed window
 * per client in an express-rate-limit Store, answered with the IETF draft-6 RateLimit-* headers and
 * Retry-After, as express-rate-limit 8 does with our options (standardHeaders draft-6, no legacy
 * headers, key and limit from the authenticated client). Written out because that middleware costs
 * six awaits, debug formatting and a client-IP computation per request for options we do not use.
 */
export function createRateLimiter(config: GatewayConfig): RequestHandler {
  const tiers = config.policies.rateLimit.tiers as Record<string, number>;
  const lowest = Math.min(...Object.values(tiers));
  const windowMs = config.policies.rateLimit.windowMs;
  const windowSeconds = Math.ceil(windowMs / 1000);
  const store = createRateLimitStore(config.policies.rateLimit.store);
  store.init?.({ windowMs } as never);
  const resetSeconds = (resetTime: Date | undefined) =>
    resetTime ? Math.max(0, Math.ceil((resetTime.getTime() - Date.now()) / 1000)) : windowSeconds;

  return async (req, res, next) => {
    const client = res.locals.client as { clientId?: string; tier?: string } | undefined;
    const key = `client:${client?.clientId ?? 'anonymous'}`;
    const { totalHits, resetTime } = await store.increment(key);
    const limit = tiers[client?.tier as string] ?? lowest;
    const info = new RateLimitInfo(limit, totalHits, Math.max(limit - totalHits, 0), resetTime, key);
    (req as Request & { rateLimit?: RateLimitInfo }).rateLimit = info;
    if (!res.headersSent) {
      res.setHeader('RateLimit-Policy', `${limit};w=${windowSeconds}`);
      res.setHeader('RateLimit-Limit', limit.toString());
      res.setHeader('RateLimit-Remaining', info.remaining.toString());
      res.setHeader('RateLimit-Reset', resetSeconds(resetTime).toString());
    }
    if (totalHits > limit) {
      if (!res.headersSent) res.setHeader('Retry-After', resetSeconds(resetTime).toString());
      throw GatewayError.of('RATE_LIMITED', 'Too many requests for this client in the current window; retry after the seconds in Retry-After');
    }
    next();
  };
}

export const rateLimiting: PolicyDefinition = {
  name: 'rate-limiting',
  description: 'Limits requests per client by SLA tier; answers 429 with RateLimit-* and Retry-After headers.',
  create({ services }) {
    return services.rateLimiter;
  },
};
