import express, { type ErrorRequestHandler } from 'express';
import request from 'supertest';
import { jwtValidation } from '../../../src/policies/jwt-validation/handler';
import { contextOf } from '../../../src/gateway/request-context';
import type { GatewayError } from '../../../src/errors/gateway-error';
import type { TokenClaims } from '../../../src/gateway/client';

const TOKEN = 'aaa.bbb.ccc';

/** The JWT policy alone, for the transfers API, with a verifier that answers the given claims. */
function appWith(claims: TokenClaims) {
  const policy = jwtValidation.create({
    api: { name: 'transfers-management' },
    settings: undefined,
    state: undefined,
    deps: { tokens: { cached: () => undefined, verify: async () => claims } },
  } as never) as express.RequestHandler;
  const app = express();
  app.use((req, _res, next) => {
    contextOf(req).client = { clientId: 'app-1', apis: ['facilito', 'transfers-management'] } as never;
    next();
  });
  app.get('/t', policy, (_req, res) => res.json({ ok: true }));
  const onError: ErrorRequestHandler = (err, _req, res, _next) => {
    const e = err as GatewayError;
    res.status(e.status ?? 500).json({ code: e.errorCode, desc: e.errorDesc });
  };
  app.use(onError);
  return app;
}

describe('JWT validation: the token scope names the APIs it may call', () => {
  it.each([
    ['only facilito', 'facilito'],
    ['another API that merely contains the name', 'transfers-management-v2 facilito'],
    ['nothing', ''],
  ])('when the scope is %s, then 403 GW-403-04 naming the scope and the API', async (_what, scope) => {
    const res = await request(appWith({ client_id: 'app-1', scope })).get('/t').set('Authorization', `Bearer ${TOKEN}`);
    expect(res.status).toBe(403);
    expect(res.body.code).toBe('GW-403-04');
    expect(res.body.desc).toContain(`(${scope})`);
    expect(res.body.desc).toContain('transfers-management');
  });

  it('when the token has no scope claim, then 403 GW-403-04', async () => {
    const res = await request(appWith({ client_id: 'app-1' })).get('/t').set('Authorization', `Bearer ${TOKEN}`);
    expect(res.status).toBe(403);
    expect(res.body.desc).toMatch(/no scope/);
  });

  it.each([
    ['a space-separated scope naming the API', 'facilito transfers-management'],
    ['the API alone', 'transfers-management'],
  ])('when the token carries %s, then the call passes', async (_what, scope) => {
    const res = await request(appWith({ client_id: 'app-1', scope })).get('/t').set('Authorization', `Bearer ${TOKEN}`);
    expect(res.status).toBe(200);
  });
});
