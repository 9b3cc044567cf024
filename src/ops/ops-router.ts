import { Router } from 'express';
import type { CoreConfig } from '../config/schema';
import { DISPLAY_NAMES, type BackendName } from '../gateway/backends';
import type { CoreCallers } from '../gateway/core';
import { contextOf } from '../gateway/request-context';
import type { GatewayMetrics } from '../observability/metrics';

/** Operational endpoints, outside the API policy chain: liveness, readiness, Prometheus metrics. */
export function createOpsRouter(config: CoreConfig, services: { cores: CoreCallers; metrics: GatewayMetrics }, state: { draining: boolean }): Router {
  const router = Router();
  const started = new Date().toISOString();
  router.get('/health', (req, res) => {
    contextOf(req).label = 'health';
    res.json({ status: 'UP', startedAt: started });
  });
  router.get('/ready', (req, res) => {
    contextOf(req).label = 'ready';
    const backends = Object.fromEntries(
      (Object.entries(services.cores) as [BackendName, (typeof services.cores)[BackendName]][]).map(([name, c]) => [
        name,
        { system: DISPLAY_NAMES[name], breaker: c.state },
      ]),
    );
    const open = Object.values(backends).filter((b) => b.breaker !== 'closed').length;
    const status = state.draining ? 'DRAINING' : open ? 'DEGRADED' : 'READY';
    // A down back end degrades some operations but not the gateway: only draining takes it out of rotation.
    res.status(state.draining ? 503 : 200).json({ status, profile: config.env, configLoaded: true, backends });
  });
  router.get('/metrics', async (req, res) => {
    contextOf(req).label = 'metrics';
    res.set('Content-Type', services.metrics.registry.contentType).send(await services.metrics.registry.metrics());
  });
  return router;
}
