import CircuitBreaker from 'opossum';
import { GatewayError } from '../../errors/gateway-error';
import type { BreakerState } from '../../gateway/core';
import type { Logger } from '../../observability/logger';
import { BREAKER_STATE_VALUE, type GatewayMetrics } from '../../observability/metrics';

export interface BreakerSettings {
  errorThresholdPercentage: number;
  volumeThreshold: number;
  resetTimeoutMs: number;
  rollingCountTimeoutMs: number;
}

/**
 * A call the breaker refused: it is open, or shut down with the gateway. Nothing was sent to the
 * core, so the client may retry safely: 503, never an unknown outcome.
 */
export class BreakerRejection extends GatewayError {
  constructor(
    readonly reason: 'open' | 'shutdown',
    displayName: string,
  ) {
    super({
      ...GatewayError.of('BACKEND_UNAVAILABLE', `${displayName} is temporarily unavailable; retry later`, { errorType: displayName }),
      detail: reason === 'shutdown' ? 'gateway shutting down' : 'circuit breaker open',
    });
    this.name = 'BreakerRejection';
  }
}

/**
 * One back end's circuit breaker (one per back end, created once): opossum's state machine, its
 * state on the gateway_breaker_state gauge and in the log, and its own typed error when it refuses
 * a call. `countsAsFailure` tells which errors open it (a core's business answer does not).
 */
export class CoreBreaker {
  private readonly breaker: CircuitBreaker<[() => Promise<unknown>], unknown>;

  constructor(
    readonly name: string,
    private readonly displayName: string,
    settings: BreakerSettings,
    countsAsFailure: (err: unknown) => boolean,
    logger: Logger,
    metrics: GatewayMetrics,
  ) {
    this.breaker = new CircuitBreaker((action: () => Promise<unknown>) => action(), {
      timeout: false, // each call aborts itself: the transport's per-call timeout
      errorThresholdPercentage: settings.errorThresholdPercentage,
      volumeThreshold: settings.volumeThreshold,
      resetTimeout: settings.resetTimeoutMs,
      rollingCountTimeout: settings.rollingCountTimeoutMs,
      errorFilter: (err: unknown) => !countsAsFailure(err),
      name,
      // Latency is measured by the backendLatency histogram (prom-client). opossum's own
      // percentiles keep every call's latency in its rolling window and sort the whole window
      // for a snapshot every bucket (each second): 20,000 numbers at 2,000 calls/s. Its counts
      // (fires, failures, rejects...) are kept either way.
      rollingPercentilesEnabled: false,
      enableSnapshots: false,
    });
    const onState = (state: BreakerState) => () => {
      metrics.breakerState.set({ backend: name }, BREAKER_STATE_VALUE[state]);
      const log = state === 'open' ? logger.warn.bind(logger) : logger.info.bind(logger);
      log('circuit breaker state changed', { backend: name, state });
    };
    this.breaker.on('open', onState('open'));
    this.breaker.on('halfOpen', onState('halfOpen'));
    this.breaker.on('close', onState('closed'));
    metrics.breakerState.set({ backend: name }, BREAKER_STATE_VALUE.closed);
  }

  get state(): BreakerState {
    return this.breaker.opened ? 'open' : this.breaker.halfOpen ? 'halfOpen' : 'closed';
  }

  get stats() {
    return this.breaker.stats;
  }

  /** Runs the action through the breaker, or throws BreakerRejection without running it. */
  async run<T>(action: () => Promise<T>): Promise<T> {
    try {
      return (await this.breaker.fire(action)) as T;
    } catch (e) {
      const code = (e as { code?: string }).code;
      if (code === 'EOPENBREAKER') throw new BreakerRejection('open', this.displayName);
      if (code === 'ESHUTDOWN') throw new BreakerRejection('shutdown', this.displayName);
      throw e;
    }
  }

  shutdown(): void {
    this.breaker.shutdown();
  }
}
