import { nonNegativeInt, positiveInt } from '../../config/formats';
import type { SchemaValue } from '../../config/schema-types';

/** policies.idempotency */
export const idempotencySettings = {
  idempotency: {
    store: { doc: 'Idempotency record store (memory; redis is the planned shared store).', format: ['memory'], default: 'memory', env: 'GATEWAY_IDEMPOTENCY_STORE' },
    ttlSeconds: { doc: 'How long a completed idempotent answer is replayed.', format: positiveInt, default: 86400, env: 'GATEWAY_IDEMPOTENCY_TTL_SECONDS' },
    maxEntries: {
      doc: 'Completed idempotency records a gateway instance keeps in memory at most (oldest dropped first; the cores still refuse a repeated reference).',
      format: positiveInt,
      default: 100000,
      env: 'GATEWAY_IDEMPOTENCY_MAX_ENTRIES',
    },
    waitForInFlightMs: {
      doc: 'How long a duplicate of an in-flight request waits for the first one before getting 409.',
      format: nonNegativeInt('policies.idempotency.waitForInFlightMs'),
      default: 15000,
      env: 'GATEWAY_IDEMPOTENCY_WAIT_MS',
    },
  },
};

export type IdempotencySettings = SchemaValue<typeof idempotencySettings.idempotency>;
