import type { GatewayDeps } from '../../gateway/policy';
import type { IdempotencySettings } from './schema';
import { MemoryIdempotencyStore, type IdempotencyStore } from './store';
import { RedisIdempotencyStore } from './redis-store';

/** The store named by policies.idempotency.store: one per gateway, shared by the three APIs. */
export async function createIdempotencyStore(s: IdempotencySettings, deps: Pick<GatewayDeps, 'redis' | 'logger' | 'metrics'>): Promise<IdempotencyStore> {
  switch (s.store) {
    case 'memory':
      return new MemoryIdempotencyStore(s.ttlSeconds * 1000, s.maxEntries, s.inFlightTtlMs, performance, s.maxBytes);
    case 'redis': {
      const store = new RedisIdempotencyStore(deps, { ttlMs: s.ttlSeconds * 1000, inFlightTtlMs: s.inFlightTtlMs });
      // a normal start serves its first request connected; a Redis not there yet only delays money
      if (!(await deps.redis.ready())) deps.logger.warn('redis: not reachable at start-up; money-moving calls are refused (503) until it answers');
      return store;
    }
    default:
      throw new Error(`policies.idempotency.store: unknown store "${s.store}"`);
  }
}
