import { performance } from 'node:perf_hooks';
import Redis from 'ioredis';
import type { CoreConfig } from '../config/schema';
import type { SharedRedis, SharedStoreUse } from '../gateway/shared-redis';
import type { Logger } from '../observability/logger';
import type { GatewayMetrics } from '../observability/metrics';

export type RedisSettings = CoreConfig['redis'];

/** What /ready shows of the shared store. */
export interface RedisHealth {
  status: 'up' | 'down';
  latencyMs?: number;
  stores: string[];
  /** A store that guards money uses it: while it is down, money-moving calls are refused. */
  guardsMoney: boolean;
}

const ERROR_LOG_EVERY_MS = 10_000;

/**
 * The one Redis connection of a gateway process (ioredis), opened by the first store set to
 * redis. Commands fail at once while it is not connected (no offline queue: a money-moving call
 * must be refused, not kept waiting) and after redis.commandTimeoutMs when Redis is slow; nothing
 * is resent after a reconnection (a claim whose answer was lost must not be applied twice). It
 * reconnects by itself, forever, with a backoff of at most 2 s: the gateway recovers without a
 * restart.
 */
export class RedisConnection implements SharedRedis {
  private client?: Redis;
  private readonly uses = new Map<string, SharedStoreUse>();
  private readonly readyListeners: Array<() => void> = [];
  private closing = false;
  private wasReady = false;
  private lastErrorLog = 0;

  constructor(
    private readonly settings: RedisSettings,
    private readonly logger: Logger,
    private readonly metrics: GatewayMetrics,
  ) {}

  open(use: SharedStoreUse): Redis {
    this.uses.set(use.store, use);
    this.client ??= this.connect();
    return this.client;
  }

  key(namespace: string, key: string): string {
    return `${this.settings.prefix}${namespace}:${key}`;
  }

  async run<T>(store: string, op: string, fn: (redis: Redis) => Promise<T>): Promise<T> {
    if (!this.client) throw new Error(`redis: store ${store} used before open()`);
    const start = performance.now();
    try {
      const value = await fn(this.client);
      this.metrics.storeLatency.observe({ store, op }, (performance.now() - start) / 1000);
      return value;
    } catch (e) {
      this.metrics.storeLatency.observe({ store, op }, (performance.now() - start) / 1000);
      this.metrics.storeErrors.inc({ store, op });
      this.reportError(`redis: ${store} ${op} failed`, e);
      throw e;
    }
  }

  onReady(listener: () => void): void {
    this.readyListeners.push(listener);
  }

  /** Waits (at most connectTimeoutMs) for the first connection; false when Redis is not there yet. */
  async ready(): Promise<boolean> {
    const c = this.client;
    if (!c) return false;
    if (c.status === 'ready') return true;
    return new Promise<boolean>((resolve) => {
      const timer = setTimeout(() => done(false), this.settings.connectTimeoutMs);
      const onReady = () => done(true);
      const done = (ok: boolean) => {
        clearTimeout(timer);
        c.off('ready', onReady);
        resolve(ok);
      };
      c.on('ready', onReady);
    });
  }

  /** PING, for /ready: undefined when no store uses Redis. */
  async health(): Promise<RedisHealth | undefined> {
    if (!this.client) return undefined;
    const stores = [...this.uses.keys()];
    const guardsMoney = [...this.uses.values()].some((u) => u.guardsMoney);
    const start = performance.now();
    try {
      await this.client.ping();
      return { status: 'up', latencyMs: Math.round((performance.now() - start) * 100) / 100, stores, guardsMoney };
    } catch {
      return { status: 'down', stores, guardsMoney };
    }
  }

  async close(): Promise<void> {
    const c = this.client;
    if (!c) return;
    this.closing = true;
    this.metrics.redisUp.set(0);
    try {
      if (c.status === 'ready') await c.quit();
      else await disconnected(c);
    } catch {
      await disconnected(c);
    }
  }

  private connect(): Redis {
    if (!this.settings.url) throw new Error('redis.url (GATEWAY_REDIS_URL) is not set');
    const client = new Redis(this.settings.url, {
      lazyConnect: true,
      connectTimeout: this.settings.connectTimeoutMs,
      commandTimeout: this.settings.commandTimeoutMs,
      enableOfflineQueue: false,
      maxRetriesPerRequest: 0,
      autoResendUnfulfilledCommands: false,
      retryStrategy: (times) => (this.closing ? null : Math.min(50 * 2 ** Math.min(times, 6), 2000)),
      connectionName: 'bank-api-gateway',
      // at shutdown, a socket that does not close by itself is destroyed after this long
      disconnectTimeout: 500,
      // after a failover, a connection still on the old primary (now a replica) reconnects to
      // whatever the URL's name points at; the failed command is not resent
      reconnectOnError: (e) => (e.message.startsWith('READONLY') ? 1 : false),
    });
    this.metrics.redisUp.set(0);
    client.on('ready', () => {
      this.metrics.redisUp.set(1);
      if (this.wasReady) this.logger.info('redis: connection ready again', { stores: [...this.uses.keys()] });
      this.wasReady = true;
      for (const l of this.readyListeners) l();
    });
    client.on('close', () => {
      this.metrics.redisUp.set(0);
      if (!this.closing && this.wasReady) this.reportError('redis: connection lost; reconnecting', undefined);
    });
    // reported at most every 10 s: a Redis down under load would otherwise write a line per request
    client.on('error', (e: Error) => this.reportError('redis: connection error', e));
    // a first failure is retried by retryStrategy like any later one
    client.connect().catch(() => undefined);
    return client;
  }

  private reportError(message: string, e: unknown): void {
    const now = Date.now();
    if (this.closing || now - this.lastErrorLog < ERROR_LOG_EVERY_MS) return;
    this.lastErrorLog = now;
    this.logger.warn(message, { error: e instanceof Error ? e.message : undefined, stores: [...this.uses.keys()] });
  }
}

/**
 * Drops the connection and resolves once its socket is closed, so a process that stops leaves no
 * timer behind (ioredis keeps one until the socket closes); at most two seconds, ioredis' own bound.
 */
function disconnected(c: Redis): Promise<void> {
  if (c.status === 'end') return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, 2_000);
    timer.unref();
    c.once('end', () => {
      clearTimeout(timer);
      resolve();
    });
    c.disconnect();
  });
}
