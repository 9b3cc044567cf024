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
      doc: 'Counter store: memory (per instance). A shared store (redis) plugs in through createRateLimitStore.',
      format: ['memory'],
      default: 'memory',
      env: 'GATEWAY_RATE_LIMIT_STORE',
    },
  },
};

export type RateLimitSettings = SchemaValue<typeof rateLimitSettings.rateLimit>;
