import { flat } from '../../gateway/flat-string';
import { RecordRing } from '../../gateway/record-ring';

/**
 * Idempotency records. The store is a seam chosen by name (policies.idempotency.store): memory
 * here (one process), redis in redis-store.ts (every replica of a fleet, records survive a restart).
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

/**
 * recovered: the key was held by a claim whose owner died in flight (a shared store only): its
 * outcome is unknown, and this request, with the same key and body, goes to the core with the
 * same reference so that the core's duplicate check answers.
 */
export type ClaimResult = { claimed: true; recovered?: boolean } | { claimed: false; record: IdempotencyRecord };

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

interface InFlight {
  fingerprint: string;
  expiresAt: number;
  /** Duplicates waiting for the first answer; created only when one waits. */
  waiters?: Array<(r: IdempotencyRecord | undefined) => void>;
}

/**
 * A completed record as ONE string: "<fingerprint>\n<status>\n<headers JSON>\n<body>", kept as
 * its UTF-8 bytes in a RecordRing, outside the JavaScript heap. Only the fingerprint, the status
 * and the headers are read back on a replay.
 */
type Done = string;

function pack(fingerprint: string, r: StoredResponse): Done {
  // joined, not concatenated: Array.prototype.join writes one flat string (see gateway/flat-string.ts)
  return [fingerprint, String(r.status), r.headers ? JSON.stringify(r.headers) : '', r.body].join('\n');
}

function unpack(d: Done): IdempotencyRecord {
  const a = d.indexOf('\n');
  const b = d.indexOf('\n', a + 1);
  const c = d.indexOf('\n', b + 1);
  const headers = d.slice(b + 1, c);
  const response: StoredResponse = { status: Number(d.slice(a + 1, b)), body: d.slice(c + 1) };
  if (headers) response.headers = JSON.parse(headers) as Record<string, string>;
  return { fingerprint: d.slice(0, a), state: 'done', response };
}

/**
 * Claims in flight live in a Map (as many as requests in flight; a claim older than
 * inFlightTtlMs is abandoned and can be taken again). Completed records live in a RecordRing of
 * maxBytes, bounded by maxEntries as well, with the TTL; the oldest go first when it is full, in
 * O(1). The byte bound is what keeps a process's memory flat: records of large answers count for
 * what they hold, and they are held outside the heap, so a full store costs its budget once in
 * RSS and not up to twice, as heap strings did under V8's heap sizing (the README's Memory
 * section). On the heap a record is its key in the ring's index only.
 */
export class MemoryIdempotencyStore implements IdempotencyStore {
  private readonly inFlight = new Map<string, InFlight>();
  private readonly done: RecordRing;
  private lastSweep = 0;

  constructor(
    private readonly ttlMs: number,
    /** Completed records kept at most; the oldest go first (a late repeat then reaches the core, which refuses a known reference). */
    maxEntries = 100_000,
    private readonly inFlightTtlMs = 5 * 60_000,
    /** Monotonic milliseconds for both TTLs (tests pass a clock they move). */
    private readonly clock: { now(): number } = performance,
    /** What the completed records may hold at most, in bytes: the ring's and its keys' index, as RecordRing counts them. */
    maxBytes = 16 * 1024 * 1024,
  ) {
    this.done = new RecordRing(maxBytes, maxEntries, clock);
  }

  /** Records held: completed ones plus claims in flight. */
  get size(): number {
    return this.done.size + this.inFlight.size;
  }

  /** What the completed records hold, in bytes (as counted for maxBytes). */
  get bytes(): number {
    return this.done.bytes;
  }

  /**
   * Abandoned claims are dropped once a minute (and ignored when met). Expired records are dropped
   * when met and their bytes reused when the ring comes round to them.
   */
  private sweep(now: number): void {
    if (now - this.lastSweep < 60_000) return;
    this.lastSweep = now;
    for (const [k, e] of this.inFlight) if (e.expiresAt <= now) this.inFlight.delete(k);
  }

  async claim(key: string, fingerprint: string): Promise<ClaimResult> {
    const now = this.clock.now();
    this.sweep(now);
    // a replay does not make a record younger: the oldest completed still go first
    const done = this.done.get(key);
    if (done !== undefined) return { claimed: false, record: unpack(done) };
    const pending = this.inFlight.get(key);
    if (pending && pending.expiresAt > now) return { claimed: false, record: { fingerprint: pending.fingerprint, state: 'in-flight', response: undefined } };
    this.inFlight.set(key, { fingerprint, expiresAt: now + this.inFlightTtlMs, waiters: undefined });
    return { claimed: true };
  }

  async complete(key: string, response: StoredResponse): Promise<void> {
    const e = this.inFlight.get(key);
    if (!e) return;
    this.inFlight.delete(key);
    this.done.set(flat(key), pack(e.fingerprint, response), this.ttlMs);
    if (e.waiters) for (const w of e.waiters) w({ fingerprint: e.fingerprint, state: 'done', response });
  }

  async release(key: string): Promise<void> {
    const e = this.inFlight.get(key);
    if (!e) return; // unknown, or completed: a completed record stays
    this.inFlight.delete(key);
    if (e.waiters) for (const w of e.waiters) w(undefined);
  }

  waitFor(key: string, timeoutMs: number): Promise<IdempotencyRecord | undefined> {
    const done = this.done.get(key);
    if (done !== undefined) return Promise.resolve(unpack(done));
    const e = this.inFlight.get(key);
    if (!e) return Promise.resolve(undefined);
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        const i = e.waiters?.indexOf(finish) ?? -1;
        if (i >= 0) e.waiters!.splice(i, 1);
        resolve({ fingerprint: e.fingerprint, state: 'in-flight' });
      }, timeoutMs).unref(); // a duplicate's wait never holds a stopping process open
      const finish = (r: IdempotencyRecord | undefined) => {
        clearTimeout(timer);
        resolve(r);
      };
      (e.waiters ??= []).push(finish);
    });
  }
}
