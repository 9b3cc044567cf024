import CircuitBreaker from 'opossum';
import { GatewayError } from '../errors/gateway-error';
import { CoreBusinessError, CoreOutcomeUnknownError } from './core-errors';
import type { Logger } from '../observability/logger';
import { BREAKER_STATE_VALUE, type GatewayMetrics } from '../observability/metrics';
import { CallTimeout, createExchange, type Exchange, type ExchangeResponse } from './axios-exchange';

export interface UpstreamCall {
  system: string;
  operation: string;
  status: number | string;
  latencyMs: number;
}

/** Per-request context every core call carries. */
export interface CallContext {
  correlationId: string;
  /** Filled with one entry per core call, for the request's log line. */
  upstream?: UpstreamCall[];
  /** Sandbox fault-injection instruction forwarded to the simulated core (sandbox profile only). */
  fault?: string;
}

export interface CoreRequest {
  /** Operation name for logs and metrics. */
  operation: string;
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  path: string;
  query?: Record<string, string | number | boolean | undefined>;
  body?: unknown;
  /** Reads (and only reads) may be retried once after a connection error. */
  idempotent: boolean;
}

export interface CoreClientOptions {
  name: string;
  displayName: string;
  baseUrl: string;
  timeoutMs: number;
  maxSockets: number;
  breaker: { errorThresholdPercentage: number; volumeThreshold: number; resetTimeoutMs: number; rollingCountTimeoutMs: number };
  forwardFaults: boolean;
}

export type BreakerState = 'closed' | 'halfOpen' | 'open';

// Nothing was sent: the core was never reached. Besides Node's socket codes, the transport's own:
// its connect timeout, and a request refused because its connection pool is closed or destroyed.
const CONNECT_ERRORS = new Set(['ECONNREFUSED', 'EHOSTUNREACH', 'ENOTFOUND', 'EAI_AGAIN', 'ENETUNREACH', 'UND_ERR_CONNECT_TIMEOUT', 'UND_ERR_CLOSED', 'UND_ERR_DESTROYED']);
const LOST_ERRORS = new Set(['ECONNRESET', 'EPIPE', 'ECONNABORTED', 'ERR_BAD_RESPONSE']);
const JSON_BODY = { 'content-type': 'application/json' };

/**
 * The transport to one core: axios over an undici keep-alive pool (axios-exchange.ts), a per-call
 * timeout, one opossum breaker, and the classification of everything that can go wrong into the
 * gateway's errors. It never leaks the core's host name to a client.
 */
export class CoreClient {
  readonly name: string;
  readonly displayName: string;
  private readonly exchange: Exchange;
  private readonly breaker: CircuitBreaker<[CoreRequest, CallContext], unknown>;

  constructor(
    private readonly opts: CoreClientOptions,
    private readonly logger: Logger,
    private readonly metrics: GatewayMetrics,
  ) {
    this.name = opts.name;
    this.displayName = opts.displayName;
    this.exchange = createExchange(opts.baseUrl, opts.maxSockets);
    this.breaker = new CircuitBreaker((req: CoreRequest, ctx: CallContext) => this.send(req, ctx), {
      timeout: false, // each call aborts itself: see send()
      errorThresholdPercentage: opts.breaker.errorThresholdPercentage,
      volumeThreshold: opts.breaker.volumeThreshold,
      resetTimeout: opts.breaker.resetTimeoutMs,
      rollingCountTimeout: opts.breaker.rollingCountTimeoutMs,
      errorFilter: (err: unknown) => err instanceof CoreBusinessError && err.httpStatus < 500,
      name: opts.name,
      // Latency is measured by the backendLatency histogram (prom-client). opossum's own
      // percentiles keep every call's latency in its rolling window and sort the whole window
      // for a snapshot every bucket (each second): 20,000 numbers at 2,000 calls/s. Its counts
      // (fires, failures, rejects...) are kept either way.
      rollingPercentilesEnabled: false,
      enableSnapshots: false,
    });
    const onState = (state: BreakerState) => () => {
      this.metrics.breakerState.set({ backend: this.name }, BREAKER_STATE_VALUE[state]);
      const log = state === 'open' ? this.logger.warn.bind(this.logger) : this.logger.info.bind(this.logger);
      log('circuit breaker state changed', { backend: this.name, state });
    };
    this.breaker.on('open', onState('open'));
    this.breaker.on('halfOpen', onState('halfOpen'));
    this.breaker.on('close', onState('closed'));
    this.metrics.breakerState.set({ backend: this.name }, BREAKER_STATE_VALUE.closed);
  }

