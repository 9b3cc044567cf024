import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

export const BREAKER_STATE_VALUE = { closed: 0, halfOpen: 1, open: 2 } as const;

/** One registry per app instance, so several apps (tests) never share counters. */
export class GatewayMetrics {
  readonly registry = new Registry();
  readonly requests = new Counter({
    name: 'gateway_requests_total',
    help: 'API requests answered, by API, route, method and status',
    labelNames: ['api', 'route', 'method', 'status'],
    registers: [this.registry],
  });
  readonly latency = new Histogram({
    name: 'gateway_request_duration_seconds',
    help: 'Time from request received to response finished',
    labelNames: ['api', 'route', 'method', 'status'],
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [this.registry],
  });
  readonly breakerState = new Gauge({
    name: 'gateway_breaker_state',
    help: 'Circuit breaker state per back end: 0 closed, 1 half-open, 2 open',
    labelNames: ['backend'],
    registers: [this.registry],
  });
  readonly backendCalls = new Counter({
    name: 'gateway_backend_calls_total',
    help: 'Calls to core systems by outcome (success, business_error, failure, timeout, rejected)',
    labelNames: ['backend', 'outcome'],
    registers: [this.registry],
  });
  readonly backendLatency = new Histogram({
    name: 'gateway_backend_duration_seconds',
    help: 'Latency of calls to core systems',
    labelNames: ['backend'],
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [this.registry],
  });

  // the shared store (Redis): registered always, non-zero only on a gateway whose stores use it
  readonly storeLatency = new Histogram({
    name: 'gateway_store_duration_seconds',
    help: 'Round trips to the shared store (Redis) by store (idempotency, rate-limit) and operation',
    labelNames: ['store', 'op'],
    buckets: [0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1],
    registers: [this.registry],
  });
  readonly storeErrors = new Counter({
    name: 'gateway_store_errors_total',
    help: 'Failed or timed-out round trips to the shared store (Redis) by store and operation',
    labelNames: ['store', 'op'],
    registers: [this.registry],
  });
  readonly redisUp = new Gauge({
    name: 'gateway_redis_up',
    help: 'The connection to the shared store (Redis) is ready: 1, or 0 (money-moving calls are refused with 503 meanwhile); NaN when no store uses Redis',
    registers: [this.registry],
  });
  readonly abandonedClaims = new Counter({
    name: 'gateway_idempotency_abandoned_claims_total',
    help: 'Idempotency claims whose replica died in flight, taken over by a retry (sent to the core with the same reference)',
    registers: [this.registry],
  });
  readonly rateLimitLocal = new Counter({
    name: 'gateway_rate_limit_local_total',
    help: 'Requests counted by this replica alone because the shared rate-limit store did not answer (failOpen)',
    registers: [this.registry],
  });

  constructor(opts: { defaultMetrics?: boolean } = {}) {
    // not applicable until a store opens the connection: a memory-store gateway must not read as "Redis down"
    this.redisUp.set(Number.NaN);
    if (opts.defaultMetrics) collectDefaultMetrics({ register: this.registry, prefix: 'gateway_' });
  }
}
