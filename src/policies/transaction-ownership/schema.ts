import { positiveInt } from '../../config/formats';
import type { SchemaValue } from '../../config/schema-types';

/** policies.ownership */
export const ownershipSettings = {
  ownership: {
    store: {
      doc: 'Transaction ownership record store: memory (per instance; a restart forgets, and then a reversal of an earlier transaction fails closed with 404) or redis (shared by every replica, kept across restarts; redis.url). With redis, a money-moving call is refused with 503, not sent, while Redis does not answer.',
      format: ['memory', 'redis'],
      default: 'memory',
      env: 'GATEWAY_OWNERSHIP_STORE',
    },
    ttlSeconds: {
      doc: 'How long a transaction reference stays bound to the client that used it (default 7 days: past same-day reversals, end-of-day and weekend reconciliation, and the idempotency window).',
      format: positiveInt,
      default: 604800,
      env: 'GATEWAY_OWNERSHIP_TTL_SECONDS',
    },
    maxEntries: {
      doc: 'Ownership records the memory store keeps at most (oldest dropped first; a dropped record fails closed like a forgotten one).',
      format: positiveInt,
      default: 500000,
      env: 'GATEWAY_OWNERSHIP_MAX_ENTRIES',
    },
    maxBytes: {
      doc: 'What the records of the memory store may hold at most, in bytes (oldest dropped first, whichever bound comes first): keeps a process\'s memory bounded. Records are kept outside the JavaScript heap but for their keys\' index, and the budget counts both: ~200 bytes a typical record (scope, reference and client id in the ring; the key again in the index), so the default holds ~80,000 (what the stores cost in RSS: the README\'s Performance section, Memory).',
      format: positiveInt,
      default: 16777216,
      env: 'GATEWAY_OWNERSHIP_MAX_BYTES',
    },
  },
};

export type OwnershipSettings = SchemaValue<typeof ownershipSettings.ownership>;
