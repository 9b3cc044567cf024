import { LRUCache } from 'lru-cache';

/** Whose a transaction reference is; voided: claimed by a reversal that found no transaction. */
export interface OwnerRecord {
  readonly clientId: string;
  readonly voided?: boolean;
}

/**
 * Transaction ownership records, chosen by name (policies.ownership.store). One operation,
 * atomic by contract: a shared store implements it in one round trip (Redis 7:
 * SET <scope>|<ref> <record> NX GET PX <ttlMs>, which answers the earlier value, if any).
 */
export interface OwnershipStore {
  /**
   * Records `owner` for (scope, ref) when nothing is recorded there and answers the record in
   * place afterwards: `owner` itself when there was none, else the earlier record, which is never
   * overwritten. A record lives ttlMs.
   */
  claim(scope: string, ref: string, owner: OwnerRecord, ttlMs: number): Promise<OwnerRecord>;
  close?(): Promise<void>;
}

const encode = (o: OwnerRecord) => `${o.voided ? 'v' : 'o'}${o.clientId}`;
const decode = (s: string): OwnerRecord => (s[0] === 'v' ? { clientId: s.slice(1), voided: true } : { clientId: s.slice(1) });

/**
 * One gateway instance's records: lru-cache with a TTL per record and a bound; the oldest
 * records go first when it is full. Records are one short string each ("o<clientId>"), not
 * objects, so a full store is flat strings for the garbage collector. A record this store no
 * longer holds (restart, eviction) is unknown: the policy fails closed for it.
 */
export class MemoryOwnershipStore implements OwnershipStore {
  private readonly records: LRUCache<string, string>;

  constructor(maxEntries = 500_000, clock: { now(): number } = performance) {
    // Bounded by maxSize (each record counts 1), not max: with max, lru-cache allocates its
    // arrays for every entry up front (~17 MB and ~0.3 s for 500,000, at every gateway start);
    // this way they grow with the records held. Every record is set with its own TTL; this
    // default only switches TTL tracking on.
    this.records = new LRUCache<string, string>({
      maxSize: maxEntries,
      sizeCalculation: () => 1,
      ttl: 86_400_000,
      updateAgeOnGet: false,
      updateAgeOnHas: false,
      ttlResolution: 0,
      perf: clock,
    });
  }

  get size(): number {
    return this.records.size;
  }

  async claim(scope: string, ref: string, owner: OwnerRecord, ttlMs: number): Promise<OwnerRecord> {
    const key = `${scope}|${ref}`;
    const held = this.records.get(key);
    if (held !== undefined) return decode(held);
    this.records.set(key, encode(owner), { ttl: ttlMs });
    return owner;
  }
}

export function createOwnershipStore(kind: string, maxEntries: number, redis?: () => OwnershipStore): OwnershipStore {
  switch (kind) {
    case 'memory':
      return new MemoryOwnershipStore(maxEntries);
    case 'redis':
      if (!redis) throw new Error('policies.ownership.store: redis needs the shared connection');
      return redis();
    default:
      throw new Error(`policies.ownership.store: unknown store "${kind}"`);
  }
}
