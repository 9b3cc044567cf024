import { nonNegativeInt, positiveInt } from '../../config/formats';
import type { SchemaValue } from '../../config/schema-types';

/** policies.idempotency */
export const idempotencySettings = {
  idempotency: {
    store: {
      doc: 'Idempotency record store: memory (one process) or redis (shared by every replica, records survive a restart; redis.url). With redis, a money-moving call is refused with 503, not sent, while Redis does not answer.',
      format: ['memory', 'redis'],
      default: 'memory',
      env: 'GATEWAY_IDEMPOTENCY_STORE',
    },
    ttlSeconds: { doc: 'How long a completed idempotent answer is replayed.', format: positiveInt, default: 86400, env: 'GATEWAY_IDEMPOTENCY_TTL_SECONDS' },
    maxEntries: {
      doc: 'Completed idempotency records a gateway instance keeps in memory at most (memory store; oldest dropped first; the cores still refuse a repeated reference).',
      format: positiveInt,
      default: 100000,
      env: 'GATEWAY_IDEMPOTENCY_MAX_ENTRIES',
    },
    maxBytes: {
      doc: 'What the completed records of the memory store may hold at most, in bytes (an answer counts for its size; oldest dropped first, whichever bound comes first): keeps a process\'s memory bounded under any load. Records are kept outside the JavaScript heap, in a ring of this size; the budget counts the ring\'s bytes and the keys\' index on the heap together. A record counts 300-650 bytes (a T1 transfer answer in the benchmark 337, a Facilito deposit with a long detail ~650), so the default holds ~25,000-50,000; past that the oldest go first and a late repeat reaches the core, which refuses a known reference (what the stores cost in RSS: the README\'s Performance section, Memory).',
      format: positiveInt,
      default: 16777216,
      env: 'GATEWAY_IDEMPOTENCY_MAX_BYTES',
    },
    inFlightTtlMs: {
      doc: 'How long a claim in flight is held for its request (longer than every back end timeout). A claim older than this is taken as abandoned (its replica died): the next retry with the same key and body goes to the core with the same reference, whose duplicate check answers.',
      format: positiveInt,
      default: 60000,
      env: 'GATEWAY_IDEMPOTENCY_IN_FLIGHT_TTL_MS',
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
