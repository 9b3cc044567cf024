import { RateLimiterMemory, type RateLimiterAbstract } from 'rate-limiter-flexible';
import { GatewayError } from '../errors/gateway-error';

export interface FailedAuthSettings {
  /** Failed attempts a client_id may take per window before it is refused (429) for the rest of it. */
  perClientId: number;
  /** Failed attempts a source address may make per window. */
  perSource: number;
  windowSeconds: number;
  /** Counter store by name: memory (per instance). rate-limiter-flexible's Redis limiter fits the same seam. */
  store: string;
}

/** The counter store seam: a rate-limiter-flexible limiter by name (memory here; RateLimiterRedis for a fleet). */
export function createFailureCounter(kind: string, points: number, windowSeconds: number, keyPrefix: string): RateLimiterAbstract {
  switch (kind) {
    case 'memory':
      return new RateLimiterMemory({ points, duration: windowSeconds, keyPrefix });
    default:
      throw new Error(`clients.failedAuth.store: unknown store "${kind}"`);
  }
}

/**
 * Failed client authentications, counted per client_id and per source address. A key that has
 * failed its limit in the window is refused with 429 BEFORE any hashing, even with the right
 * secret, until the window ends: throttling only the wrong secrets would tell an attacker which
 * guess was right. Successful attempts are not counted.
 */
export class FailedAuthThrottle {
  private readonly byClient: RateLimiterAbstract;
  private readonly bySource: RateLimiterAbstract;

  constructor(private readonly s: FailedAuthSettings) {
    this.byClient = createFailureCounter(s.store, s.perClientId, s.windowSeconds, 'auth-fail-client');
    this.bySource = createFailureCounter(s.store, s.perSource, s.windowSeconds, 'auth-fail-source');
  }

  /** Throws 429 (with Retry-After) when the client_id or the source has no failed attempt left. */
  async check(clientId: string, source: string | undefined): Promise<void> {
    const [c, s] = await Promise.all([this.byClient.get(clientId), source ? this.bySource.get(source) : null]);
    const blocked = [c && c.consumedPoints >= this.s.perClientId ? c : undefined, s && s.consumedPoints >= this.s.perSource ? s : undefined].filter(
      (r) => r !== undefined,
    );
    if (!blocked.length) return;
    const retryAfter = Math.max(1, Math.ceil(Math.max(...blocked.map((r) => r!.msBeforeNext)) / 1000));
    throw GatewayError.of('AUTH_THROTTLED', `Too many failed client authentications for this client_id or from this address; retry after ${retryAfter} seconds`, {
      headers: { 'Retry-After': String(retryAfter) },
    });
  }

  async failed(clientId: string, source: string | undefined): Promise<void> {
    await Promise.all([this.byClient.penalty(clientId, 1), source ? this.bySource.penalty(source, 1) : undefined]);
  }
}
