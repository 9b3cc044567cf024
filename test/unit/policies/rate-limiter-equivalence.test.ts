import express, { type ErrorRequestHandler } from 'express';
import request from 'supertest';
import { rateLimit, MemoryStore } from 'express-rate-limit';
import { createRateLimiter } from '../../../src/policies/rate-limiting/handler';
import { GatewayError } from '../../../src/errors/gateway-error';
import { loadConfig } from '../../../src/config/load-config';

/** The previous limiter (express-rate-limit 8 with the gateway's options), kept as the reference. */
function referenceLimiter(windowMs: number, tiers: Record<string, number>) {
  const lowest = Math.min(...Object.values(tiers));
  return rateLimit({
    windowMs,
    limit: (_req, res) => tiers[res.locals.client?.tier as string] ?? lowest,
    keyGenerator: (_req, res) => `client:${res.locals.client?.clientId ?? 'anonymous'}`,
    standardHeaders: 'draft-6',
    legacyHeaders: false,
    store: new MemoryStore(),
    validate: { keyGeneratorIpFallback: false },
    handler: (_req, _res, next) => next(GatewayError.of('RATE_LIMITED', 'Too many requests for this client in the current window; retry after the seconds in Retry-After')),
  });
}

function appWith(limiter: express.RequestHandler) {
  const app = express();
  app.use((req, res, next) => {
    const id = req.get('x-client');
    res.locals.client = id ? { clientId: id, tier: req.get('x-tier') } : undefined;
    next();
  });
  app.use(limiter);
  app.get('/x', (req, res) => void res.json({ rateLimit: { ...(req as unknown as { rateLimit: object }).rateLimit, resetTime: undefined } }));
  const onError: ErrorRequestHandler = (err, _req, res, _next) => void res.status(err.status).json({ errorCode: err.errorCode, errorDesc: err.errorDesc });
  app.use(onError);
  return app;
}

const HEADERS = ['ratelimit-policy', 'ratelimit-limit', 'ratelimit-remaining'];
// seconds left in the window: each limiter started its own window, so they may straddle a second
const SECONDS = ['ratelimit-reset', 'retry-after'];

describe('rate limiter: same answers as express-rate-limit with the gateway options', () => {
  it('when clients of several tiers (and none) call past their limits, then statuses, bodies and RateLimit headers are the same', async () => {
    const tiers = { gold: 5, bronze: 2 };
    const config = loadConfig({ env: 'test', environment: {}, overrides: { policies: { rateLimit: { windowMs: 60_000, tiers } } } });
    const mine = appWith(createRateLimiter(config));
    const reference = appWith(referenceLimiter(60_000, tiers));
    const callers = [{ 'x-client': 'a', 'x-tier': 'gold' }, { 'x-client': 'b', 'x-tier': 'bronze' }, { 'x-client': 'c', 'x-tier': 'unknown' }, {}];
    for (let i = 0; i < 7; i++) {
      for (const h of callers) {
        const [got, want] = [await request(mine).get('/x').set(h), await request(reference).get('/x').set(h)];
        expect(got.status).toBe(want.status);
        expect(got.body).toEqual(want.body);
        for (const name of HEADERS) expect([name, got.headers[name]]).toEqual([name, want.headers[name]]);
        for (const name of SECONDS) {
          expect([name, got.headers[name] === undefined]).toEqual([name, want.headers[name] === undefined]);
          if (want.headers[name] !== undefined) expect(Math.abs(Number(got.headers[name]) - Number(want.headers[name]))).toBeLessThanOrEqual(1);
        }
      }
    }
  });
});
