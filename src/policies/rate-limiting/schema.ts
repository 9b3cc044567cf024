export const rateLimitSchema = {
  windowMs: { doc: 'Rate-limit window in milliseconds.', format: 'nat', default: 60000 },
  tiers: {
    doc: 'Requests allowed per window per client, by SLA tier (a client of an unknown tier gets the lowest).',
    format: (v: unknown) => {
      if (typeof v !== 'object' || v === null || Array.isArray(v)) throw new Error('must be an object of tier: limit');
      for (const [k, n] of Object.entries(v)) {
        if (!Number.isInteger(n) || (n as number) <= 0) throw new Error(`tier ${k} must be a positive integer`);
      }
    },
    default: { gold: 6000, silver: 1200, bronze: 300 } as Record<string, number>,
  },
  store: {
    doc: 'Counter store: memory (per instance). A shared store (redis) plugs in through createRateLimitStore.',
    format: ['memory'],
    default: 'memory',
  },
};
