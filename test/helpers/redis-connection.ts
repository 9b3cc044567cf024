import { PassThrough } from 'node:stream';
import { createLogger } from '../../src/observability/logger';
import { GatewayMetrics } from '../../src/observability/metrics';
import { RedisConnection } from '../../src/stores/redis-connection';

export interface OpenedRedis {
  conn: RedisConnection;
  deps: { redis: RedisConnection; logger: ReturnType<typeof createLogger>; metrics: GatewayMetrics };
  /** The warnings and info lines written so far. */
  logs(): Array<Record<string, unknown>>;
  close(): Promise<void>;
}

/** One process's connection (as a replica has), with its own metrics and a captured log. */
export function redisConnection(url: string, prefix: string, timeouts: { commandTimeoutMs?: number; connectTimeoutMs?: number } = {}): OpenedRedis {
  const stream = new PassThrough();
  let raw = '';
  stream.on('data', (c: Buffer) => (raw += c.toString()));
  const logger = createLogger({ level: 'info', stream });
  const metrics = new GatewayMetrics();
  const conn = new RedisConnection({ url, prefix, commandTimeoutMs: timeouts.commandTimeoutMs ?? 1000, connectTimeoutMs: timeouts.connectTimeoutMs ?? 2000 }, logger, metrics);
  return {
    conn,
    deps: { redis: conn, logger, metrics },
    logs: () =>
      raw
        .split('\n')
        .filter(Boolean)
        .map((l) => JSON.parse(l) as Record<string, unknown>),
    close: () => conn.close(),
  };
}
