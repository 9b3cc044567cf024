import fs from 'node:fs';
import path from 'node:path';
import express from 'express';
import request from 'supertest';
import * as pathToRegexpModule from 'path-to-regexp';
import * as OpenApiValidator from 'express-openapi-validator';

/**
 * patches/express-openapi-validator+5.6.2.patch (applied by patch-package on install) backports
 * the library's open pull request #1217: the route look-up compiles each route's path-to-regexp
 * matcher once instead of on every request. The library's behaviour must not change.
 */
describe('express-openapi-validator route matchers (patched)', () => {
  const spec = {
    openapi: '3.0.3',
    info: { title: 't', version: '1' },
    servers: [{ url: '/api' }],
    paths: {
      '/v1/accounts/{acctId}': {
        get: {
          parameters: [{ name: 'acctId', in: 'path', required: true, schema: { type: 'string', pattern: '^[0-9]{4,10}$' } }],
          responses: { '200': { description: 'ok' } },
        },
      },
      '/v1/transfers': { post: { requestBody: { content: { 'application/json': { schema: { type: 'object', required: ['amt'], properties: { amt: { type: 'number' } } } } } }, responses: { '200': { description: 'ok' } } } },
    },
  };

  function app() {
    const a = express();
    a.use(express.json());
    a.use(OpenApiValidator.middleware({ apiSpec: spec as never, validateRequests: true, validateResponses: false, fileUploader: false }));
    a.get('/api/v1/accounts/:acctId', (req, res) => res.json({ acctId: req.params.acctId }));
    a.post('/api/v1/transfers', (req, res) => res.json({ amt: req.body.amt }));
    a.use((err: { status?: number; message: string }, _req: express.Request, res: express.Response, _next: express.NextFunction) => {
      res.status(err.status ?? 500).json({ message: err.message });
    });
    return a;
  }

  it('the patch is the one patch-package applies to the installed version', () => {
    const installed = JSON.parse(fs.readFileSync(require.resolve('express-openapi-validator/package.json'), 'utf8')).version;
    expect(fs.existsSync(path.join('patches', `express-openapi-validator+${installed}.patch`))).toBe(true);
  });

  it('when many requests are validated, then each route is compiled once, not once per request', async () => {
    const a = app();
    const spy = jest.spyOn(pathToRegexpModule, 'pathToRegexp');
    try {
      for (let i = 0; i < 10; i++) {
        expect((await request(a).get(`/api/v1/accounts/${1000 + i}`)).status).toBe(200);
        expect((await request(a).post('/api/v1/transfers').send({ amt: i })).status).toBe(200);
      }
      // the library's look-up scans the routes in order: at most one compilation per route
      expect(spy.mock.calls.length).toBeGreaterThan(0);
      expect(spy.mock.calls.length).toBeLessThanOrEqual(2);
    } finally {
      spy.mockRestore();
    }
  });

  it('when the cached matchers are reused, then path parameters, validation errors and unknown paths answer as before', async () => {
    const a = app();
    const ok = await request(a).get('/api/v1/accounts/123456');
    expect(ok.body).toEqual({ acctId: '123456' });
    const again = await request(a).get('/api/v1/accounts/654321');
    expect(again.body).toEqual({ acctId: '654321' });
    const bad = await request(a).get('/api/v1/accounts/12ab');
    expect(bad.status).toBe(400);
    expect(bad.body.message).toMatch(/acctId/);
    const noAmt = await request(a).post('/api/v1/transfers').send({});
    expect(noAmt.status).toBe(400);
    expect(noAmt.body.message).toMatch(/amt/);
    expect((await request(a).get('/api/v1/nothing')).status).toBe(404);
    expect((await request(a).delete('/api/v1/transfers')).status).toBe(405);
  });
});
