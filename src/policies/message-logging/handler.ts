import crypto from 'node:crypto';
import type { RequestHandler } from 'express';
import type { Logger } from '../../observability/logger';
import type { GatewayMetrics } from '../../observability/metrics';
import { maskUrl } from '../../observability/masking';
import { queryInClear } from './query-in-clear';
import { attachContext } from '../../gateway/request-context';

const CORRELATION = /^[\x21-\x7e]{1,64}$/;

/**
 * One JSON line per request (correlation id, client, operation, status, latency, upstream calls)
 * plus the request metrics. Runs first, for every request, so rejections are logged too.
 * At debug level the masked headers and body are logged as well.
 */
export function messageLogging(logger: Logger, metrics: GatewayMetrics): RequestHandler {
  const debug = logger.isDebugEnabled();
  return (req, res, next) => {
    const start = process.hrtime.bigint();
    const txId = req.get('x-invoker-txid');
    const correlationId = txId && CORRELATION.test(txId) ? txId : crypto.randomUUID();
    const ctx = attachContext(req, correlationId);
    res.setHeader('X-Correlation-Id', correlationId);
    res.once('finish', () => {
      const latencyMs = Number(process.hrtime.bigint() - start) / 1e6;
      const api = ctx.api?.name ?? 'gateway';
      const route = ctx.route?.operationId ?? ctx.label ?? 'unmatched';
      const status = res.statusCode;
      const labels = { api, route, method: req.method, status: String(status) };
      metrics.requests.inc(labels);
      metrics.latency.observe(labels, latencyMs / 1000);
      const entry: Record<string, unknown> = {
        correlationId,
        clientId: ctx.client?.clientId,
        api,
        operation: route,
        method: req.method,
        // every query value masked unless the operation's contract declares it from a closed set
        path: maskUrl(req.originalUrl, queryInClear(ctx.api, ctx.route)),
        status,
        latencyMs: Math.round(latencyMs * 1000) / 1000,
      };
      if (ctx.upstream.length) entry.upstream = ctx.upstream;
      if (ctx.error) entry.errorCode = ctx.error.errorCode;
      if (debug) {
        entry.requestHeaders = req.headers;
        if (req.body !== undefined) entry.requestBody = req.body;
      }
      logger.info('request', entry);
    });
    next();
  };
}
