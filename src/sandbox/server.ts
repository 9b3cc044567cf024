import http from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { BACKENDS, type BackendName } from '../gateway/backends';
import { SandboxState } from './state/sandbox-state';
import { FaultInjector } from './faults';
import { CORE_MODULES } from './cores';
import { coreErrorHandler } from './cores/core-app';

export interface SandboxHandle {
  url: string;
  /** Base URL per back end, e.g. http://127.0.0.1:40123/bankmaster */
  urls: Record<BackendName, string>;
  state: SandboxState;
  faults: FaultInjector;
  close(): Promise<void>;
}

/**
 * The simulated cores: one loopback HTTP server, one prefix per back end, so the gateway's
 * adapters run their real HTTP path (keep-alive, timeouts, breakers) against them.
 */
export async function startSandbox(opts: { port?: number; host?: string; state?: SandboxState } = {}): Promise<SandboxHandle> {
  const state = opts.state ?? new SandboxState();
  const faults = new FaultInjector();
  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);
  app.use(express.json({ limit: '1mb' }));
  // for a container healthcheck when the cores run as their own service (cores-main.ts)
  app.get('/health', (_req, res) => void res.json({ status: 'UP' }));
  for (const backend of BACKENDS) {
    const router = express.Router();
    router.use(faults.middleware(backend));
    for (const mod of CORE_MODULES[backend]) router.use(mod(state));
    router.use((req, res) => {
      res.status(404).json({ errorCode: 'SIM404', errorType: 'SIM', errorDesc: `NO SUCH CORE OPERATION ${req.method} ${req.path}` });
    });
    router.use(coreErrorHandler);
    app.use(`/${backend}`, router);
  }
  const server = http.createServer({ keepAliveTimeout: 65_000 }, app);
  const host = opts.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, host, resolve);
  });
  // a wildcard bind is reached on loopback from this machine; other hosts use its own name
  const url = `http://${host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host}:${(server.address() as AddressInfo).port}`;
  const urls = Object.fromEntries(BACKENDS.map((b) => [b, `${url}/${b}`])) as Record<BackendName, string>;
  return {
    url,
    urls,
    state,
    faults,
    close: () =>
      new Promise<void>((resolve) => {
        for (const res of faults.held) res.socket?.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
