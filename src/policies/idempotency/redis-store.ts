import crypto from 'node:crypto';
import { EventEmitter } from 'node:events';
import os from 'node:os';
import type Redis from 'ioredis';
import type { GatewayDeps } from '../../gateway/policy';
import { GatewayError } from '../../errors/gateway-error';
import type { ClaimResult, IdempotencyRecord, IdempotencyStore, StoredResponse } from './store';
import { COMMANDS, type IdempotencyCommands, type Reply } from './redis-scripts';

const STORE = 'idempotency';
/** Writes owed to Redis (answers and releases it did not take) kept at most; past that the lease expiry settles them. */
const MAX_OWED = 10_000;
const POLL_FIRST_MS = 5;
const POLL_MAX_MS = 100;

/** ioredis's refusal of a command while the connection is not writable (no offline queue): never sent. */
const NOT_SENT = /enableOfflineQueue/;

type Owed = { kind: 'complete'; response: StoredResponse } | { kind: 'release'; token: string };

/** A money-moving call the gateway refuses without a claim: nothing reaches the core. */
function unavailable(e: unknown): GatewayError {
  return GatewayError.of('BACKEND_UNAVAILABLE', 'The idempotency store is unavailable: the request was not sent to the core; retry later', {
    headers: { 'Retry-After': '1' },
    detail: { store: STORE, cause: e instanceof Error ? e.message : String(e) },
  });
}

function record(r: Reply): IdempotencyRecord {
  if (r[0] !== 'done') return { fingerprint: r[1] ?? '', state: 'in-flight', response: undefined };
  const headers = r[4] ? (JSON.parse(r[4]) as Record<string, string>) : undefined;
  return { fingerprint: r[1] ?? '', state: 'done', response: { status: Number(r[2]), body: r[3] ?? 'null', ...(headers ? { headers } : {}) } };
}

/**
 * Idempotency records in Redis, shared by every replica, with the memory store's semantics: an
 * atomic claim in one round trip (redis-scripts.ts), the first final answer replayed by any
 * replica for the record TTL, a duplicate in flight on another replica waited for (polling with
 * backoff; a duplicate on this replica is woken at once), a claim released by its owner only.
 *
 * A claim carries a lease (policies.idempotency.inFlightTtlMs). A replica that dies in flight
 * leaves its claim: duplicates wait or get 409 until the lease runs out, then the first retry with
 * the same body takes it over and goes to the core with the same reference, so the core's own
 * duplicate check answers (the first authorization if the first attempt was applied). Never a
 * "not sent", never a new transaction: another body under that key is still 422.
 *
 * When Redis fails or is slow, claim() and waitFor() throw 503 (the request is not sent); an
 * answer or a release that could not be written is owed and written when Redis answers again.
 */
export class RedisIdempotencyStore implements IdempotencyStore {
  private readonly owner = `${os.hostname()}:${process.pid}:${crypto.randomBytes(4).toString('hex')}`;
  private seq = 0;
  /** Claims this process holds, with their owner token. */
  private readonly held = new Map<string, string>();
  private readonly owed = new Map<string, Owed>();
  private paying = false;
  /** Wakes this process's waiters when it completes or releases a key itself. */
  private readonly local = new EventEmitter().setMaxListeners(0);
  private readonly redis: GatewayDeps['redis'];

  constructor(
    deps: Pick<GatewayDeps, 'redis' | 'logger' | 'metrics'>,
    private readonly opts: { ttlMs: number; inFlightTtlMs: number },
    private readonly onRecovered: (key: string) => void = (key) => {
      deps.metrics.abandonedClaims.inc();
      deps.logger.warn('idempotency: a claim abandoned in flight (its replica stopped) is taken over; the retry goes to the core with the same reference', { key });
    },
  ) {
    this.redis = deps.redis;
    const client = deps.redis.open({ store: STORE, guardsMoney: true });
    for (const [name, lua] of Object.entries(COMMANDS)) client.defineCommand(name, { numberOfKeys: 1, lua });
    deps.redis.onReady(() => void this.payOwed());
  }

