import http from 'node:http';
import express from 'express';
import { createProxyMiddleware } from 'http-proxy-middleware';
import { serveForwardingTarget } from './target-process';

/**
 * The baseline: what any Express 5 reverse proxy costs. Same client requests as the gateway,
 * forwarded to the same stub operations over a keep-alive agent (without one, http-proxy opens a
 * connection per request), and none of the gateway's work: no auth, no parsing, no validation.
 */
export function createBaselineProxy(upstreamUrl: string): express.Express {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 128 });
  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);
  app.use(
    createProxyMiddleware({
      target: upstreamUrl,
      agent,
      pathRewrite: {
        '^/transfers-management/v1/transfers$': '/bankmaster/transfers',
        '^/facilito/v1/customers/([^/]+)/account$': '/bankmaster/customers/$1/main-account',
      },
    }),
  );
  return app;
}

if (require.main === module) serveForwardingTarget(createBaselineProxy);
