import crypto from 'node:crypto';
import jwt from 'jsonwebtoken';
import request from 'supertest';
import { ClientRegistry, type ClientApp } from '../../src/auth/client-registry';
import { SecretHasher } from '../../src/auth/secret-hash';
import { SANDBOX_PEPPER } from '../../src/config/schema';
import { startGateway, DEMO_CLIENT_ID, DEMO_CLIENT_SECRET, type TestGateway } from '../helpers/gateway';
import { createTestApi } from '../fixtures/test-api/api';

const SECRET = 'client-secret-value-123';

async function registry(): Promise<ClientRegistry> {
  const hasher = new SecretHasher(SANDBOX_PEPPER);
  const hash = hasher.hash(SECRET);
  const mk = (clientId: string, over: Partial<ClientApp> = {}): ClientApp => ({
    clientId,
    name: clientId,
    secretHash: hash,
    status: 'active',
    apis: ['collections-management', 'transfers-management', 'facilito'],
    tier: 'gold',
    ...over,
  });
  return new ClientRegistry([
    mk(DEMO_CLIENT_ID, { secretHash: hasher.hash(DEMO_CLIENT_SECRET) }),
    mk('bronze-app', { tier: 'bronze' }),
    mk('facilito-only', { apis: ['facilito'] }),
    mk('revoked-app', { status: 'revoked' }),
    mk('other-app'),
  ], { hasher });
}

