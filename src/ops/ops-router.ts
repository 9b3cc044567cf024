import { Router } from 'express';
import type { GatewayConfig } from '../config/load-config';
import type { GatewayServices } from '../services';
import { DISPLAY_NAMES } from '../adapters/registry';
import type { BackendName } from '../config/schema';

/** Operational endpoints, outside the API policy chain: liveness, readiness, Prometheus metrics. */
export function createOpsRouter(config: GatewayConfig, services: GatewayServices, state: { draining: boolean }): Router {
  const router = Router();
  const started = new Date().toISOString();
  router.get('/health', (_req, res) => {
    res.locals.routeLabel = 'health';
    res.json({ status: 'UP', startedAt: started });
  });
  router.get('/ready', (_req, res) => {
    res.locals.routeLabel = 'ready';
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
  router.get('/metrics', async (_req, res) => {
    res.locals.routeLabel = 'metrics';
    res.set('Content-Type', services.metrics.registry.contentType).send(await services.metrics.registry.metrics());
  });
  return router;
}
