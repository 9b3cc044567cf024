import express from 'express';
import { createExchange } from '../adapters/transport/axios-exchange';
import { serveForwardingTarget } from './target-process';

/**
 * The library floor (opt-in target "floor"): what the gateway's libraries of record cost with none
 * of the gateway's own work. Express 5, express.json(), the gateway's own axios transport
 * (createExchange: axios over an undici keep-alive pool, per-call timeout), JSON.parse of
 * the core's answer and res.json of an envelope; no policy, no breaker, no log line, no metrics,
 * no mapping. The gap between this and the bare proxy is the stack; the gap between this and the
 * gateway is everything the gateway does on top of it.
 */
export function createLibraryFloor(upstreamUrl: string): express.Express {
  const exchange = createExchange(upstreamUrl, 128);
  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);
  const JSON_HEADERS = { 'content-type': 'application/json', accept: 'application/json' };
  const forward = async (res: express.Response, method: string, path: string, body?: unknown) => {
    const answer = await exchange.send({ method, path, body: body === undefined ? undefined : JSON.stringify(body), headers: { ...JSON_HEADERS }, timeoutMs: 5000 });
    res.status(answer.status).json({ responseType: { value: 'OK' }, data: JSON.parse(answer.text) });
  };
  app.post('/transfers-management/v1/transfers', express.json(), (req, res) => forward(res, 'POST', '/bankmaster/transfers', req.body));
  app.get('/facilito/v1/customers/:Cedula/account', (req, res) => forward(res, 'GET', `/bankmaster/customers/${encodeURIComponent(req.params.Cedula)}/main-account`));
  return app;
}

if (require.main === module) serveForwardingTarget(createLibraryFloor);