  get state(): BreakerState {
    return this.breaker.opened ? 'open' : this.breaker.halfOpen ? 'halfOpen' : 'closed';
  }

  get stats() {
    return this.breaker.stats;
  }

  /** Calls the core through the breaker; resolves the parsed JSON object, or throws a classified error. */
  async call<T = Record<string, unknown>>(req: CoreRequest, ctx: CallContext): Promise<T> {
    const started = performance.now();
    let status: number | string = 'error';
    try {
      const result = (await this.breaker.fire(req, ctx)) as T;
      status = 200;
      this.metrics.backendCalls.inc({ backend: this.name, outcome: 'success' });
      return result;
    } catch (e) {
      const err = e as Error & { code?: string };
      // an open breaker, or one shut down with the gateway: the call was not sent
      if (err.code === 'EOPENBREAKER' || err.code === 'ESHUTDOWN') {
        status = 'breaker-open';
        this.metrics.backendCalls.inc({ backend: this.name, outcome: 'rejected' });
        throw GatewayError.of('BACKEND_UNAVAILABLE', `${this.displayName} is temporarily unavailable; retry later`, {
          errorType: this.displayName,
          detail: err.code === 'ESHUTDOWN' ? 'gateway shutting down' : 'circuit breaker open',
        });
      }
      if (err instanceof CoreBusinessError) {
        status = err.httpStatus;
        this.metrics.backendCalls.inc({ backend: this.name, outcome: 'business_error' });
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
      const code = (e as { code?: string }).code;
      // Reads may retry once when the connection failed; nothing that changes state is retried.
      if (req.idempotent && code && (CONNECT_ERRORS.has(code) || LOST_ERRORS.has(code))) return this.attempt(req, ctx);
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
      throw this.classifyTransportError(e as Error & { code?: string }, req);
    }
    return this.parse(res.status, res.text, req);
  }

  private classifyTransportError(e: Error & { code?: string }, req: CoreRequest): Error {
    const detail = { backend: this.name, operation: req.operation, code: e.code, message: e.message };
    if (e instanceof CallTimeout) {
      if (!req.idempotent) return new CoreOutcomeUnknownError(this.name, this.displayName, { ...detail, reason: 'timeout' });
      return GatewayError.of('BACKEND_TIMEOUT', `${this.displayName} did not answer in time`, { errorType: this.displayName, detail });
    }
    if (e.code && CONNECT_ERRORS.has(e.code)) {
      const err = GatewayError.of('BACKEND_UNAVAILABLE', `${this.displayName} is unreachable; retry later`, { errorType: this.displayName, detail });
      return Object.assign(err, { code: e.code });
    }
    // The request may have reached the core: for a state change this is an unknown outcome.
    if (!req.idempotent) return new CoreOutcomeUnknownError(this.name, this.displayName, { ...detail, reason: 'connection lost' });
    const err = GatewayError.of('BACKEND_BAD_RESPONSE', `${this.displayName} closed the connection without a valid answer`, {
      errorType: this.displayName,
      detail,
    });
    return Object.assign(err, { code: e.code ?? 'ECONNRESET' });
  }

  private parse(status: number, text: string, req: CoreRequest): unknown {
    let body: unknown;
    try {
      body = text === '' ? undefined : JSON.parse(text);
    } catch {
      body = undefined;
    }
    const isObject = body !== null && typeof body === 'object' && !Array.isArray(body);
    if (status >= 200 && status < 300) {
      if (isObject) return body;
      throw this.badResponse(req, status, 'success without a JSON object');
    }
    const b = body as Record<string, unknown>;
    if (isObject && (typeof b.errorCode === 'string' || typeof b.errorCode === 'number')) {
      throw new CoreBusinessError(this.name, status, String(b.errorCode), String(b.errorType ?? ''), String(b.errorDesc ?? ''), b);
    }
    throw this.badResponse(req, status, 'error without the core error shape');
  }

  private badResponse(req: CoreRequest, status: number, why: string): GatewayError {
    return GatewayError.of('BACKEND_BAD_RESPONSE', `${this.displayName} returned an invalid response`, {
      errorType: this.displayName,
      detail: { backend: this.name, operation: req.operation, status, why },
    });
  }

  shutdown(): Promise<void> {
    this.breaker.shutdown();
    return this.exchange.close();
  }
}
