import express from 'express';
import helmet from 'helmet';
import request from 'supertest';
import { onlyForItsRoutes, replayHeaders } from '../../../src/routing/app-layers';

const HELMET_OPTIONS = { contentSecurityPolicy: false, crossOriginEmbedderPolicy: false } as const;

function appWith(mw: express.RequestHandler) {
  const app = express();
  app.use(mw);
  app.get('/x', (_req, res) => void res.json({ ok: true }));
  return app;
}

describe('app layers (hot path)', () => {
  it('when helmet is replayed, then the response carries exactly the headers helmet itself sets', async () => {
    const direct = await request(appWith(helmet(HELMET_OPTIONS))).get('/x');
    const replayed = await request(appWith(replayHeaders(helmet(HELMET_OPTIONS)))).get('/x');
    const strip = (h: Record<string, string>) => {
      const { date: _date, ...rest } = h;
      return rest;
    };
    expect(strip(replayed.headers)).toEqual(strip(direct.headers));
    expect(replayed.headers['strict-transport-security']).toBeDefined();
  });

  it('when a path is one of the router routes in any case or with a trailing slash, then the router answers it, and not otherwise', async () => {
    const router = express.Router();
    router.get('/health', (_req, res) => void res.json({ from: 'router' }));
    const app = express();
    app.use(onlyForItsRoutes(router));
    app.use((_req, res) => void res.status(404).json({ from: 'fallthrough' }));
    for (const p of ['/health', '/Health', '/health/']) expect((await request(app).get(p)).body).toEqual({ from: 'router' });
    for (const p of ['/healthz', '/', '/x/health']) expect((await request(app).get(p)).body).toEqual({ from: 'fallthrough' });
  });

  it('when a router has more than plain routes, then every request still reaches it', async () => {
    const router = express.Router();
    router.use((_req, res) => void res.json({ from: 'router' }));
    const app = express();
    app.use(onlyForItsRoutes(router));
    expect((await request(app).get('/anything')).body).toEqual({ from: 'router' });
  });
});
