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

  constructor(opts: { defaultMetrics?: boolean } = {}) {
    if (opts.defaultMetrics) collectDefaultMetrics({ register: this.registry, prefix: 'gateway_' });
  }
}
