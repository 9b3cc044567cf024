import { flat } from '../../gateway/flat-string';
import { RecordRing } from '../../gateway/record-ring';

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
 * One gateway instance's records, in a RecordRing (src/gateway/record-ring.ts): outside the
 * JavaScript heap but for the index of their keys, each with its own TTL, bounded by bytes (the
 * ring's and the index's together) and by entries; the oldest records go first when it is full.
 * A record is one short string ("o<clientId>"). A record this store no longer holds (restart,
 * eviction) is unknown: the policy fails closed for it.
 */
export class MemoryOwnershipStore implements OwnershipStore {
  private readonly records: RecordRing;

  constructor(
    maxEntries = 500_000,
    clock: { now(): number } = performance,
    /** What the records may hold at most, in bytes (the ring's and the index's, as RecordRing counts them). */
    maxBytes = 16 * 1024 * 1024,
  ) {
    this.records = new RecordRing(maxBytes, maxEntries, clock);
  }

  get size(): number {
    return this.records.size;
  }

  /** What the records hold, in bytes (as counted for maxBytes). */
  get bytes(): number {
    return this.records.bytes;
  }

  async claim(scope: string, ref: string, owner: OwnerRecord, ttlMs: number): Promise<OwnerRecord> {
    const key = `${scope}|${ref}`;
    const held = this.records.get(key);
    if (held !== undefined) return decode(held);
    // a record the ring cannot keep (a budget smaller than two records) must not let the next
    // claimant in: the call fails, closed, as it does when a shared store is down
    if (!this.records.set(flat(key), encode(owner), ttlMs)) throw new Error('policies.ownership.maxBytes is too small to keep an ownership record');
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