describe('the gateway policy chain, through the whole app', () => {
  let t: TestGateway;
  const api = createTestApi();
  const echo = (body: unknown, headers: Record<string, string> = {}) =>
    t.auth().then((auth) => request(t.app).post('/test-api/v1/echo').set(auth).set('X-Invoker-Channel', '012').set(headers).send(body as object));

  beforeAll(async () => {
    t = await startGateway(
      {
        log: { level: 'debug' },
        policies: { rateLimit: { tiers: { gold: 10000, bronze: 3 } }, cors: { origins: ['https://portal.bank.example'] } },
      },
      { apis: [api], clients: await registry() },
    );
  });
  afterAll(() => t.close());

  describe('operational endpoints', () => {
    it('when /health is called without credentials, then 200 UP', async () => {
      const res = await request(t.app).get('/health');
      expect(res.status).toBe(200);
      expect(res.body.status).toBe('UP');
    });

    it('when /ready is called, then it shows the profile and every back end breaker state', async () => {
      const res = await request(t.app).get('/ready');
      expect(res.status).toBe(200);
      expect(res.body.status).toBe('READY');
      expect(Object.keys(res.body.backends).sort()).toEqual(['agreements', 'bankmaster', 'decisionEngine', 'investmentFunds', 'opencard', 'starlt', 'transfiya']);
      expect(res.body.backends.bankmaster).toEqual({ system: 'BANKMASTER', breaker: 'closed' });
    });

    it('when /metrics is scraped after traffic, then requests by route and status and breaker states are exported', async () => {
      await echo({ ref: 'metrics-1', amt: 1 });
      const res = await request(t.app).get('/metrics');
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toMatch(/text\/plain/);
      expect(res.text).toMatch(/gateway_requests_total\{api="collections-management",route="echo",method="POST",status="200"\} \d+/);
      expect(res.text).toMatch(/gateway_request_duration_seconds_bucket\{le="0.005",api="collections-management",route="echo"/);
      expect(res.text).toMatch(/gateway_breaker_state\{backend="bankmaster"\} 0/);
    });
  });

  describe('OAuth 2.0 client-credentials grant', () => {
    it('when the client authenticates with HTTP Basic, then a Bearer JWT with iss, aud, exp, iat, jti and client_id', async () => {
      const res = await request(t.app).post('/oauth/token').auth('other-app', SECRET).type('form').send({ grant_type: 'client_credentials' });
      expect(res.status).toBe(200);
      expect(res.headers['cache-control']).toBe('no-store');
      expect(res.body).toMatchObject({ token_type: 'Bearer', expires_in: 3600 });
      const claims = jwt.decode(res.body.access_token) as jwt.JwtPayload;
      expect(claims).toMatchObject({ client_id: 'other-app', iss: t.config.auth.issuer, aud: t.config.auth.audience });
      expect(claims.jti).toBeDefined();
      expect(claims.exp! - claims.iat!).toBe(3600);
    });

    it('when the client authenticates with form fields, then a token is issued', async () => {
      const res = await request(t.app).post('/oauth/token').type('form').send({ grant_type: 'client_credentials', client_id: 'other-app', client_secret: SECRET });
      expect(res.status).toBe(200);
    });

    it('when the grant type is not client_credentials, then 400 unsupported_grant_type in the envelope', async () => {
      const res = await request(t.app).post('/oauth/token').auth('other-app', SECRET).type('form').send({ grant_type: 'password' });
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ error: 'unsupported_grant_type', responseType: { value: 'ER' }, responseDetail: { errorCode: 'GW-400-11' } });
    });

    it('when the secret is wrong, then 401 invalid_client with a Basic challenge', async () => {
      const res = await request(t.app).post('/oauth/token').auth('other-app', 'nope').type('form').send({ grant_type: 'client_credentials' });
      expect(res.status).toBe(401);
      expect(res.headers['www-authenticate']).toMatch(/^Basic/);
      expect(res.body).toMatchObject({ error: 'invalid_client', responseDetail: { errorCode: 'GW-401-02' } });
    });

    it('when the body is JSON instead of a form, then 400 invalid_request', async () => {
      const res = await request(t.app).post('/oauth/token').auth('other-app', SECRET).send({ grant_type: 'client_credentials' });
      expect(res.status).toBe(400);
      expect(res.body.error).toBe('invalid_request');
    });

    it('when a revoked client asks for a token, then 400 unauthorized_client', async () => {
      const res = await request(t.app).post('/oauth/token').auth('revoked-app', SECRET).type('form').send({ grant_type: 'client_credentials' });
      expect(res.status).toBe(400);
      expect(res.body.error).toBe('unauthorized_client');
    });
  });

  describe('client-id enforcement', () => {
    const call = (headers: Record<string, string>) => request(t.app).get('/test-api/v1/accounts/1234567890').set(headers);

    it('when client_id and client_secret are missing, then 401 naming both headers', async () => {
      const res = await call({});
      expect(res.status).toBe(401);
      expect(res.body.responseDetail).toEqual({ errorCode: 'GW-401-01', errorDesc: 'client_id and client_secret headers are required', errorType: 'SEC' });
    });

    it('when the secret is wrong, then 401', async () => {
      const res = await call({ client_id: 'other-app', client_secret: 'wrong' });
      expect(res.status).toBe(401);
      expect(res.body.responseDetail.errorCode).toBe('GW-401-02');
    });

    it('when the client is revoked, then 403', async () => {
      const res = await call({ client_id: 'revoked-app', client_secret: SECRET });
      expect(res.status).toBe(403);
      expect(res.body.responseDetail.errorCode).toBe('GW-403-01');
    });

    it('when the client is not contracted to the API, then 403 naming the API', async () => {
      const res = await call({ client_id: 'facilito-only', client_secret: SECRET });
      expect(res.status).toBe(403);
      expect(res.body.responseDetail.errorDesc).toMatch(/not contracted to the collections-management API/);
    });
  });

  describe('JWT validation', () => {
    const creds = { client_id: 'other-app', client_secret: SECRET };
    const call = (authorization?: string) => {
      const r = request(t.app).get('/test-api/v1/accounts/1234567890').set(creds);
      return authorization ? r.set('Authorization', authorization) : r;
    };

    it('when the token is missing, then 401 asking for a Bearer token', async () => {
      const res = await call();
      expect(res.status).toBe(401);
      expect(res.body.responseDetail.errorCode).toBe('GW-401-03');
    });

    it('when the scheme is not Bearer, then 401', async () => {
      const res = await call('Basic abc');
      expect(res.status).toBe(401);
      expect(res.body.responseDetail.errorDesc).toMatch(/Bearer/);
    });

    it('when the token was issued to another client, then 403', async () => {
      const res = await call(`Bearer ${await t.token(DEMO_CLIENT_ID, DEMO_CLIENT_SECRET)}`);
      expect(res.status).toBe(403);
      expect(res.body.responseDetail.errorCode).toBe('GW-403-03');
    });

    it('when the token is signed by someone else, then 401', async () => {
      const key = crypto.generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
      const forged = jwt.sign({ client_id: 'other-app' }, key, { algorithm: 'RS256', issuer: t.config.auth.issuer, audience: t.config.auth.audience, expiresIn: 60 });
      const res = await call(`Bearer ${forged}`);
      expect(res.status).toBe(401);
      expect(res.body.responseDetail.errorDesc).toMatch(/signature/);
    });

    it('when the token has expired, then 401 TOKEN_EXPIRED', async () => {
      const client = t.gw.services.clients.get('other-app')!;
      const { token } = t.gw.services.tokens.issue(client, -30);
      const res = await call(`Bearer ${token}`);
      expect(res.status).toBe(401);
      expect(res.body.responseDetail.errorCode).toBe('GW-401-05');
    });

    it('when a valid token of the caller is sent, then the call reaches the core', async () => {
      const res = await call(`Bearer ${await t.token('other-app', SECRET)}`);
      expect(res.status).toBe(200);
      expect(res.body.acctId).toBe('40010000001');
    });
  });

  describe('rate limiting by SLA tier', () => {
    it('when a bronze client exceeds its limit, then 429 in the envelope with RateLimit headers and Retry-After', async () => {
      const headers = { client_id: 'bronze-app', client_secret: SECRET, Authorization: `Bearer ${await t.token('bronze-app', SECRET)}` };
      const statuses: number[] = [];
      let last;
      for (let i = 0; i < 4; i++) {
        last = await request(t.app).get('/test-api/v1/accounts/1234567890').set(headers);
        statuses.push(last.status);
      }
      expect(statuses).toEqual([200, 200, 200, 429]);
      expect(last!.headers['ratelimit-limit']).toBe('3');
      expect(last!.headers['ratelimit-remaining']).toBe('0');
      expect(last!.headers['retry-after']).toBeDefined();
      expect(last!.body.responseDetail.errorCode).toBe('GW-429-01');
    });
  });

  describe('body handling and contract validation (APIKit statuses)', () => {
    it('when several fields and a header are wrong, then 400 naming every one of them', async () => {
      const auth = await t.auth();
      const res = await request(t.app)
        .post('/test-api/v1/echo')
        .set(auth)
        .set('X-Invoker-UserIPAddress', '999.1.1.1')
        .send({ amt: 'ten', extra: true });
      expect(res.status).toBe(400);
      const d = res.body.responseDetail.errorDesc as string;
      expect(d).toMatch(/header X-Invoker-Channel is required/i);
      expect(d).toMatch(/header X-Invoker-UserIPAddress is not valid: IPv4 or IPv6 address/);
      expect(d).toMatch(/field ref is required/);
      expect(d).toMatch(/field amt must be number/);
      expect(d).toMatch(/field extra is not allowed/);
      expect(res.body.responseDetail.errorType).toBe('APIKIT');
    });

    it('when an amount has three decimals, then it is refused; with two it is exact', async () => {
      const bad = await echo({ ref: 'amt-3', amt: 10.123 });
      expect(bad.status).toBe(400);
      expect(bad.body.responseDetail.errorDesc).toMatch(/field amt must be a positive amount with at most 2 decimals/i);
      const good = await echo({ ref: 'amt-2', amt: 100.29 });
      expect(good.status).toBe(200);
      expect(good.body.amt).toBe(100.29);
    });

    it('when a string is sent where a number is expected, then it is not coerced', async () => {
      const res = await echo({ ref: 'coerce', amt: '10' });
      expect(res.status).toBe(400);
    });

    it('when the JSON is malformed, then 400 without parser internals', async () => {
      const res = await echo('{"ref": "x", ', { 'Content-Type': 'application/json' });
      expect(res.status).toBe(400);
      expect(res.body.responseDetail).toEqual({ errorCode: 'GW-400-02', errorDesc: 'The request body is not valid JSON', errorType: 'APIKIT' });
    });

    it('when the body is empty, then 400 saying a body is required', async () => {
      const auth = await t.auth();
      const res = await request(t.app).post('/test-api/v1/echo').set(auth).set('X-Invoker-Channel', '012').set('Content-Type', 'application/json');
      expect(res.status).toBe(400);
      expect(res.body.responseDetail.errorCode).toBe('GW-400-03');
    });

    it('when the body exceeds the size limit, then 413 in the envelope', async () => {
      const res = await echo({ ref: 'big', amt: 1, note: 'x'.repeat(200_000) });
      expect(res.status).toBe(413);
      expect(res.body.responseDetail.errorCode).toBe('GW-413-01');
    });

    it('when the body is not JSON, then 415', async () => {
      const auth = await t.auth();
      const res = await request(t.app).post('/test-api/v1/echo').set(auth).set('X-Invoker-Channel', '012').set('Content-Type', 'text/plain').send('ref=x');
      expect(res.status).toBe(415);
      expect(res.body.responseDetail.errorCode).toBe('GW-415-01');
    });

    it('when the body is a multipart form, then 415 and nothing is parsed as a file upload', async () => {
      const auth = await t.auth();
      const res = await request(t.app)
        .post('/test-api/v1/echo')
        .set(auth)
        .set('X-Invoker-Channel', '012')
        .field('ref', 'x')
        .attach('file', Buffer.from('{"ref":"x","amt":1}'), 'body.json');
      expect(res.status).toBe(415);
      expect(res.body.responseDetail.errorCode).toBe('GW-415-01');
      expect(res.body.responseDetail.errorDesc).toBe('Unsupported media type: send application/json');
    });

    it('when the client accepts only HTML, then 406', async () => {
      const res = await echo({ ref: 'acc', amt: 1 }, { Accept: 'text/html' });
      expect(res.status).toBe(406);
    });

    it('when the path is unknown in an API, then 404 in the envelope', async () => {
      const res = await request(t.app).get('/test-api/v1/nothing-here').set(await t.auth());
      expect(res.status).toBe(404);
      expect(res.body.responseType).toEqual({ value: 'ER' });
    });

    it('when the method is wrong, then 405 with Allow', async () => {
      const res = await request(t.app).delete('/test-api/v1/echo').set(await t.auth());
      expect(res.status).toBe(405);
      expect(res.headers.allow).toMatch(/POST/i);
      expect(res.body.responseDetail.errorCode).toBe('GW-405-01');
    });

    it('when the path is outside every API, then 404 in the envelope', async () => {
      const res = await request(t.app).get('/nowhere');
      expect(res.status).toBe(404);
      expect(res.body.responseDetail.errorCode).toBe('GW-404-01');
    });

    it('when the body breaks a JSON threat limit, then 400 naming the limit', async () => {
      let nested: Record<string, unknown> = {};
      const root = nested;
      for (let i = 0; i < 30; i++) {
        nested.n = {};
        nested = nested.n as Record<string, unknown>;
      }
      const res = await echo({ ref: 'deep', amt: 1, nested: root });
      expect(res.status).toBe(400);
      expect(res.body.responseDetail.errorCode).toBe('GW-400-05');
      expect(res.body.responseDetail.errorDesc).toMatch(/deeper than 20 levels/);
    });

    it('when a response drifts from the contract, then it is caught (500 in the test profile)', async () => {
      const res = await request(t.app).get('/test-api/v1/drift').set(await t.auth());
      expect(res.status).toBe(500);
    });

    it('when a handler throws an internal error, then a generic 500 with no exception text, and the detail is logged', async () => {
      const res = await request(t.app).get('/test-api/v1/boom').set(await t.auth());
      expect(res.status).toBe(500);
      expect(JSON.stringify(res.body)).not.toMatch(/db01|ECONNREFUSED|stack|at /);
      expect(res.body.responseDetail).toEqual({ errorCode: 'GW-500-01', errorDesc: 'Internal gateway error', errorType: 'GTW' });
      expect(t.rawLog()).toMatch(/db01\.bank\.internal/);
    });
  });

  describe('banking-correspondent X-Invoker profile', () => {
    it('when a pinned header is wrong, then 400 naming the header and its fixed value', async () => {
      const res = await request(t.app)
        .post('/test-api/v1/correspondent')
        .set(await t.auth())
        .set({
          'x-invoker-channel': '13',
          'X-INVOKER-BRANCHID': '1108',
          'X-Invoker-Country': 'CO',
          'X-Invoker-subChannel': '06',
          'X-Invoker-User': 'NEWCBSER',
          'X-Invoker-TxId': 'APIF4087320000000001',
          'X-Invoker-ProcessId': '020000000001',
        })
        .send({ a: 1 });
      expect(res.status).toBe(400);
      expect(res.body.responseDetail.errorDesc).toBe('Header X-Invoker-subChannel must be 07 for banking-correspondent collection');
    });
  });

  describe('idempotency', () => {
    it('when the same request is repeated, then the first answer is replayed and the operation ran once', async () => {
      const first = await echo({ ref: 'idem-1', amt: 5 });
      const second = await echo({ amt: 5, ref: 'idem-1' });
      expect(first.status).toBe(200);
      expect(second.status).toBe(200);
      expect(second.body).toEqual(first.body);
      expect(second.headers['idempotent-replayed']).toBe('true');
      expect(api.executions.get('idem-1')).toBe(1);
    });

    it('when the same reference comes with another body, then 422 and nothing runs', async () => {
      await echo({ ref: 'idem-2', amt: 5 });
      const res = await echo({ ref: 'idem-2', amt: 6 });
      expect(res.status).toBe(422);
      expect(res.body.responseDetail.errorCode).toBe('GW-422-01');
      expect(api.executions.get('idem-2')).toBe(1);
    });

    it('when two identical requests race, then the operation runs once and both get its answer', async () => {
      const [a, b] = await Promise.all([echo({ ref: 'idem-3', amt: 7, delayMs: 150 }), echo({ ref: 'idem-3', amt: 7, delayMs: 150 })]);
      expect([a.status, b.status]).toEqual([200, 200]);
      expect(a.body).toEqual(b.body);
      expect(api.executions.get('idem-3')).toBe(1);
    });

    it('when an Idempotency-Key header is sent, then it is the key', async () => {
      const k = { 'Idempotency-Key': 'key-abc-1' };
      await echo({ ref: 'idem-4a', amt: 1 }, k);
      const res = await echo({ ref: 'idem-4b', amt: 1 }, k);
      expect(res.status).toBe(422);
    });

    it('when a repeat changes only the Idempotency-Key, then the transaction reference still catches it', async () => {
      await echo({ ref: 'idem-6', amt: 1 }, { 'Idempotency-Key': 'key-6a' });
      const res = await echo({ ref: 'idem-6', amt: 1 }, { 'Idempotency-Key': 'key-6b' });
      expect(res.status).toBe(200);
      expect(res.headers['idempotent-replayed']).toBe('true');
      expect(api.executions.get('idem-6')).toBe(1);
    });

    it('when the Idempotency-Key is malformed, then 400', async () => {
      const res = await echo({ ref: 'idem-5', amt: 1 }, { 'Idempotency-Key': 'x'.repeat(200) });
      expect(res.status).toBe(400);
      expect(res.body.responseDetail.errorCode).toBe('GW-400-06');
    });
  });

  describe('message logging', () => {
    it('when a request carries secrets and personal data, then the log has none of them but has the request line', async () => {
      const token = (await t.auth()).Authorization.slice(7);
      await request(t.app)
        .post('/test-api/v1/echo')
        .set(await t.auth())
        .set('X-Invoker-Channel', '012')
        .set('X-Invoker-TxId', 'TX-LOG-0001')
        .set('X-Ident-DeviceFingerPrint', 'fp-device-4f9a2b')
        .send({ ref: 'log-1', amt: 1, note: 'OTP 834201 for card 4111111111111111', nested: { OTP: '834201', acctId: '24517151999', identSerialNum: '1234567890' } });
      await request(t.app).get('/test-api/v1/accounts/1234567890').set(await t.auth());
      const raw = t.rawLog();
      for (const secret of [DEMO_CLIENT_SECRET, token, token.split('.')[2], '834201', '4111111111111111', '24517151999', '1234567890', 'fp-device-4f9a2b']) {
        expect(raw).not.toContain(secret);
      }
      const line = t.logs.find((l) => l.correlationId === 'TX-LOG-0001')!;
      expect(line).toMatchObject({ clientId: DEMO_CLIENT_ID, api: 'collections-management', operation: 'echo', method: 'POST', status: 200 });
      expect(typeof line.latencyMs).toBe('number');
      const lookup = t.logs.find((l) => l.operation === 'account' && l.status === 200)!;
      expect(lookup.upstream).toEqual([expect.objectContaining({ system: 'bankmaster', operation: 'main-account', status: 200 })]);
    });

    it('when X-Invoker-TxId is sent, then it is the correlation id and is returned', async () => {
      const res = await echo({ ref: 'corr-1', amt: 1 }, { 'X-Invoker-TxId': 'APIF4087320000000009' });
      expect(res.headers['x-correlation-id']).toBe('APIF4087320000000009');
      const generated = await echo({ ref: 'corr-2', amt: 1 });
      expect(generated.headers['x-correlation-id']).toMatch(/^[0-9a-f-]{36}$/);
    });
  });

  describe('security headers and CORS', () => {
    const API_SET = {
      'cache-control': 'no-store',
      'content-security-policy': "default-src 'none';frame-ancestors 'none'",
      'strict-transport-security': 'max-age=31536000; includeSubDomains',
      'x-content-type-options': 'nosniff',
      'x-frame-options': 'DENY',
    };
    const DOCUMENT_ONLY = ['cross-origin-opener-policy', 'cross-origin-resource-policy', 'origin-agent-cluster', 'referrer-policy', 'x-dns-prefetch-control', 'x-download-options', 'x-permitted-cross-domain-policies', 'x-xss-protection'];

    it.each([
      ['an API answer', () => echo({ ref: 'hdr-1', amt: 1 }), 200],
      ['an API error', async () => request(t.app).get('/test-api/v1/nothing-here').set(await t.auth()), 404],
      ['a refused call', () => request(t.app).get('/test-api/v1/accounts/1234567890'), 401],
      ['an operational answer', () => request(t.app).get('/health'), 200],
    ])('when %s is sent, then it carries the OWASP REST set (no-store, CSP none, DENY, HSTS, nosniff) and no HTML-document header', async (_n, send, status) => {
      const res = await send();
      expect(res.status).toBe(status);
      expect(res.headers).toMatchObject(API_SET);
      for (const h of DOCUMENT_ONLY) expect(res.headers[h]).toBeUndefined();
      expect(res.headers['x-powered-by']).toBeUndefined();
    });

    it("when a portal page or file is served, then it carries helmet's HTML set, no CSP, and the portal's own caching", async () => {
      const page = await request(t.app).get('/docs');
      expect(page.status).toBe(200);
      expect(page.headers['content-security-policy']).toBeUndefined();
      expect(page.headers['cache-control']).toBe('no-cache');
      expect(page.headers['x-frame-options']).toBe('SAMEORIGIN');
      expect(page.headers['referrer-policy']).toBe('no-referrer');
      expect(page.headers['x-content-type-options']).toBe('nosniff');
      const css = await request(t.app).get('/docs/assets/swagger-ui/swagger-ui.css');
      expect(css.headers['cache-control']).toBe('public, max-age=86400');
      const script = await request(t.app).get('/docs/assets/portal.js');
      expect(script.status).toBe(200);
      expect(script.headers['cache-control']).toBeUndefined();
    });

    it('when an allowed origin calls, then CORS allows it; another origin is not allowed', async () => {
      const ok = await request(t.app).options('/test-api/v1/echo').set('Origin', 'https://portal.bank.example').set('Access-Control-Request-Method', 'POST');
      expect(ok.headers['access-control-allow-origin']).toBe('https://portal.bank.example');
      const no = await request(t.app).options('/test-api/v1/echo').set('Origin', 'https://evil.example').set('Access-Control-Request-Method', 'POST');
      expect(no.headers['access-control-allow-origin']).toBeUndefined();
    });
  });
});