  private cmd<T>(op: string, fn: (c: IdempotencyCommands) => Promise<T>): Promise<T> {
    return this.redis.run(STORE, op, (r: Redis) => fn(r as unknown as IdempotencyCommands));
  }

  private k(key: string): string {
    return this.redis.key('idem', key);
  }

  async claim(key: string, fingerprint: string): Promise<ClaimResult> {
    const token = `${this.owner}:${++this.seq}`;
    let reply: Reply;
    try {
      reply = await this.cmd('claim', (c) => c.gwIdemClaim(this.k(key), fingerprint, token, this.opts.inFlightTtlMs, this.opts.ttlMs));
    } catch (e) {
      // a claim sent whose answer was lost (timeout, connection dropped) may be in Redis: it is
      // given back once Redis answers; one refused before it was written (offline) is not
      if (!NOT_SENT.test(e instanceof Error ? e.message : '')) this.owe(key, { kind: 'release', token });
      throw unavailable(e);
    }
    void this.payOwed();
    if (reply[0] === 'claimed' || reply[0] === 'recovered') {
      this.held.set(key, token);
      if (reply[0] === 'recovered') {
        this.onRecovered(key);
        return { claimed: true, recovered: true };
      }
      return { claimed: true };
    }
    return { claimed: false, record: record(reply) };
  }

  async complete(key: string, response: StoredResponse): Promise<void> {
    this.held.delete(key);
    await this.write(key, { kind: 'complete', response });
  }

  async release(key: string): Promise<void> {
    const token = this.held.get(key);
    if (token === undefined) return;
    this.held.delete(key);
    await this.write(key, { kind: 'release', token });
  }

  async waitFor(key: string, timeoutMs: number): Promise<IdempotencyRecord | undefined> {
    const deadline = performance.now() + timeoutMs;
    let pause = POLL_FIRST_MS;
    for (;;) {
      let r: Reply;
      try {
        r = await this.cmd('peek', (c) => c.gwIdemPeek(this.k(key)));
      } catch (e) {
        throw unavailable(e);
      }
      if (r[0] === 'done') return record(r);
      // released, expired, or abandoned by a replica that died: the caller may claim again
      if (r[0] !== 'in-flight') return undefined;
      const left = deadline - performance.now();
      if (left <= 0) return record(r);
      await this.pause(key, Math.min(pause, left));
      pause = Math.min(pause * 2, POLL_MAX_MS);
    }
  }

  /** How many writes are owed to Redis (tests, and the log). */
  get owedWrites(): number {
    return this.owed.size;
  }

  /** Never rejects: the policy does not wait on it, and an answer already sent stays sent. */
  private async write(key: string, w: Owed): Promise<void> {
    try {
      await this.send(key, w);
      this.local.emit(key);
    } catch {
      this.owe(key, w);
    }
  }

  private send(key: string, w: Owed): Promise<number> {
    if (w.kind === 'release') return this.cmd('release', (c) => c.gwIdemRelease(this.k(key), w.token));
    const r = w.response;
    return this.cmd('complete', (c) => c.gwIdemComplete(this.k(key), r.status, r.body, r.headers ? JSON.stringify(r.headers) : '', this.opts.ttlMs));
  }

  private owe(key: string, w: Owed): void {
    // an answer outranks a release of the same key
    if (w.kind === 'release' && this.owed.get(key)?.kind === 'complete') return;
    if (this.owed.size >= MAX_OWED && !this.owed.has(key)) this.owed.delete(this.owed.keys().next().value!);
    this.owed.set(key, w);
  }

  private async payOwed(): Promise<void> {
    if (this.paying || this.owed.size === 0) return;
    this.paying = true;
    try {
      for (const [key, w] of [...this.owed]) {
        if (this.owed.get(key) !== w) continue;
        await this.send(key, w);
        this.owed.delete(key);
        this.local.emit(key);
      }
    } catch {
      // still down: the rest waits for the next ready or the next successful claim
    } finally {
      this.paying = false;
    }
  }

  private pause(key: string, ms: number): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.local.off(key, done);
        resolve();
      };
      const timer = setTimeout(done, ms).unref(); // never holds a stopping process open
      this.local.once(key, done);
    });
  }
}
