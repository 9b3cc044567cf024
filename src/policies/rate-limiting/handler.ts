import { MemoryStore, type Options, type Store } from 'express-rate-limit';
import type { RequestHandler } from 'express';
import type { PolicyDefinition } from '../../gateway/policy';
import { contextOf } from '../../gateway/request-context';
import { GatewayError } from '../../errors/gateway-error';
import type { RateLimitSettings } from './schema';
import type { SharedRedis } from '../../gateway/shared-redis';
import { SharedRateLimitStore } from './redis-store';

/** The store seam: memory (per replica) or redis (rate-limit-redis over the one shared connection). */
export function createRateLimitStore(kind: string, redis?: SharedRedis): Store {
  switch (kind) {
    case 'memory':
      return new MemoryStore();
    case 'redis':
      if (!redis) throw new Error('policies.rateLimit.store redis needs the shared connection');
      return new SharedRateLimitStore(redis);
    default:
      throw new Error(`policies.rateLimit.store: unknown store "${kind}"`);
  }
}

/**
 * What the limiter does when a shared store fails: with a fallback (failOpen), the request is
 * counted by this replica alone and goes on; without one, it is refused with 503, not sent.
 */
export interface StoreFailover {
  fallback?: Store;
  /** Told of every request counted by the fallback (metrics). */
  onFallback?: () => void;
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
export function createRateLimiter(settings: RateLimitSettings, store: Store, failover?: StoreFailover): RequestHandler {
  const windowMs = settings.windowMs;
  const tiers = settings.tiers as Record<string, number>;
  const lowest = Math.min(...Object.values(tiers));
  const windowSeconds = Math.ceil(windowMs / 1000);
  const policyOf = new Map(Object.values(tiers).map((limit) => [limit, `${limit};w=${windowSeconds}`]));
  // the store's own options: the window is the only one it reads
  store.init?.({ windowMs } as Options);
  failover?.fallback?.init?.({ windowMs } as Options);
  // after a failure the shared store is left alone for a second: a slow Redis would otherwise add
  // its whole command timeout to every call before the fallback counts it
  let skipSharedUntil = 0;
  const countLocally = (key: string, fallback: Store) => {
    failover?.onFallback?.();
    return fallback.increment(key);
  };
  const count = async (key: string) => {
    if (failover?.fallback && skipSharedUntil > performance.now()) return countLocally(key, failover.fallback);
    try {
      return await store.increment(key);
    } catch (e) {
      if (!failover) throw e;
      if (!failover.fallback) {
        throw GatewayError.of('BACKEND_UNAVAILABLE', 'The rate-limit store is unavailable: the request was not sent to the core; retry later', {
          headers: { 'Retry-After': '1' },
          detail: { store: 'rate-limit', cause: e instanceof Error ? e.message : String(e) },
        });
      }
      skipSharedUntil = performance.now() + 1000;
      return countLocally(key, failover.fallback);
    }
  };
  return async (req, res, next) => {
    const client = contextOf(req).client;
    const limit = client?.tier !== undefined && Object.hasOwn(tiers, client.tier) ? tiers[client.tier] : lowest;
    const { totalHits, resetTime } = await count(`client:${client?.clientId ?? 'anonymous'}`);
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

/** What the policy keeps for the gateway's life: the limiter and the stores to shut down with it. */
export interface RateLimitState {
  handler: RequestHandler;
  stores: Store[];
}

export const rateLimiting: PolicyDefinition<RateLimitSettings, RateLimitState> = {
  name: 'rate-limiting',
  description: 'Limits requests per client by SLA tier; answers 429 with RateLimit-* and Retry-After headers.',
  settingsKey: 'rateLimit',
  // one limiter for the whole gateway: the three APIs share a client's budget
  init: (settings, deps) => {
    if (settings.store !== 'redis') {
      const store = createRateLimitStore(settings.store);
      return { handler: createRateLimiter(settings, store), stores: [store] };
    }
    const store = createRateLimitStore('redis', deps.redis);
    const failover: StoreFailover = settings.failOpen ? { fallback: new MemoryStore(), onFallback: () => deps.metrics.rateLimitLocal.inc() } : {};
    return { handler: createRateLimiter(settings, store, failover), stores: failover.fallback ? [store, failover.fallback] : [store] };
  },
  create: ({ state }) => state.handler,
  // express-rate-limit's memory store resets its windows on an interval: stopped with the gateway,
  // so that a stopped gateway leaves no timer (and nothing it would keep alive) behind
  close: async (state) => {
    await Promise.all(state.stores.map((s) => s.shutdown?.()));
  },
};
