import convict from 'convict';
import type { SchemaValue } from '../../config/schema-types';

convict.addFormat({
  name: 'tier-map',
  validate(v: unknown) {
    if (typeof v !== 'object' || v === null || Array.isArray(v) || !Object.keys(v).length) throw new Error('must map SLA tiers to limits');
    for (const [k, n] of Object.entries(v)) {
      if (!Number.isInteger(n) || (n as number) <= 0) throw new Error(`tier ${k} must be a positive integer`);
    }
  },
  coerce: (v: string) =>
    Object.fromEntries(
      v.split(',').map((pair) => {
        const [tier, limit] = pair.split('=');
        return [tier.trim(), Number(limit)];
      }),
    ),
});

/** policies.rateLimit */
export const rateLimitSettings = {
  rateLimit: {
    windowMs: { doc: 'Rate-limit window in milliseconds.', format: 'nat', default: 60000, env: 'GATEWAY_RATE_LIMIT_WINDOW_MS' },
    tiers: {
      doc: 'Requests allowed per window per client, by SLA tier (a client of an unknown tier gets the lowest); env form "gold=6000,silver=1200,bronze=300".',
      format: 'tier-map',
      default: { gold: 6000, silver: 1200, bronze: 300 } as Record<string, number>,
      env: 'GATEWAY_RATE_LIMIT_TIERS',
    },
    store: {
      doc: 'Counter store: memory (per replica: N replicas allow N times a tier) or redis (one count for every replica; redis.url).',
      format: ['memory', 'redis'],
      default: 'memory',
      env: 'GATEWAY_RATE_LIMIT_STORE',
    },
    failOpen: {
      doc: 'When the redis counter store does not answer: true lets calls go on, counted by each replica alone until Redis answers again (a client gets at most its tier per replica meanwhile); false refuses every API call with 503.',
      format: Boolean,
      default: true,
      env: 'GATEWAY_RATE_LIMIT_FAIL_OPEN',
    },
  },
};

export type RateLimitSettings = SchemaValue<typeof rateLimitSettings.rateLimit>;
