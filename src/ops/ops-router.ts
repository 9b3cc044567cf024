import { Router } from 'express';
import type { CoreConfig } from '../config/schema';
import { DISPLAY_NAMES, type BackendName } from '../gateway/backends';
import type { CoreCallers } from '../gateway/core';
import { contextOf } from '../gateway/request-context';
import type { GatewayMetrics } from '../observability/metrics';
import type { RedisHealth } from '../stores/redis-connection';

/** Operational endpoints, outside the API policy chain: liveness, readiness, Prometheus metrics. */
export function createOpsRouter(
  config: CoreConfig,
  services: { cores: CoreCallers; metrics: GatewayMetrics; redis?: { health(): Promise<RedisHealth | undefined> } },
  state: { draining: boolean },
): Router {
  const router = Router();
  const started = new Date().toISOString();
  router.get('/health', (req, res) => {
    contextOf(req).label = 'health';
    res.json({ status: 'UP', startedAt: started });
  });
  /**
   * 503 only while draining: a shared store or a core that is down is down for every replica, and
   * a load balancer that took them all out would refuse the reads too. What cannot be served is
   * said in the body (moneyMoving, redis, backends); `/ready?for=money` answers 503 as well while
   * money-moving calls are refused, for a probe that routes only money.
   */
  router.get('/ready', async (req, res) => {
    contextOf(req).label = 'ready';
    const backends = Object.fromEntries(
      (Object.entries(services.cores) as [BackendName, (typeof services.cores)[BackendName]][]).map(([name, c]) => [
        name,
        { system: DISPLAY_NAMES[name], breaker: c.state },
      ]),
    );
    const open = Object.values(backends).filter((b) => b.breaker !== 'closed').length;
    const redis = await services.redis?.health();
    const moneyRefused = redis?.guardsMoney === true && redis.status === 'down';
    const status = state.draining ? 'DRAINING' : open || redis?.status === 'down' ? 'DEGRADED' : 'READY';
    const notReady = state.draining || (moneyRefused && req.query.for === 'money');
    res.status(notReady ? 503 : 200).json({
      status,
      profile: config.env,
      configLoaded: true,
      moneyMoving: moneyRefused ? 'refused: the idempotency store (Redis) does not answer; nothing is sent to the cores' : 'available',
      backends,
      ...(redis ? { redis } : {}),
    });
  });
  router.get('/metrics', async (req, res) => {
    contextOf(req).label = 'metrics';
    res.set('Content-Type', services.metrics.registry.contentType).send(await services.metrics.registry.metrics());
  });
  return router;
}
