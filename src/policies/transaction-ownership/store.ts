import { LRUCache } from 'lru-cache';
import { flat } from '../../gateway/flat-string';

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
/**
 * What one record costs in memory besides its characters: the cache's slot (its Map entry, list
 * links, TTL and size arrays, grown in steps) and the strings' headers: ~130 bytes, measured
 * (test/unit/policies/store-footprint.test.ts keeps the count within 1.4x of the heap).
 */
const SLOT_BYTES = 128;

export class MemoryOwnershipStore implements OwnershipStore {
  private readonly records: LRUCache<string, string>;

  constructor(
    private readonly maxEntries = 500_000,
    clock: { now(): number } = performance,
    /** What the records may hold at most, in bytes (about: key and owner characters plus a slot each). */
    maxBytes = 16 * 1024 * 1024,
  ) {
    // Bounded by maxSize in bytes, not max: with max, lru-cache allocates its arrays for every
    // entry up front (~17 MB and ~0.3 s for 500,000, at every gateway start); this way they grow
    // with the records held. The entry bound is kept by dropping the oldest in claim(). Every
    // record is set with its own TTL; this default only switches TTL tracking on.
    this.records = new LRUCache<string, string>({
      maxSize: maxBytes,
      sizeCalculation: (value, key) => key.length + value.length + SLOT_BYTES,
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

  /** What the records hold, in bytes (as counted for maxBytes). */
  get bytes(): number {
    return this.records.calculatedSize;
  }

  async claim(scope: string, ref: string, owner: OwnerRecord, ttlMs: number): Promise<OwnerRecord> {
    const key = `${scope}|${ref}`;
    const held = this.records.get(key);
    if (held !== undefined) return decode(held);
    if (this.records.size >= this.maxEntries) this.records.pop(); // the least recently used: the oldest
    this.records.set(flat(key), flat(encode(owner)), { ttl: ttlMs });
    return owner;
  }
}

export function createOwnershipStore(kind: string, maxEntries: number, redis?: () => OwnershipStore, maxBytes?: number): OwnershipStore {
  switch (kind) {
    case 'memory':
      return new MemoryOwnershipStore(maxEntries, performance, maxBytes);
    case 'redis':
      if (!redis) throw new Error('policies.ownership.store: redis needs the shared connection');
      return redis();
    default:
      throw new Error(`policies.ownership.store: unknown store "${kind}"`);
  }
}
