/**
 * The whole configuration: the core sections (src/config/schema.ts), `policies` (the chain plus
 * each policy's own schema.ts, merged by src/policies/registry.ts) and each API's own section
 * (apis/index.ts). Loaded once at start-up, validated, frozen.
 */
import { coreSchema } from './config/schema';
import { ConfigError, loadConfigFrom, type LoadOptions } from './config/load-config';
import type { SchemaValue } from './config/schema-types';
import { BACKENDS } from './gateway/backends';
import { policiesSchema } from './policies/registry';
import { apisSchema } from '../apis';

const { env, server, publicUris, log, clients, auth, redis, backends, sandbox } = coreSchema;

/** In this order in the configuration reference (npm run config-doc). */
export const gatewaySchema = { env, server, publicUris, log, clients, auth, policies: policiesSchema, redis, backends, sandbox, ...apisSchema };

export type GatewayConfig = Readonly<SchemaValue<typeof gatewaySchema>>;

export function loadConfig(opts: LoadOptions = {}): GatewayConfig {
  const config = loadConfigFrom<GatewayConfig>(gatewaySchema, opts);
  crossCheckStores(config);
  return config;
}

/** Rules between the policies' stores and the core sections; each message names the key to fix. */
function crossCheckStores(c: GatewayConfig): void {
  const problems: string[] = [];
  const { idempotency, rateLimit, ownership } = c.policies;
  if ((idempotency.store === 'redis' || rateLimit.store === 'redis' || ownership.store === 'redis') && !c.redis.url) {
    problems.push('redis.url (GATEWAY_REDIS_URL) is required when policies.idempotency.store, policies.rateLimit.store or policies.ownership.store is redis');
  }
  // replicas that share idempotency records must agree whose a reference is: with per-process
  // ownership records, a reversal reaching another replica than its original fails closed
  if (idempotency.store === 'redis' && ownership.store !== 'redis') {
    problems.push('policies.ownership.store (GATEWAY_OWNERSHIP_STORE) must be redis when policies.idempotency.store is redis (a fleet)');
  }
  // a live request's claim must never look abandoned: it outlives the slowest core call
  const slowest = Math.max(...BACKENDS.map((b) => c.backends[b].timeoutMs));
  if (idempotency.inFlightTtlMs <= slowest) {
    problems.push(`policies.idempotency.inFlightTtlMs (${idempotency.inFlightTtlMs}) must be longer than the longest back end timeout (${slowest} ms)`);
  }
  if (problems.length) throw new ConfigError(`invalid configuration:\n  - ${problems.join('\n  - ')}`);
}

export { ConfigError, withOverrides, resolveProfile, type LoadOptions } from './config/load-config';
