/** The contract between a route's adapters and the transport to a core system. */
import type { BackendName } from './backends';

export interface UpstreamCall {
  system: string;
  operation: string;
  status: number | string;
  latencyMs: number;
}

/** Per-request context every core call carries. */
export interface CallContext {
  correlationId: string;
  /**
   * The route moves money or changes state in a core (RouteDefinition.moneyMoving, set by the
   * router): its calls are never retried and a timeout is an unknown outcome, never a failure.
   */
  moneyMoving: boolean;
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
}

export type BreakerState = 'closed' | 'halfOpen' | 'open';

/** One core system as adapters see it: a call through its breaker and transport. */
export interface CoreCaller {
  readonly name: string;
  readonly displayName: string;
  readonly state: BreakerState;
  call<T = Record<string, unknown>>(req: CoreRequest, ctx: CallContext): Promise<T>;
}

export type CoreCallers = Readonly<Record<BackendName, CoreCaller>>;
