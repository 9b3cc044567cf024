import fs from 'node:fs';
import path from 'node:path';
import request from 'supertest';
import { loadConfig } from '../../src/gateway-config';
import { coreSchema } from '../../src/config/schema';
import { attachSandbox } from '../../src/sandbox/attach';
import { startGateway, SANDBOX_ADMIN, type TestGateway } from '../helpers/gateway';
import { MARIA, facilito } from './facilito-helpers';

describe('the sandbox admin API needs the sandbox admin credentials', () => {
  let t: TestGateway;
  beforeAll(async () => {
    t = await startGateway();
  });
  afterAll(() => t.close());
  afterEach(() => t.sandbox.faults.clear());

  it.each([
    ['no credentials', (r: request.Test) => r],
    ['a wrong password', (r: request.Test) => r.auth(SANDBOX_ADMIN[0], 'guess')],
    ['the demo client instead', (r: request.Test) => r.auth('sandbox-demo-client', 'sandbox-demo-secret-change-me')],
    ['a Bearer token', (r: request.Test) => r.set('Authorization', 'Bearer abc.def.ghi')],
  ])('when the OTP box is read with %s, then 401 in the envelope with a Basic challenge and no OTP', async (_what, withAuth) => {
    await facilito(t).requestOtp({ IDcuenta: MARIA.acct, Valor: 10 });
    const res = await withAuth(request(t.app).get(`/sandbox/otp/${MARIA.acct}`));
    expect(res.status).toBe(401);
    expect(res.headers['www-authenticate']).toBe('Basic realm="sandbox-admin"');
    expect(res.body).toEqual({ responseType: { value: 'ER' }, responseDetail: expect.objectContaining({ errorCode: 'GW-401-06', errorType: 'SEC' }) });
    expect(JSON.stringify(res.body)).not.toMatch(/"otp"/);
  });

  it('when faults are queued or cleared without credentials, then 401 and nothing changes', async () => {
    const queued = await request(t.app).post('/sandbox/faults').send({ backend: 'bankmaster', fault: 'error-500', times: 5 });
    expect(queued.status).toBe(401);
    expect(t.sandbox.faults.pending()).toHaveLength(0);
    await request(t.app).post('/sandbox/faults').auth(...SANDBOX_ADMIN).send({ backend: 'bankmaster', fault: 'delay', arg: 1, times: 1 });
    expect((await request(t.app).delete('/sandbox/faults')).status).toBe(401);
    expect((await request(t.app).get('/sandbox/faults')).status).toBe(401);
    expect(t.sandbox.faults.pending()).toHaveLength(1);
  });

  it('when the admin credentials are given, then the OTP box and the fault queue answer', async () => {
    await facilito(t).requestOtp({ IDcuenta: MARIA.acct, Valor: 10 });
    const otp = await request(t.app).get(`/sandbox/otp/${MARIA.acct}`).auth(...SANDBOX_ADMIN);
    expect(otp.status).toBe(200);
    expect(otp.body.otp).toMatch(/^[0-9]{6}$/);
    expect((await request(t.app).post('/sandbox/faults').auth(...SANDBOX_ADMIN).send({ backend: 'bankmaster', fault: 'error-500' })).status).toBe(201);
  });

  it('when the portal documents fault injection and the OTP box, then it names the admin credentials', async () => {
    const home = await request(t.app).get('/docs');
    expect(home.status).toBe(200);
    expect(home.text).toContain(`-u ${SANDBOX_ADMIN[0]}:${SANDBOX_ADMIN[1]}`);
  });

  it('when the admin secret is set by env, then only that one is accepted', async () => {
    const config = loadConfig({ env: 'test', environment: { GATEWAY_SANDBOX_ADMIN_SECRET: 'another-admin-secret' } });
    expect(config.sandbox.adminSecret).toBe('another-admin-secret');
    const other = await startGateway({ sandbox: { adminSecret: 'another-admin-secret' } });
    try {
      expect((await request(other.app).get('/sandbox/faults').auth(...SANDBOX_ADMIN)).status).toBe(401);
      expect((await request(other.app).get('/sandbox/faults').auth(SANDBOX_ADMIN[0], 'another-admin-secret')).status).toBe(200);
    } finally {
      await other.close();
    }
  });
});

describe('where the sandbox listens', () => {
  it('when the sandbox or test profile starts with no HOST, then it binds 127.0.0.1; HOST overrides; qa and prod keep the 0.0.0.0 default', () => {
    expect(loadConfig({ env: 'sandbox', environment: {} }).server.host).toBe('127.0.0.1');
    expect(loadConfig({ env: 'test', environment: {} }).server.host).toBe('127.0.0.1');
    expect(loadConfig({ env: 'sandbox', environment: { HOST: '0.0.0.0' } }).server.host).toBe('0.0.0.0');
    expect(coreSchema.server.host.default).toBe('0.0.0.0');
    for (const profile of ['qa', 'prod']) expect(fs.readFileSync(path.join(__dirname, '..', '..', 'config', `${profile}.json`), 'utf8')).not.toMatch(/"host"/);
  });

  it('when the image is built, then it sets HOST=0.0.0.0 itself (a container must listen on its interface)', () => {
    const dockerfile = fs.readFileSync(path.join(__dirname, '..', '..', 'Dockerfile'), 'utf8');
    expect(dockerfile).toMatch(/^\s+HOST=0\.0\.0\.0 \\$/m);
  });

  it('when the sandbox starts, then the banner prints the admin credentials like the demo client', async () => {
    const attached = await attachSandbox(loadConfig({ env: 'sandbox', environment: {} }));
    try {
      expect(attached.bannerLines('http://127.0.0.1:8081').join('\n')).toContain(`${SANDBOX_ADMIN[0]}:${SANDBOX_ADMIN[1]}`);
    } finally {
      await attached.sandbox.close();
    }
  });
});
