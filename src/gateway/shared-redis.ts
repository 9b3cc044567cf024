/**
 * The process's one connection to the shared store (Redis), as the policies' stores see it. The
 * implementation (src/stores/redis-connection.ts) opens it only when a store asks for it, so a
 * gateway on memory stores never connects anywhere.
 */
import type Redis from 'ioredis';

export interface SharedStoreUse {
  /** The store's name in /ready, metrics and logs: idempotency, rate-limit... */
  store: string;
  /** The store guards money: while Redis is down, money-moving calls are refused (/ready says so). */
  guardsMoney: boolean;
}

export interface SharedRedis {
  /** Registers a store as a user and returns the connection, opened on the first call. */
  open(use: SharedStoreUse): Redis;
  /** `<prefix><namespace>:<key>`: every key the gateway writes lives under the configured prefix. */
  key(namespace: string, key: string): string;
  /**
   * One round trip for a store, timed and counted (gateway_store_duration_seconds,
   * gateway_store_errors_total). Rejects with the client's error when Redis fails or is too slow.
   */
  run<T>(store: string, op: string, fn: (redis: Redis) => Promise<T>): Promise<T>;
  /** Waits (at most redis.connectTimeoutMs) for the first connection: false when Redis is not there yet. */
  ready(): Promise<boolean>;
  /** Called each time the connection becomes ready again: a store resends the writes it owes. */
  onReady(listener: () => void): void;
}
