import { MemoryStore, type Options, type Store } from 'express-rate-limit';
import type { RequestHandler } from 'express';
import type { PolicyDefinition } from '../../gateway/policy';
import { contextOf } from '../../gateway/request-context';
import { GatewayError } from '../../errors/gateway-error';
import type { RateLimitSettings } from './schema';

/** The store seam: memory now; a shared store (rate-limit-redis over ioredis) is one more case here. */
export function createRateLimitStore(kind: string): Store {
  switch (kind) {
    case 'memory':
      return new MemoryStore();
    default:
      throw new Error(`policies.rateLimit.store: unknown store "${kind}"`);
  }
}

/** Seconds until the client's window resets, as express-rate-limit computes them. */
function resetSeconds(windowMs: number, resetTime: Date | undefined, now: number): number {
  return resetTime ? Math.max(0, Math.ceil((resetTime.getTime() - now) / 1000)) : Math.ceil(windowMs / 1000);
}

/**
 * One limiter for the whole gateway: a client's budget is shared by the three APIs. The counting
 * (fixed windows, reset) is express-rate-limit's store; this middleware applies it to the
 * authenticated client and answers with the IETF draft-6 headers (RateLimit-Policy, -Limit,
 * -Remaining, -Reset) and Retry-After on a 429, as express-rate-limit's own middleware does with
 * `standardHeaders: 'draft-6'`. Its middleware is not used on this path: per request it awaits five
 * promises (skip, key, increment, limit, handler) and evaluates req.ip for a debug line, for a key
 * that here is never the IP: ~14 µs of the benchmark's POST (see the README's performance section).
 */
export function createRateLimiter(settings: RateLimitSettings, store: Store = createRateLimitStore(settings.store)): RequestHandler {
  const windowMs = settings.windowMs;
  const tiers = settings.tiers as Record<string, number>;
  const lowest = Math.min(...Object.values(tiers));
  const windowSeconds = Math.ceil(windowMs / 1000);
  const policyOf = new Map(Object.values(tiers).map((limit) => [limit, `${limit};w=${windowSeconds}`]));
  // the store's own options: the window is the only one it reads
  store.init?.({ windowMs } as Options);
  return async (req, res, next) => {
    const client = contextOf(req).client;
    const limit = client?.tier !== undefined && Object.hasOwn(tiers, client.tier) ? tiers[client.tier] : lowest;
    const { totalHits, resetTime } = await store.increment(`client:${client?.clientId ?? 'anonymous'}`);
    const reset = String(resetSeconds(windowMs, resetTime, Date.now()));
    res.setHeader('RateLimit-Policy', policyOf.get(limit) ?? `${limit};w=${windowSeconds}`);
    res.setHeader('RateLimit-Limit', String(limit));
    res.setHeader('RateLimit-Remaining', String(Math.max(limit - totalHits, 0)));
    res.setHeader('RateLimit-Reset', reset);
    if (totalHits > limit) {
      throw GatewayError.of('RATE_LIMITED', 'Too many requests for this client in the current window; retry after the seconds in Retry-After', {
        headers: { 'Retry-After': reset },
      });
    }
    next();
  };
}

export const rateLimiting: PolicyDefinition<RateLimitSettings, RequestHandler> = {
  name: 'rate-limiting',
  description: 'Limits requests per client by SLA tier; answers 429 with RateLimit-* and Retry-After headers.',
  settingsKey: 'rateLimit',
  // one limiter for the whole gateway: the three APIs share a client's budget
  init: (settings) => createRateLimiter(settings),
  create: ({ state }) => state,
};
