/**
 * Idempotency records. The store is a seam chosen by name (idempotency.store): memory here; a
 * shared store (Redis: SET NX PX for claim, a keyspace notification or polling for waitFor) fits
 * the same interface.
 */
export interface StoredResponse {
  status: number;
  /**
   * The answer's JSON text. Kept as one string, not as the object: a store holding 100,000 answers
   * is then 100,000 flat strings for the garbage collector, not millions of small objects to trace.
   */
  body: string;
  /** Headers replayed with the answer (Location...), when there are any. */
  headers?: Record<string, string>;
}

export interface IdempotencyRecord {
  fingerprint: string;
  state: 'in-flight' | 'done';
  response?: StoredResponse;
}

export type ClaimResult = { claimed: true } | { claimed: false; record: IdempotencyRecord };

export interface IdempotencyStore {
  /** Atomically claims the key for a new request, or returns what is already there. */
  claim(key: string, fingerprint: string): Promise<ClaimResult>;
  /** Stores the final answer, replayed to every later duplicate until the TTL expires. */
  complete(key: string, response: StoredResponse): Promise<void>;
  /** Forgets an in-flight claim whose outcome is not final, so a retry can run again. */
  release(key: string): Promise<void>;
  /** Waits until an in-flight key completes or is released; undefined on timeout. */
  waitFor(key: string, timeoutMs: number): Promise<IdempotencyRecord | undefined>;
}

interface Entry extends IdempotencyRecord {
  expiresAt: number;
  /** Duplicates waiting for the first answer; created only when one waits. */
  waiters?: Array<(r: IdempotencyRecord | undefined) => void>;
}

export class MemoryIdempotencyStore implements IdempotencyStore {
  private readonly entries = new Map<string, Entry>();
  private lastSweep = Date.now();

  constructor(
    private readonly ttlMs: number,
    /** Completed records kept at most; the oldest go first (a late repeat then reaches the core, which refuses a known reference). */
    private readonly maxEntries = 100_000,
    private readonly inFlightTtlMs = 5 * 60_000,
  ) {}

  get size(): number {
    return this.entries.size;
  }

  /** Memory stays bounded under any load: completed records beyond maxEntries are dropped oldest first. */
  private bound(): void {
    if (this.entries.size <= this.maxEntries) return;
    for (const [k, e] of this.entries) {
      if (this.entries.size <= this.maxEntries) break;
      if (e.state === 'done') this.entries.delete(k);
    }
  }

  private sweep(now: number): void {
    if (now - this.lastSweep < 60_000) return;
    this.lastSweep = now;
    for (const [k, e] of this.entries) if (e.expiresAt <= now) this.entries.delete(k);
  }

  async claim(key: string, fingerprint: string): Promise<ClaimResult> {
    const now = Date.now();
    this.sweep(now);
    const existing = this.entries.get(key);
    if (existing && existing.expiresAt > now) {
      return { claimed: false, record: { fingerprint: existing.fingerprint, state: existing.state, response: existing.response } };
    }
    this.entries.delete(key); // re-inserted last: Map order is the eviction order
    this.entries.set(key, { fingerprint, state: 'in-flight', expiresAt: now + this.inFlightTtlMs, waiters: undefined });
    this.bound();
    return { claimed: true };
  }

  async complete(key: string, response: StoredResponse): Promise<void> {
    const e = this.entries.get(key);
    if (!e) return;
    e.state = 'done';
    e.response = response;
    e.expiresAt = Date.now() + this.ttlMs;
    const waiters = e.waiters;
    e.waiters = undefined;
    if (waiters) for (const w of waiters) w({ fingerprint: e.fingerprint, state: 'done', response });
  }

  async release(key: string): Promise<void> {
    const e = this.entries.get(key);
    if (!e || e.state === 'done') return;
    this.entries.delete(key);
    const waiters = e.waiters;
    e.waiters = undefined;
    if (waiters) for (const w of waiters) w(undefined);
  }

  waitFor(key: string, timeoutMs: number): Promise<IdempotencyRecord | undefined> {
    const e = this.entries.get(key);
    if (!e) return Promise.resolve(undefined);
    if (e.state === 'done') return Promise.resolve({ fingerprint: e.fingerprint, state: 'done', response: e.response });
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        const i = e.waiters?.indexOf(done) ?? -1;
        if (i >= 0) e.waiters!.splice(i, 1);
        resolve({ fingerprint: e.fingerprint, state: 'in-flight' });
      }, timeoutMs);
      const done = (r: IdempotencyRecord | undefined) => {
        clearTimeout(timer);
        resolve(r);
      };
      (e.waiters ??= []).push(done);
    });
  }
}

export function createIdempotencyStore(kind: string, ttlSeconds: number, maxEntries = 100_000): IdempotencyStore {
  switch (kind) {
    case 'memory':
      return new MemoryIdempotencyStore(ttlSeconds * 1000, maxEntries);
    default:
      throw new Error(`idempotency.store: unknown store "${kind}"`);
  }
}
