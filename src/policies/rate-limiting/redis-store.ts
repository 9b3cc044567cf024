import type { IncrementResponse, Options, Store } from 'express-rate-limit';
import { RedisStore } from 'rate-limit-redis';
import type { SharedRedis } from '../../gateway/shared-redis';

const STORE = 'rate-limit';

/**
 * rate-limit-redis over the gateway's one Redis connection: every replica counts a client into one
 * key (`<prefix>rl:client:<id>`, a fixed window set by its Lua script), so the limits of a tier
 * hold for the fleet, not per replica. rate-limit-redis loads its scripts in init() and keeps that
 * promise: a Redis not there at that moment would fail every later call. Here they are loaded by
 * the first call, and again by the next call after any failure (the library itself reloads them
 * when Redis restarted without them).
 */
export class SharedRateLimitStore implements Store {
  private readonly inner: RedisStore;
  private options?: Options;
  private loaded = false;

  constructor(redis: SharedRedis) {
    redis.open({ store: STORE, guardsMoney: false });
    this.inner = new RedisStore({
      prefix: redis.key('rl', ''),
      sendCommand: (command: string, ...args: string[]) =>
        redis.run(STORE, command.toLowerCase(), (r) => r.call(command, ...args) as Promise<string | number | (string | number)[]>),
    });
  }

  /** The scripts are loaded by the first call, once the connection is up. */
  init(options: Options): void {
    this.options = options;
  }

  async increment(key: string): Promise<IncrementResponse> {
    try {
      if (!this.loaded) {
        await this.inner.init(this.options!);
        this.loaded = true;
      }
      return await this.inner.increment(key);
    } catch (e) {
      this.loaded = false;
      throw e;
    }
  }

  decrement(key: string): Promise<void> {
    return this.inner.decrement(key);
  }

  resetKey(key: string): Promise<void> {
    return this.inner.resetKey(key);
  }
}
