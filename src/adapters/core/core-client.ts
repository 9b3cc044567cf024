import { GatewayError } from '../../errors/gateway-error';
import type { BreakerState, CallContext, CoreCaller, CoreRequest } from '../../gateway/core';
import type { Logger } from '../../observability/logger';
import type { GatewayMetrics } from '../../observability/metrics';
import { inSpan, tracingEnabled } from '../../observability/tracing';
import { CoreOutcomeUnknownError, CoreBusinessError } from '../core-errors';
import { createExchange, type Exchange, type ExchangeResponse } from '../transport/axios-exchange';
import { BreakerRejection, CoreBreaker, type BreakerSettings } from './breaker';
import { classifyTransportError, countsAsFailure, isRetryableConnectionFailure, parseCoreAnswer } from './failures';

export interface CoreClientOptions {
  name: string;
  displayName: string;
  baseUrl: string;
  timeoutMs: number;
  maxSockets: number;
  breaker: BreakerSettings;
  forwardFaults: boolean;
}

const JSON_BODY = { 'content-type': 'application/json' };

/**
 * The transport to one core: axios over an undici keep-alive pool (transport/), a per-call
 * timeout, its breaker (breaker.ts), the classification of what went wrong (failures.ts), and the
 * metrics and upstream log entry of each call. The no-retry rule comes from the call's context
 * (CallContext.moneyMoving, from the route): a read whose connection failed is tried once more,
 * nothing that moves money ever is.
 */
export class CoreClient implements CoreCaller {
  readonly name: string;
  readonly displayName: string;
  private readonly exchange: Exchange;
  private readonly breaker: CoreBreaker;

  constructor(
    private readonly opts: CoreClientOptions,
    logger: Logger,
    private readonly metrics: GatewayMetrics,
  ) {
    this.name = opts.name;
    this.displayName = opts.displayName;
    this.exchange = createExchange(opts.baseUrl, opts.maxSockets);
    this.breaker = new CoreBreaker(opts.name, opts.displayName, opts.breaker, countsAsFailure, logger, metrics);
  }

  get state(): BreakerState {
    return this.breaker.state;
  }

  get stats() {
    return this.breaker.stats;
  }

  /** Calls the core through the breaker; resolves the parsed JSON object, or throws a classified error. */
  call<T = Record<string, unknown>>(req: CoreRequest, ctx: CallContext): Promise<T> {
    if (!tracingEnabled()) return this.measured<T>(req, ctx);
    const attributes = { 'gateway.backend': this.name, 'gateway.core_operation': req.operation, 'gateway.money_moving': ctx.moneyMoving };
    return inSpan(`core ${this.name} ${req.operation}`, attributes, () => this.measured<T>(req, ctx));
  }

  private async measured<T>(req: CoreRequest, ctx: CallContext): Promise<T> {
    const started = performance.now();
    let status: number | string = 'error';
    try {
      const result = await this.breaker.run(() => this.send(req, ctx));
      status = 200;
      this.metrics.backendCalls.inc({ backend: this.name, outcome: 'success' });
      return result as T;
    } catch (err) {
      if (err instanceof BreakerRejection) {
        status = 'breaker-open';
        this.metrics.backendCalls.inc({ backend: this.name, outcome: 'rejected' });
      } else if (err instanceof CoreBusinessError) {
        status = err.httpStatus;
        // a core's own error shape with a 5xx is a failure of the core (it also counts against the breaker)
        this.metrics.backendCalls.inc({ backend: this.name, outcome: countsAsFailure(err) ? 'failure' : 'business_error' });
      } else {
        status = err instanceof CoreOutcomeUnknownError || (err instanceof GatewayError && err.status === 504) ? 'timeout' : 'failure';
        this.metrics.backendCalls.inc({ backend: this.name, outcome: status === 'timeout' ? 'timeout' : 'failure' });
      }
      throw err;
    } finally {
      const latencyMs = Math.round((performance.now() - started) * 1000) / 1000;
      this.metrics.backendLatency.observe({ backend: this.name }, latencyMs / 1000);
      ctx.upstream?.push({ system: this.name, operation: req.operation, status, latencyMs });
    }
  }

  private async send(req: CoreRequest, ctx: CallContext): Promise<unknown> {
    try {
      return await this.attempt(req, ctx);
    } catch (e) {
      // a missing moneyMoving is treated as money-moving: never retried
      if (ctx.moneyMoving === false && isRetryableConnectionFailure(e)) return this.attempt(req, ctx);
      throw e;
    }
  }

  private async attempt(req: CoreRequest, ctx: CallContext): Promise<unknown> {
    const headers: Record<string, string> = { accept: 'application/json', 'x-correlation-id': ctx.correlationId };
    if (req.body !== undefined) Object.assign(headers, JSON_BODY);
    if (this.opts.forwardFaults && ctx.fault) headers['x-sandbox-fault'] = ctx.fault;
    let res: ExchangeResponse;
    try {
      res = await this.exchange.send({
        method: req.method,
        path: req.path,
        query: req.query,
        body: req.body === undefined ? undefined : JSON.stringify(req.body),
        headers,
        timeoutMs: this.opts.timeoutMs,
      });
    } catch (e) {
      throw classifyTransportError(this, e as Error & { code?: string }, req, ctx.moneyMoving !== false);
    }
    return parseCoreAnswer(this, res.status, res.text, req);
  }

  shutdown(): Promise<void> {
    this.breaker.shutdown();
    return this.exchange.close();
  }
}
